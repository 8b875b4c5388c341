using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DistrictOneToOneReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "arrangements",
                table: "meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "challenges",
                table: "meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "strategy",
                table: "meetings",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "arrangements",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "challenges",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "strategy",
                table: "meetings");
        }
    }
}
