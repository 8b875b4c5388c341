using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Membership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_booth_counts",
                columns: table => new
                {
                    drive_id = table.Column<int>(type: "integer", nullable: false),
                    booth_id = table.Column<int>(type: "integer", nullable: false),
                    block_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: false),
                    enrolled = table.Column<int>(type: "integer", nullable: false),
                    verified = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_booth_counts", x => new { x.drive_id, x.booth_id });
                });

            migrationBuilder.CreateTable(
                name: "member_daily_counts",
                columns: table => new
                {
                    drive_id = table.Column<int>(type: "integer", nullable: false),
                    block_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: false),
                    enrolled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_daily_counts", x => new { x.drive_id, x.block_id, x.day });
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    drive_id = table.Column<int>(type: "integer", nullable: false),
                    mobile = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    booth_id = table.Column<int>(type: "integer", nullable: false),
                    block_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: false),
                    gender = table.Column<int>(type: "integer", nullable: true),
                    birth_year = table.Column<short>(type: "smallint", nullable: true),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    enrolled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    enrolled_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    verification = table.Column<int>(type: "integer", nullable: false),
                    verified_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    verified_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    import_job_id = table.Column<long>(type: "bigint", nullable: true),
                    import_line = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => new { x.drive_id, x.mobile });
                });

            migrationBuilder.CreateTable(
                name: "membership_drives",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_hi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_membership_drives", x => x.id);
                    table.ForeignKey(
                        name: "fk_membership_drives_territories_state_id",
                        column: x => x.state_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "drive_targets",
                columns: table => new
                {
                    drive_id = table.Column<int>(type: "integer", nullable: false),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    block_id = table.Column<int>(type: "integer", nullable: true),
                    target = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drive_targets", x => new { x.drive_id, x.territory_id });
                    table.ForeignKey(
                        name: "fk_drive_targets_membership_drives_drive_id",
                        column: x => x.drive_id,
                        principalTable: "membership_drives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_drive_targets_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_import_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    drive_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    bytes_total = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    heartbeat_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    worker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    bytes_read = table.Column<long>(type: "bigint", nullable: false),
                    rows_read = table.Column<long>(type: "bigint", nullable: false),
                    added = table.Column<long>(type: "bigint", nullable: false),
                    already_present = table.Column<long>(type: "bigint", nullable: false),
                    error_rows = table.Column<long>(type: "bigint", nullable: false),
                    failure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_import_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_import_jobs_membership_drives_drive_id",
                        column: x => x.drive_id,
                        principalTable: "membership_drives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_import_chunks",
                columns: table => new
                {
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_import_chunks", x => new { x.job_id, x.seq });
                    table.ForeignKey(
                        name: "fk_member_import_chunks_member_import_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "member_import_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_import_errors",
                columns: table => new
                {
                    job_id = table.Column<long>(type: "bigint", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    problems = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    other_line = table.Column<int>(type: "integer", nullable: true),
                    other_booth_id = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "text", nullable: true),
                    mobile = table.Column<string>(type: "text", nullable: true),
                    ac_number = table.Column<string>(type: "text", nullable: true),
                    part_number = table.Column<string>(type: "text", nullable: true),
                    gender = table.Column<string>(type: "text", nullable: true),
                    birth_year = table.Column<string>(type: "text", nullable: true),
                    channel = table.Column<string>(type: "text", nullable: true),
                    enrolled_on = table.Column<string>(type: "text", nullable: true),
                    enrolled_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_import_errors", x => new { x.job_id, x.line });
                    table.ForeignKey(
                        name: "fk_member_import_errors_member_import_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "member_import_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_drive_targets_drive_id_level_district_id",
                table: "drive_targets",
                columns: new[] { "drive_id", "level", "district_id" });

            migrationBuilder.CreateIndex(
                name: "ix_drive_targets_territory_id",
                table: "drive_targets",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_booth_counts_drive_id_block_id",
                table: "member_booth_counts",
                columns: new[] { "drive_id", "block_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_daily_counts_drive_id_district_id",
                table: "member_daily_counts",
                columns: new[] { "drive_id", "district_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_import_jobs_drive_id_id",
                table: "member_import_jobs",
                columns: new[] { "drive_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_import_jobs_status_id",
                table: "member_import_jobs",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_membership_drives_state_id_start_date",
                table: "membership_drives",
                columns: new[] { "state_id", "start_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drive_targets");

            migrationBuilder.DropTable(
                name: "member_booth_counts");

            migrationBuilder.DropTable(
                name: "member_daily_counts");

            migrationBuilder.DropTable(
                name: "member_import_chunks");

            migrationBuilder.DropTable(
                name: "member_import_errors");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "member_import_jobs");

            migrationBuilder.DropTable(
                name: "membership_drives");
        }
    }
}
