using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Data;

/// <summary>
/// The summary tables the dashboard and the coverage pages read instead of scanning the base tables: booth coverage
/// (<see cref="CoverageCell"/>, per block × constituency), vacancies (<see cref="VacancyCell"/>, per territory above
/// booth level) and unit activity (<see cref="UnitActivity"/>). <see cref="SummaryRefresher"/> keeps the first two
/// current on every save, inside the saving transaction; the audit interceptor marks activity; the seed rebuilds all.
/// </summary>
public static class Summaries
{
    private static readonly string CoverageSelect = $"""
        SELECT b.block_id, b.assembly_constituency_id, b.state_id, b.division_id, b.district_id,
               count(*)::int AS booths,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM appointments a
                   WHERE a.territory_id = b.id AND a.post_id = {ReferenceData.BoothAgentPostId} AND a."to" IS NULL))::int AS with_agent,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM committees c
                   WHERE c.territory_id = b.id AND c.kind = {(int)CommitteeKind.Booth} AND c.dissolved_on IS NULL))::int AS with_committee
        FROM territories b
        WHERE b.level = {(int)TerritoryLevel.Booth} AND b.block_id IS NOT NULL AND b.assembly_constituency_id IS NOT NULL
        """;

    private const string CoverageInsert = """
        INSERT INTO coverage_cells (block_id, assembly_constituency_id, state_id, division_id, district_id, booths, with_agent, with_committee)
        """;

    private static readonly string VacancySelect = $"""
        SELECT t.id, t.level, t.state_id,
               CASE WHEN t.level = {(int)TerritoryLevel.Division} THEN t.id ELSE t.division_id END,
               CASE WHEN t.level = {(int)TerritoryLevel.District} THEN t.id ELSE t.district_id END,
               CASE WHEN t.level = {(int)TerritoryLevel.Block} THEN t.id ELSE t.block_id END,
               COALESCE((SELECT sum(LEAST(p.sanctioned, c.n)) FROM
                   (SELECT a.post_id, count(*) AS n FROM appointments a
                    WHERE a.territory_id = t.id AND a.wing_id = {ReferenceData.MainWingId} AND a."to" IS NULL GROUP BY a.post_id) c
                   JOIN posts p ON p.id = c.post_id AND p.sanctioned IS NOT NULL), 0)::int
        FROM territories t WHERE t.level < {(int)TerritoryLevel.Booth}
        """;

    private const string VacancyInsert =
        "INSERT INTO vacancy_cells (territory_id, level, state_id, division_id, district_id, block_id, filled)";

    private static readonly string UnitSelect = $"""
        SELECT u.id, u.level, u.state_id,
               CASE WHEN u.level = {(int)TerritoryLevel.Division} THEN u.id ELSE u.division_id END,
               CASE WHEN u.level = {(int)TerritoryLevel.District} THEN u.id ELSE u.district_id END,
               CASE WHEN u.level = {(int)TerritoryLevel.Block} THEN u.id ELSE u.block_id END,
               c.divisions, c.districts, c.blocks, c.wards, c.booths,
               ((SELECT count(*) FROM people p WHERE u.level = {(int)TerritoryLevel.District} AND p.district_id = u.id)
                + (SELECT count(*) FROM people p WHERE u.level = {(int)TerritoryLevel.Division} AND p.division_id = u.id AND p.district_id IS NULL)
                + (SELECT count(*) FROM people p WHERE u.level = {(int)TerritoryLevel.State} AND p.state_id = u.id
                       AND p.division_id IS NULL AND p.district_id IS NULL))::int
        FROM territories u
        CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE x.level = {(int)TerritoryLevel.Division})::int AS divisions,
                                   count(*) FILTER (WHERE x.level = {(int)TerritoryLevel.District})::int AS districts,
                                   count(*) FILTER (WHERE x.level = {(int)TerritoryLevel.Block})::int AS blocks,
                                   count(*) FILTER (WHERE x.level = {(int)TerritoryLevel.Ward})::int AS wards,
                                   count(*) FILTER (WHERE x.level = {(int)TerritoryLevel.Booth})::int AS booths
                            FROM territories x WHERE x.parent_id = u.id) c
        WHERE u.level < {(int)TerritoryLevel.Booth}
        """;

