using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>
/// Keeps the booth-coverage summary (<see cref="CoverageCell"/>) in step with booths, booth agents and booth
/// committees. A refresh recomputes the cells of the affected blocks from the source rows (a few hundred booths
/// each), inside the caller's transaction, serialised per block by an advisory lock.
/// </summary>
public static class Coverage
{
    private static readonly string CellsSql = $"""
        SELECT b.block_id, b.assembly_constituency_id, b.state_id, b.division_id, b.district_id,
               count(*)::int AS booths,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM appointments a
                   WHERE a.territory_id = b.id AND a.post_id = {ReferenceData.BoothAgentPostId} AND a."to" IS NULL))::int AS with_agent,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM committees c
                   WHERE c.territory_id = b.id AND c.kind = {(int)CommitteeKind.Booth} AND c.dissolved_on IS NULL))::int AS with_committee
        FROM territories b
        WHERE b.level = {(int)TerritoryLevel.Booth} AND b.block_id IS NOT NULL AND b.assembly_constituency_id IS NOT NULL
        """;

    private const string Insert = """
        INSERT INTO coverage_cells (block_id, assembly_constituency_id, state_id, division_id, district_id, booths, with_agent, with_committee)
        """;

    // Only constants are interpolated; the block ids travel as a parameter.
    private static readonly string RefreshSql = $"""
        SELECT pg_advisory_xact_lock(4711, b) FROM unnest(@blocks) AS b;
        DELETE FROM coverage_cells WHERE block_id = ANY(@blocks);
        {Insert} {CellsSql} AND b.block_id = ANY(@blocks) GROUP BY 1, 2, 3, 4, 5;
        """;

    public static async Task RebuildAllAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"TRUNCATE coverage_cells; {Insert} {CellsSql} GROUP BY 1, 2, 3, 4, 5; ANALYZE coverage_cells;", conn);
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Recomputes the cells of these blocks. Call inside the transaction that changed their booths or agents.</summary>
    public static async Task RefreshBlocksAsync(AppDbContext db, IEnumerable<int> blockIds, CancellationToken ct)
    {
        var blocks = blockIds.Distinct().Order().ToArray();
        if (blocks.Length == 0) return;
        await db.Database.ExecuteSqlRawAsync(RefreshSql, [new NpgsqlParameter("blocks", blocks)], ct);
    }
}
