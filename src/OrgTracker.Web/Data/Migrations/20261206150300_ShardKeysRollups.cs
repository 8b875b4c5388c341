using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShardKeysRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_unit_counts",
                table: "unit_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_training_needs",
                table: "training_needs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_seat_counts",
                table: "member_seat_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_month_counts",
                table: "member_month_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_months",
                table: "meeting_months");

            migrationBuilder.DropPrimaryKey(
                name: "pk_absence_runs",
                table: "absence_runs");

            migrationBuilder.AddPrimaryKey(
                name: "pk_unit_counts",
                table: "unit_counts",
                columns: new[] { "territory_id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_training_needs",
                table: "training_needs",
                columns: new[] { "person_id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_seat_counts",
                table: "member_seat_counts",
                columns: new[] { "drive_id", "assembly_constituency_id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_month_counts",
                table: "member_month_counts",
                columns: new[] { "drive_id", "block_id", "month", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_months",
                table: "meeting_months",
                columns: new[] { "unit_id", "month", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_absence_runs",
                table: "absence_runs",
                columns: new[] { "person_id", "state_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_unit_counts",
                table: "unit_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_training_needs",
                table: "training_needs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_seat_counts",
                table: "member_seat_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_member_month_counts",
                table: "member_month_counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_months",
                table: "meeting_months");

            migrationBuilder.DropPrimaryKey(
                name: "pk_absence_runs",
                table: "absence_runs");

            migrationBuilder.AddPrimaryKey(
                name: "pk_unit_counts",
                table: "unit_counts",
                column: "territory_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_training_needs",
                table: "training_needs",
                column: "person_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_seat_counts",
                table: "member_seat_counts",
                columns: new[] { "drive_id", "assembly_constituency_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_member_month_counts",
                table: "member_month_counts",
                columns: new[] { "drive_id", "block_id", "month" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_months",
                table: "meeting_months",
                columns: new[] { "unit_id", "month" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_absence_runs",
                table: "absence_runs",
                column: "person_id");
        }
    }
}
