using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace OrgTracker.Web.Data;

/// <summary>
/// Figures computed from the database and kept until any table they are read from changes in their state, or until
/// the clock leaves the stretch of time in which they mean the same (the dashboard's: the day in India). Never stale, so never a
/// trade of correctness for speed: every request asks the database, in one short statement, whether a transaction
/// that wrote one of those tables (figure_changes, noted by a trigger on each, whoever writes) committed after the
/// snapshot the figures were computed from.
/// </summary>
/// <remarks>
/// The snapshot is taken before the figures are read (each of their statements sees it or a later one), so a change
/// that committed during the computation marks them out of date too, and the next request computes them again.
/// </remarks>
public sealed class KeptFigures(IMemoryCache memory, TimeProvider clock)
{
    /// <summary>Figures (or their computation, still running) and the snapshot taken just before it began.</summary>
    private sealed record Kept(Task<object> Figures, string Snapshot, DateTime FromUtc, DateTime UntilUtc);

    /// <summary>Columns snapshot and is_current (the names follow the model's snake case).</summary>
    private sealed record Check(string Snapshot, bool IsCurrent);

    /// <summary>
    /// The figures kept under <paramref name="key"/> if nothing of <paramref name="stateId"/> they could depend on
    /// changed since and the clock is still in the <paramref name="window"/> they were computed in (the stretch of time in
    /// which they mean the same); else <paramref name="compute"/>'s, kept from now. Requests that come while they are
    /// computed wait for them rather than compute them again, as long as nothing changed since their snapshot.
    /// </summary>
    public async Task<T> GetAsync<T>(AppDbContext db, string key, int stateId, (DateTime FromUtc, DateTime UntilUtc) window, Func<Task<T>> compute,
        CancellationToken ct) where T : class
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = memory.Get<Kept>(key) is { } k && k.FromUtc <= now && now < k.UntilUtc && !k.Figures.IsFaulted && !k.Figures.IsCanceled ? k : null;
        var snapshot = kept?.Snapshot;
        var check = await db.Database.SqlQuery<Check>($"""
            SELECT pg_current_snapshot()::text AS snapshot,
                   coalesce({snapshot}::pg_snapshot IS NOT NULL
                       AND pg_snapshot_xmin({snapshot}::pg_snapshot) >= coalesce((SELECT kept_from FROM figure_change_horizon), '0'::xid8)
                       AND NOT EXISTS (SELECT 1 FROM figure_changes c
                                       WHERE c.state_id IN (0, {stateId}) AND c.xid >= pg_snapshot_xmin({snapshot}::pg_snapshot)
                                         AND NOT pg_visible_in_snapshot(c.xid, {snapshot}::pg_snapshot)), false) AS is_current
            """).SingleAsync(ct);
        if (kept is not null && check.IsCurrent)
        {
            try
            {
                return (T)await kept.Figures.WaitAsync(ct);
            }
            catch (Exception) when (kept.Figures.IsFaulted || kept.Figures.IsCanceled)
            {
                // The request computing them failed or went away: this one computes them.
            }
        }
        var figures = ComputeAsync(compute);
        memory.Set(key, new Kept(figures, check.Snapshot, window.FromUtc, window.UntilUtc), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });
        return (T)await figures;
    }

    private static async Task<object> ComputeAsync<T>(Func<Task<T>> compute) where T : class => await compute();

    /// <summary>
    /// Forgets the changes every snapshot now taken sees: figures kept from an older snapshot are computed once more.
    /// Run by <see cref="FigureChangePruner"/>.
    /// </summary>
    public static Task PruneAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""
            INSERT INTO figure_change_horizon (kept_from) VALUES (pg_snapshot_xmin(pg_current_snapshot()))
            ON CONFLICT (one) DO UPDATE SET kept_from = excluded.kept_from;
            DELETE FROM figure_changes WHERE xid < (SELECT kept_from FROM figure_change_horizon);
            """, ct);
}

/// <summary>Keeps figure_changes short: every ten minutes, the changes that every snapshot sees are dropped.</summary>
public sealed class FigureChangePruner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FigureChangePruner> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await KeptFigures.PruneAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Pruning figure_changes failed; it is tried again in {Interval}", Interval);
            }
        }
    }
}