    private const string UnitInsert = """
        INSERT INTO unit_counts (territory_id, level, state_id, division_id, district_id, block_id, divisions, districts, blocks, wards, booths, people)
        """;

    // A person's last three marked attendances at held meetings (latest first; ties by meeting), all absent.
    private static readonly string AbsenceSelect = $"""
        SELECT x.person_id, min(p.state_id), min(x.starts_utc), max(x.starts_utc)
        FROM (SELECT i.person_id, i.state_id, i.attendance, m.starts_utc,
                     row_number() OVER (PARTITION BY i.person_id ORDER BY m.starts_utc DESC, m.id DESC) AS n
              FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id AND m.state_id = i.state_id
              WHERE i.attendance <> {(int)AttendanceStatus.Unmarked} AND m.status = {(int)MeetingStatus.Held} /*people*/) x
        JOIN people p ON p.id = x.person_id AND p.state_id = x.state_id
        WHERE x.n <= {AttendanceSignals.AbsencesInARow}
        GROUP BY x.person_id
        HAVING count(*) = {AttendanceSignals.AbsencesInARow} AND bool_and(x.attendance = {(int)AttendanceStatus.Absent})
        """;

    private const string AbsenceInsert = "INSERT INTO absence_runs (person_id, state_id, oldest_utc, latest_utc)";

    // The units to recount: those named, and the trees named with every unit under them (new units, and units whose
    // ancestor columns moved with them).
    private static readonly string UnitsToRefresh = $"""
        SELECT unnest(@units) UNION SELECT unnest(@trees) UNION
        SELECT x.id FROM territories x WHERE x.level < {(int)TerritoryLevel.Booth}
            AND (x.block_id = ANY(@trees) OR x.district_id = ANY(@trees) OR x.division_id = ANY(@trees) OR x.state_id = ANY(@trees))
        """;

    // The units whose figures a change touched (UnitFigure): the blocks named, and the unit of each territory named or
    // recounted (its own id down to block level; a ward's or booth's block, else its district).
    private static readonly string FigureUnitsToRefresh = $"""
        SELECT DISTINCT CASE WHEN t.level <= {(int)TerritoryLevel.Block} THEN t.id ELSE COALESCE(t.block_id, t.district_id, t.division_id, t.state_id) END
        FROM territories t WHERE t.id IN (SELECT unnest(@blocks) UNION SELECT unnest(@territories) UNION {UnitsToRefresh})
        """;

    // Declared before the statements that use it: static fields are set in the order they are written.
    private static readonly string OpenActionItemStatuses = string.Join(", ", ActionItem.OpenStatuses.Select(s => (int)s));

    // A unit's figures from the coverage and vacancy cells (refreshed before it in the same batch), the current
    // appointments flagged inactive and its open action items (a district's; a division's or state's own, gated by
    // the unit's level so that each count is one range of ix_action_items_open). /*units*/ narrows it to the units
    // refreshed (a CTE "units"), /*rows*/ the rows read to theirs: a block's rows carry its id, a district's own and
    // its wards outside any block have no block.
    private static readonly string UnitFigureSelect = $"""
        SELECT u.id, u.state_id, u.level,
               CASE WHEN u.level = {(int)TerritoryLevel.Division} THEN u.id ELSE u.division_id END,
               CASE WHEN u.level = {(int)TerritoryLevel.District} THEN u.id ELSE u.district_id END,
               CASE WHEN u.level = {(int)TerritoryLevel.Block} THEN u.id END,
               COALESCE(c.booths, 0), COALESCE(c.with_agent, 0), COALESCE(c.with_committee, 0),
               COALESCE(v.wards, 0), COALESCE(v.filled, 0), COALESCE(i.inactive, 0),
               ((SELECT count(*) FROM action_items a WHERE u.level = {(int)TerritoryLevel.District} AND a.state_id = u.state_id
                     AND a.district_id = u.id AND a.status IN ({OpenActionItemStatuses}))
                + (SELECT count(*) FROM action_items a WHERE u.level = {(int)TerritoryLevel.Division} AND a.state_id = u.state_id
                     AND a.district_id IS NULL AND a.division_id = u.id AND a.status IN ({OpenActionItemStatuses}))
                + (SELECT count(*) FROM action_items a WHERE u.level = {(int)TerritoryLevel.State} AND a.state_id = u.id
                     AND a.district_id IS NULL AND a.division_id IS NULL AND a.status IN ({OpenActionItemStatuses})))::int
        FROM territories u
        LEFT JOIN (SELECT c.block_id AS unit, sum(c.booths)::int AS booths, sum(c.with_agent)::int AS with_agent,
                          sum(c.with_committee)::int AS with_committee
                   FROM coverage_cells c WHERE true /*cells*/ GROUP BY 1) c ON c.unit = u.id
        LEFT JOIN (SELECT COALESCE(v.block_id, v.district_id, v.division_id, v.state_id) AS unit,
                          count(*) FILTER (WHERE v.level = {(int)TerritoryLevel.Ward})::int AS wards, sum(v.filled)::int AS filled
                   FROM vacancy_cells v WHERE true /*rows:v*/ GROUP BY 1) v ON v.unit = u.id
        LEFT JOIN (SELECT COALESCE(a.block_id, a.district_id, a.division_id, a.state_id) AS unit, count(*)::int AS inactive
                   FROM appointments a WHERE a.inactive_since IS NOT NULL AND a."to" IS NULL /*rows:a*/ GROUP BY 1) i ON i.unit = u.id
        WHERE u.level <= {(int)TerritoryLevel.Block} /*units*/
        """;

