using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeopleListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_people_district_id_name_en_id",
                table: "people",
                columns: new[] { "district_id", "name_en", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_people_state_id_name_en_id",
                table: "people",
                columns: new[] { "state_id", "name_en", "id" });

            // "My action items": the signed-in user's person, found by email in their state (an expression index,
            // which the model cannot describe; see PersonConfiguration).
            migrationBuilder.Sql("CREATE INDEX ix_people_state_id_lower_email ON people (state_id, lower(email)) WHERE email IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_people_state_id_lower_email;");

            migrationBuilder.DropIndex(
                name: "ix_people_district_id_name_en_id",
                table: "people");

            migrationBuilder.DropIndex(
                name: "ix_people_state_id_name_en_id",
                table: "people");
        }
    }
}
