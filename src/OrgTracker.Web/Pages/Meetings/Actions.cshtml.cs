using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>
/// Action items: "mine" (owned by the person whose email is the signed-in user's), overdue ones by territory, all open
/// ones, or all. Items lie in their owner's scope, so a district sees what its people owe, from any meeting.
/// </summary>
public class ActionsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;
    public static readonly string[] Views = ["mine", "overdue", "open", "all"];

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public int? Territory { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }
    public bool HasPerson { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<Group> Overdue { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(int Id, string Text, int OwnerId, string OwnerEn, string OwnerHi, string TerritoryEn, string TerritoryHi, DateOnly DueOn,
        ActionItemStatus Status, int MeetingId, string MeetingTitle, DateTime MeetingStartsUtc, bool MeetingVisible);

    public sealed record Group(int? Id, string? En, string? Hi, int Count);

    public static string ViewKey(string view) => view switch
    {
        "mine" => "My action items",
        "overdue" => "Overdue",
        "open" => "Open",
        _ => "All",
    };

    public async Task<IActionResult> OnGetAsync(string? export, CancellationToken ct)
    {
        if (!ModelState.IsValid) { Territory = null; PageNumber = 1; }
        Today = clock.TodayInIndia();
        var mine = db.SignedInPeople(User).Select(p => p.Id);
        HasPerson = await mine.AnyAsync(ct);
        if (Show is null || !Views.Contains(Show)) Show = HasPerson ? "mine" : "overdue";
        var scope = UserScope.Required(User);
        var today = Today;

        var inScope = db.ActionItems.AsNoTracking().InScope(User);
        var overdue = inScope.Where(a => (a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress) && a.DueOn < today);
        // By district for state and division users: each district's open items (the units' figures, kept by the summary
        // refresher) less those not yet due, a short range of the open items' index where the overdue ones are
        // thousands; the state's and divisions' own items have no district. Within a district, by the owner's territory.
        var groups = scope.Level == TerritoryLevel.District
            ? await overdue.GroupBy(a => a.TerritoryId).Select(g => new { Key = (int?)g.Key, N = g.Count() }).ToListAsync(ct)
            : (await db.UnitFigures.AsNoTracking().InScope(User).Where(u => u.OpenActionItems > 0)
                    .Select(u => new { u.DistrictId, N = u.OpenActionItems })
                    .Concat(inScope.Where(a => ActionItem.OpenStatuses.Contains(a.Status) && a.DueOn >= today).Select(a => new { a.DistrictId, N = -1 }))
                    .GroupBy(x => x.DistrictId).Select(g => new { Key = g.Key, N = g.Sum(x => x.N) }).ToListAsync(ct))
                .Where(g => g.N > 0).ToList();
        var ids = groups.Where(g => g.Key != null).Select(g => g.Key!.Value).ToList();
        var names = await db.NamesAsync(ids, ct);
        Overdue = groups.Select(g => new Group(g.Key, g.Key is { } k ? names[k].NameEn : null, g.Key is { } h ? names[h].NameHi : null, g.N))
            .OrderByDescending(g => g.Count).ThenBy(g => g.En).ToList();

        var items = Show switch
        {
            // The user's own items, wherever they were decided (a user owns what their person owns), within their scope:
            // a person of another state who happens to share the user's email is never "mine".
            "mine" => inScope.Where(a => mine.Contains(a.OwnerId)),
            "overdue" => overdue,
            "open" => inScope.Where(a => a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress),
            _ => inScope,
        };
        if (Territory is { } t)
            items = scope.Level == TerritoryLevel.District ? items.Where(a => a.TerritoryId == t) : items.Under(TerritoryLevel.District, t);
        var meetings = db.Meetings.Visible(db, User);
        // Open items first, each by due date; the overdue and open views hold open items only, and read them in the
        // order of their index (ix_action_items_open_due) without sorting every open item of the state.
        var ordered = Show is "overdue" or "open"
            ? items.OrderBy(a => a.DueOn).ThenBy(a => a.Id)
            : items.OrderBy(a => a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress ? 0 : 1).ThenBy(a => a.DueOn).ThenBy(a => a.Id);
        var rows = ordered
            .Select(a => new Row(a.Id, a.Text, a.OwnerId, a.Owner!.NameEn, a.Owner.NameHi,
                db.Territories.Where(x => x.Id == a.TerritoryId).Select(x => x.NameEn).First(),
                db.Territories.Where(x => x.Id == a.TerritoryId).Select(x => x.NameHi).First(),
                a.DueOn, a.Status, a.MeetingId, a.Meeting!.Title, a.Meeting.StartsUtc, meetings.Any(m => m.Id == a.MeetingId)));

        if (Tabular.IsFormat(export))
            return Tabular.Export(export, "action-items",
                [L["Action item"], L["Owner"], L["Territory"], L["Due on"], L["Status"], L["Overdue"], L["Meeting"], L["Meeting date"]],
                rows.Take(Tabular.MaxRows).AsAsyncEnumerable().Select(r => new object?[] { r.Text, Localization.Pick(r.OwnerEn, r.OwnerHi), Localization.Pick(r.TerritoryEn, r.TerritoryHi), r.DueOn,
                    L[MeetingText.ActionStatusKey(r.Status)].Value, IsOverdue(r) ? L["Yes"].Value : "", r.MeetingTitle, IndiaTime.Day(r.MeetingStartsUtc) }));
        // The overdue view counts from its groups (the whole scope, or the territory chosen), not its thousands of rows.
        Total = Show == "overdue" ? Overdue.Where(g => Territory is null || g.Id == Territory).Sum(g => g.Count) : await items.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await rows.Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    public bool IsOverdue(Row r) => r.Status is ActionItemStatus.Open or ActionItemStatus.InProgress && r.DueOn < Today;
}