    private const string UnitFigureInsert =
        "INSERT INTO unit_figures (unit_id, state_id, level, division_id, district_id, block_id, booths, with_agent, with_committee, wards, filled, inactive, open_action_items)";

    private static string UnitFigureRows(string x) =>
        $"AND ({x}.block_id IN (SELECT id FROM units) OR {x}.territory_id IN (SELECT id FROM units) OR ({x}.block_id IS NULL AND {x}.district_id IN (SELECT id FROM units)))";

    private static readonly string UnitFigureRefresh = $"""
        WITH units(id) AS ({FigureUnitsToRefresh})
        {UnitFigureInsert} {UnitFigureSelect.Replace("/*cells*/", "AND c.block_id IN (SELECT id FROM units)")
            .Replace("/*rows:v*/", UnitFigureRows("v")).Replace("/*rows:a*/", UnitFigureRows("a")).Replace("/*units*/", "AND u.id IN (SELECT id FROM units)")}
        """;

    /// <summary>Rebuilds the units' figures from the coverage and vacancy cells and the appointments (the migration that made them, and the seed).</summary>
    public static readonly string RebuildUnitFiguresSql = $"""
        TRUNCATE unit_figures;
        {UnitFigureInsert} {UnitFigureSelect};
        """;

    // Held meetings of a unit (its district, else division, else state) in one month of India's calendar; the
    // state's meetings of the month come by the (state_id, starts_utc) index, a few thousand at most.
    private static readonly string MeetingMonthSelect = $"""
        SELECT k.unit, k.month, u.state_id,
               CASE WHEN u.level = {(int)TerritoryLevel.Division} THEN u.id ELSE u.division_id END,
               CASE WHEN u.level = {(int)TerritoryLevel.District} THEN u.id ELSE u.district_id END,
               count(*)::int
        FROM unnest(@month_units, @months) AS k(unit, month)
        JOIN territories u ON u.id = k.unit
        JOIN meetings m ON m.state_id = u.state_id AND m.status = {(int)MeetingStatus.Held}
             AND m.starts_utc >= (k.month::timestamp - interval '{IndiaTime.OffsetMinutes} minutes') AT TIME ZONE 'UTC'
             AND m.starts_utc < ((k.month + interval '1 month')::timestamp - interval '{IndiaTime.OffsetMinutes} minutes') AT TIME ZONE 'UTC'
             AND COALESCE(m.district_id, m.division_id, m.state_id) = k.unit
        GROUP BY k.unit, k.month, u.id
        """;

    private const string MeetingMonthInsert = "INSERT INTO meeting_months (unit_id, month, state_id, division_id, district_id, held)";

