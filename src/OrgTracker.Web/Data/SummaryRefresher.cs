using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data;

/// <summary>
/// Keeps booth coverage and vacancies (<see cref="Summaries"/>) in step with every saved change to booths,
/// appointments and committees, so that no page has to remember to. Each save notes which blocks and territories
/// it touched (the old block too, when a booth moves); just before the transaction commits, their summary rows are
/// recomputed on the same connection and transaction, once per block however many saves the transaction held.
/// </summary>
/// <remarks>
/// Registered after <see cref="AuditInterceptor"/>, which opens a transaction for any audited save; one is opened
/// here only when none runs yet. EF Core's own transaction for a save commits before <c>SavedChanges</c>, so the
/// refresh hangs on the commit of an explicit transaction instead.
/// </remarks>
public sealed class SummaryRefresher : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly HashSet<int> _blocks = [];
    private readonly HashSet<int> _territories = [];
    private (HashSet<int> Blocks, HashSet<int> Territories)? _saving;
    private IDbContextTransaction? _ownTransaction;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Affected(db) is { } affected)
        {
            _saving = affected;
            if (db.Database.CurrentTransaction is null) _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Affected(db) is { } affected)
        {
            _saving = affected;
            if (db.Database.CurrentTransaction is null) _ownTransaction = db.Database.BeginTransaction();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved();
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            await using (tx) await tx.CommitAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved();
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            using (tx) tx.Commit();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _saving = null;
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            await tx.DisposeAsync();
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        _saving = null;
        _ownTransaction?.Dispose();
        _ownTransaction = null;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_blocks.Count > 0 || _territories.Count > 0)
            await Summaries.RefreshAsync(transaction.Connection!, transaction, _blocks, _territories, cancellationToken);
        Clear();
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (_blocks.Count > 0 || _territories.Count > 0)
            Summaries.Refresh(transaction.Connection!, transaction, _blocks, _territories);
        Clear();
        return result;
    }

    // Nothing was saved: the summaries are as they were.
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Clear();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Clear();
        return Task.CompletedTask;
    }

    private void Saved()
    {
        if (_saving is not { } saved) return;
        _saving = null;
        _blocks.UnionWith(saved.Blocks);
        _territories.UnionWith(saved.Territories);
    }

    private void Clear()
    {
        _blocks.Clear();
        _territories.Clear();
    }

    /// <summary>
    /// The blocks whose coverage and the territories whose vacancies this save changes, before and after it;
    /// null when it changes none. A rolled-back savepoint may leave a block noted that did not change: recomputing
    /// it costs a little and changes nothing.
    /// </summary>
    private static (HashSet<int> Blocks, HashSet<int> Territories)? Affected(DbContext db)
    {
        HashSet<int> blocks = [], territories = [];
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (e.Entity)
            {
                case Territory when Changed(e, nameof(Territory.Level), nameof(Territory.BlockId), nameof(Territory.AssemblyConstituencyId),
                                        nameof(Territory.StateId), nameof(Territory.DivisionId), nameof(Territory.DistrictId)):
                    if (Either(e, nameof(Territory.Level), l => (TerritoryLevel)l! == TerritoryLevel.Booth))
                        AddBoth(e, nameof(Territory.BlockId), blocks);
                    break;
                case Appointment when Changed(e, nameof(Appointment.To), nameof(Appointment.PostId), nameof(Appointment.WingId),
                                          nameof(Appointment.TerritoryId), nameof(Appointment.BlockId)):
                    if (Either(e, nameof(Appointment.PostId), p => (int)p! == ReferenceData.BoothAgentPostId))
                        AddBoth(e, nameof(Appointment.BlockId), blocks);
                    // Booths have no vacancy cells: the refresh skips them.
                    AddBoth(e, nameof(Appointment.TerritoryId), territories);
                    break;
                case Committee when Changed(e, nameof(Committee.DissolvedOn), nameof(Committee.Kind), nameof(Committee.TerritoryId), nameof(Committee.BlockId)):
                    if (Either(e, nameof(Committee.Kind), k => (CommitteeKind)k! == CommitteeKind.Booth))
                        AddBoth(e, nameof(Committee.BlockId), blocks);
                    break;
            }
        }
        return blocks.Count > 0 || territories.Count > 0 ? (blocks, territories) : null;
    }

    private static bool Changed(EntityEntry e, params string[] properties) =>
        e.State != EntityState.Modified || properties.Any(p => e.Property(p) is { IsModified: true } x && !Equals(x.OriginalValue, x.CurrentValue));

    /// <summary>Whether the value before (if the record existed) or after (if it still exists) the save passes.</summary>
    private static bool Either(EntityEntry e, string property, Func<object?, bool> test)
    {
        var p = e.Property(property);
        return (e.State != EntityState.Added && test(p.OriginalValue)) || (e.State != EntityState.Deleted && test(p.CurrentValue));
    }

    private static void AddBoth(EntityEntry e, string property, HashSet<int> into)
    {
        var p = e.Property(property);
        if (e.State != EntityState.Added && p.OriginalValue is int before) into.Add(before);
        if (e.State != EntityState.Deleted && p.CurrentValue is int after) into.Add(after);
    }
}
