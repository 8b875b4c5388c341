using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace OrgTracker.Web.Data;

/// <summary>
/// The database for pages that only read: dashboards, lists and exports (docs/operations.md, "Read replica"). The
/// same model as <see cref="AppDbContext"/>, untracked, on the read replica (<c>ORGTRACKER_DB_READ</c>) when one is
/// configured, up, within <see cref="ReadReplicaOptions.MaxLagSeconds"/> and has replayed the user's last write
/// (<see cref="ReadRouting"/>); on the primary otherwise. Never writes, wherever it is routed: its sessions are
/// read-only (<c>default_transaction_read_only</c>) and saving throws. A page that writes anything — on a POST or a
/// GET (audited reads, sessions) — takes <see cref="AppDbContext"/>.
/// </summary>
public sealed class ReadDb(DbContextOptions<ReadDb> options) : AppDbContext(options)
{
    private const string ReadOnly = "ReadDb never writes: take AppDbContext (the primary) in a page that saves.";

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw new InvalidOperationException(ReadOnly);

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(ReadOnly);

    // The read connection strings, made once per server and kind rather than parsed again for every request.
    private static readonly ConcurrentDictionary<(string Server, bool GenericPlans), string> ConnectionStrings = new();

    /// <summary>Registers ReadDb, the routing and the replica's monitor. <paramref name="primary"/> is ORGTRACKER_DB.</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration, string primary)
    {
        // Read when the options are first asked for, so that a host's late settings (the tests') count.
        services.AddOptions<ReadReplicaOptions>().Configure<IConfiguration>((o, c) =>
        {
            c.GetSection(ReadReplicaOptions.Section).Bind(o);
            o.ConnectionString = c["DB_READ"] is { Length: > 0 } read ? read : c.GetConnectionString("Read");
            o.PrimaryConnectionString = primary;
        });
        services.AddSingleton<ReplicaMonitor>();
        services.AddScoped<ReadRoute>();
        services.AddDbContext<ReadDb>((sp, o) =>
        {
            var options = sp.GetRequiredService<IOptions<ReadReplicaOptions>>().Value;
            var replica = sp.GetRequiredService<ReadRoute>().Replica;
            var genericPlans = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.GetEndpoint()?.Metadata.GetMetadata<GenericPlansAttribute>() is not null;
            o.UseNpgsql(ConnectionStrings.GetOrAdd((replica ? options.ConnectionString! : primary, genericPlans),
                    k => k.GenericPlans ? GenericPlans(ReadOnlySessions(k.Server)) : ReadOnlySessions(k.Server)),
                    npgsql => npgsql.ExecutionStrategy(deps => new ReadRetryingExecutionStrategy(deps)))
                .UseSnakeCaseNamingConvention()
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            // A replica that stops answering is taken out at once: the next requests read the primary.
            if (replica) o.AddInterceptors(sp.GetRequiredService<ReplicaMonitor>().FailureInterceptor);
        });
    }

    /// <summary>
    /// The connection string of the pages marked <see cref="GenericPlansAttribute"/>: a pool of its own whose
    /// statements are prepared on each connection once they are seen twice and planned once, for any values
    /// (<c>plan_cache_mode = force_generic_plan</c>), so that a repeated read is not planned again at every request.
    /// A pool of its own keeps the other pages' statements planned for their values.
    /// </summary>
    public static string GenericPlans(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, MaxPoolSize = 30 };
        b.Options = $"{b.Options} -c plan_cache_mode=force_generic_plan".Trim();
        return b.ConnectionString;
    }

    /// <summary>The connection string with every transaction read-only: a write through ReadDb fails on the primary too.</summary>
    private static string ReadOnlySessions(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        b.Options = $"{b.Options} -c default_transaction_read_only=on".Trim();
        return b.ConnectionString;
    }
}

public sealed class ReadReplicaOptions
{
    public const string Section = "ReadReplica";

    /// <summary>ORGTRACKER_DB_READ (or ConnectionStrings:Read); none: every read on the primary.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>ORGTRACKER_DB.</summary>
    public string PrimaryConnectionString { get; set; } = "";

    /// <summary>A replica further behind than this (seconds of replay) is left alone: reads go to the primary, /healthz says Degraded.</summary>
    public double MaxLagSeconds { get; set; } = 30;

    /// <summary>How long a measurement of the replica is used before it is taken again (seconds).</summary>
    public double RefreshSeconds { get; set; } = 1;

    /// <summary>How long a replica that did not answer is left alone before it is tried again (seconds).</summary>
    public double RetryDownSeconds { get; set; } = 10;

    public bool Configured => !string.IsNullOrWhiteSpace(ConnectionString);
}

/// <summary>
/// Marks a page whose reads have a fixed shape and run at every request (the dashboard): its <see cref="ReadDb"/>
/// keeps their plans across requests (<see cref="ReadDb.GenericPlans"/>). PostgreSQL spent about a third of its
/// time on the state dashboard planning its statements again each time (docs/performance.md, stop 27). Only for
/// statements whose best plan does not depend on the values: a generic plan does not see that a territory is large.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GenericPlansAttribute : Attribute;

