using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    entity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    changes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_sessions",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ticket = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_sessions", x => x.key);
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
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.user_id, x.key });
                });

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
                name: "unit_activities",
                columns: table => new
                {
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    last_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_activities", x => x.territory_id);
                });

            migrationBuilder.CreateTable(
                name: "vacancy_cells",
                columns: table => new
                {
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    block_id = table.Column<int>(type: "integer", nullable: true),
                    filled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vacancy_cells", x => x.territory_id);
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
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    decision_id = table.Column<int>(type: "integer", nullable: true),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    owner_id = table.Column<int>(type: "integer", nullable: false),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_items", x => x.id);
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
                        name: "fk_appointments_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_wings_wing_id",
                        column: x => x.wing_id,
                        principalTable: "wings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scope_territory_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assembly_constituencies",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    lok_sabha_constituency_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_hi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reservation = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    result_year = table.Column<int>(type: "integer", nullable: true),
                    winning_party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    party_outcome = table.Column<int>(type: "integer", nullable: true),
                    margin_votes = table.Column<int>(type: "integer", nullable: true),
                    margin_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assembly_constituencies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "territories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    level = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    block_id = table.Column<int>(type: "integer", nullable: true),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_hi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_urban = table.Column<bool>(type: "boolean", nullable: false),
                    ward_id = table.Column<int>(type: "integer", nullable: true),
                    assembly_constituency_id = table.Column<int>(type: "integer", nullable: true),
                    part_number = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_territories", x => x.id);
                    table.ForeignKey(
                        name: "fk_territories_assembly_constituencies_assembly_constituency_id",
                        column: x => x.assembly_constituency_id,
                        principalTable: "assembly_constituencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_territories_territories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_territories_territories_ward_id",
                        column: x => x.ward_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    block_id = table.Column<int>(type: "integer", nullable: true)
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
                name: "lok_sabha_constituencies",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_hi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lok_sabha_constituencies", x => x.id);
                    table.ForeignKey(
                        name: "fk_lok_sabha_constituencies_territories_state_id",
                        column: x => x.state_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_programmes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_programmes", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_programmes_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<DateOnly>(type: "date", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    achievements = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    problems = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    help_needed = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_by_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    entered_on_behalf = table.Column<bool>(type: "boolean", nullable: false),
                    first_submitted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_submitted_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submitted_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    submitted_on_behalf = table.Column<bool>(type: "boolean", nullable: false),
                    reviewed_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reviewed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_reports_territories_district_id",
                        column: x => x.district_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reports_territories_division_id",
                        column: x => x.division_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reports_territories_state_id",
                        column: x => x.state_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    programme_id = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    block_id = table.Column<int>(type: "integer", nullable: true),
                    wing_id = table.Column<int>(type: "integer", nullable: true),
                    starts_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    venue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    chair = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    agenda = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    head_count = table.Column<int>(type: "integer", nullable: true),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_meetings_meeting_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "meeting_programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meetings_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meetings_wings_wing_id",
                        column: x => x.wing_id,
                        principalTable: "wings",
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
                name: "report_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    on_behalf = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_events_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_decisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_decisions_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_invitees",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    appointment_id = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    attendance = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    marked_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_invitees", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_invitees_appointments_appointment_id",
                        column: x => x.appointment_id,
                        principalTable: "appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_meeting_invitees_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_invitees_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_photos",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    caption = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    image = table.Column<byte[]>(type: "bytea", nullable: false),
                    thumbnail = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_photos_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                        name: "fk_trainings_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_trainings_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "ix_action_items_decision_id",
                table: "action_items",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_items_meeting_id",
                table: "action_items",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_items_open",
                table: "action_items",
                columns: new[] { "state_id", "district_id", "due_on" },
                filter: "status IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "ix_action_items_owner_id_status",
                table: "action_items",
                columns: new[] { "owner_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_action_items_territory_id",
                table: "action_items",
                column: "territory_id");

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
                name: "ix_appointments_inactive_current",
                table: "appointments",
                columns: new[] { "state_id", "division_id", "district_id", "block_id" },
                filter: "inactive_since IS NOT NULL AND \"to\" IS NULL");

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
                name: "ix_asp_net_role_claims_role_id",
                table: "AspNetRoleClaims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "AspNetUserClaims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "AspNetUserLogins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "AspNetUserRoles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_scope_territory_id",
                table: "AspNetUsers",
                column: "scope_territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_state_id_role",
                table: "AspNetUsers",
                columns: new[] { "state_id", "role" });

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assembly_constituencies_district_id",
                table: "assembly_constituencies",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_assembly_constituencies_division_id",
                table: "assembly_constituencies",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_assembly_constituencies_lok_sabha_constituency_id",
                table: "assembly_constituencies",
                column: "lok_sabha_constituency_id");

            migrationBuilder.CreateIndex(
                name: "ix_assembly_constituencies_state_id_number",
                table: "assembly_constituencies",
                columns: new[] { "state_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assembly_constituencies_state_id_party_outcome_margin_perce",
                table: "assembly_constituencies",
                columns: new[] { "state_id", "party_outcome", "margin_percent" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_district_id_at_utc",
                table: "audit_entries",
                columns: new[] { "district_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_entity_id",
                table: "audit_entries",
                columns: new[] { "entity", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_state_id_at_utc",
                table: "audit_entries",
                columns: new[] { "state_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_user_id",
                table: "audit_entries",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_auth_sessions_expires_utc",
                table: "auth_sessions",
                column: "expires_utc");

            migrationBuilder.CreateIndex(
                name: "ix_auth_sessions_user_id",
                table: "auth_sessions",
                column: "user_id");

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
                name: "ix_drive_targets_drive_id_level_district_id",
                table: "drive_targets",
                columns: new[] { "drive_id", "level", "district_id" });

            migrationBuilder.CreateIndex(
                name: "ix_drive_targets_territory_id",
                table: "drive_targets",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_utc",
                table: "idempotency_keys",
                column: "created_utc");

            migrationBuilder.CreateIndex(
                name: "ix_lok_sabha_constituencies_state_id_number",
                table: "lok_sabha_constituencies",
                columns: new[] { "state_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_decisions_meeting_id",
                table: "meeting_decisions",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_appointment_id",
                table: "meeting_invitees",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_district_id_meeting_id",
                table: "meeting_invitees",
                columns: new[] { "district_id", "meeting_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_division_id_meeting_id",
                table: "meeting_invitees",
                columns: new[] { "division_id", "meeting_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_meeting_id_person_id",
                table: "meeting_invitees",
                columns: new[] { "meeting_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_person_id_meeting_id",
                table: "meeting_invitees",
                columns: new[] { "person_id", "meeting_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_photos_meeting_id",
                table: "meeting_photos",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_programmes_state_id_district_id",
                table: "meeting_programmes",
                columns: new[] { "state_id", "district_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_programmes_territory_id",
                table: "meeting_programmes",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_district_id_starts_utc",
                table: "meetings",
                columns: new[] { "district_id", "starts_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_division_id_starts_utc",
                table: "meetings",
                columns: new[] { "division_id", "starts_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_programme_id_starts_utc",
                table: "meetings",
                columns: new[] { "programme_id", "starts_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_state_id_starts_utc",
                table: "meetings",
                columns: new[] { "state_id", "starts_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_territory_id_type_starts_utc",
                table: "meetings",
                columns: new[] { "territory_id", "type", "starts_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_wing_id",
                table: "meetings",
                column: "wing_id");

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
                name: "ix_report_events_report_id_at_utc",
                table: "report_events",
                columns: new[] { "report_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_report_events_state_id_at_utc",
                table: "report_events",
                columns: new[] { "state_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_district_id_period_revision",
                table: "reports",
                columns: new[] { "district_id", "period", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_division_id_period",
                table: "reports",
                columns: new[] { "division_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_state_id_period",
                table: "reports",
                columns: new[] { "state_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_state_id_status_last_submitted_utc",
                table: "reports",
                columns: new[] { "state_id", "status", "last_submitted_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_assembly_constituency_id_part_number",
                table: "territories",
                columns: new[] { "assembly_constituency_id", "part_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_territories_block_id_level",
                table: "territories",
                columns: new[] { "block_id", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_district_id_level",
                table: "territories",
                columns: new[] { "district_id", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_division_id_level",
                table: "territories",
                columns: new[] { "division_id", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_name_en",
                table: "territories",
                column: "name_en")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_name_hi",
                table: "territories",
                column: "name_hi")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_parent_id_level_name_en",
                table: "territories",
                columns: new[] { "parent_id", "level", "name_en" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_state_id_level",
                table: "territories",
                columns: new[] { "state_id", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_ward_id",
                table: "territories",
                column: "ward_id");

            migrationBuilder.CreateIndex(
                name: "ix_trainings_meeting_id",
                table: "trainings",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_trainings_person_id",
                table: "trainings",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_activities_district_id",
                table: "unit_activities",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_activities_division_id",
                table: "unit_activities",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_activities_state_id_last_on",
                table: "unit_activities",
                columns: new[] { "state_id", "last_on" });

            migrationBuilder.CreateIndex(
                name: "ix_vacancy_cells_block_id",
                table: "vacancy_cells",
                column: "block_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancy_cells_district_id",
                table: "vacancy_cells",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancy_cells_division_id",
                table: "vacancy_cells",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_vacancy_cells_state_id",
                table: "vacancy_cells",
                column: "state_id");

            migrationBuilder.CreateIndex(
                name: "ix_wings_code",
                table: "wings",
                column: "code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_action_items_meeting_decisions_decision_id",
                table: "action_items",
                column: "decision_id",
                principalTable: "meeting_decisions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_action_items_meetings_meeting_id",
                table: "action_items",
                column: "meeting_id",
                principalTable: "meetings",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_action_items_people_owner_id",
                table: "action_items",
                column: "owner_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_action_items_territories_territory_id",
                table: "action_items",
                column: "territory_id",
                principalTable: "territories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_appointments_committees_committee_id",
                table: "appointments",
                column: "committee_id",
                principalTable: "committees",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_appointments_people_person_id",
                table: "appointments",
                column: "person_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_appointments_territories_territory_id",
                table: "appointments",
                column: "territory_id",
                principalTable: "territories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_asp_net_user_claims_asp_net_users_user_id",
                table: "AspNetUserClaims",
                column: "user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_asp_net_user_logins_asp_net_users_user_id",
                table: "AspNetUserLogins",
                column: "user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_asp_net_user_roles_asp_net_users_user_id",
                table: "AspNetUserRoles",
                column: "user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_asp_net_users_territories_scope_territory_id",
                table: "AspNetUsers",
                column: "scope_territory_id",
                principalTable: "territories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_assembly_constituencies_lok_sabha_constituencies_lok_sabha_",
                table: "assembly_constituencies",
                column: "lok_sabha_constituency_id",
                principalTable: "lok_sabha_constituencies",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_assembly_constituencies_territories_district_id",
                table: "assembly_constituencies",
                column: "district_id",
                principalTable: "territories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_assembly_constituencies_territories_state_id",
                table: "assembly_constituencies",
                column: "state_id",
                principalTable: "territories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Hand-written: the audit trail is append-only in the database (keep this line if the migration is regenerated).
            migrationBuilder.Sql(AuditTrailGuard.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditTrailGuard.Drop);

            migrationBuilder.DropForeignKey(
                name: "fk_assembly_constituencies_territories_district_id",
                table: "assembly_constituencies");

            migrationBuilder.DropForeignKey(
                name: "fk_assembly_constituencies_territories_state_id",
                table: "assembly_constituencies");

            migrationBuilder.DropForeignKey(
                name: "fk_lok_sabha_constituencies_territories_state_id",
                table: "lok_sabha_constituencies");

            migrationBuilder.DropTable(
                name: "action_items");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "auth_sessions");

            migrationBuilder.DropTable(
                name: "coverage_cells");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "drive_targets");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "meeting_invitees");

            migrationBuilder.DropTable(
                name: "meeting_photos");

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
                name: "report_events");

            migrationBuilder.DropTable(
                name: "trainings");

            migrationBuilder.DropTable(
                name: "unit_activities");

            migrationBuilder.DropTable(
                name: "vacancy_cells");

            migrationBuilder.DropTable(
                name: "meeting_decisions");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "appointments");

            migrationBuilder.DropTable(
                name: "member_import_jobs");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "committees");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "posts");

            migrationBuilder.DropTable(
                name: "membership_drives");

            migrationBuilder.DropTable(
                name: "meeting_programmes");

            migrationBuilder.DropTable(
                name: "wings");

            migrationBuilder.DropTable(
                name: "territories");

            migrationBuilder.DropTable(
                name: "assembly_constituencies");

            migrationBuilder.DropTable(
                name: "lok_sabha_constituencies");
        }
    }
}
