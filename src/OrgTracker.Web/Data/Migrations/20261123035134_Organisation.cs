using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Organisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "committees",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_hi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    formed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    dissolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committees", x => x.id);
                    table.ForeignKey(
                        name: "fk_committees_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coverage_cells",
                columns: table => new
                {
                    block_id = table.Column<int>(type: "integer", nullable: false),
                    assembly_constituency_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    booths = table.Column<int>(type: "integer", nullable: false),
                    with_agent = table.Column<int>(type: "integer", nullable: false),
                    with_committee = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coverage_cells", x => new { x.block_id, x.assembly_constituency_id });
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    home_territory_id = table.Column<int>(type: "integer", nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_hi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mobile = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    gender = table.Column<int>(type: "integer", nullable: true),
                    birth_year = table.Column<int>(type: "integer", nullable: true),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    former_party = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                    table.ForeignKey(
                        name: "fk_people_territories_home_territory_id",
                        column: x => x.home_territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_hi = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sanctioned = table.Column<int>(type: "integer", nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_hi = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trainings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    meeting_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trainings", x => x.id);
                    table.ForeignKey(
                        name: "fk_trainings_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appointments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    post_id = table.Column<int>(type: "integer", nullable: false),
                    wing_id = table.Column<int>(type: "integer", nullable: false),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    block_id = table.Column<int>(type: "integer", nullable: true),
                    committee_id = table.Column<int>(type: "integer", nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<int>(type: "integer", nullable: true),
                    end_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    successor_id = table.Column<int>(type: "integer", nullable: true),
                    inactive_since = table.Column<DateOnly>(type: "date", nullable: true),
                    inactive_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointments", x => x.id);
                    table.ForeignKey(
                        name: "fk_appointments_appointments_successor_id",
                        column: x => x.successor_id,
                        principalTable: "appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_wings_wing_id",
                        column: x => x.wing_id,
                        principalTable: "wings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "posts",
                columns: new[] { "id", "code", "level", "name_en", "name_hi", "sanctioned", "sort_order" },
                values: new object[,]
                {
                    { 1, "PRES", 1, "State president", "प्रदेश अध्यक्ष", 1, 1 },
                    { 2, "WPRES", 1, "Working president", "कार्यकारी अध्यक्ष", 4, 2 },
                    { 3, "VP", 1, "Vice-president", "उपाध्यक्ष", 16, 3 },
                    { 4, "GS", 1, "General secretary", "महासचिव", 30, 4 },
                    { 5, "SEC", 1, "Secretary", "सचिव", 70, 5 },
                    { 6, "TRE", 1, "Treasurer", "कोषाध्यक्ष", 1, 6 },
                    { 7, "SPOKES", 1, "Spokesperson", "प्रवक्ता", 8, 7 },
                    { 8, "INCH", 1, "State in-charge", "प्रदेश प्रभारी", null, 8 },
                    { 9, "COINCH", 1, "Co-in-charge", "सह प्रभारी", null, 9 },
                    { 10, "MEMBER", 1, "Committee member", "समिति सदस्य", null, 10 },
                    { 20, "INCH", 2, "Division in-charge", "संभाग प्रभारी", 1, 20 },
                    { 21, "COINCH", 2, "Division co-in-charge", "संभाग सह प्रभारी", 2, 21 },
                    { 30, "PRES", 3, "District president", "जिला अध्यक्ष", 1, 30 },
                    { 31, "INCH", 3, "District in-charge", "जिला प्रभारी", 1, 31 },
                    { 32, "VP", 3, "Vice-president", "उपाध्यक्ष", 4, 32 },
                    { 33, "GS", 3, "General secretary", "महासचिव", 6, 33 },
                    { 34, "SEC", 3, "Secretary", "सचिव", 10, 34 },
                    { 35, "TRE", 3, "Treasurer", "कोषाध्यक्ष", 1, 35 },
                    { 36, "SPOKES", 3, "Spokesperson", "प्रवक्ता", 2, 36 },
                    { 37, "MEMBER", 3, "Committee member", "समिति सदस्य", null, 37 },
                    { 40, "PRES", 4, "Block president", "ब्लॉक अध्यक्ष", 1, 40 },
                    { 41, "VP", 4, "Vice-president", "उपाध्यक्ष", 2, 41 },
                    { 42, "GS", 4, "General secretary", "महासचिव", 3, 42 },
                    { 43, "SEC", 4, "Secretary", "सचिव", 5, 43 },
                    { 44, "MEMBER", 4, "Committee member", "समिति सदस्य", null, 44 },
                    { 50, "PRES", 5, "Ward president", "वार्ड अध्यक्ष", 1, 50 },
                    { 51, "MEMBER", 5, "Committee member", "समिति सदस्य", null, 51 },
                    { 60, "PRES", 6, "Booth president", "बूथ अध्यक्ष", 1, 60 },
                    { 61, "BLA", 6, "Booth agent (BLA)", "बूथ लेवल एजेंट (BLA)", 1, 61 },
                    { 62, "MEMBER", 6, "Booth committee member", "बूथ समिति सदस्य", null, 62 }
                });

            migrationBuilder.InsertData(
                table: "wings",
                columns: new[] { "id", "code", "kind", "name_en", "name_hi", "sort_order" },
                values: new object[,]
                {
                    { 1, "MAIN", 1, "Main organisation", "मुख्य संगठन", 1 },
                    { 2, "YOUTH", 2, "Youth Congress", "युवा कांग्रेस", 2 },
                    { 3, "MAHILA", 2, "Mahila Congress", "महिला कांग्रेस", 3 },
                    { 4, "NSUI", 2, "NSUI", "एनएसयूआई", 4 },
                    { 5, "SEVADAL", 2, "Seva Dal", "सेवादल", 5 },
                    { 6, "SOCIAL", 3, "Social Media department", "सोशल मीडिया विभाग", 6 },
                    { 7, "TRAINING", 3, "Training department", "प्रशिक्षण विभाग", 7 },
                    { 8, "KISAN", 4, "Kisan cell", "किसान प्रकोष्ठ", 8 },
                    { 9, "SC", 4, "SC cell", "अनुसूचित जाति प्रकोष्ठ", 9 },
                    { 10, "OBC", 4, "OBC cell", "पिछड़ा वर्ग प्रकोष्ठ", 10 },
                    { 11, "MINORITY", 4, "Minority cell", "अल्पसंख्यक प्रकोष्ठ", 11 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_committee_id",
                table: "appointments",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_current_post",
                table: "appointments",
                columns: new[] { "post_id", "territory_id" },
                filter: "\"to\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_district_id_to",
                table: "appointments",
                columns: new[] { "district_id", "to" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_inactive",
                table: "appointments",
                columns: new[] { "state_id", "district_id", "inactive_since" },
                filter: "inactive_since IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_person_id",
                table: "appointments",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_state_id_to",
                table: "appointments",
                columns: new[] { "state_id", "to" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_successor_id",
                table: "appointments",
                column: "successor_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_territory_id_to",
                table: "appointments",
                columns: new[] { "territory_id", "to" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_wing_id",
                table: "appointments",
                column: "wing_id");

            migrationBuilder.CreateIndex(
                name: "ux_appointments_current",
                table: "appointments",
                columns: new[] { "person_id", "post_id", "wing_id", "territory_id" },
                unique: true,
                filter: "\"to\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_committees_district_id_kind",
                table: "committees",
                columns: new[] { "district_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_committees_state_id_kind",
                table: "committees",
                columns: new[] { "state_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_committees_territory_id_kind",
                table: "committees",
                columns: new[] { "territory_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_coverage_cells_assembly_constituency_id",
                table: "coverage_cells",
                column: "assembly_constituency_id");

            migrationBuilder.CreateIndex(
                name: "ix_coverage_cells_district_id",
                table: "coverage_cells",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_coverage_cells_division_id",
                table: "coverage_cells",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_coverage_cells_state_id",
                table: "coverage_cells",
                column: "state_id");

            migrationBuilder.CreateIndex(
                name: "ix_people_division_id",
                table: "people",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_people_from_other_party",
                table: "people",
                columns: new[] { "state_id", "district_id" },
                filter: "former_party IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_people_home_territory_id",
                table: "people",
                column: "home_territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_people_mobile",
                table: "people",
                column: "mobile",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_name_en",
                table: "people",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_people_name_hi",
                table: "people",
                column: "name_hi")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_level_code",
                table: "posts",
                columns: new[] { "level", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_trainings_person_id",
                table: "trainings",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_wings_code",
                table: "wings",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointments");

            migrationBuilder.DropTable(
                name: "coverage_cells");

            migrationBuilder.DropTable(
                name: "trainings");

            migrationBuilder.DropTable(
                name: "committees");

            migrationBuilder.DropTable(
                name: "posts");

            migrationBuilder.DropTable(
                name: "wings");

            migrationBuilder.DropTable(
                name: "people");
        }
    }
}
