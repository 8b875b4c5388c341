using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShardKeysImportsAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_member_import_chunks_member_import_jobs_job_id",
                table: "member_import_chunks");

            migrationBuilder.DropForeignKey(
                name: "fk_member_import_errors_member_import_jobs_job_id",
                table: "member_import_errors");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_import_jobs",
                table: "member_import_jobs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_import_errors",
                table: "member_import_errors");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_import_chunks",
                table: "member_import_chunks");

            migrationBuilder.DropPrimaryKey(
                name: "pk_audit_entries",
                table: "audit_entries");

            migrationBuilder.AddColumn<int>(
                name: "state_id",
                table: "member_import_errors",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "state_id",
                table: "member_import_chunks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Chunks and error rows belong to their job's state.
            migrationBuilder.Sql("UPDATE member_import_errors e SET state_id = j.state_id FROM member_import_jobs j WHERE j.id = e.job_id;");
            migrationBuilder.Sql("UPDATE member_import_chunks c SET state_id = j.state_id FROM member_import_jobs j WHERE j.id = c.job_id;");
            migrationBuilder.Sql("ALTER TABLE member_import_errors ALTER COLUMN state_id DROP DEFAULT;");
            migrationBuilder.Sql("ALTER TABLE member_import_chunks ALTER COLUMN state_id DROP DEFAULT;");

            // The trail is append-only (no UPDATE, AuditTrailGuard): the column is rewritten by ALTER, national entries
            // (no state) taking AuditEntry.NoState, 0.
            migrationBuilder.Sql("ALTER TABLE audit_entries ALTER COLUMN state_id TYPE integer USING coalesce(state_id, 0), ALTER COLUMN state_id SET NOT NULL;");

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_import_jobs",
                table: "member_import_jobs",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_import_errors",
                table: "member_import_errors",
                columns: new[] { "job_id", "state_id", "line" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_import_chunks",
                table: "member_import_chunks",
                columns: new[] { "job_id", "state_id", "seq" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_audit_entries",
                table: "audit_entries",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_member_import_chunks_member_import_jobs_job_id_state_id",
                table: "member_import_chunks",
                columns: new[] { "job_id", "state_id" },
                principalTable: "member_import_jobs",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_member_import_errors_member_import_jobs_job_id_state_id",
                table: "member_import_errors",
                columns: new[] { "job_id", "state_id" },
                principalTable: "member_import_jobs",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_member_import_chunks_member_import_jobs_job_id_state_id",
                table: "member_import_chunks");

            migrationBuilder.DropForeignKey(
                name: "fk_member_import_errors_member_import_jobs_job_id_state_id",
                table: "member_import_errors");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_import_jobs",
                table: "member_import_jobs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_import_errors",
                table: "member_import_errors");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_import_chunks",
                table: "member_import_chunks");

            migrationBuilder.DropPrimaryKey(
                name: "pk_audit_entries",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "state_id",
                table: "member_import_errors");

            migrationBuilder.DropColumn(
                name: "state_id",
                table: "member_import_chunks");

            migrationBuilder.AlterColumn<int>(
                name: "state_id",
                table: "audit_entries",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_import_jobs",
                table: "member_import_jobs",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_import_errors",
                table: "member_import_errors",
                columns: new[] { "job_id", "line" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_import_chunks",
                table: "member_import_chunks",
                columns: new[] { "job_id", "seq" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_audit_entries",
                table: "audit_entries",
                column: "id");

            migrationBuilder.AddForeignKey(
                name: "fk_member_import_chunks_member_import_jobs_job_id",
                table: "member_import_chunks",
                column: "job_id",
                principalTable: "member_import_jobs",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_member_import_errors_member_import_jobs_job_id",
                table: "member_import_errors",
                column: "job_id",
                principalTable: "member_import_jobs",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
