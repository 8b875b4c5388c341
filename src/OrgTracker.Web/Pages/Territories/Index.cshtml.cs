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
/// Drill-down through the hierarchy: one territory, the counts below it, and its children paged and
/// searchable by name in either script, and its focus seats by the configured margin
/// (<see cref="DashboardOptions.FocusMarginPercent"/>). Never renders more than one page of rows.
/// </summary>
public class IndexModel(ReadDb db, IOptions<DashboardOptions> options, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public Territory Territory { get; private set; } = null!;
    public List<TerritoryRef> Breadcrumb { get; private set; } = [];
    public Dictionary<TerritoryLevel, int> Counts { get; private set; } = [];
    public int ConstituencyCount { get; private set; }
    public int FocusSeatCount { get; private set; }
    public TerritoryLevel? ChildLevel { get; private set; }
    public List<ChildRow> Children { get; private set; } = [];
    public List<TerritoryRef> Wards { get; private set; } = [];
    public BoothInfo? Booth { get; private set; }
    /// <summary>A district's one-to-one reviews (the latest first) and the agreed points still open from them.</summary>
    public List<ReviewRow> Reviews { get; private set; } = [];
    public List<AgreedPoint> AgreedPoints { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int Total { get; private set; }
    public bool CanEdit { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record ChildRow(int Id, string NameEn, string NameHi, bool IsUrban, int? PartNumber, string? AcNameEn, string? AcNameHi, int? AcNumber)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
        public Dictionary<TerritoryLevel, int> Counts { get; set; } = [];
    }

    public sealed record ReviewRow(int MeetingId, DateTime StartsUtc, string? Strategy);

    public sealed record AgreedPoint(int Id, string Text, string OwnerEn, string OwnerHi, DateOnly DueOn, ActionItemStatus Status, int MeetingId)
    {
        public string Owner => Localization.Pick(OwnerEn, OwnerHi);
    }

    public sealed record BoothInfo(int? AcNumber, string? AcNameEn, string? AcNameHi, int? PartNumber, string? WardEn, string? WardHi);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        // "/Territories" alone: the user's own territory, the top of what they may see.
        if (id is null) return RedirectToPage(new { id = UserScope.Required(User).TerritoryId, q = Query });
        var territory = await db.FindInScopeAsync(User, id.Value, ct);
        if (territory is null) return NotFound();
        Territory = territory;
        Breadcrumb = await db.BreadcrumbAsync(User, territory, ct);
        Counts = await db.DescendantCountsAsync(territory, ct);
        var constituencies = db.ConstituenciesIn(territory);
        ConstituencyCount = await constituencies.CountAsync(ct);
        FocusSeatCount = await constituencies.CountAsync(a => a.PartyOutcome == ElectionOutcome.Lost && a.MarginPercent < options.Value.FocusMarginPercent, ct);
        CanEdit = User.Can(Capability.ManageTerritory) && territory.Level >= TerritoryLevel.Block;
        if (territory.Level == TerritoryLevel.District) await LoadReviewsAsync(territory, ct);

        if (territory.Level == TerritoryLevel.Booth)
        {
            Booth = await db.Territories.AsNoTracking().Where(t => t.Id == territory.Id)
                .Select(t => new BoothInfo(
                    t.AssemblyConstituency!.Number, t.AssemblyConstituency.NameEn, t.AssemblyConstituency.NameHi, t.PartNumber,
                    db.Territories.Where(w => w.Id == t.WardId).Select(w => w.NameEn).FirstOrDefault(),
                    db.Territories.Where(w => w.Id == t.WardId).Select(w => w.NameHi).FirstOrDefault()))
                .SingleAsync(ct);
            return Page();
        }

        ChildLevel = Territory.ChildLevel(territory.Level);
        if (territory.Level == TerritoryLevel.Block && territory.IsUrban)
            Wards = await db.Territories.AsNoTracking()
                .Where(t => t.ParentId == territory.Id && t.Level == TerritoryLevel.Ward)
                .OrderBy(t => t.NameEn.Length).ThenBy(t => t.NameEn)
                .Select(t => new TerritoryRef(t.Id, t.Level, t.NameEn, t.NameHi))
                .ToListAsync(ct);

        var children = territory.Level == TerritoryLevel.Ward
            ? db.Territories.Where(t => t.WardId == territory.Id && t.Level == TerritoryLevel.Booth)
            : db.Territories.Where(t => t.ParentId == territory.Id && t.Level == ChildLevel);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var term = Query.Trim();
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            children = int.TryParse(term, out var part) && ChildLevel == TerritoryLevel.Booth
                ? children.Where(t => t.PartNumber == part || EF.Functions.ILike(t.NameEn, pattern))
                : children.Where(t => EF.Functions.ILike(t.NameEn, pattern) || EF.Functions.ILike(t.NameHi, pattern));
        }
        Total = await children.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var ordered = ChildLevel == TerritoryLevel.Booth
            ? children.OrderBy(t => t.AssemblyConstituency!.Number).ThenBy(t => t.PartNumber)
            : children.OrderBy(t => t.NameEn);
        Children = await ordered.AsNoTracking()
            .Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize)
            .Select(t => new ChildRow(t.Id, t.NameEn, t.NameHi, t.IsUrban, t.PartNumber,
                t.AssemblyConstituency!.NameEn, t.AssemblyConstituency.NameHi, (int?)t.AssemblyConstituency.Number))
            .ToListAsync(ct);
        await AddChildCountsAsync(ct);
        return Page();
    }

    /// <summary>The district's one-to-one reviews held (meetings of that type at the district, in the user's scope) and their open agreed points.</summary>
    private async Task LoadReviewsAsync(Territory district, CancellationToken ct)
    {
        Today = clock.TodayInIndia();
        var reviews = db.Meetings.AsNoTracking().InScope(User).Where(m => m.TerritoryId == district.Id
            && m.Type == MeetingType.OneToOne && m.Status == MeetingStatus.Held);
        Reviews = await reviews.OrderByDescending(m => m.StartsUtc).Take(3)
            .Select(m => new ReviewRow(m.Id, m.StartsUtc, m.Strategy)).ToListAsync(ct);
        if (Reviews.Count == 0) return;
        AgreedPoints = await db.ActionItems.AsNoTracking()
            .Where(a => reviews.Any(m => m.Id == a.MeetingId) && (a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(20)
            .Select(a => new AgreedPoint(a.Id, a.Text, a.Owner!.NameEn, a.Owner.NameHi, a.DueOn, a.Status, a.MeetingId))
            .ToListAsync(ct);
    }

    /// <summary>Counts below each child on this page, from the unit counts.</summary>
    private async Task AddChildCountsAsync(CancellationToken ct)
    {
        if (Children.Count == 0 || ChildLevel is null or > TerritoryLevel.Block) return;
        var counts = await db.DescendantCountsAsync(ChildLevel.Value, Children.Select(c => c.Id).ToList(), ct);
        foreach (var c in Children) c.Counts = counts.GetValueOrDefault(c.Id) ?? [];
    }
}
