using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "block_id",
                table: "committees",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "unit_activities",
                columns: table => new
                {
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    last_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_activities", x => x.territory_id);
                });

            migrationBuilder.CreateTable(
                name: "vacancy_cells",
                columns: table => new
                {
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    block_id = table.Column<int>(type: "integer", nullable: true),
                    filled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vacancy_cells", x => x.territory_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unit_activities_district_id",
                table: "unit_activities",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_activities_division_id",
                table: "unit_activities",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_activities_state_id_last_on",
                table: "unit_activities",
                columns: new[] { "state_id", "last_on" });

            migrationBuilder.CreateIndex(
                name: "ix_vacancy_cells_block_id",
                table: "vacancy_cells",
                column: "block_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancy_cells_district_id",
                table: "vacancy_cells",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancy_cells_division_id",
                table: "vacancy_cells",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancy_cells_state_id",
                table: "vacancy_cells",
                column: "state_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_activities");

            migrationBuilder.DropTable(
                name: "vacancy_cells");

            migrationBuilder.DropColumn(
                name: "block_id",
                table: "committees");
        }
    }
}