/// <summary>Where this request's <see cref="ReadDb"/> reads. Set by <see cref="ReadRouting"/>; the primary unless it says otherwise.</summary>
public sealed class ReadRoute
{
    public bool Replica { get; set; }
}

/// <summary>A measurement of the replica: whether it answered as a standby, what it has replayed, how far behind it is.</summary>
public sealed record ReplicaState(bool Up, NpgsqlLogSequenceNumber ReplayLsn, double LagSeconds, long? LagBytes, string? Problem, long MeasuredAt)
{
    public static readonly ReplicaState Unknown = new(false, default, 0, null, "not measured yet", 0);
}

/// <summary>
/// The replica's state, measured at most once a second (<see cref="ReadReplicaOptions.RefreshSeconds"/>) on the
/// request path and shared by all requests; a request never waits for another's measurement. Timed on the
/// machine's monotonic clock (not the application's <see cref="TimeProvider"/>: this is about the servers, not about
/// dates in the data).
/// </summary>
public sealed class ReplicaMonitor(IOptions<ReadReplicaOptions> options, ILogger<ReplicaMonitor> log)
{
    private readonly SemaphoreSlim _measuring = new(1, 1);
    private volatile ReplicaState _state = ReplicaState.Unknown;

    public ReadReplicaOptions Options => options.Value;

    public ReplicaState Current => _state;

    /// <summary>Marks the replica down when a connection of ReadDb to it fails.</summary>
    public IInterceptor FailureInterceptor => new FailureWatch(this);

    /// <summary>
    /// The replica's state, measured again when the last measurement is older than the refresh interval, or has not
    /// replayed <paramref name="atLeast"/> yet (a user's last write). When another request is measuring, the last
    /// measurement (which can only understate the replay) is answered.
    /// </summary>
    public async Task<ReplicaState> StateAsync(NpgsqlLogSequenceNumber? atLeast, CancellationToken ct)
    {
        var state = _state;
        if (Fresh(state) && (atLeast is null || !state.Up || state.ReplayLsn >= atLeast.Value)) return state;
        if (!await _measuring.WaitAsync(0, ct)) return state;
        try
        {
            state = _state;
            if (Fresh(state) && (atLeast is null || !state.Up || state.ReplayLsn >= atLeast.Value)) return state;
            _state = state = await MeasureAsync(Options.ConnectionString!, pooled: true, ct);
            return state;
        }
        finally
        {
            _measuring.Release();
        }
    }

    /// <summary>Whether reads may go to the replica for a user whose last write is <paramref name="lastWrite"/>.</summary>
    public bool Usable(ReplicaState state, NpgsqlLogSequenceNumber? lastWrite) =>
        state.Up && state.LagSeconds <= Options.MaxLagSeconds && (lastWrite is null || state.ReplayLsn >= lastWrite.Value);

    private bool Fresh(ReplicaState state)
    {
        if (state.MeasuredAt == 0) return false;
        var age = Stopwatch.GetElapsedTime(state.MeasuredAt).TotalSeconds;
        return age < (state.Up ? Options.RefreshSeconds : Options.RetryDownSeconds);
    }

    /// <summary>
    /// Asks the primary where its WAL is, then the replica what it has replayed. Lag in seconds: 0 when the replica
    /// has replayed up to the primary's position, else the age of the last commit it replayed — so a replica that
    /// stopped streaming (or follows another cluster) falls behind the bound as soon as the primary writes. Without an
    /// answer from the primary, the replica's own received position stands in for it. Never throws: a replica that
    /// does not answer, or is no standby, is down.
    /// </summary>
    public async Task<ReplicaState> MeasureAsync(string connectionString, bool pooled, CancellationToken ct)
    {
        NpgsqlLogSequenceNumber? primaryLsn = null;
        try
        {
            var pcs = new NpgsqlConnectionStringBuilder(Options.PrimaryConnectionString) { Timeout = 2, CommandTimeout = 2 };
            if (!pooled) pcs.Pooling = false;
            await using var conn = new NpgsqlConnection(pcs.ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT pg_current_wal_lsn()", conn);
            primaryLsn = (NpgsqlLogSequenceNumber)(await cmd.ExecuteScalarAsync(ct))!;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // The primary's own trouble shows everywhere else; the replica is judged by what it received.
        }
        try
        {
            var cs = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 2, CommandTimeout = 2 };
            if (!pooled) cs.Pooling = false;
            await using var conn = new NpgsqlConnection(cs.ConnectionString);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("""
                SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn(), pg_last_wal_receive_lsn(),
                       coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)::float8
                """, conn);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            if (!r.GetBoolean(0) || r.IsDBNull(1))
                return Down("not a standby (pg_is_in_recovery() is false)");
            var replay = r.GetFieldValue<NpgsqlLogSequenceNumber>(1);
            var target = primaryLsn ?? (r.IsDBNull(2) ? replay : r.GetFieldValue<NpgsqlLogSequenceNumber>(2));
            var lagSeconds = replay >= target ? 0 : Math.Max(0, r.GetDouble(3));
            long? lagBytes = primaryLsn is { } p ? (long)Math.Max(0, (decimal)(ulong)p - (ulong)replay) : null;
            return new ReplicaState(true, replay, lagSeconds, lagBytes, null, Stopwatch.GetTimestamp());
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            log.LogWarning("Read replica unreachable, reads go to the primary: {Error}", ex.Message);
            return Down(ex.Message);
        }
    }

