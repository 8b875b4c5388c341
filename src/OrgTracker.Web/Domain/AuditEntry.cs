namespace OrgTracker.Web.Domain;

/// <summary>One change to one record, written in the same transaction as the change. Never updated or deleted.</summary>
public class AuditEntry
{
    /// <summary>The state_id of changes that belong to no state: 0, so that the trail can be distributed by state_id (docs/scaling.md).</summary>
    public const int NoState = 0;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; set; } = "";
    /// <summary>The state the change belongs to, or <see cref="NoState"/> (a national record: users without a state, reference data).</summary>
    public int StateId { get; set; }
    public int? DistrictId { get; set; }
    /// <summary>JSON of the changed properties: {"Name": {"before": …, "after": …}}.</summary>
    public string Changes { get; set; } = "{}";
}
