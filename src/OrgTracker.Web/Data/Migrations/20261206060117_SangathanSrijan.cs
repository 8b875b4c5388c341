using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SangathanSrijan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "srijan_campaigns",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_hi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_srijan_campaigns", x => x.id);
                    table.ForeignKey(
                        name: "fk_srijan_campaigns_territories_state_id",
                        column: x => x.state_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "srijan_candidates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    srijan_district_id = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    remarks = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    added_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    heard_on = table.Column<DateOnly>(type: "date", nullable: true),
                    heard_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    heard_notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_srijan_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_srijan_candidates_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "srijan_districts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    stage_since_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    panel_submitted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    panel_submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    chosen_candidate_id = table.Column<int>(type: "integer", nullable: true),
                    appointment_id = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_srijan_districts", x => x.id);
                    table.ForeignKey(
                        name: "fk_srijan_districts_appointments_appointment_id",
                        column: x => x.appointment_id,
                        principalTable: "appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_srijan_districts_srijan_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "srijan_campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_srijan_districts_srijan_candidates_chosen_candidate_id",
                        column: x => x.chosen_candidate_id,
                        principalTable: "srijan_candidates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_srijan_districts_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "srijan_consultations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    srijan_district_id = table.Column<int>(type: "integer", nullable: false),
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    linked_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    linked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_srijan_consultations", x => x.id);
                    table.ForeignKey(
                        name: "fk_srijan_consultations_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_srijan_consultations_srijan_districts_srijan_district_id",
                        column: x => x.srijan_district_id,
                        principalTable: "srijan_districts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "srijan_observers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    srijan_district_id = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    assigned_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    assigned_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_srijan_observers", x => x.id);
                    table.ForeignKey(
                        name: "fk_srijan_observers_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_srijan_observers_srijan_districts_srijan_district_id",
                        column: x => x.srijan_district_id,
                        principalTable: "srijan_districts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_campaigns_state_id_started_on",
                table: "srijan_campaigns",
                columns: new[] { "state_id", "started_on" });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_candidates_person_id",
                table: "srijan_candidates",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_candidates_srijan_district_id_person_id",
                table: "srijan_candidates",
                columns: new[] { "srijan_district_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_srijan_consultations_meeting_id",
                table: "srijan_consultations",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_consultations_srijan_district_id_meeting_id",
                table: "srijan_consultations",
                columns: new[] { "srijan_district_id", "meeting_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_appointment_id",
                table: "srijan_districts",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_campaign_id_stage",
                table: "srijan_districts",
                columns: new[] { "campaign_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_campaign_id_territory_id",
                table: "srijan_districts",
                columns: new[] { "campaign_id", "territory_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_chosen_candidate_id",
                table: "srijan_districts",
                column: "chosen_candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_district_id",
                table: "srijan_districts",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_division_id_campaign_id",
                table: "srijan_districts",
                columns: new[] { "division_id", "campaign_id" });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_territory_id",
                table: "srijan_districts",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_observers_person_id",
                table: "srijan_observers",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_observers_srijan_district_id_person_id",
                table: "srijan_observers",
                columns: new[] { "srijan_district_id", "person_id" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_candidates_srijan_districts_srijan_district_id",
                table: "srijan_candidates",
                column: "srijan_district_id",
                principalTable: "srijan_districts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_srijan_candidates_srijan_districts_srijan_district_id",
                table: "srijan_candidates");

            migrationBuilder.DropTable(
                name: "srijan_consultations");

            migrationBuilder.DropTable(
                name: "srijan_observers");

            migrationBuilder.DropTable(
                name: "srijan_districts");

            migrationBuilder.DropTable(
                name: "srijan_campaigns");

            migrationBuilder.DropTable(
                name: "srijan_candidates");
        }
    }
}
