using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShardKeysMembersAndSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_vacancy_cells",
                table: "vacancy_cells");

            migrationBuilder.DropPrimaryKey(
                name: "pk_unit_activities",
                table: "unit_activities");

            migrationBuilder.DropPrimaryKey(
                name: "pk_members",
                table: "members");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_daily_counts",
                table: "member_daily_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_booth_counts",
                table: "member_booth_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_coverage_cells",
                table: "coverage_cells");

            migrationBuilder.AddPrimaryKey(
                name: "pk_vacancy_cells",
                table: "vacancy_cells",
                columns: new[] { "territory_id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_unit_activities",
                table: "unit_activities",
                columns: new[] { "territory_id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_members",
                table: "members",
                columns: new[] { "drive_id", "mobile", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_daily_counts",
                table: "member_daily_counts",
                columns: new[] { "drive_id", "block_id", "day", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_booth_counts",
                table: "member_booth_counts",
                columns: new[] { "drive_id", "booth_id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_coverage_cells",
                table: "coverage_cells",
                columns: new[] { "block_id", "assembly_constituency_id", "state_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_vacancy_cells",
                table: "vacancy_cells");

            migrationBuilder.DropPrimaryKey(
                name: "pk_unit_activities",
                table: "unit_activities");

            migrationBuilder.DropPrimaryKey(
                name: "pk_members",
                table: "members");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_daily_counts",
                table: "member_daily_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_booth_counts",
                table: "member_booth_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_coverage_cells",
                table: "coverage_cells");

            migrationBuilder.AddPrimaryKey(
                name: "pk_vacancy_cells",
                table: "vacancy_cells",
                column: "territory_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_unit_activities",
                table: "unit_activities",
                column: "territory_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_members",
                table: "members",
                columns: new[] { "drive_id", "mobile" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_daily_counts",
                table: "member_daily_counts",
                columns: new[] { "drive_id", "block_id", "day" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_booth_counts",
                table: "member_booth_counts",
                columns: new[] { "drive_id", "booth_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_coverage_cells",
                table: "coverage_cells",
                columns: new[] { "block_id", "assembly_constituency_id" });
        }
    }
}
