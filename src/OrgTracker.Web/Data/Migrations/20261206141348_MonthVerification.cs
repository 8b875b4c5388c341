using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MonthVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "rejected",
                table: "member_month_counts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "verified",
                table: "member_month_counts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Verified and rejected members in the month they were enrolled, from the members themselves (one scan).
            migrationBuilder.Sql("""
                UPDATE member_month_counts c SET verified = x.verified, rejected = x.rejected
                FROM (SELECT drive_id, block_id, date_trunc('month', enrolled_on)::date AS month,
                             count(*) FILTER (WHERE verification = 1) AS verified, count(*) FILTER (WHERE verification = 2) AS rejected
                      FROM members WHERE verification <> 0 GROUP BY 1, 2, 3) x
                WHERE c.drive_id = x.drive_id AND c.block_id = x.block_id AND c.month = x.month;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rejected",
                table: "member_month_counts");

            migrationBuilder.DropColumn(
                name: "verified",
                table: "member_month_counts");
        }
    }
}
