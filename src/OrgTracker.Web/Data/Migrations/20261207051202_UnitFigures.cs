using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnitFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_figures",
                columns: table => new
                {
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    block_id = table.Column<int>(type: "integer", nullable: true),
                    booths = table.Column<int>(type: "integer", nullable: false),
                    with_agent = table.Column<int>(type: "integer", nullable: false),
                    with_committee = table.Column<int>(type: "integer", nullable: false),
                    wards = table.Column<int>(type: "integer", nullable: false),
                    filled = table.Column<int>(type: "integer", nullable: false),
                    inactive = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_figures", x => new { x.unit_id, x.state_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_unit_figures_block_id",
                table: "unit_figures",
                column: "block_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_figures_district_id",
                table: "unit_figures",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_figures_division_id",
                table: "unit_figures",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_figures_state_id",
                table: "unit_figures",
                column: "state_id");

            // Filled by UnitFigureActionItems, which added a column that today's rebuild writes (run here, on a fresh
            // database, it would name a column this migration does not make); the summary refresher keeps it after.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_figures");
        }
    }
}
