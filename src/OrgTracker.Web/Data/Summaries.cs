using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

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

    // Only constants are interpolated; the ids travel as parameters. The advisory locks (sorted ids) serialise two
    // transactions refreshing the same block or territory, which would otherwise insert the same cell twice.
    private static readonly string RefreshSql = $"""
        SELECT pg_advisory_xact_lock(4711, b) FROM unnest(@blocks) AS b;
        DELETE FROM coverage_cells WHERE block_id = ANY(@blocks);
        {CoverageInsert} {CoverageSelect} AND b.block_id = ANY(@blocks) GROUP BY 1, 2, 3, 4, 5;
        SELECT pg_advisory_xact_lock(4712, t) FROM unnest(@territories) AS t;
        DELETE FROM vacancy_cells WHERE territory_id = ANY(@territories);
        {VacancyInsert} {VacancySelect} AND t.id = ANY(@territories);
        """;

    /// <summary>
    /// Recomputes the coverage cells of <paramref name="blockIds"/> and the vacancy cells of
    /// <paramref name="territoryIds"/> (booths among them are ignored) from the base tables, in
    /// <paramref name="transaction"/>. The refresher calls it when a transaction commits; a bulk path that writes
    /// with raw SQL calls it itself, before committing.
    /// </summary>
    public static async Task RefreshAsync(DbConnection connection, DbTransaction? transaction,
        IEnumerable<int> blockIds, IEnumerable<int> territoryIds, CancellationToken ct)
    {
        using var cmd = RefreshCommand(connection, transaction, blockIds, territoryIds);
        if (cmd is not null) await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <inheritdoc cref="RefreshAsync(DbConnection, DbTransaction?, IEnumerable{int}, IEnumerable{int}, CancellationToken)"/>
    public static Task RefreshAsync(DbContext db, IEnumerable<int> blockIds, IEnumerable<int> territoryIds, CancellationToken ct) =>
        RefreshAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), blockIds, territoryIds, ct);

    internal static void Refresh(DbConnection connection, DbTransaction? transaction, IEnumerable<int> blockIds, IEnumerable<int> territoryIds)
    {
        using var cmd = RefreshCommand(connection, transaction, blockIds, territoryIds);
        cmd?.ExecuteNonQuery();
    }

    private static DbCommand? RefreshCommand(DbConnection connection, DbTransaction? transaction, IEnumerable<int> blockIds, IEnumerable<int> territoryIds)
    {
        var blocks = blockIds.Distinct().Order().ToArray();
        var territories = territoryIds.Distinct().Order().ToArray();
        if (blocks.Length == 0 && territories.Length == 0) return null;
        var cmd = connection.CreateCommand();
        cmd.CommandText = RefreshSql;
        cmd.Transaction = transaction;
        cmd.Parameters.Add(new NpgsqlParameter("blocks", blocks));
        cmd.Parameters.Add(new NpgsqlParameter("territories", territories));
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

    /// <summary>Rebuilds every summary from the base tables (after the seed's bulk loads).</summary>
    public static async Task RebuildAllAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var sql = $"""
            TRUNCATE coverage_cells;
            {CoverageInsert} {CoverageSelect} GROUP BY 1, 2, 3, 4, 5;
            TRUNCATE vacancy_cells;
            {VacancyInsert} {VacancySelect};
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
            ANALYZE coverage_cells; ANALYZE vacancy_cells; ANALYZE unit_activities;
            """;
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
