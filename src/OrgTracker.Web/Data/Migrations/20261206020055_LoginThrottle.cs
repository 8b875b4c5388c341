using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LoginThrottle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "login_throttles",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    failures = table.Column<int>(type: "integer", nullable: false),
                    window_start_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_failure_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_throttles", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_login_throttles_last_failure_utc",
                table: "login_throttles",
                column: "last_failure_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "login_throttles");
        }
    }
}
