using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>
/// The absence signal: current office-bearers absent from each of their last three invited meetings, not yet flagged
/// inactive, each linked to the appointment page where they can be flagged (or replaced).
/// </summary>
public class AbsenteesModel(ReadDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }

    public List<MeetingQueries.Absentee> Rows { get; private set; } = [];
    public Dictionary<int, (string En, string Hi)> DistrictNames { get; private set; } = [];
    public List<SelectListItem> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) District = null;
        Rows = await db.AbsenteesAsync(User, District, clock.GetUtcNow().UtcDateTime, ct);
        var ids = Rows.Where(r => r.DistrictId != null).Select(r => r.DistrictId!.Value).Distinct().ToList();
        DistrictNames = await db.NamesAsync(ids, ct);
        Districts = await db.Territories.AsNoTracking().InScope(User).Where(t => t.Level == TerritoryLevel.District)
            .OrderBy(t => t.NameEn).Select(t => new SelectListItem(Localization.Pick(t.NameEn, t.NameHi), t.Id.ToString())).ToListAsync(ct);
        return Page();
    }
}
