using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.People;

/// <summary>
/// People in the user's scope, searched by name in either script or by mobile number in any usual form, filtered by
/// district (for state and division roles) and by "came from another party", fifty to a page.
/// </summary>
public class IndexModel(ReadDb db, IAuthorizationService auth, SealedTerms terms) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public int? DistrictId { get; set; }
    [BindProperty(SupportsGet = true, Name = "other")] public bool FromOtherParties { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<SelectListItem> Districts { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public ILookup<int, PostHeld> Posts { get; private set; } = Array.Empty<PostHeld>().ToLookup(p => p.PersonId);
    public int Total { get; private set; }
    public bool CanWrite { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(int Id, string NameEn, string NameHi, string Mobile, string? FormerParty, bool Trained,
        string? DistrictEn, string? DistrictHi, string HomeEn, string HomeHi)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
        public string? District => DistrictEn is null ? null : Localization.Pick(DistrictEn, DistrictHi ?? "");
        public string Home => Localization.Pick(HomeEn, HomeHi);
    }

    /// <summary>The search form posts here: the result page's URL carries the term sealed (it may be a mobile number).</summary>
    public IActionResult OnPostSearch() =>
        RedirectToPage(new { q = terms.Seal(Query), district = DistrictId, other = FromOtherParties ? true : (bool?)null });

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = terms.Open(Query);
        CanWrite = await db.MayWriteAsync(auth, User, ct);
        if (UserScope.From(User) is { Level: < TerritoryLevel.District })
            Districts = (await db.Territories.AsNoTracking().InScope(User)
                    .Where(t => t.Level == TerritoryLevel.District)
                    .OrderBy(t => t.NameEn)
                    .Select(t => new { t.Id, t.NameEn, t.NameHi })
                    .ToListAsync(ct))
                .Select(d => new SelectListItem(Localization.Pick(d.NameEn, d.NameHi), d.Id.ToString(CultureInfo.InvariantCulture)))
                .ToList();
        else
            DistrictId = null;

        if (Query?.Length > 100) Query = Query[..100];
        var people = db.People.AsNoTracking().InScope(User).Search(Query);
        if (DistrictId is { } districtId) people = people.Under(TerritoryLevel.District, districtId);
        if (FromOtherParties) people = people.Where(p => p.FormerParty != null);

        // Unfiltered, the count is the unit counts' sum; a search counts what it found.
        var units = db.UnitCounts.AsNoTracking().InScope(User);
        if (DistrictId is { } district) units = units.Under(TerritoryLevel.District, district);
        Total = string.IsNullOrWhiteSpace(Query) && !FromOtherParties ? await units.PeopleCountAsync(ct) : await people.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await people
            .OrderBy(p => p.NameEn).ThenBy(p => p.Id)
            .Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize)
            .Select(p => new Row(p.Id, p.NameEn, p.NameHi, p.Mobile, p.FormerParty, false,
                db.Territories.Where(t => t.Id == p.DistrictId).Select(t => t.NameEn).FirstOrDefault(),
                db.Territories.Where(t => t.Id == p.DistrictId).Select(t => t.NameHi).FirstOrDefault(),
                db.Territories.Where(t => t.Id == p.HomeTerritoryId).Select(t => t.NameEn).First(),
                db.Territories.Where(t => t.Id == p.HomeTerritoryId).Select(t => t.NameHi).First()))
            .ToListAsync(ct);
        // Trained or not, for the page's people only: asked inside the list's statement, PostgreSQL plans it for every
        // person of the state (it hashes all trainings of the state, 8 ms at Uttar Pradesh's size).
        var ids = Rows.Select(r => r.Id).ToList();
        var trained = (await db.Trainings.AsNoTracking().Where(t => ids.Contains(t.PersonId)).Select(t => t.PersonId).Distinct().ToListAsync(ct)).ToHashSet();
        Rows = Rows.Select(r => r with { Trained = trained.Contains(r.Id) }).ToList();
        Posts = await db.CurrentPostsAsync(User, ids, ct);
    }
}
