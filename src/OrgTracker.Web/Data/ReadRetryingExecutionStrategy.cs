using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace OrgTracker.Web.Data;

/// <summary>
/// Retries an operation that fails on a transient database error (PostgreSQL restarting, a failover, a dropped
/// connection) — outside a transaction. Inside one (every save: the audit interceptor opens it; and the pages'
/// explicit transactions) the operation runs once: a failed commit may in fact have committed, and EF Core's
/// retry would then apply the change twice. Writes are made safe to repeat one level up instead, by the
/// submission's idempotency key (<see cref="IdempotencyFilter"/>): the user, or the browser, posts again and the
/// first answer is returned. See docs/reliability.md.
/// </summary>
public sealed class ReadRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(3), errorCodesToAdd: null)
{
    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation,
        Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        InTransaction ? operation(Dependencies.CurrentContext.Context, state) : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default) =>
        InTransaction ? operation(Dependencies.CurrentContext.Context, state, cancellationToken) : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
}
