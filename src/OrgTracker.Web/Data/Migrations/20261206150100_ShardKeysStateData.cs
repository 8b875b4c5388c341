using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShardKeysStateData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_action_items_meeting_decisions_decision_id",
                table: "action_items");

            migrationBuilder.DropForeignKey(
                name: "fk_action_items_meetings_meeting_id",
                table: "action_items");

            migrationBuilder.DropForeignKey(
                name: "fk_action_items_people_owner_id",
                table: "action_items");

            migrationBuilder.DropForeignKey(
                name: "fk_appointments_appointments_successor_id",
                table: "appointments");

            migrationBuilder.DropForeignKey(
                name: "fk_appointments_committees_committee_id",
                table: "appointments");

            migrationBuilder.DropForeignKey(
                name: "fk_appointments_people_person_id",
                table: "appointments");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_answers_directive_targets_target_id",
                table: "directive_answers");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_answers_directives_directive_id",
                table: "directive_answers");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_files_directive_answers_answer_id",
                table: "directive_files");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_files_directives_directive_id",
                table: "directive_files");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_targets_directive_targets_parent_target_id",
                table: "directive_targets");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_targets_directives_directive_id",
                table: "directive_targets");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_decisions_meetings_meeting_id",
                table: "meeting_decisions");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_invitees_appointments_appointment_id",
                table: "meeting_invitees");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_invitees_meetings_meeting_id",
                table: "meeting_invitees");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_invitees_people_person_id",
                table: "meeting_invitees");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_photos_meetings_meeting_id",
                table: "meeting_photos");

            migrationBuilder.DropForeignKey(
                name: "fk_meetings_meeting_programmes_programme_id",
                table: "meetings");

            migrationBuilder.DropForeignKey(
                name: "fk_report_events_reports_report_id",
                table: "report_events");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_candidates_people_person_id",
                table: "srijan_candidates");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_candidates_srijan_districts_srijan_district_id",
                table: "srijan_candidates");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_consultations_meetings_meeting_id",
                table: "srijan_consultations");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_consultations_srijan_districts_srijan_district_id",
                table: "srijan_consultations");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_districts_appointments_appointment_id",
                table: "srijan_districts");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_districts_srijan_campaigns_campaign_id",
                table: "srijan_districts");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_districts_srijan_candidates_chosen_candidate_id",
                table: "srijan_districts");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_observers_people_person_id",
                table: "srijan_observers");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_observers_srijan_districts_srijan_district_id",
                table: "srijan_observers");

            migrationBuilder.DropForeignKey(
                name: "fk_trainings_meetings_meeting_id",
                table: "trainings");

            migrationBuilder.DropForeignKey(
                name: "fk_trainings_people_person_id",
                table: "trainings");

            migrationBuilder.DropPrimaryKey(
                name: "pk_trainings",
                table: "trainings");

            migrationBuilder.DropIndex(
                name: "ix_trainings_meeting_id",
                table: "trainings");

            migrationBuilder.DropIndex(
                name: "ix_trainings_person_id",
                table: "trainings");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_observers",
                table: "srijan_observers");

            migrationBuilder.DropIndex(
                name: "ix_srijan_observers_person_id",
                table: "srijan_observers");

            migrationBuilder.DropIndex(
                name: "ix_srijan_observers_srijan_district_id_person_id",
                table: "srijan_observers");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_districts",
                table: "srijan_districts");

            migrationBuilder.DropIndex(
                name: "ix_srijan_districts_appointment_id",
                table: "srijan_districts");

            migrationBuilder.DropIndex(
                name: "ix_srijan_districts_campaign_id_territory_id",
                table: "srijan_districts");

            migrationBuilder.DropIndex(
                name: "ix_srijan_districts_chosen_candidate_id",
                table: "srijan_districts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_consultations",
                table: "srijan_consultations");

            migrationBuilder.DropIndex(
                name: "ix_srijan_consultations_meeting_id",
                table: "srijan_consultations");

            migrationBuilder.DropIndex(
                name: "ix_srijan_consultations_srijan_district_id_meeting_id",
                table: "srijan_consultations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_candidates",
                table: "srijan_candidates");

            migrationBuilder.DropIndex(
                name: "ix_srijan_candidates_person_id",
                table: "srijan_candidates");

            migrationBuilder.DropIndex(
                name: "ix_srijan_candidates_srijan_district_id_person_id",
                table: "srijan_candidates");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_campaigns",
                table: "srijan_campaigns");

            migrationBuilder.DropPrimaryKey(
                name: "pk_reports",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_district_id_period_revision",
                table: "reports");

            migrationBuilder.DropPrimaryKey(
                name: "pk_report_events",
                table: "report_events");

            migrationBuilder.DropIndex(
                name: "ix_report_events_report_id_at_utc",
                table: "report_events");

            migrationBuilder.DropPrimaryKey(
                name: "pk_people",
                table: "people");

            migrationBuilder.DropIndex(
                name: "ix_people_mobile",
                table: "people");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meetings",
                table: "meetings");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_programmes",
                table: "meeting_programmes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_photos",
                table: "meeting_photos");

            migrationBuilder.DropIndex(
                name: "ix_meeting_photos_meeting_id",
                table: "meeting_photos");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_invitees",
                table: "meeting_invitees");

            migrationBuilder.DropIndex(
                name: "ix_meeting_invitees_appointment_id",
                table: "meeting_invitees");

            migrationBuilder.DropIndex(
                name: "ix_meeting_invitees_meeting_id_person_id",
                table: "meeting_invitees");

            migrationBuilder.DropIndex(
                name: "ix_meeting_invitees_person_id_meeting_id",
                table: "meeting_invitees");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_decisions",
                table: "meeting_decisions");

            migrationBuilder.DropIndex(
                name: "ix_meeting_decisions_meeting_id",
                table: "meeting_decisions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_directives",
                table: "directives");

            migrationBuilder.DropPrimaryKey(
                name: "pk_directive_targets",
                table: "directive_targets");

            migrationBuilder.DropIndex(
                name: "ix_directive_targets_directive_id_territory_id",
                table: "directive_targets");

            migrationBuilder.DropIndex(
                name: "ix_directive_targets_parent_target_id",
                table: "directive_targets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_directive_files",
                table: "directive_files");

            migrationBuilder.DropIndex(
                name: "ix_directive_files_answer_id",
                table: "directive_files");

            migrationBuilder.DropIndex(
                name: "ix_directive_files_directive_id_answer_id",
                table: "directive_files");

            migrationBuilder.DropPrimaryKey(
                name: "pk_directive_answers",
                table: "directive_answers");

            migrationBuilder.DropIndex(
                name: "ix_directive_answers_directive_id",
                table: "directive_answers");

            migrationBuilder.DropIndex(
                name: "ix_directive_answers_target_id_id",
                table: "directive_answers");

            migrationBuilder.DropPrimaryKey(
                name: "pk_committees",
                table: "committees");

            migrationBuilder.DropPrimaryKey(
                name: "pk_appointments",
                table: "appointments");

            migrationBuilder.DropIndex(
                name: "ix_appointments_committee_id",
                table: "appointments");

            migrationBuilder.DropIndex(
                name: "ix_appointments_person_id",
                table: "appointments");

            migrationBuilder.DropIndex(
                name: "ix_appointments_successor_id",
                table: "appointments");

            migrationBuilder.DropIndex(
                name: "ux_appointments_current",
                table: "appointments");

            migrationBuilder.DropPrimaryKey(
                name: "pk_action_items",
                table: "action_items");

            migrationBuilder.DropIndex(
                name: "ix_action_items_decision_id",
                table: "action_items");

            migrationBuilder.DropIndex(
                name: "ix_action_items_meeting_id",
                table: "action_items");

            migrationBuilder.DropIndex(
                name: "ix_action_items_owner_id_status",
                table: "action_items");

            migrationBuilder.AddColumn<int>(
                name: "state_id",
                table: "trainings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // A training is its person's: take the state from the person, then keep no default.
            migrationBuilder.Sql("UPDATE trainings t SET state_id = p.state_id FROM people p WHERE p.id = t.person_id;");
            migrationBuilder.Sql("ALTER TABLE trainings ALTER COLUMN state_id DROP DEFAULT;");

            migrationBuilder.AddPrimaryKey(
                name: "pk_trainings",
                table: "trainings",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_observers",
                table: "srijan_observers",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_districts",
                table: "srijan_districts",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_consultations",
                table: "srijan_consultations",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_candidates",
                table: "srijan_candidates",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_campaigns",
                table: "srijan_campaigns",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_reports",
                table: "reports",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_report_events",
                table: "report_events",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_people",
                table: "people",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_meetings",
                table: "meetings",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_programmes",
                table: "meeting_programmes",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_photos",
                table: "meeting_photos",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_invitees",
                table: "meeting_invitees",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_decisions",
                table: "meeting_decisions",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_directives",
                table: "directives",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_directive_targets",
                table: "directive_targets",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_directive_files",
                table: "directive_files",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_directive_answers",
                table: "directive_answers",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_committees",
                table: "committees",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_appointments",
                table: "appointments",
                columns: new[] { "id", "state_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_action_items",
                table: "action_items",
                columns: new[] { "id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_trainings_meeting_id_state_id",
                table: "trainings",
                columns: new[] { "meeting_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_trainings_person_id_state_id",
                table: "trainings",
                columns: new[] { "person_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_observers_person_id_state_id",
                table: "srijan_observers",
                columns: new[] { "person_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_observers_srijan_district_id_state_id_person_id",
                table: "srijan_observers",
                columns: new[] { "srijan_district_id", "state_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_appointment_id_state_id",
                table: "srijan_districts",
                columns: new[] { "appointment_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_campaign_id_state_id_territory_id",
                table: "srijan_districts",
                columns: new[] { "campaign_id", "state_id", "territory_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_chosen_candidate_id_state_id",
                table: "srijan_districts",
                columns: new[] { "chosen_candidate_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_consultations_meeting_id_state_id",
                table: "srijan_consultations",
                columns: new[] { "meeting_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_consultations_srijan_district_id_state_id_meeting_id",
                table: "srijan_consultations",
                columns: new[] { "srijan_district_id", "state_id", "meeting_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_srijan_candidates_person_id_state_id",
                table: "srijan_candidates",
                columns: new[] { "person_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_srijan_candidates_srijan_district_id_state_id_person_id",
                table: "srijan_candidates",
                columns: new[] { "srijan_district_id", "state_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_district_id_period_revision",
                table: "reports",
                columns: new[] { "district_id", "period", "revision", "state_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_events_report_id_state_id_at_utc",
                table: "report_events",
                columns: new[] { "report_id", "state_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_people_mobile",
                table: "people",
                columns: new[] { "mobile", "state_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meetings_programme_id_state_id",
                table: "meetings",
                columns: new[] { "programme_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_photos_meeting_id_state_id",
                table: "meeting_photos",
                columns: new[] { "meeting_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_appointment_id_state_id",
                table: "meeting_invitees",
                columns: new[] { "appointment_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_meeting_id_person_id",
                table: "meeting_invitees",
                columns: new[] { "meeting_id", "state_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_person_id_state_id_meeting_id",
                table: "meeting_invitees",
                columns: new[] { "person_id", "state_id", "meeting_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_decisions_meeting_id_state_id",
                table: "meeting_decisions",
                columns: new[] { "meeting_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_directive_id_state_id_territory_id",
                table: "directive_targets",
                columns: new[] { "directive_id", "state_id", "territory_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_parent_target_id_state_id",
                table: "directive_targets",
                columns: new[] { "parent_target_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_files_answer_id_state_id",
                table: "directive_files",
                columns: new[] { "answer_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_files_directive_id_state_id_answer_id",
                table: "directive_files",
                columns: new[] { "directive_id", "state_id", "answer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_answers_directive_id_state_id",
                table: "directive_answers",
                columns: new[] { "directive_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_answers_target_id_state_id_id",
                table: "directive_answers",
                columns: new[] { "target_id", "state_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_committee_id_state_id",
                table: "appointments",
                columns: new[] { "committee_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_successor_id_state_id",
                table: "appointments",
                columns: new[] { "successor_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ux_appointments_current",
                table: "appointments",
                columns: new[] { "person_id", "state_id", "post_id", "wing_id", "territory_id" },
                unique: true,
                filter: "\"to\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_action_items_decision_id_state_id",
                table: "action_items",
                columns: new[] { "decision_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_action_items_meeting_id_state_id",
                table: "action_items",
                columns: new[] { "meeting_id", "state_id" });

            migrationBuilder.CreateIndex(
                name: "ix_action_items_owner_id_state_id_status",
                table: "action_items",
                columns: new[] { "owner_id", "state_id", "status" });

            migrationBuilder.AddForeignKey(
                name: "fk_action_items_meeting_decisions_decision_id_state_id",
                table: "action_items",
                columns: new[] { "decision_id", "state_id" },
                principalTable: "meeting_decisions",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_action_items_meetings_meeting_id_state_id",
                table: "action_items",
                columns: new[] { "meeting_id", "state_id" },
                principalTable: "meetings",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_action_items_people_owner_id_state_id",
                table: "action_items",
                columns: new[] { "owner_id", "state_id" },
                principalTable: "people",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_appointments_appointments_successor_id_state_id",
                table: "appointments",
                columns: new[] { "successor_id", "state_id" },
                principalTable: "appointments",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_appointments_committees_committee_id_state_id",
                table: "appointments",
                columns: new[] { "committee_id", "state_id" },
                principalTable: "committees",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_appointments_people_person_id_state_id",
                table: "appointments",
                columns: new[] { "person_id", "state_id" },
                principalTable: "people",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_answers_directive_targets_target_id_state_id",
                table: "directive_answers",
                columns: new[] { "target_id", "state_id" },
                principalTable: "directive_targets",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_answers_directives_directive_id_state_id",
                table: "directive_answers",
                columns: new[] { "directive_id", "state_id" },
                principalTable: "directives",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_files_directive_answers_answer_id_state_id",
                table: "directive_files",
                columns: new[] { "answer_id", "state_id" },
                principalTable: "directive_answers",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_files_directives_directive_id_state_id",
                table: "directive_files",
                columns: new[] { "directive_id", "state_id" },
                principalTable: "directives",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_targets_directive_targets_parent_target_id_state_",
                table: "directive_targets",
                columns: new[] { "parent_target_id", "state_id" },
                principalTable: "directive_targets",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_targets_directives_directive_id_state_id",
                table: "directive_targets",
                columns: new[] { "directive_id", "state_id" },
                principalTable: "directives",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_decisions_meetings_meeting_id_state_id",
                table: "meeting_decisions",
                columns: new[] { "meeting_id", "state_id" },
                principalTable: "meetings",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_invitees_appointments_appointment_id_state_id",
                table: "meeting_invitees",
                columns: new[] { "appointment_id", "state_id" },
                principalTable: "appointments",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_invitees_meetings_meeting_id_state_id",
                table: "meeting_invitees",
                columns: new[] { "meeting_id", "state_id" },
                principalTable: "meetings",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_invitees_people_person_id_state_id",
                table: "meeting_invitees",
                columns: new[] { "person_id", "state_id" },
                principalTable: "people",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_photos_meetings_meeting_id_state_id",
                table: "meeting_photos",
                columns: new[] { "meeting_id", "state_id" },
                principalTable: "meetings",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_meetings_meeting_programmes_programme_id_state_id",
                table: "meetings",
                columns: new[] { "programme_id", "state_id" },
                principalTable: "meeting_programmes",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_report_events_reports_report_id_state_id",
                table: "report_events",
                columns: new[] { "report_id", "state_id" },
                principalTable: "reports",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_candidates_people_person_id_state_id",
                table: "srijan_candidates",
                columns: new[] { "person_id", "state_id" },
                principalTable: "people",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_candidates_srijan_districts_srijan_district_id_state",
                table: "srijan_candidates",
                columns: new[] { "srijan_district_id", "state_id" },
                principalTable: "srijan_districts",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_consultations_meetings_meeting_id_state_id",
                table: "srijan_consultations",
                columns: new[] { "meeting_id", "state_id" },
                principalTable: "meetings",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_consultations_srijan_districts_srijan_district_id_st",
                table: "srijan_consultations",
                columns: new[] { "srijan_district_id", "state_id" },
                principalTable: "srijan_districts",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_districts_appointments_appointment_id_state_id",
                table: "srijan_districts",
                columns: new[] { "appointment_id", "state_id" },
                principalTable: "appointments",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_districts_srijan_campaigns_campaign_id_state_id",
                table: "srijan_districts",
                columns: new[] { "campaign_id", "state_id" },
                principalTable: "srijan_campaigns",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_districts_srijan_candidates_chosen_candidate_id_stat",
                table: "srijan_districts",
                columns: new[] { "chosen_candidate_id", "state_id" },
                principalTable: "srijan_candidates",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_observers_people_person_id_state_id",
                table: "srijan_observers",
                columns: new[] { "person_id", "state_id" },
                principalTable: "people",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_observers_srijan_districts_srijan_district_id_state_",
                table: "srijan_observers",
                columns: new[] { "srijan_district_id", "state_id" },
                principalTable: "srijan_districts",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_trainings_meetings_meeting_id_state_id",
                table: "trainings",
                columns: new[] { "meeting_id", "state_id" },
                principalTable: "meetings",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_trainings_people_person_id_state_id",
                table: "trainings",
                columns: new[] { "person_id", "state_id" },
                principalTable: "people",
                principalColumns: new[] { "id", "state_id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_action_items_meeting_decisions_decision_id_state_id",
                table: "action_items");

            migrationBuilder.DropForeignKey(
                name: "fk_action_items_meetings_meeting_id_state_id",
                table: "action_items");

            migrationBuilder.DropForeignKey(
                name: "fk_action_items_people_owner_id_state_id",
                table: "action_items");

            migrationBuilder.DropForeignKey(
                name: "fk_appointments_appointments_successor_id_state_id",
                table: "appointments");

            migrationBuilder.DropForeignKey(
                name: "fk_appointments_committees_committee_id_state_id",
                table: "appointments");

            migrationBuilder.DropForeignKey(
                name: "fk_appointments_people_person_id_state_id",
                table: "appointments");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_answers_directive_targets_target_id_state_id",
                table: "directive_answers");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_answers_directives_directive_id_state_id",
                table: "directive_answers");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_files_directive_answers_answer_id_state_id",
                table: "directive_files");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_files_directives_directive_id_state_id",
                table: "directive_files");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_targets_directive_targets_parent_target_id_state_",
                table: "directive_targets");

            migrationBuilder.DropForeignKey(
                name: "fk_directive_targets_directives_directive_id_state_id",
                table: "directive_targets");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_decisions_meetings_meeting_id_state_id",
                table: "meeting_decisions");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_invitees_appointments_appointment_id_state_id",
                table: "meeting_invitees");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_invitees_meetings_meeting_id_state_id",
                table: "meeting_invitees");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_invitees_people_person_id_state_id",
                table: "meeting_invitees");

            migrationBuilder.DropForeignKey(
                name: "fk_meeting_photos_meetings_meeting_id_state_id",
                table: "meeting_photos");

            migrationBuilder.DropForeignKey(
                name: "fk_meetings_meeting_programmes_programme_id_state_id",
                table: "meetings");

            migrationBuilder.DropForeignKey(
                name: "fk_report_events_reports_report_id_state_id",
                table: "report_events");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_candidates_people_person_id_state_id",
                table: "srijan_candidates");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_candidates_srijan_districts_srijan_district_id_state",
                table: "srijan_candidates");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_consultations_meetings_meeting_id_state_id",
                table: "srijan_consultations");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_consultations_srijan_districts_srijan_district_id_st",
                table: "srijan_consultations");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_districts_appointments_appointment_id_state_id",
                table: "srijan_districts");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_districts_srijan_campaigns_campaign_id_state_id",
                table: "srijan_districts");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_districts_srijan_candidates_chosen_candidate_id_stat",
                table: "srijan_districts");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_observers_people_person_id_state_id",
                table: "srijan_observers");

            migrationBuilder.DropForeignKey(
                name: "fk_srijan_observers_srijan_districts_srijan_district_id_state_",
                table: "srijan_observers");

            migrationBuilder.DropForeignKey(
                name: "fk_trainings_meetings_meeting_id_state_id",
                table: "trainings");

            migrationBuilder.DropForeignKey(
                name: "fk_trainings_people_person_id_state_id",
                table: "trainings");

            migrationBuilder.DropPrimaryKey(
                name: "pk_trainings",
                table: "trainings");

            migrationBuilder.DropIndex(
                name: "ix_trainings_meeting_id_state_id",
                table: "trainings");

            migrationBuilder.DropIndex(
                name: "ix_trainings_person_id_state_id",
                table: "trainings");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_observers",
                table: "srijan_observers");

            migrationBuilder.DropIndex(
                name: "ix_srijan_observers_person_id_state_id",
                table: "srijan_observers");

            migrationBuilder.DropIndex(
                name: "ix_srijan_observers_srijan_district_id_state_id_person_id",
                table: "srijan_observers");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_districts",
                table: "srijan_districts");

            migrationBuilder.DropIndex(
                name: "ix_srijan_districts_appointment_id_state_id",
                table: "srijan_districts");

            migrationBuilder.DropIndex(
                name: "ix_srijan_districts_campaign_id_state_id_territory_id",
                table: "srijan_districts");

            migrationBuilder.DropIndex(
                name: "ix_srijan_districts_chosen_candidate_id_state_id",
                table: "srijan_districts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_consultations",
                table: "srijan_consultations");

            migrationBuilder.DropIndex(
                name: "ix_srijan_consultations_meeting_id_state_id",
                table: "srijan_consultations");

            migrationBuilder.DropIndex(
                name: "ix_srijan_consultations_srijan_district_id_state_id_meeting_id",
                table: "srijan_consultations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_candidates",
                table: "srijan_candidates");

            migrationBuilder.DropIndex(
                name: "ix_srijan_candidates_person_id_state_id",
                table: "srijan_candidates");

            migrationBuilder.DropIndex(
                name: "ix_srijan_candidates_srijan_district_id_state_id_person_id",
                table: "srijan_candidates");

            migrationBuilder.DropPrimaryKey(
                name: "pk_srijan_campaigns",
                table: "srijan_campaigns");

            migrationBuilder.DropPrimaryKey(
                name: "pk_reports",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_district_id_period_revision",
                table: "reports");

            migrationBuilder.DropPrimaryKey(
                name: "pk_report_events",
                table: "report_events");

            migrationBuilder.DropIndex(
                name: "ix_report_events_report_id_state_id_at_utc",
                table: "report_events");

            migrationBuilder.DropPrimaryKey(
                name: "pk_people",
                table: "people");

            migrationBuilder.DropIndex(
                name: "ix_people_mobile",
                table: "people");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meetings",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_meetings_programme_id_state_id",
                table: "meetings");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_programmes",
                table: "meeting_programmes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_photos",
                table: "meeting_photos");

            migrationBuilder.DropIndex(
                name: "ix_meeting_photos_meeting_id_state_id",
                table: "meeting_photos");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_invitees",
                table: "meeting_invitees");

            migrationBuilder.DropIndex(
                name: "ix_meeting_invitees_appointment_id_state_id",
                table: "meeting_invitees");

            migrationBuilder.DropIndex(
                name: "ix_meeting_invitees_meeting_id_person_id",
                table: "meeting_invitees");

            migrationBuilder.DropIndex(
                name: "ix_meeting_invitees_person_id_state_id_meeting_id",
                table: "meeting_invitees");

            migrationBuilder.DropPrimaryKey(
                name: "pk_meeting_decisions",
                table: "meeting_decisions");

            migrationBuilder.DropIndex(
                name: "ix_meeting_decisions_meeting_id_state_id",
                table: "meeting_decisions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_directives",
                table: "directives");

            migrationBuilder.DropPrimaryKey(
                name: "pk_directive_targets",
                table: "directive_targets");

            migrationBuilder.DropIndex(
                name: "ix_directive_targets_directive_id_state_id_territory_id",
                table: "directive_targets");

            migrationBuilder.DropIndex(
                name: "ix_directive_targets_parent_target_id_state_id",
                table: "directive_targets");

            migrationBuilder.DropPrimaryKey(
                name: "pk_directive_files",
                table: "directive_files");

            migrationBuilder.DropIndex(
                name: "ix_directive_files_answer_id_state_id",
                table: "directive_files");

            migrationBuilder.DropIndex(
                name: "ix_directive_files_directive_id_state_id_answer_id",
                table: "directive_files");

            migrationBuilder.DropPrimaryKey(
                name: "pk_directive_answers",
                table: "directive_answers");

            migrationBuilder.DropIndex(
                name: "ix_directive_answers_directive_id_state_id",
                table: "directive_answers");

            migrationBuilder.DropIndex(
                name: "ix_directive_answers_target_id_state_id_id",
                table: "directive_answers");

            migrationBuilder.DropPrimaryKey(
                name: "pk_committees",
                table: "committees");

            migrationBuilder.DropPrimaryKey(
                name: "pk_appointments",
                table: "appointments");

            migrationBuilder.DropIndex(
                name: "ix_appointments_committee_id_state_id",
                table: "appointments");

            migrationBuilder.DropIndex(
                name: "ix_appointments_successor_id_state_id",
                table: "appointments");

            migrationBuilder.DropIndex(
                name: "ux_appointments_current",
                table: "appointments");

            migrationBuilder.DropPrimaryKey(
                name: "pk_action_items",
                table: "action_items");

            migrationBuilder.DropIndex(
                name: "ix_action_items_decision_id_state_id",
                table: "action_items");

            migrationBuilder.DropIndex(
                name: "ix_action_items_meeting_id_state_id",
                table: "action_items");

            migrationBuilder.DropIndex(
                name: "ix_action_items_owner_id_state_id_status",
                table: "action_items");

            migrationBuilder.DropColumn(
                name: "state_id",
                table: "trainings");

            migrationBuilder.AddPrimaryKey(
                name: "pk_trainings",
                table: "trainings",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_observers",
                table: "srijan_observers",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_districts",
                table: "srijan_districts",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_consultations",
                table: "srijan_consultations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_candidates",
                table: "srijan_candidates",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_srijan_campaigns",
                table: "srijan_campaigns",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_reports",
                table: "reports",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_report_events",
                table: "report_events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_people",
                table: "people",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_meetings",
                table: "meetings",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_programmes",
                table: "meeting_programmes",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_photos",
                table: "meeting_photos",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_invitees",
                table: "meeting_invitees",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_meeting_decisions",
                table: "meeting_decisions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_directives",
                table: "directives",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_directive_targets",
                table: "directive_targets",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_directive_files",
                table: "directive_files",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_directive_answers",
                table: "directive_answers",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_committees",
                table: "committees",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_appointments",
                table: "appointments",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_action_items",
                table: "action_items",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_trainings_meeting_id",
                table: "trainings",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_trainings_person_id",
                table: "trainings",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_observers_person_id",
                table: "srijan_observers",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_observers_srijan_district_id_person_id",
                table: "srijan_observers",
                columns: new[] { "srijan_district_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_srijan_districts_appointment_id",
                table: "srijan_districts",
                column: "appointment_id");

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
                name: "ix_srijan_consultations_meeting_id",
                table: "srijan_consultations",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_srijan_consultations_srijan_district_id_meeting_id",
                table: "srijan_consultations",
                columns: new[] { "srijan_district_id", "meeting_id" },
                unique: true);

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
                name: "ix_reports_district_id_period_revision",
                table: "reports",
                columns: new[] { "district_id", "period", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_events_report_id_at_utc",
                table: "report_events",
                columns: new[] { "report_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_people_mobile",
                table: "people",
                column: "mobile",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_photos_meeting_id",
                table: "meeting_photos",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_invitees_appointment_id",
                table: "meeting_invitees",
                column: "appointment_id");

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
                name: "ix_meeting_decisions_meeting_id",
                table: "meeting_decisions",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_directive_id_territory_id",
                table: "directive_targets",
                columns: new[] { "directive_id", "territory_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_directive_targets_parent_target_id",
                table: "directive_targets",
                column: "parent_target_id");

            migrationBuilder.CreateIndex(
                name: "ix_directive_files_answer_id",
                table: "directive_files",
                column: "answer_id");

            migrationBuilder.CreateIndex(
                name: "ix_directive_files_directive_id_answer_id",
                table: "directive_files",
                columns: new[] { "directive_id", "answer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_directive_answers_directive_id",
                table: "directive_answers",
                column: "directive_id");

            migrationBuilder.CreateIndex(
                name: "ix_directive_answers_target_id_id",
                table: "directive_answers",
                columns: new[] { "target_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_committee_id",
                table: "appointments",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_person_id",
                table: "appointments",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_successor_id",
                table: "appointments",
                column: "successor_id");

            migrationBuilder.CreateIndex(
                name: "ux_appointments_current",
                table: "appointments",
                columns: new[] { "person_id", "post_id", "wing_id", "territory_id" },
                unique: true,
                filter: "\"to\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_action_items_decision_id",
                table: "action_items",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_items_meeting_id",
                table: "action_items",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_items_owner_id_status",
                table: "action_items",
                columns: new[] { "owner_id", "status" });

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
                name: "fk_appointments_appointments_successor_id",
                table: "appointments",
                column: "successor_id",
                principalTable: "appointments",
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
                name: "fk_directive_answers_directive_targets_target_id",
                table: "directive_answers",
                column: "target_id",
                principalTable: "directive_targets",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_answers_directives_directive_id",
                table: "directive_answers",
                column: "directive_id",
                principalTable: "directives",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_files_directive_answers_answer_id",
                table: "directive_files",
                column: "answer_id",
                principalTable: "directive_answers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_files_directives_directive_id",
                table: "directive_files",
                column: "directive_id",
                principalTable: "directives",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_targets_directive_targets_parent_target_id",
                table: "directive_targets",
                column: "parent_target_id",
                principalTable: "directive_targets",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_directive_targets_directives_directive_id",
                table: "directive_targets",
                column: "directive_id",
                principalTable: "directives",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_decisions_meetings_meeting_id",
                table: "meeting_decisions",
                column: "meeting_id",
                principalTable: "meetings",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_invitees_appointments_appointment_id",
                table: "meeting_invitees",
                column: "appointment_id",
                principalTable: "appointments",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_invitees_meetings_meeting_id",
                table: "meeting_invitees",
                column: "meeting_id",
                principalTable: "meetings",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_invitees_people_person_id",
                table: "meeting_invitees",
                column: "person_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_meeting_photos_meetings_meeting_id",
                table: "meeting_photos",
                column: "meeting_id",
                principalTable: "meetings",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_meetings_meeting_programmes_programme_id",
                table: "meetings",
                column: "programme_id",
                principalTable: "meeting_programmes",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_report_events_reports_report_id",
                table: "report_events",
                column: "report_id",
                principalTable: "reports",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_candidates_people_person_id",
                table: "srijan_candidates",
                column: "person_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_candidates_srijan_districts_srijan_district_id",
                table: "srijan_candidates",
                column: "srijan_district_id",
                principalTable: "srijan_districts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_consultations_meetings_meeting_id",
                table: "srijan_consultations",
                column: "meeting_id",
                principalTable: "meetings",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_consultations_srijan_districts_srijan_district_id",
                table: "srijan_consultations",
                column: "srijan_district_id",
                principalTable: "srijan_districts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_districts_appointments_appointment_id",
                table: "srijan_districts",
                column: "appointment_id",
                principalTable: "appointments",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_districts_srijan_campaigns_campaign_id",
                table: "srijan_districts",
                column: "campaign_id",
                principalTable: "srijan_campaigns",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_districts_srijan_candidates_chosen_candidate_id",
                table: "srijan_districts",
                column: "chosen_candidate_id",
                principalTable: "srijan_candidates",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_observers_people_person_id",
                table: "srijan_observers",
                column: "person_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_srijan_observers_srijan_districts_srijan_district_id",
                table: "srijan_observers",
                column: "srijan_district_id",
                principalTable: "srijan_districts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_trainings_meetings_meeting_id",
                table: "trainings",
                column: "meeting_id",
                principalTable: "meetings",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_trainings_people_person_id",
                table: "trainings",
                column: "person_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
