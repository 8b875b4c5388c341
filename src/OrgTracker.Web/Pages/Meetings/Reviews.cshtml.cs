using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>
/// The board of district one-to-one reviews (seed 002: after the meeting of district presidents the in-charge holds a
/// one-to-one with every district): every district of the user's scope with its last review held, how many it has
/// had, and the agreed points (the reviews' action items) still open and overdue. A district with none is flagged.
/// </summary>
public class ReviewsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "division")] public int? DivisionId { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public List<SelectListItem> Divisions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int Reviewed => Rows.Count(r => r.Held > 0);

    public sealed record Row(int DistrictId, string NameEn, string NameHi, string? DivisionEn, string? DivisionHi, int Held,
        int? LastMeetingId, DateTime? LastUtc, int OpenPoints, int OverduePoints)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
        public string? Division => DivisionEn is null ? null : Localization.Pick(DivisionEn, DivisionHi ?? "");
    }

    public async Task<IActionResult> OnGetAsync(string? export, CancellationToken ct)
    {
        if (!ModelState.IsValid) DivisionId = null;
        Today = clock.TodayInIndia();
        var today = Today;
        if (UserScope.Required(User).Level < TerritoryLevel.Division)
            Divisions = (await db.Territories.AsNoTracking().InScope(User).Where(t => t.Level == TerritoryLevel.Division)
                    .OrderBy(t => t.NameEn).Select(t => new { t.Id, t.NameEn, t.NameHi }).ToListAsync(ct))
                .Select(d => new SelectListItem(Localization.Pick(d.NameEn, d.NameHi), d.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        else DivisionId = null;

        var districts = db.Territories.AsNoTracking().InScope(User).Where(t => t.Level == TerritoryLevel.District);
        if (DivisionId is { } division) districts = districts.Where(t => t.DivisionId == division);
        var reviews = db.Meetings.AsNoTracking().InScope(User)
            .Where(m => m.Type == MeetingType.OneToOne && m.Level == TerritoryLevel.District && m.Status == MeetingStatus.Held);
        var points = db.ActionItems.AsNoTracking()
            .Where(a => a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress)
            .Join(reviews, a => a.MeetingId, m => m.Id, (a, m) => new { m.TerritoryId, a.DueOn });
        Rows = await districts.OrderBy(t => t.NameEn)
            .Select(t => new Row(t.Id, t.NameEn, t.NameHi,
                db.Territories.Where(v => v.Id == t.DivisionId).Select(v => v.NameEn).FirstOrDefault(),
                db.Territories.Where(v => v.Id == t.DivisionId).Select(v => v.NameHi).FirstOrDefault(),
                reviews.Count(m => m.TerritoryId == t.Id),
                reviews.Where(m => m.TerritoryId == t.Id).OrderByDescending(m => m.StartsUtc).Select(m => (int?)m.Id).FirstOrDefault(),
                reviews.Where(m => m.TerritoryId == t.Id).Max(m => (DateTime?)m.StartsUtc),
                points.Count(p => p.TerritoryId == t.Id),
                points.Count(p => p.TerritoryId == t.Id && p.DueOn < today)))
            .ToListAsync(ct);

        if (Tabular.IsFormat(export))
            return Tabular.Export(export, "one-to-one-reviews",
                [L["District"], L["Division"], L["Reviews held"], L["Last review"], L["Agreed points open"], L["Of them overdue"]],
                Rows.Select(r => new object?[] { r.Name, r.Division, r.Held, r.LastUtc is { } last ? IndiaTime.Day(last) : null, r.OpenPoints, r.OverduePoints }));
        return Page();
    }
}