    // Every held meeting, by unit and month (the rebuild).
    private static readonly string MeetingMonthRebuild = $"""
        {MeetingMonthInsert}
        SELECT COALESCE(m.district_id, m.division_id, m.state_id), date_trunc('month', {IndiaTime.SqlDay("m.starts_utc")})::date,
               min(m.state_id), min(m.division_id), min(m.district_id), count(*)::int
        FROM meetings m WHERE m.status = {(int)MeetingStatus.Held} GROUP BY 1, 2;
        """;

    // The columns of the indicators' figures in report_months (ReportMonth): each indicator's key in snake case.
    private static readonly string[] FigureColumns =
        ReportIndicators.Defaults.Select(i => string.Concat(i.Key.Select((c, n) => char.IsUpper(c) && n > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))).ToArray();

    // A district's report months from their versions: the newest version's status, the first submission, and the
    // effective version's figures (newest accepted, else newest awaiting review), one column per indicator, a missing
    // figure as 0 as the score reads it. /*months*/ narrows every part to the months refreshed.
    private static readonly string ReportMonthSelect = $"""
        SELECT l.district_id, l.period, l.state_id, l.division_id, l.status, f.first_submitted_utc, {string.Join(", ", FigureColumns.Select(c => "e." + c))}
        FROM (SELECT DISTINCT ON (r.state_id, r.district_id, r.period) r.state_id, r.district_id, r.period, r.division_id, r.status
              FROM reports r WHERE true /*months*/ ORDER BY r.state_id, r.district_id, r.period, r.revision DESC) l
        JOIN (SELECT r.state_id, r.district_id, r.period, min(r.first_submitted_utc) AS first_submitted_utc
              FROM reports r WHERE true /*months*/ GROUP BY 1, 2, 3) f USING (state_id, district_id, period)
        LEFT JOIN (SELECT DISTINCT ON (r.state_id, r.district_id, r.period) r.state_id, r.district_id, r.period,
                          {string.Join(", ", ReportIndicators.Defaults.Select((i, n) => $"COALESCE((r.figures ->> '{i.Key}')::int, 0) AS {FigureColumns[n]}"))}
                   FROM reports r
                   WHERE r.status IN ({(int)ReportStatus.Accepted}, {(int)ReportStatus.Submitted}, {(int)ReportStatus.Resubmitted}) /*months*/
                   ORDER BY r.state_id, r.district_id, r.period, r.status = {(int)ReportStatus.Accepted} DESC, r.revision DESC) e
             USING (state_id, district_id, period)
        """;

    private static readonly string ReportMonthInsert =
        $"INSERT INTO report_months (district_id, period, state_id, division_id, latest_status, first_submitted_utc, {string.Join(", ", FigureColumns)})";

    private const string ReportMonthsToRefresh = "AND (r.district_id, r.period) IN (SELECT * FROM unnest(@report_districts, @report_periods))";

    /// <summary>Rebuilds the report months from every version (the migration that made them, and the seed).</summary>
    public static readonly string RebuildReportMonthsSql = $"""
        TRUNCATE report_months;
        {ReportMonthInsert} {ReportMonthSelect.Replace("/*months*/", "")};
        """;

    // Members of a drive by the constituency of their booth, from the booth counts (a booth moved to another seat).
    private const string SeatSelect = """
        SELECT c.drive_id, b.assembly_constituency_id, min(c.state_id), sum(c.enrolled)::int
        FROM member_booth_counts c JOIN territories b ON b.id = c.booth_id
        WHERE b.assembly_constituency_id = ANY(@seats) GROUP BY 1, 2
        """;

    private const string TrainingNeedSelect = """
        SELECT p.id, p.name_en, p.state_id, p.division_id, p.district_id FROM people p
        WHERE p.former_party IS NOT NULL AND NOT EXISTS (SELECT 1 FROM trainings t WHERE t.person_id = p.id AND t.state_id = p.state_id)
        """;

    private const string TrainingNeedInsert = "INSERT INTO training_needs (person_id, name_en, state_id, division_id, district_id)";

    private const string PeopleToRefresh = "SELECT unnest(@people) UNION SELECT i.person_id FROM meeting_invitees i WHERE i.meeting_id = ANY(@meetings)";

