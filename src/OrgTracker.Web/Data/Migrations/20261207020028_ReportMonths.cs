using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_months",
                columns: table => new
                {
                    district_id = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<DateOnly>(type: "date", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: false),
                    latest_status = table.Column<int>(type: "integer", nullable: false),
                    first_submitted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    figures = table.Column<int[]>(type: "integer[]", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_months", x => new { x.district_id, x.period, x.state_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_months_state_id_period",
                table: "report_months",
                columns: new[] { "state_id", "period" });

            // Filled from every report version by the migration ReportMonthColumns (which gave the figures their columns);
            // from then on the summary refresher keeps it (Summaries.RefreshAsync).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_months");
        }
    }
}
