using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data;

/// <summary>
/// Writes one <see cref="AuditEntry"/> per added, changed or deleted record in the same transaction as the change.
/// Changes are captured before saving (original values), and written after the change is saved, when
/// database-generated keys are known; a transaction opened here spans both. Secrets are never written.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    // Columns that hold secrets or churn on every sign-in; never copied into the audit trail.
    private static readonly HashSet<string> Hidden =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Version", "AccessFailedCount", "LockoutEnd",
    ];

    private sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?> Changes);

    private List<Pending>? _pending;
    private IDbContextTransaction? _ownTransaction;
    private bool _writing;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && !_writing)
        {
            _pending = Capture(db);
            // The submission's idempotency key commits with its first change (Data/Idempotency.cs).
            if (_pending.Count > 0) IdempotencyScope.AddTo(db, http.HttpContext, clock.UtcNow());
            if (_pending.Count > 0 && db.Database.CurrentTransaction is null)
                _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || _writing || _pending is not { Count: > 0 } pending) return result;
        _pending = null;
        try
        {
            _writing = true;
            foreach (var p in pending) db.Add(await ToAuditEntryAsync(db, p, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            // Work recorded today keeps its district and block off the silent-units list.
            var work = pending.Where(p => p.Action != nameof(EntityState.Deleted)).Select(p => p.Entry.Entity).OfType<IRecordsActivity>().ToList();
            await Summaries.TouchAsync(db, work, clock.TodayInIndia(), cancellationToken);
            if (_ownTransaction is not null) await _ownTransaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writing = false;
            await DisposeTransactionAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_writing) return;
        _pending = null;
        IdempotencyScope.Failed(eventData.Context!, http.HttpContext);
        await DisposeTransactionAsync();
    }

    /// <summary>The action of an entry that records a read of a confidential record (Sangathan Srijan's panels).</summary>
    public const string ReadAction = "Read";

    /// <summary>
    /// Records that the user read a confidential record: one entry with the action "Read", written at once (the trail is
    /// append-only; the interceptor records changes, this records who looked). <paramref name="details"/> says what was shown.
    /// </summary>
    public static async Task RecordReadAsync(AppDbContext db, ClaimsPrincipal user, DateTime nowUtc, string entity, string entityId,
        int stateId, int? districtId, object details, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = nowUtc,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user.Identity?.Name,
            Entity = entity,
            EntityId = entityId,
            Action = ReadAction,
            StateId = stateId,
            DistrictId = districtId,
            Changes = JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync(ct);
    }

    // Synchronous saves are not used by the application; refuse them rather than write no audit.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is { } db && !_writing && Capture(db).Count > 0
            ? throw new InvalidOperationException("Use SaveChangesAsync: audited changes are written asynchronously.")
            : result;

    private async Task DisposeTransactionAsync()
    {
        if (_ownTransaction is null) return;
        await _ownTransaction.DisposeAsync();
        _ownTransaction = null;
    }

    private static List<Pending> Capture(DbContext db) =>
        db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                        && e.Entity is not AuditEntry and not DataProtectionKey and not Authorization.AuthSession and not IdempotencyKey and not Authorization.LoginThrottleEntry
                        && e.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity") != true)
            .Select(e => new Pending(e, e.State.ToString(), Changes(e)))
            .Where(p => p.Action != nameof(EntityState.Modified) || p.Changes.Count > 0)
            .ToList();

    private async Task<AuditEntry> ToAuditEntryAsync(DbContext db, Pending p, CancellationToken ct)
    {
        var user = http.HttpContext?.User;
        var (stateId, districtId) = await ScopeOfAsync(db, p.Entry, ct);
        var changes = p.Changes;
        if (p.Action == nameof(EntityState.Added))
        {
            // Generated values (keys, defaults) are known only now.
            foreach (var prop in p.Entry.Properties.Where(x => !Hidden.Contains(x.Metadata.Name)))
                changes[prop.Metadata.Name] = new { after = Shown(prop.CurrentValue) };
        }
        return new AuditEntry
        {
            AtUtc = clock.UtcNow(),
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.Name,
            Entity = p.Entry.Metadata.ClrType.Name,
            EntityId = Sharding.KeyOf(p.Entry),
            Action = p.Action,
            StateId = stateId ?? AuditEntry.NoState,
            DistrictId = districtId,
            Changes = JsonSerializer.Serialize(changes),
        };
    }

    /// <summary>
    /// The state and district a change belongs to, so that the audit page shows an administrator only their own
    /// state's changes and can filter by district: scoped records carry them; a user belongs to their scope; a
    /// record of a person (a training) to that person's place; other records by their own StateId column, if any.
    /// </summary>
    private static async Task<(int? StateId, int? DistrictId)> ScopeOfAsync(DbContext db, EntityEntry e, CancellationToken ct)
    {
        switch (e.Entity)
        {
            case IScoped s:
                return (s.StateId, s.DistrictId);
            case AppUser u:
                var district = await db.Set<Territory>().Where(t => t.Id == u.ScopeTerritoryId && t.Level == TerritoryLevel.District)
                    .Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
                return (u.StateId, district);
        }
        if (e.Metadata.FindProperty("StateId") is { } state)
            return (e.Property(state.Name).CurrentValue as int?, e.Metadata.FindProperty("DistrictId") is { } d ? e.Property(d.Name).CurrentValue as int? : null);
        if (e.Metadata.FindProperty("PersonId") is { } person && e.Property(person.Name).CurrentValue is int personId)
        {
            var place = await db.Set<Person>().Where(x => x.Id == personId).Select(x => new { x.StateId, x.DistrictId }).FirstOrDefaultAsync(ct);
            return (place?.StateId, place?.DistrictId);
        }
        return (null, null);
    }

    private static Dictionary<string, object?> Changes(EntityEntry e)
    {
        var result = new Dictionary<string, object?>();
        foreach (var p in e.Properties)
        {
            if (Hidden.Contains(p.Metadata.Name)) continue;
            if (e.State == EntityState.Deleted)
                result[p.Metadata.Name] = new { before = Shown(p.OriginalValue) };
            else if (e.State == EntityState.Modified && p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                result[p.Metadata.Name] = new { before = Shown(p.OriginalValue), after = Shown(p.CurrentValue) };
        }
        // A password set, changed or removed is recorded as the fact alone, never the hash.
        if (e.State == EntityState.Modified && e.Metadata.FindProperty("PasswordHash") is { } hash
            && e.Property(hash.Name) is { IsModified: true } h && !Equals(h.OriginalValue, h.CurrentValue))
            result["Password"] = h.CurrentValue is null ? "removed" : h.OriginalValue is null ? "set" : "changed";
        return result;
    }

    // Binary content (meeting photos) is recorded by its size, not copied into the trail.
    private static object? Shown(object? value) => value is byte[] bytes ? $"{bytes.Length} bytes" : value;
}
