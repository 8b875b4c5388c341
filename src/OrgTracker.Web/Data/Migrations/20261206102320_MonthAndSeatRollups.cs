using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MonthAndSeatRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "meeting_months",
                columns: table => new
                {
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    held = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_months", x => new { x.unit_id, x.month });
                });

            migrationBuilder.CreateTable(
                name: "member_month_counts",
                columns: table => new
                {
                    drive_id = table.Column<int>(type: "integer", nullable: false),
                    block_id = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: false),
                    enrolled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_month_counts", x => new { x.drive_id, x.block_id, x.month });
                });

            migrationBuilder.CreateTable(
                name: "member_seat_counts",
                columns: table => new
                {
                    drive_id = table.Column<int>(type: "integer", nullable: false),
                    assembly_constituency_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    enrolled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_seat_counts", x => new { x.drive_id, x.assembly_constituency_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_months_district_id",
                table: "meeting_months",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_months_division_id",
                table: "meeting_months",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_months_state_id_month",
                table: "meeting_months",
                columns: new[] { "state_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_member_month_counts_drive_id_district_id",
                table: "member_month_counts",
                columns: new[] { "drive_id", "district_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_month_counts_drive_id_state_id",
                table: "member_month_counts",
                columns: new[] { "drive_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_seat_counts_assembly_constituency_id",
                table: "member_seat_counts",
                column: "assembly_constituency_id");

            // An existing database gets the new roll-ups filled from what it holds (held meetings by unit and month in
            // India's calendar; members by block and month, and by their booth's constituency).
            migrationBuilder.Sql("""
                INSERT INTO meeting_months (unit_id, month, state_id, division_id, district_id, held)
                SELECT COALESCE(district_id, division_id, state_id), date_trunc('month', (starts_utc AT TIME ZONE interval '330 minutes')::date)::date,
                       min(state_id), min(division_id), min(district_id), count(*)::int
                FROM meetings WHERE status = 2 GROUP BY 1, 2;
                INSERT INTO member_month_counts (drive_id, block_id, month, state_id, division_id, district_id, enrolled)
                SELECT drive_id, block_id, date_trunc('month', day)::date, min(state_id), min(division_id), min(district_id), sum(enrolled)
                FROM member_daily_counts GROUP BY 1, 2, 3;
                INSERT INTO member_seat_counts (drive_id, assembly_constituency_id, state_id, enrolled)
                SELECT c.drive_id, b.assembly_constituency_id, min(c.state_id), sum(c.enrolled)
                FROM member_booth_counts c JOIN territories b ON b.id = c.booth_id
                WHERE b.assembly_constituency_id IS NOT NULL GROUP BY 1, 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_months");

            migrationBuilder.DropTable(
                name: "member_month_counts");

            migrationBuilder.DropTable(
                name: "member_seat_counts");
        }
    }
}
