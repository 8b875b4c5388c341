using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace OrgTracker.Web.Data;

/// <summary>
/// Where every table of the database would live on a Citus cluster sharded by state (docs/scaling.md). The one list:
/// ShardReadinessTests reads the migrated schema and fails on a table that is not classified here, and on a
/// distributed table whose keys or foreign keys would not let Citus distribute it by <see cref="Column"/>.
/// </summary>
public static class Sharding
{
    /// <summary>The distribution column of every distributed table.</summary>
    public const string Column = "state_id";

    /// <summary>
    /// A record's key as the audit trail and conflict messages name it: its primary key without StateId, which
    /// distributed tables carry in the key only for sharding (a meeting is "42", not "42,1").
    /// </summary>
    public static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Properties.Where(p => p.Metadata.IsPrimaryKey() && p.Metadata.Name != "StateId").Select(p => p.CurrentValue));

    /// <summary>
    /// Small, rarely written tables replicated to every worker (<c>create_reference_table</c>): every distributed
    /// table may hold a foreign key to them and join them on the worker. The territory tree is one of them: about
    /// a million booths nationally (~600 MB with indexes; 96 MB for 167 K rows at up-full), written only when the tree is edited, and referenced by
    /// nearly every table.
    /// </summary>
    public static readonly IReadOnlySet<string> Reference = new HashSet<string>
    {
        "territories", "assembly_constituencies", "lok_sabha_constituencies", "posts", "wings",
        "membership_drives", "drive_targets",
    };

    /// <summary>
    /// Large (or tied to a large table by a foreign key) state data, hash-distributed by <c>state_id</c> and all
    /// co-located, so that a state's rows of every table sit on one shard group: a state user's page is a
    /// single-shard query, and joins between these tables must match <c>state_id</c>.
    /// </summary>
    public static readonly IReadOnlySet<string> Distributed = new HashSet<string>
    {
        "members", "member_booth_counts", "member_daily_counts",
        "member_import_jobs", "member_import_chunks", "member_import_errors",
        "people", "trainings", "committees", "appointments",
        "meeting_programmes", "meetings", "meeting_invitees", "meeting_decisions", "action_items", "meeting_photos",
        "reports", "report_events",
        "directives", "directive_targets", "directive_answers", "directive_files",
        "srijan_campaigns", "srijan_districts", "srijan_observers", "srijan_consultations", "srijan_candidates",
        "coverage_cells", "vacancy_cells", "unit_activities", "unit_figures",
        "unit_counts", "absence_runs", "meeting_months", "report_months", "member_month_counts", "member_seat_counts", "training_needs",
        "audit_entries",
    };

    /// <summary>
    /// Tables that stay on the coordinator only (plain or Citus-managed local tables): sign-in, sessions and
    /// keys, read by user id or key, never joined with a state's rows beyond a reference table. The dashboard's change
    /// log (figure_changes, figure_change_horizon: <see cref="KeptFigures"/>) works with one server's transaction
    /// snapshots; a sharded cluster turns kept figures off (docs/scaling.md).
    /// </summary>
    public static readonly IReadOnlySet<string> Local = new HashSet<string>
    {
        "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens",
        "AspNetRoleClaims", "auth_sessions", "login_throttles", "data_protection_keys", "idempotency_keys",
        "__ef_migrations_history", "figure_changes", "figure_change_horizon",
    };
}
