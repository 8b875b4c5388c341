using OrgTracker.Web.Data;
﻿using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "absence_runs",
                columns: table => new
                {
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    oldest_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    latest_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_absence_runs", x => x.person_id);
                });

            migrationBuilder.CreateTable(
                name: "unit_counts",
                columns: table => new
                {
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    state_id = table.Column<int>(type: "integer", nullable: false),
                    division_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    block_id = table.Column<int>(type: "integer", nullable: true),
                    divisions = table.Column<int>(type: "integer", nullable: false),
                    districts = table.Column<int>(type: "integer", nullable: false),
                    blocks = table.Column<int>(type: "integer", nullable: false),
                    wards = table.Column<int>(type: "integer", nullable: false),
                    booths = table.Column<int>(type: "integer", nullable: false),
                    people = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_counts", x => x.territory_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_people_state_id",
                table: "people",
                column: "state_id",
                filter: "division_id IS NULL AND district_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_state_id_starts_utc1",
                table: "meetings",
                columns: new[] { "state_id", "starts_utc" },
                filter: "status = 2")
                .Annotation("Npgsql:IndexInclude", new[] { "division_id", "district_id", "block_id" });

            migrationBuilder.CreateIndex(
                name: "ix_absence_runs_state_id_oldest_utc",
                table: "absence_runs",
                columns: new[] { "state_id", "oldest_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_counts_block_id",
                table: "unit_counts",
                column: "block_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_counts_district_id",
                table: "unit_counts",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_counts_division_id",
                table: "unit_counts",
                column: "division_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_counts_state_id",
                table: "unit_counts",
                column: "state_id");

            // A database that already has territories, people and attendance gets its roll-ups filled here.
            migrationBuilder.Sql(Summaries.RebuildUnitsAndAbsencesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "absence_runs");

            migrationBuilder.DropTable(
                name: "unit_counts");

            migrationBuilder.DropIndex(
                name: "ix_people_state_id",
                table: "people");

            migrationBuilder.DropIndex(
                name: "ix_meetings_state_id_starts_utc1",
                table: "meetings");
        }
    }
}
