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

    /// <summary>Counts of everything below a territory, by level, in one indexed query.</summary>
    public static async Task<Dictionary<TerritoryLevel, int>> DescendantCountsAsync(this AppDbContext db, Territory t, CancellationToken ct)
    {
        var below = db.Territories.Below(t);
        return await below.GroupBy(x => x.Level).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>Assembly constituencies that lie in a territory (by their district, division or state).</summary>
    public static IQueryable<AssemblyConstituency> ConstituenciesIn(this AppDbContext db, Territory t) => t.Level switch
    {
        // Constituencies with at least one booth in the block.
        TerritoryLevel.Block => db.AssemblyConstituencies.Where(a => db.Territories.Any(b => b.BlockId == t.Id && b.AssemblyConstituencyId == a.Id)),
        _ => db.AssemblyConstituencies.Under(t),
    };
}
