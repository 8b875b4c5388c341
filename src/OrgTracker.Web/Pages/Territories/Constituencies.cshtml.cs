using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Territories;

/// <summary>
/// Assembly constituencies in the user's scope with their last result; focus seats first when asked. The margin
/// starts at the configured focus-seat margin (<see cref="DashboardOptions.FocusMarginPercent"/>), the one the
/// dashboard uses, and the user may try another.
/// </summary>
public class ConstituenciesModel(ReadDb db, IOptions<DashboardOptions> options) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Territory { get; set; }
    [BindProperty(SupportsGet = true)] public bool Focus { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? Margin { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The margin in force: the one asked for, else the configured one.</summary>
    public decimal FocusMargin { get; private set; }
    public TerritoryRef? Within { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(int Id, int Number, string NameEn, string NameHi, string Reservation, string DistrictEn, string DistrictHi,
        int? LsNumber, string? LsEn, string? LsHi, ElectionOutcome? Outcome, string? Winner, int? MarginVotes, decimal? MarginPercent)
    {
        public int Booths { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FocusMargin = ModelState.IsValid && Margin is >= 0 and <= 100 ? Margin.Value : options.Value.FocusMarginPercent;
        IQueryable<AssemblyConstituency> seats = db.AssemblyConstituencies.AsNoTracking().InScope(User);
        if (Territory is { } id)
        {
            var t = await db.FindInScopeAsync(User, id, ct);
            if (t is null) return NotFound();
            Within = new TerritoryRef(t.Id, t.Level, t.NameEn, t.NameHi);
            seats = db.ConstituenciesIn(t).InScope(User);
        }
        if (Focus) seats = seats.Where(a => a.PartyOutcome == ElectionOutcome.Lost && a.MarginPercent < FocusMargin);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var term = Query.Trim();
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            seats = int.TryParse(term, out var n)
                ? seats.Where(a => a.Number == n)
                : seats.Where(a => EF.Functions.ILike(a.NameEn, pattern) || EF.Functions.ILike(a.NameHi, pattern));
        }
        Total = await seats.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var ordered = Focus ? seats.OrderBy(a => a.MarginPercent) : seats.OrderBy(a => a.Number);
        Rows = await ordered.Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize)
            .Select(a => new Row(a.Id, a.Number, a.NameEn, a.NameHi, a.Reservation,
                db.Territories.Where(d => d.Id == a.DistrictId).Select(d => d.NameEn).First(),
                db.Territories.Where(d => d.Id == a.DistrictId).Select(d => d.NameHi).First(),
                a.LokSabhaConstituency == null ? null : (int?)a.LokSabhaConstituency.Number, a.LokSabhaConstituency!.NameEn, a.LokSabhaConstituency!.NameHi,
                a.PartyOutcome, a.WinningParty, a.MarginVotes, a.MarginPercent))
            .ToListAsync(ct);
        var ids = Rows.Select(r => (int?)r.Id).ToList();
        var booths = await db.Territories.Where(b => b.Level == TerritoryLevel.Booth && ids.Contains(b.AssemblyConstituencyId))
            .GroupBy(b => b.AssemblyConstituencyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        foreach (var r in Rows) r.Booths = booths.GetValueOrDefault(r.Id);
        return Page();
    }
}
