namespace OrgTracker.Web.Data;

/// <summary>
/// Makes the audit trail append-only in the database itself, whatever the application code does: a trigger refuses
/// every UPDATE and DELETE of audit_entries (for any role, the owner included), and the role that runs the
/// migrations loses those privileges too. TRUNCATE (emptying a demo database for seeding, and test resets) is not a
/// row change and still works. Applied by the Security migration; keep the call there if migrations are regenerated
/// (AuditTrailTests checks that the trigger exists).
/// </summary>
public static class AuditTrailGuard
{
    public const string TriggerName = "audit_entries_append_only";

    public const string Create = """
        CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries;
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        REVOKE UPDATE, DELETE ON audit_entries FROM PUBLIC;
        REVOKE UPDATE, DELETE ON audit_entries FROM CURRENT_USER;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries;
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        GRANT UPDATE, DELETE ON audit_entries TO CURRENT_USER;
        """;
}
