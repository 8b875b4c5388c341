using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportMonthColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "figures",
                table: "report_months");

            migrationBuilder.AddColumn<int>(
                name: "block_committees_formed",
                table: "report_months",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "booth_agents_appointed",
                table: "report_months",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "booth_committees_formed",
                table: "report_months",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "inactive_identified",
                table: "report_months",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "meetings_held",
                table: "report_months",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "members_enrolled",
                table: "report_months",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "public_programmes",
                table: "report_months",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "social_media_posts",
                table: "report_months",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "training_sessions_held",
                table: "report_months",
                type: "integer",
                nullable: true);

            // The rows again from every report version, figures now in their columns (Summaries.RefreshAsync keeps them).
            migrationBuilder.Sql(Summaries.RebuildReportMonthsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "block_committees_formed",
                table: "report_months");

            migrationBuilder.DropColumn(
                name: "booth_agents_appointed",
                table: "report_months");

            migrationBuilder.DropColumn(
                name: "booth_committees_formed",
                table: "report_months");

            migrationBuilder.DropColumn(
                name: "inactive_identified",
                table: "report_months");

            migrationBuilder.DropColumn(
                name: "meetings_held",
                table: "report_months");

            migrationBuilder.DropColumn(
                name: "members_enrolled",
                table: "report_months");

            migrationBuilder.DropColumn(
                name: "public_programmes",
                table: "report_months");

            migrationBuilder.DropColumn(
                name: "social_media_posts",
                table: "report_months");

            migrationBuilder.DropColumn(
                name: "training_sessions_held",
                table: "report_months");

            migrationBuilder.AddColumn<int[]>(
                name: "figures",
                table: "report_months",
                type: "integer[]",
                nullable: true);
        }
    }
}
