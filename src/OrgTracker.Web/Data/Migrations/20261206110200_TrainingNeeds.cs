using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainingNeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_action_items_open",
                table: "action_items");

            migrationBuilder.CreateTable(
                name: "training_needs",
                columns: table => new
                {
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_needs", x => x.person_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_items_open",
                table: "action_items",
                columns: new[] { "state_id", "district_id", "due_on" },
                filter: "status IN (1, 2)")
                .Annotation("Npgsql:IndexInclude", new[] { "division_id" });

            migrationBuilder.CreateIndex(
                name: "ix_training_needs_district_id",
                table: "training_needs",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_needs_division_id",
                table: "training_needs",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_needs_state_id_district_id",
                table: "training_needs",
                columns: new[] { "state_id", "district_id" });

            // People from other parties with no training yet, in an existing database.
            migrationBuilder.Sql("""
                INSERT INTO training_needs (person_id, name_en, state_id, division_id, district_id)
                SELECT p.id, p.name_en, p.state_id, p.division_id, p.district_id FROM people p
                WHERE p.former_party IS NOT NULL AND NOT EXISTS (SELECT 1 FROM trainings t WHERE t.person_id = p.id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "training_needs");

            migrationBuilder.DropIndex(
                name: "ix_action_items_open",
                table: "action_items");

            migrationBuilder.CreateIndex(
                name: "ix_action_items_open",
                table: "action_items",
                columns: new[] { "state_id", "district_id", "due_on" },
                filter: "status IN (1, 2)");
        }
    }
}
