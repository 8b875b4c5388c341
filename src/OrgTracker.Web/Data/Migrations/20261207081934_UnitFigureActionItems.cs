using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnitFigureActionItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "open_action_items",
                table: "unit_figures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every unit's figures again, open action items included (UnitFigures made the table and left it empty);
            // from now on the summary refresher keeps them.
            migrationBuilder.Sql(Summaries.RebuildUnitFiguresSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "open_action_items",
                table: "unit_figures");
        }
    }
}
