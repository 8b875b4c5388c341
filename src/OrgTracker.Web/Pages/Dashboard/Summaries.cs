using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Dashboard;

/// <summary>
/// Keeps the dashboard's summary tables current: unit activity (for silent units) and vacancy cells. Each is
/// updated by the write that changes its source, in the same transaction; the seed rebuilds them from scratch.
/// </summary>
public static class Summaries
{
    private const string ActivityUpsert = """
        INSERT INTO unit_activities (territory_id, state_id, division_id, district_id, last_on)
        SELECT DISTINCT ON (u.territory) u.territory, u.state, u.division, u.district, u.day
        FROM unnest(@territories, @states, @divisions, @districts, @days) AS u(territory, state, division, district, day)
        ORDER BY u.territory, u.day DESC
        ON CONFLICT (territory_id) DO UPDATE SET last_on = GREATEST(unit_activities.last_on, excluded.last_on)
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

    private static readonly string VacancyRefresh = $"""
        DELETE FROM vacancy_cells WHERE territory_id = ANY(@territories);
        {VacancyInsert} {VacancySelect} AND t.id = ANY(@territories);
        """;

    /// <summary>Recomputes the filled posts of these territories (booths are covered by booth coverage instead).</summary>
    public static async Task RefreshVacanciesAsync(DbContext db, IEnumerable<int> territoryIds, CancellationToken ct)
    {
        var ids = territoryIds.Distinct().ToArray();
        if (ids.Length == 0) return;
        await db.Database.ExecuteSqlRawAsync(VacancyRefresh, [new NpgsqlParameter("territories", ids)], ct);
    }

    /// <summary>Rebuilds both summaries from the base tables (after bulk loads).</summary>
    public static async Task RebuildAllAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var sql = $"""
            TRUNCATE vacancy_cells;
            {VacancyInsert} {VacancySelect};
            TRUNCATE unit_activities;
            INSERT INTO unit_activities (territory_id, state_id, division_id, district_id, last_on)
            SELECT territory, min(state), min(division), min(district), max(day) FROM (
                SELECT district_id AS territory, state_id AS state, division_id AS division, district_id AS district, "from" AS day FROM appointments WHERE district_id IS NOT NULL
                UNION ALL SELECT block_id, state_id, division_id, district_id, "from" FROM appointments WHERE block_id IS NOT NULL
                UNION ALL SELECT district_id, state_id, division_id, district_id, formed_on FROM committees WHERE district_id IS NOT NULL
                UNION ALL SELECT block_id, state_id, division_id, district_id, formed_on FROM committees WHERE block_id IS NOT NULL
                UNION ALL SELECT district_id, state_id, division_id, district_id, (COALESCE(last_submitted_utc, created_utc) AT TIME ZONE 'Asia/Kolkata')::date FROM reports
                UNION ALL SELECT district_id, state_id, division_id, district_id, (created_utc AT TIME ZONE 'Asia/Kolkata')::date FROM meetings WHERE district_id IS NOT NULL
                UNION ALL SELECT block_id, state_id, division_id, district_id, (created_utc AT TIME ZONE 'Asia/Kolkata')::date FROM meetings WHERE block_id IS NOT NULL
                UNION ALL SELECT district_id, state_id, division_id, district_id, max(enrolled_on) FROM members GROUP BY 1, 2, 3, 4
                UNION ALL SELECT block_id, state_id, division_id, district_id, max(enrolled_on) FROM members GROUP BY 1, 2, 3, 4
            ) x GROUP BY territory;
            ANALYZE vacancy_cells; ANALYZE unit_activities;
            """;
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
