using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>
/// Booth coverage (booths with an active agent / all booths, booths with a committee) of a territory, by its
/// child units or by assembly constituency. Reads the coverage summary, never every booth. The table shows
/// <see cref="PageSize"/> rows at a time (a state has hundreds of constituencies); the export has them all.
/// </summary>
public class CoverageModel(ReadDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Territory { get; set; }
    // Nullable: a query without it is not a missing required value (which made the page's other choices invalid).
    [BindProperty(SupportsGet = true)] public string? By { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Territory Current { get; private set; } = null!;
    public List<TerritoryRef> Breadcrumb { get; private set; } = [];
    public Row Total { get; private set; } = null!;
    /// <summary>Every row, weakest coverage first; <see cref="PageRows"/> are the ones shown.</summary>
    public List<Row> Rows { get; private set; } = [];
    public IEnumerable<Row> PageRows => Rows.Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize);
    public int PageCount => Math.Max(1, (Rows.Count + PageSize - 1) / PageSize);
    public bool BySeats => By == "seats" || Current.Level == TerritoryLevel.Block;

    public sealed record Row(int Id, string NameEn, string NameHi, int Booths, int WithAgent, int WithCommittee)
    {
        public int Uncovered => Booths - WithAgent;
        public decimal AgentPercent => Booths == 0 ? 0 : Math.Round(100m * WithAgent / Booths, 1);
        public decimal CommitteePercent => Booths == 0 ? 0 : Math.Round(100m * WithCommittee / Booths, 1);
    }

    public async Task<IActionResult> OnGetAsync(string? export, CancellationToken ct)
    {
        var id = Territory ?? UserScope.Required(User).TerritoryId;
        var t = await db.FindInScopeAsync(User, id, ct);
        if (t is null || t.Level > TerritoryLevel.Block) return NotFound();
        Current = t;
        Breadcrumb = await db.BreadcrumbAsync(User, t, ct);

        var cells = CoverageQueries.CellsIn(db, t);
        var total = await cells.GroupBy(_ => 1)
            .Select(g => new { Booths = g.Sum(c => c.Booths), A = g.Sum(c => c.WithAgent), C = g.Sum(c => c.WithCommittee) })
            .SingleOrDefaultAsync(ct);
        Total = new Row(t.Id, t.NameEn, t.NameHi, total?.Booths ?? 0, total?.A ?? 0, total?.C ?? 0);

        var groups = BySeats
            ? cells.GroupBy(c => c.AssemblyConstituencyId)
            : t.Level switch
            {
                TerritoryLevel.State => cells.GroupBy(c => c.DivisionId!.Value),
                TerritoryLevel.Division => cells.GroupBy(c => c.DistrictId!.Value),
                _ => cells.GroupBy(c => c.BlockId),
            };
        var sums = await groups.Select(g => new { g.Key, Booths = g.Sum(c => c.Booths), A = g.Sum(c => c.WithAgent), C = g.Sum(c => c.WithCommittee) })
            .ToListAsync(ct);
        var keys = sums.Select(s => s.Key).ToList();
        var names = BySeats
            ? await db.AssemblyConstituencies.Where(a => keys.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, a => ($"{a.Number} {a.NameEn}", $"{a.Number} {a.NameHi}"), ct)
            : await db.Territories.Where(x => keys.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => (x.NameEn, x.NameHi), ct);
        Rows = sums.Select(s => new Row(s.Key, names[s.Key].Item1, names[s.Key].Item2, s.Booths, s.A, s.C))
            .OrderBy(r => r.AgentPercent).ThenBy(r => r.NameEn).ToList();

        if (!ModelState.IsValid) PageNumber = 1;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        if (Tabular.IsFormat(export))
            return Tabular.Export(export, "booth-coverage",
                [BySeats ? L["Assembly constituency"] : L["Name"], L["Booths"], L["With agent"], L["Agent coverage (%)"], L["With committee"], L["Committee coverage (%)"]],
                Rows.Select(r => new object?[] { Localization.Pick(r.NameEn, r.NameHi), r.Booths, r.WithAgent, r.AgentPercent, r.WithCommittee, r.CommitteePercent }));
        return Page();
    }
}

public static class CoverageQueries
{
    /// <summary>The coverage cells that lie in a territory (state, division, district or block).</summary>
    public static IQueryable<CoverageCell> CellsIn(AppDbContext db, Territory t) => db.CoverageCells.Under(t);

    /// <summary>Booths in a territory (and optionally a constituency) without an active booth agent.</summary>
    public static IQueryable<Territory> UncoveredBooths(AppDbContext db, Territory t, int? constituencyId)
    {
        var booths = db.Territories.Where(b => b.Level == TerritoryLevel.Booth).Below(t);
        if (constituencyId is { } ac) booths = booths.Where(b => b.AssemblyConstituencyId == ac);
        return booths.Where(b => !db.Appointments.Any(a =>
            a.TerritoryId == b.Id && a.PostId == Data.Configurations.ReferenceData.BoothAgentPostId && a.To == null));
    }
}