    // Only constants are interpolated; the ids travel as parameters. The advisory locks (sorted ids, one class per
    // summary, always in this order) serialise two transactions refreshing the same rows, which would otherwise
    // insert the same row twice; each statement after a lock sees what the other committed.
    private static readonly string RefreshSql = $"""
        SELECT pg_advisory_xact_lock(4711, b) FROM unnest(@blocks) AS b;
        DELETE FROM coverage_cells WHERE block_id = ANY(@blocks);
        {CoverageInsert} {CoverageSelect} AND b.block_id = ANY(@blocks) GROUP BY 1, 2, 3, 4, 5;
        SELECT pg_advisory_xact_lock(4712, t) FROM unnest(@territories) AS t;
        DELETE FROM vacancy_cells WHERE territory_id = ANY(@territories);
        {VacancyInsert} {VacancySelect} AND t.id = ANY(@territories);
        SELECT pg_advisory_xact_lock(4713, u) FROM ({UnitsToRefresh} ORDER BY 1) AS x(u);
        DELETE FROM unit_counts WHERE territory_id IN ({UnitsToRefresh});
        {UnitInsert} {UnitSelect} AND u.id IN ({UnitsToRefresh});
        SELECT pg_advisory_xact_lock(4719, u) FROM ({FigureUnitsToRefresh} ORDER BY 1) AS x(u);
        DELETE FROM unit_figures WHERE unit_id IN ({FigureUnitsToRefresh});
        {UnitFigureRefresh};
        SELECT pg_advisory_xact_lock(4714, p) FROM ({PeopleToRefresh} ORDER BY 1) AS x(p);
        DELETE FROM absence_runs WHERE person_id IN ({PeopleToRefresh});
        {AbsenceInsert} {AbsenceSelect.Replace("/*people*/", $"AND i.person_id IN ({PeopleToRefresh})")};
        SELECT pg_advisory_xact_lock(4715, u) FROM (SELECT DISTINCT unnest(@month_units) ORDER BY 1) AS x(u);
        DELETE FROM meeting_months mm USING unnest(@month_units, @months) AS k(unit, month) WHERE mm.unit_id = k.unit AND mm.month = k.month;
        {MeetingMonthInsert} {MeetingMonthSelect};
        SELECT pg_advisory_xact_lock(4716, s) FROM unnest(@seats) AS s;
        DELETE FROM member_seat_counts WHERE assembly_constituency_id = ANY(@seats);
        INSERT INTO member_seat_counts (drive_id, assembly_constituency_id, state_id, enrolled) {SeatSelect};
        SELECT pg_advisory_xact_lock(4718, d) FROM (SELECT DISTINCT unnest(@report_districts) ORDER BY 1) AS x(d);
        DELETE FROM report_months rm USING unnest(@report_districts, @report_periods) AS k(district, period)
            WHERE rm.district_id = k.district AND rm.period = k.period;
        {ReportMonthInsert} {ReportMonthSelect.Replace("/*months*/", ReportMonthsToRefresh)};
        SELECT pg_advisory_xact_lock(4717, p) FROM unnest(@trainees) AS p;
        DELETE FROM training_needs WHERE person_id = ANY(@trainees);
        {TrainingNeedInsert} {TrainingNeedSelect} AND p.id = ANY(@trainees);
        """;