    private static ReplicaState Down(string problem) => new(false, default, 0, null, problem, Stopwatch.GetTimestamp());

    private void MarkDown(string problem)
    {
        log.LogWarning("Read replica connection failed, reads go to the primary: {Error}", problem);
        _state = Down(problem);
    }

    private sealed class FailureWatch(ReplicaMonitor monitor) : DbConnectionInterceptor
    {
        public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) =>
            monitor.MarkDown(eventData.Exception.Message);

        public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            monitor.MarkDown(eventData.Exception.Message);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Chooses, per request, where <see cref="ReadDb"/> reads, and keeps read-your-writes: after a user's successful
/// non-GET request, the primary's WAL insert position (<c>pg_current_wal_insert_lsn()</c>, which covers every commit
/// made so far, flushed or not) goes into a cookie; a later GET reads the replica only once the replica has replayed
/// up to it (and is up and within the lag bound), the primary until then. The cookie lasts ten minutes, far beyond
/// the lag bound (after it, any replica within the bound has the write). A user who edits their cookie only changes
/// where their own reads come from: both servers hold the same data, and every query filters by the user's scope.
/// </summary>
public static class ReadRouting
{
    public const string Cookie = ".OrgTracker.Lsn";
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromMinutes(10);

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var monitor = context.RequestServices.GetRequiredService<ReplicaMonitor>();
        if (!monitor.Options.Configured)
        {
            await next();
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var lastWrite = context.Request.Cookies[Cookie] is { } v && NpgsqlLogSequenceNumber.TryParse(v, out var lsn) ? lsn : (NpgsqlLogSequenceNumber?)null;
            var state = await monitor.StateAsync(lastWrite, context.RequestAborted);
            context.RequestServices.GetRequiredService<ReadRoute>().Replica = monitor.Usable(state, lastWrite);
        }
        else if (!HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method))
        {
            context.Response.OnStarting(() => RememberWriteAsync(context, monitor));
        }
        await next();
    }

    private static async Task RememberWriteAsync(HttpContext context, ReplicaMonitor monitor)
    {
        if (context.Response.StatusCode >= 400) return;
        try
        {
            await using var conn = new NpgsqlConnection(monitor.Options.PrimaryConnectionString);
            await conn.OpenAsync(context.RequestAborted);
            await using var cmd = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()", conn);
            var lsn = (NpgsqlLogSequenceNumber)(await cmd.ExecuteScalarAsync(context.RequestAborted))!;
            context.Response.Cookies.Append(Cookie, lsn.ToString(), new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                MaxAge = CookieLifetime,
                IsEssential = true,
            });
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The write itself went through (or failed) on its own connection; without the position the user's
            // next reads may miss it on a lagging replica for a moment.
            context.RequestServices.GetRequiredService<ILogger<ReplicaMonitor>>()
                .LogWarning("Could not read the primary's WAL position after a write: {Error}", ex.Message);
        }
    }
}

/// <summary>
/// The replica on /healthz: Healthy with its lag (bytes behind the primary, seconds of replay), Degraded when it is
/// beyond <see cref="ReadReplicaOptions.MaxLagSeconds"/>, unreachable or no standby (reads then go to the primary, so
/// the application still works: never Unhealthy). Healthy with "not configured" without ORGTRACKER_DB_READ.
/// </summary>
public sealed class ReplicaHealthCheck(ReplicaMonitor monitor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = monitor.Options;
        if (!o.Configured) return HealthCheckResult.Healthy("not configured: every read on the primary");
        var state = await monitor.MeasureAsync(o.ConnectionString!, pooled: false, cancellationToken);
        // The reason is in the log (MeasureAsync), not on this anonymous page: it names hosts and ports.
        if (!state.Up) return HealthCheckResult.Degraded("replica unavailable, reads on the primary");
        var data = new Dictionary<string, object>
        {
            ["replay_lsn"] = state.ReplayLsn.ToString(),
            ["lag_seconds"] = Math.Round(state.LagSeconds, 3),
        };
        if (state.LagBytes is { } bytes) data["lag_bytes"] = bytes;
        return state.LagSeconds > o.MaxLagSeconds
            ? HealthCheckResult.Degraded($"replica {state.LagSeconds:0.#} s behind (bound {o.MaxLagSeconds} s), reads on the primary", data: data)
            : HealthCheckResult.Healthy("replica streaming", data);
    }
}
