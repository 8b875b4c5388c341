using System.Security.Claims;
using System.Text.Json;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Platform;

/// <summary>
/// Reads of confidential records in the audit trail: one <see cref="AuditEntry"/> with the action "Read", written
/// at once (the trail is append-only; <see cref="AuditInterceptor"/> records changes, this records who looked).
/// </summary>
public static class ReadAudit
{
    public const string Action = "Read";

    public static async Task RecordAsync(AppDbContext db, ClaimsPrincipal user, DateTime nowUtc, string entity, string entityId,
        int stateId, int? districtId, object details, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = nowUtc,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user.Identity?.Name,
            Entity = entity,
            EntityId = entityId,
            Action = Action,
            StateId = stateId,
            DistrictId = districtId,
            Changes = JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync(ct);
    }
}