    /// <summary>
    /// Recomputes the summary rows a transaction's changes touched (<paramref name="changes"/>) from the base tables,
    /// in <paramref name="transaction"/>. The refresher calls it when a transaction commits; a bulk path that writes
    /// with raw SQL calls it itself, before committing.
    /// </summary>
    public static async Task RefreshAsync(DbConnection connection, DbTransaction? transaction, SummaryChanges changes, CancellationToken ct)
    {
        using var cmd = RefreshCommand(connection, transaction, changes);
        if (cmd is not null) await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <inheritdoc cref="RefreshAsync(DbConnection, DbTransaction?, SummaryChanges, CancellationToken)"/>
    public static Task RefreshAsync(DbContext db, SummaryChanges changes, CancellationToken ct) =>
        RefreshAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), changes, ct);

    internal static void Refresh(DbConnection connection, DbTransaction? transaction, SummaryChanges changes)
    {
        using var cmd = RefreshCommand(connection, transaction, changes);
        cmd?.ExecuteNonQuery();
    }

    private static DbCommand? RefreshCommand(DbConnection connection, DbTransaction? transaction, SummaryChanges changes)
    {
        if (changes.IsEmpty) return null;
        var cmd = connection.CreateCommand();
        cmd.CommandText = RefreshSql;
        cmd.Transaction = transaction;
        foreach (var (name, ids) in changes.Parameters()) cmd.Parameters.Add(new NpgsqlParameter(name, ids.Order().ToArray()));
        var months = changes.MeetingMonths.Order().ToArray();
        cmd.Parameters.Add(new NpgsqlParameter("month_units", months.Select(m => m.Unit).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("months", months.Select(m => m.Month).ToArray()));
        var reportMonths = changes.ReportMonths.Order().ToArray();
        cmd.Parameters.Add(new NpgsqlParameter("report_districts", reportMonths.Select(m => m.District).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter("report_periods", reportMonths.Select(m => m.Period).ToArray()));
        return cmd;
    }

    private const string ActivityUpsert = """
        INSERT INTO unit_activities (territory_id, state_id, division_id, district_id, last_on)
        SELECT DISTINCT ON (u.territory) u.territory, u.state, u.division, u.district, u.day
        FROM unnest(@territories, @states, @divisions, @districts, @days) AS u(territory, state, division, district, day)
        ORDER BY u.territory, u.day DESC
        ON CONFLICT (territory_id, state_id) DO UPDATE SET last_on = GREATEST(unit_activities.last_on, excluded.last_on)
        """;

    /// <summary>Marks the districts and blocks of these records as active today.</summary>
    public static async Task TouchAsync(DbContext db, IEnumerable<IRecordsActivity> records, DateOnly today, CancellationToken ct)
    {
        var rows = records.Where(r => r.DistrictId is not null)
            .SelectMany(r => r.ActivityBlockId is { } block
                ? new[] { (Territory: r.DistrictId!.Value, r), (Territory: block, r) }
                : [(Territory: r.DistrictId!.Value, r)])
            .DistinctBy(x => x.Territory).ToList();
        if (rows.Count == 0) return;
        await db.Database.ExecuteSqlRawAsync(ActivityUpsert,
        [
            new NpgsqlParameter("territories", rows.Select(x => x.Territory).ToArray()),
            new NpgsqlParameter("states", rows.Select(x => x.r.StateId).ToArray()),
            new NpgsqlParameter("divisions", rows.Select(x => x.r.DivisionId).ToArray()),
            new NpgsqlParameter("districts", rows.Select(x => x.r.DistrictId).ToArray()),
            new NpgsqlParameter("days", rows.Select(_ => today).ToArray()),
        ], ct);
    }

    /// <summary>
    /// Rebuilds the unit counts and the absence runs from the base tables. The migration that made them (Rollups) fills
    /// them with this: a change to these tables' columns needs a migration of its own, not an edit here.
    /// </summary>
    public static readonly string RebuildUnitsAndAbsencesSql = $"""
        TRUNCATE unit_counts;
        {UnitInsert} {UnitSelect};
        TRUNCATE absence_runs;
        {AbsenceInsert} {AbsenceSelect};
        """;

    /// <summary>Rebuilds every summary from the base tables (after the seed's bulk loads).</summary>
    public static async Task RebuildAllAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var sql = $"""
            TRUNCATE coverage_cells;
            {CoverageInsert} {CoverageSelect} GROUP BY 1, 2, 3, 4, 5;
            TRUNCATE vacancy_cells;
            {VacancyInsert} {VacancySelect};
            {RebuildUnitsAndAbsencesSql}
            {RebuildUnitFiguresSql}
            TRUNCATE meeting_months;
            {MeetingMonthRebuild}
            TRUNCATE training_needs;
            {TrainingNeedInsert} {TrainingNeedSelect};
            {RebuildReportMonthsSql}
            TRUNCATE unit_activities;
            INSERT INTO unit_activities (territory_id, state_id, division_id, district_id, last_on)
            SELECT territory, min(state), min(division), min(district), max(day) FROM (
                SELECT district_id AS territory, state_id AS state, division_id AS division, district_id AS district, "from" AS day FROM appointments WHERE district_id IS NOT NULL
                UNION ALL SELECT block_id, state_id, division_id, district_id, "from" FROM appointments WHERE block_id IS NOT NULL
                UNION ALL SELECT district_id, state_id, division_id, district_id, formed_on FROM committees WHERE district_id IS NOT NULL
                UNION ALL SELECT block_id, state_id, division_id, district_id, formed_on FROM committees WHERE block_id IS NOT NULL
                UNION ALL SELECT district_id, state_id, division_id, district_id, {IndiaTime.SqlDay("COALESCE(last_submitted_utc, created_utc)")} FROM reports
                UNION ALL SELECT district_id, state_id, division_id, district_id, {IndiaTime.SqlDay("created_utc")} FROM meetings WHERE district_id IS NOT NULL
                UNION ALL SELECT block_id, state_id, division_id, district_id, {IndiaTime.SqlDay("created_utc")} FROM meetings WHERE block_id IS NOT NULL
                UNION ALL SELECT district_id, state_id, division_id, district_id, max(enrolled_on) FROM members GROUP BY 1, 2, 3, 4
                UNION ALL SELECT block_id, state_id, division_id, district_id, max(enrolled_on) FROM members GROUP BY 1, 2, 3, 4
            ) x GROUP BY territory;
            ANALYZE coverage_cells; ANALYZE vacancy_cells; ANALYZE unit_counts; ANALYZE unit_figures; ANALYZE absence_runs; ANALYZE meeting_months; ANALYZE report_months; ANALYZE training_needs; ANALYZE unit_activities;
            """;
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// What a transaction's saves changed, for <see cref="Summaries.RefreshAsync(DbConnection, DbTransaction?, SummaryChanges, CancellationToken)"/>:
/// blocks whose booth coverage, territories whose vacancies, units whose counts (territories under them, people),
/// people and meetings whose attendance runs may have changed, units' months of held meetings, districts' report
/// months whose versions changed, constituencies whose
/// booths moved (their members are recounted), people whose need of training may have changed.
/// </summary>
public sealed class SummaryChanges
{
    public HashSet<int> Blocks { get; } = [];
    public HashSet<int> Territories { get; } = [];
    public HashSet<int> Units { get; } = [];
    public HashSet<int> UnitTrees { get; } = [];
    public HashSet<int> People { get; } = [];
    public HashSet<int> Meetings { get; } = [];
    public HashSet<(int Unit, DateOnly Month)> MeetingMonths { get; } = [];
    public HashSet<(int District, DateOnly Period)> ReportMonths { get; } = [];
    public HashSet<int> Seats { get; } = [];
    public HashSet<int> Trainees { get; } = [];

    /// <summary>People saved whose ids are known only once they are inserted; their ids join <see cref="Trainees"/> then.</summary>
    internal List<Person> NewPeople { get; } = [];

    public bool IsEmpty => Blocks.Count == 0 && Territories.Count == 0 && Units.Count == 0 && UnitTrees.Count == 0 && People.Count == 0 && Meetings.Count == 0
        && MeetingMonths.Count == 0 && ReportMonths.Count == 0 && Seats.Count == 0
        && Trainees.Count == 0 && NewPeople.Count == 0;

    public void UnionWith(SummaryChanges other)
    {
        Blocks.UnionWith(other.Blocks);
        Territories.UnionWith(other.Territories);
        Units.UnionWith(other.Units);
        UnitTrees.UnionWith(other.UnitTrees);
        People.UnionWith(other.People);
        Meetings.UnionWith(other.Meetings);
        MeetingMonths.UnionWith(other.MeetingMonths);
        ReportMonths.UnionWith(other.ReportMonths);
        Seats.UnionWith(other.Seats);
        Trainees.UnionWith(other.Trainees);
        Trainees.UnionWith(other.NewPeople.Select(p => p.Id));
    }

    public void Clear()
    {
        Blocks.Clear();
        Territories.Clear();
        Units.Clear();
        UnitTrees.Clear();
        People.Clear();
        Meetings.Clear();
        MeetingMonths.Clear();
        ReportMonths.Clear();
        Seats.Clear();
        Trainees.Clear();
        NewPeople.Clear();
    }

    internal IEnumerable<(string Name, HashSet<int> Ids)> Parameters() =>
        [("blocks", Blocks), ("territories", Territories), ("units", Units), ("trees", UnitTrees), ("people", People), ("meetings", Meetings), ("seats", Seats), ("trainees", Trainees)];
}
