using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>Booths with no active booth agent in a territory (optionally one constituency): paged, exportable.</summary>
public class UncoveredModel(ReadDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Territory { get; set; }
    [BindProperty(SupportsGet = true)] public int? Ac { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Territory Current { get; private set; } = null!;
    public string? SeatName { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool CanAppoint { get; private set; }

    public sealed record Row(int Id, string NameEn, string NameHi, int AcNumber, string AcEn, string AcHi, int? Part, string BlockEn, string BlockHi, string DistrictEn, string DistrictHi);

    public async Task<IActionResult> OnGetAsync(string? export, CancellationToken ct)
    {
        if (!ModelState.IsValid) { Ac = null; PageNumber = 1; }
        var t = await db.FindInScopeAsync(User, Territory ?? UserScope.Required(User).TerritoryId, ct);
        if (t is null || t.Level == TerritoryLevel.Booth) return NotFound();
        Current = t;
        if (Ac is { } ac)
        {
            SeatName = await db.AssemblyConstituencies.InScope(User).Where(a => a.Id == ac)
                .Select(a => a.Number + " " + (Localization.IsHindi ? a.NameHi : a.NameEn)).SingleOrDefaultAsync(ct);
            if (SeatName is null) return NotFound();
        }
        CanAppoint = User.Can(Capability.KeepOfficeBearers);
        var booths = CoverageQueries.UncoveredBooths(db, t, Ac).AsNoTracking().OrderBy(b => b.Id)
            .Select(b => new Row(b.Id, b.NameEn, b.NameHi, b.AssemblyConstituency!.Number, b.AssemblyConstituency.NameEn, b.AssemblyConstituency.NameHi,
                b.PartNumber, b.Parent!.NameEn, b.Parent.NameHi,
                db.Territories.Where(d => d.Id == b.DistrictId).Select(d => d.NameEn).First(),
                db.Territories.Where(d => d.Id == b.DistrictId).Select(d => d.NameHi).First()));
        if (Tabular.IsFormat(export))
            return Tabular.Export(export, "booths-without-agent",
                [L["District"], L["Block"], L["Assembly constituency"], L["Part number"], L["Polling station"]],
                booths.Take(Tabular.MaxRows).AsAsyncEnumerable().Select(r => new object?[] { Localization.Pick(r.DistrictEn, r.DistrictHi), Localization.Pick(r.BlockEn, r.BlockHi),
                    $"{r.AcNumber} {Localization.Pick(r.AcEn, r.AcHi)}", r.Part, Localization.Pick(r.NameEn, r.NameHi) }));
        // The count comes from the coverage summary when it can (whole territory), so no booth scan is needed for it.
        Total = Ac is null && t.Level <= TerritoryLevel.Block
            ? await CoverageQueries.CellsIn(db, t).SumAsync(c => c.Booths - c.WithAgent, ct)
            : await CoverageQueries.UncoveredBooths(db, t, Ac).CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await booths.Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
