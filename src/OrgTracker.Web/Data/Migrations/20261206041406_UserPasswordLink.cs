using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UserPasswordLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "password_link",
                table: "AspNetUsers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "password_link_at_utc",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "password_link",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "password_link_at_utc",
                table: "AspNetUsers");
        }
    }
}
