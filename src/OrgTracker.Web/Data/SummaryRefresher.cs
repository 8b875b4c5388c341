using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Data;

/// <summary>
/// Keeps booth coverage and vacancies (<see cref="Summaries"/>) in step with every saved change to booths,
/// appointments and committees (and the other summaries with theirs), so that no page has to remember to. Each save
/// notes which blocks and territories it touched (the old block too, when a booth moves); just before the transaction
/// commits, their summary rows are recomputed on the same connection and transaction, once per block however many
/// saves the transaction held.
/// </summary>
/// <remarks>
/// Registered after <see cref="AuditInterceptor"/>, which opens a transaction for any audited save; one is opened
/// here only when none runs yet. EF Core's own transaction for a save commits before <c>SavedChanges</c>, so the
/// refresh hangs on the commit of an explicit transaction instead.
/// </remarks>
public sealed class SummaryRefresher : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly SummaryChanges _changes = new();
    private SummaryChanges? _saving;
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
        if (!_changes.IsEmpty) await Summaries.RefreshAsync(transaction.Connection!, transaction, _changes, cancellationToken);
        Clear();
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (!_changes.IsEmpty) Summaries.Refresh(transaction.Connection!, transaction, _changes);
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
        _changes.UnionWith(saved);
    }

    private void Clear() => _changes.Clear();

    /// <summary>
    /// The blocks whose coverage, the territories whose vacancies, the units whose counts and the people whose
    /// attendance runs this save changes, before and after it; null when it changes none. A rolled-back savepoint
    /// may leave a key noted that did not change: recomputing it costs a little and changes nothing.
    /// </summary>
    private static SummaryChanges? Affected(DbContext db)
    {
        var c = new SummaryChanges();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (e.Entity)
            {
                case Territory when Changed(e, nameof(Territory.Level), nameof(Territory.BlockId), nameof(Territory.AssemblyConstituencyId),
                                        nameof(Territory.StateId), nameof(Territory.DivisionId), nameof(Territory.DistrictId), nameof(Territory.ParentId)):
                    if (Either(e, nameof(Territory.Level), l => (TerritoryLevel)l! == TerritoryLevel.Booth))
                    {
                        AddBoth(e, nameof(Territory.BlockId), c.Blocks);
                        if (e.State == EntityState.Modified) AddBoth(e, nameof(Territory.AssemblyConstituencyId), c.Seats);
                    }
                    // The parents' children changed; a new unit's own row comes with its parent's subtree (its id is
                    // not known before the insert); a moved or removed one takes the units under it along.
                    AddBoth(e, nameof(Territory.ParentId), c.UnitTrees);
                    if (e.State != EntityState.Added) c.UnitTrees.Add((int)e.Property(nameof(Territory.Id)).OriginalValue!);
                    break;
                case Person person when Changed(e, nameof(Person.StateId), nameof(Person.DivisionId), nameof(Person.DistrictId), nameof(Person.FormerParty),
                                         nameof(Person.NameEn)):
                    foreach (var values in Values(e))
                        c.Units.Add((int?)values[nameof(Person.DistrictId)] ?? (int?)values[nameof(Person.DivisionId)] ?? (int)values[nameof(Person.StateId)]!);
                    // A new person's id is known after the insert (SummaryChanges.UnionWith reads it then).
                    if (e.State == EntityState.Added) c.NewPeople.Add(person);
                    else c.Trainees.Add((int)e.Property(nameof(Person.Id)).OriginalValue!);
                    break;
                case Training when Changed(e, nameof(Training.PersonId)):
                    AddBoth(e, nameof(Training.PersonId), c.Trainees);
                    break;
                case Appointment when Changed(e, nameof(Appointment.To), nameof(Appointment.PostId), nameof(Appointment.WingId),
                                          nameof(Appointment.TerritoryId), nameof(Appointment.BlockId), nameof(Appointment.InactiveSince)):
                    if (Either(e, nameof(Appointment.PostId), p => (int)p! == ReferenceData.BoothAgentPostId))
                        AddBoth(e, nameof(Appointment.BlockId), c.Blocks);
                    // The territory's vacancies and its unit's figures (inactive office-bearers); booths have no
                    // vacancy cells: the refresh skips them.
                    AddBoth(e, nameof(Appointment.TerritoryId), c.Territories);
                    break;
                case Committee when Changed(e, nameof(Committee.DissolvedOn), nameof(Committee.Kind), nameof(Committee.TerritoryId), nameof(Committee.BlockId)):
                    if (Either(e, nameof(Committee.Kind), k => (CommitteeKind)k! == CommitteeKind.Booth))
                        AddBoth(e, nameof(Committee.BlockId), c.Blocks);
                    break;
                // An invitation counts in a run of absences once its attendance is marked (inviting a thousand changes none).
                case MeetingInvitee when Changed(e, nameof(MeetingInvitee.Attendance), nameof(MeetingInvitee.PersonId), nameof(MeetingInvitee.MeetingId))
                                         && Either(e, nameof(MeetingInvitee.Attendance), a => (AttendanceStatus)a! != AttendanceStatus.Unmarked):
                    AddBoth(e, nameof(MeetingInvitee.PersonId), c.People);
                    break;
                case Report when Changed(e, nameof(Report.Status), nameof(Report.Revision), nameof(Report.Figures), nameof(Report.FirstSubmittedUtc),
                                     nameof(Report.DistrictId), nameof(Report.Period), nameof(Report.DivisionId), nameof(Report.StateId)):
                    foreach (var values in Values(e))
                        c.ReportMonths.Add(((int)values[nameof(Report.DistrictId)]!, (DateOnly)values[nameof(Report.Period)]!));
                    break;
                // The open action items of its unit (its district, else division, else state), when it opens, closes or moves.
                case ActionItem when Changed(e, nameof(ActionItem.Status), nameof(ActionItem.StateId), nameof(ActionItem.DivisionId), nameof(ActionItem.DistrictId))
                                     && Either(e, nameof(ActionItem.Status), s => ActionItem.OpenStatuses.Contains((ActionItemStatus)s!)):
                    foreach (var values in Values(e))
                        c.Territories.Add((int?)values[nameof(ActionItem.DistrictId)] ?? (int?)values[nameof(ActionItem.DivisionId)] ?? (int)values[nameof(ActionItem.StateId)]!);
                    break;
                case Meeting when Changed(e, nameof(Meeting.Status), nameof(Meeting.StartsUtc), nameof(Meeting.StateId),
                                      nameof(Meeting.DivisionId), nameof(Meeting.DistrictId)):
                    foreach (var values in Values(e))
                        c.MeetingMonths.Add(((int?)values[nameof(Meeting.DistrictId)] ?? (int?)values[nameof(Meeting.DivisionId)] ?? (int)values[nameof(Meeting.StateId)]!,
                            IndiaTime.MonthOf(IndiaTime.Day((DateTime)values[nameof(Meeting.StartsUtc)]!))));
                    // Its invitees' runs of absences (a new meeting has no marked invitees of its own yet).
                    if (e.State == EntityState.Modified) c.Meetings.Add((int)e.Property(nameof(Meeting.Id)).CurrentValue!);
                    break;
            }
        }
        return c.IsEmpty ? null : c;
    }

    /// <summary>The record's values before (if it existed) and after (if it still exists) the save.</summary>
    private static IEnumerable<PropertyValues> Values(EntityEntry e)
    {
        if (e.State != EntityState.Added) yield return e.OriginalValues;
        if (e.State != EntityState.Deleted) yield return e.CurrentValues;
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
