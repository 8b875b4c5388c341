using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Platform;

public sealed record TerritoryRef(int Id, TerritoryLevel Level, string NameEn, string NameHi)
{
    public string Name => Localization.Pick(NameEn, NameHi);
}

/// <summary>Territory lookups shared by the territory pages, always within the user's scope.</summary>
public static class TerritoryQueries
{
    /// <summary>The territory with this id if the user may see it, else null (the page answers 404).</summary>
    public static Task<Territory?> FindInScopeAsync(this AppDbContext db, ClaimsPrincipal user, int id, CancellationToken ct) =>
        db.Territories.AsNoTracking().InScope(user).Where(t => t.Id == id).SingleOrDefaultAsync(ct);

    /// <summary>The names of these territories (for the groups of a list), by id: two columns, not the rows.</summary>
    public static async Task<Dictionary<int, (string NameEn, string NameHi)>> NamesAsync(this AppDbContext db, List<int> ids, CancellationToken ct) =>
        (await db.Territories.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.NameEn, t.NameHi }).ToListAsync(ct))
            .ToDictionary(t => t.Id, t => (t.NameEn, t.NameHi));

    /// <summary>The path from the user's own scope node down to the territory, for breadcrumbs.</summary>
    public static async Task<List<TerritoryRef>> BreadcrumbAsync(this AppDbContext db, ClaimsPrincipal user, Territory t, CancellationToken ct)
    {
        int?[] ids = [t.StateId, t.DivisionId, t.DistrictId, t.BlockId, t.Level == TerritoryLevel.Booth ? t.WardId : null, t.Id];
        var wanted = ids.Where(i => i.HasValue).Select(i => i!.Value).Distinct().ToList();
        var rows = await db.Territories.AsNoTracking().InScope(user)
            .Where(x => wanted.Contains(x.Id))
            .Select(x => new TerritoryRef(x.Id, x.Level, x.NameEn, x.NameHi))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Level).ToList();
    }

    /// <summary>
    /// Counts of everything below a territory, by level: from the unit counts (<see cref="UnitCount"/>) of the territory
    /// and the units under it, a ward's from its booths.
    /// </summary>
    public static async Task<Dictionary<TerritoryLevel, int>> DescendantCountsAsync(this AppDbContext db, Territory t, CancellationToken ct)
    {
        if (t.Level > TerritoryLevel.Block)
            return await db.Territories.Below(t).GroupBy(x => x.Level).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var sums = await db.UnitCounts.AsNoTracking().Under(t).SumsBy(_ => 0).ToListAsync(ct);
        return sums.SingleOrDefault()?.ByLevel() ?? [];
    }

    /// <summary>Counts below each of these units (divisions, districts or blocks: <paramref name="level"/>), by level.</summary>
    public static async Task<Dictionary<int, Dictionary<TerritoryLevel, int>>> DescendantCountsAsync(this AppDbContext db,
        TerritoryLevel level, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var units = db.UnitCounts.AsNoTracking();
        var sums = level switch
        {
            TerritoryLevel.Division => units.Where(u => u.DivisionId != null && ids.Contains(u.DivisionId.Value)).SumsBy(u => u.DivisionId!.Value),
            TerritoryLevel.District => units.Where(u => u.DistrictId != null && ids.Contains(u.DistrictId.Value)).SumsBy(u => u.DistrictId!.Value),
            TerritoryLevel.Block => units.Where(u => u.BlockId != null && ids.Contains(u.BlockId.Value)).SumsBy(u => u.BlockId!.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
        return (await sums.ToListAsync(ct)).ToDictionary(s => s.Key, s => s.ByLevel());
    }

    /// <summary>People whose nearest unit lies under the territory (state, division or district), from the unit counts.</summary>
    public static Task<int> PeopleCountAsync(this IQueryable<UnitCount> units, CancellationToken ct) => units.SumAsync(u => u.People, ct);

    public sealed record UnitSums(int Key, int Divisions, int Districts, int Blocks, int Wards, int Booths)
    {
        public Dictionary<TerritoryLevel, int> ByLevel() => new[]
            {
                (TerritoryLevel.Division, Divisions), (TerritoryLevel.District, Districts), (TerritoryLevel.Block, Blocks),
                (TerritoryLevel.Ward, Wards), (TerritoryLevel.Booth, Booths),
            }
            .Where(x => x.Item2 > 0).ToDictionary(x => x.Item1, x => x.Item2);
    }

    private static IQueryable<UnitSums> SumsBy(this IQueryable<UnitCount> units, System.Linq.Expressions.Expression<Func<UnitCount, int>> key) =>
        units.GroupBy(key).Select(g => new UnitSums(g.Key, g.Sum(u => u.Divisions), g.Sum(u => u.Districts), g.Sum(u => u.Blocks),
            g.Sum(u => u.Wards), g.Sum(u => u.Booths)));

    /// <summary>Assembly constituencies that lie in a territory (by their district, division or state).</summary>
    public static IQueryable<AssemblyConstituency> ConstituenciesIn(this AppDbContext db, Territory t) => t.Level switch
    {
        // Constituencies with at least one booth in the block.
        TerritoryLevel.Block => db.AssemblyConstituencies.Where(a => db.Territories.Any(b => b.BlockId == t.Id && b.AssemblyConstituencyId == a.Id)),
        _ => db.AssemblyConstituencies.Under(t),
    };
}
