using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <summary>
    /// The change log that tells kept figures (<see cref="KeptFigures"/>) when they are out of date: every statement
    /// that writes one of the tables the dashboard reads notes its transaction and the states it wrote, whoever runs
    /// it (EF Core, an import's COPY, a script).
    /// </summary>
    public partial class FigureChanges : Migration
    {
        /// <summary>The tables the dashboard's figures are read from (posts: the sanction, the same in every state).</summary>
        private static readonly string[] Tables =
        [
            "territories", "unit_figures", "unit_activities", "meetings", "meeting_months", "action_items", "directives", "directive_targets",
            "membership_drives", "drive_targets", "member_month_counts", "member_seat_counts", "report_months", "assembly_constituencies",
            "coverage_cells", "posts",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE figure_changes (
                    xid xid8 NOT NULL,
                    state_id integer NOT NULL,
                    -- By state first: a check reads its state's (and every state's) changes since its snapshot.
                    CONSTRAINT pk_figure_changes PRIMARY KEY (state_id, xid));
                COMMENT ON TABLE figure_changes IS 'Transactions that wrote a table the dashboard reads, by state (0: every state). Kept figures whose snapshot does not see one of them are recomputed.';
                CREATE TABLE figure_change_horizon (
                    one boolean PRIMARY KEY DEFAULT true CHECK (one),
                    kept_from xid8 NOT NULL);
                COMMENT ON TABLE figure_change_horizon IS 'figure_changes holds every transaction from kept_from on; figures kept from an older snapshot are recomputed.';
                INSERT INTO figure_change_horizon (kept_from) VALUES (pg_snapshot_xmin(pg_current_snapshot()));

                CREATE FUNCTION note_figure_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' OR TG_ARGV[0] = 'every state' THEN
                        INSERT INTO figure_changes VALUES (pg_current_xact_id(), 0) ON CONFLICT DO NOTHING;
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO figure_changes SELECT DISTINCT pg_current_xact_id(), coalesce(state_id, 0) FROM old_rows ON CONFLICT DO NOTHING;
                    ELSE
                        -- A row never changes state (a booth moves within its state), so an update's new rows name it.
                        INSERT INTO figure_changes SELECT DISTINCT pg_current_xact_id(), coalesce(state_id, 0) FROM new_rows ON CONFLICT DO NOTHING;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Tables)
            {
                var args = table == "posts" ? "'every state'" : "";
                migrationBuilder.Sql($"""
                    CREATE TRIGGER figure_change_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_figure_change({args});
                    CREATE TRIGGER figure_change_update AFTER UPDATE ON {table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_figure_change({args});
                    CREATE TRIGGER figure_change_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_figure_change({args});
                    CREATE TRIGGER figure_change_truncate AFTER TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION note_figure_change({args});
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
                migrationBuilder.Sql($"""
                    DROP TRIGGER figure_change_insert ON {table};
                    DROP TRIGGER figure_change_update ON {table};
                    DROP TRIGGER figure_change_delete ON {table};
                    DROP TRIGGER figure_change_truncate ON {table};
                    """);
            migrationBuilder.Sql("DROP FUNCTION note_figure_change(); DROP TABLE figure_change_horizon; DROP TABLE figure_changes;");
        }
    }
}
