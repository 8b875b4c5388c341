using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Security : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_district_id_at_utc",
                table: "audit_entries",
                columns: new[] { "district_id", "at_utc" });

            // Hand-written: the audit trail is append-only in the database (keep this line if the migration is regenerated).
            migrationBuilder.Sql(AuditTrailGuard.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditTrailGuard.Drop);

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_district_id_at_utc",
                table: "audit_entries");
        }
    }
}
