using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Directives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directives",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    text_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    text_hi = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_by_id = table.Column<int>(type: "integer", nullable: false),
                    issued_at_level = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    issued_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    issued_by_user = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    issued_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directives", x => x.id);
                    table.CheckConstraint("ck_directives_text", "text_en IS NOT NULL OR text_hi IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_directives_territories_issued_by_id",
                        column: x => x.issued_by_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "directive_targets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    directive_id = table.Column<int>(type: "integer", nullable: false),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    block_id = table.Column<int>(type: "integer", nullable: true),
                    parent_target_id = table.Column<int>(type: "integer", nullable: true),
                    acknowledged_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    latest_answer_id = table.Column<long>(type: "bigint", nullable: true),
                    latest_status = table.Column<int>(type: "integer", nullable: true),
                    answered_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directive_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_directive_targets_directive_targets_parent_target_id",
                        column: x => x.parent_target_id,
                        principalTable: "directive_targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_directive_targets_directives_directive_id",
                        column: x => x.directive_id,
                        principalTable: "directives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_directive_targets_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "directive_answers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    target_id = table.Column<int>(type: "integer", nullable: false),
                    directive_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answered_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    answered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    answered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directive_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_directive_answers_directive_targets_target_id",
                        column: x => x.target_id,
                        principalTable: "directive_targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_directive_answers_directives_directive_id",
                        column: x => x.directive_id,
                        principalTable: "directives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "directive_files",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    directive_id = table.Column<int>(type: "integer", nullable: false),
                    answer_id = table.Column<long>(type: "bigint", nullable: true),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    thumbnail = table.Column<byte[]>(type: "bytea", nullable: true),
                    uploaded_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directive_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_directive_files_directive_answers_answer_id",
                        column: x => x.answer_id,
                        principalTable: "directive_answers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_directive_files_directives_directive_id",
                        column: x => x.directive_id,
                        principalTable: "directives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_directive_answers_directive_id",
                table: "directive_answers",
                column: "directive_id");

            migrationBuilder.CreateIndex(
                name: "ix_directive_answers_target_id_id",
                table: "directive_answers",
                columns: new[] { "target_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_files_answer_id",
                table: "directive_files",
                column: "answer_id");

            migrationBuilder.CreateIndex(
                name: "ix_directive_files_directive_id_answer_id",
                table: "directive_files",
                columns: new[] { "directive_id", "answer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_directive_id_territory_id",
                table: "directive_targets",
                columns: new[] { "directive_id", "territory_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_district_id_directive_id",
                table: "directive_targets",
                columns: new[] { "district_id", "directive_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_division_id_level_directive_id",
                table: "directive_targets",
                columns: new[] { "division_id", "level", "directive_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_parent_target_id",
                table: "directive_targets",
                column: "parent_target_id");

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_state_id_level_directive_id",
                table: "directive_targets",
                columns: new[] { "state_id", "level", "directive_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_territory_id",
                table: "directive_targets",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_directives_district_id_due_on",
                table: "directives",
                columns: new[] { "district_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_directives_issued_by_id",
                table: "directives",
                column: "issued_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_directives_state_id_due_on",
                table: "directives",
                columns: new[] { "state_id", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "directive_files");

            migrationBuilder.DropTable(
                name: "directive_answers");

            migrationBuilder.DropTable(
                name: "directive_targets");

            migrationBuilder.DropTable(
                name: "directives");
        }
    }
}
