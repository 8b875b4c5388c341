using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_appointments_inactive",
                table: "appointments");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_inactive",
                table: "appointments",
                columns: new[] { "state_id", "district_id", "inactive_since" },
                filter: "inactive_since IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "to" });

            migrationBuilder.CreateIndex(
                name: "ix_action_items_open_due",
                table: "action_items",
                columns: new[] { "state_id", "due_on", "id" },
                filter: "status IN (1, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_appointments_inactive",
                table: "appointments");

            migrationBuilder.DropIndex(
                name: "ix_action_items_open_due",
                table: "action_items");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_inactive",
                table: "appointments",
                columns: new[] { "state_id", "district_id", "inactive_since" },
                filter: "inactive_since IS NOT NULL");
        }
    }
}
