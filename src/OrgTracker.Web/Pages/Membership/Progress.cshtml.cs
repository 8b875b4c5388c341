using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>
/// Progress of a drive against target, drilling state → division → district → block → booth, with the district
/// leaderboard and enrolments by day. Every figure comes from the summary tables; the table is exportable.
/// </summary>
public class ProgressModel(ReadDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    public MembershipDrive Drive { get; private set; } = null!;
    public Territory Territory { get; private set; } = null!;
    public List<TerritoryRef> Breadcrumb { get; private set; } = [];
    public MembershipQueries.ProgressRow Total { get; private set; } = null!;
    public List<MembershipQueries.ProgressRow> Children { get; private set; } = [];
    public int ChildCount { get; private set; }
    public List<MembershipQueries.ProgressRow> Leaderboard { get; private set; } = [];
    public List<(DateOnly Day, long Enrolled)> Daily { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "territory")] public int? TerritoryId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (ChildCount + PageSize - 1) / PageSize);

    /// <summary>Data for the chart script, in a data- attribute (no inline script).</summary>
    public string ChartJson => JsonText.Serialize(new
    {
        labels = Daily.Select(d => Localization.Date(d.Day.ToDateTime(TimeOnly.MinValue))).ToArray(),
        values = Daily.Select(d => d.Enrolled).ToArray(),
        label = L["Members enrolled"].Value,
    });

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var (rows, total) = await db.ChildrenAsync(User, id, Territory, Math.Max(1, PageNumber), PageSize, ct);
        ChildCount = total;
        if (PageNumber > PageCount || PageNumber < 1)
        {
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            (rows, _) = await db.ChildrenAsync(User, id, Territory, PageNumber, PageSize, ct);
        }
        Children = rows;
        Leaderboard = await db.LeaderboardAsync(User, id, Territory, ct);
        Daily = await db.DailyAsync(User, id, Territory, ct);
        return Page();
    }

    /// <summary>The table of the page (all rows, not one page of them) as CSV or Excel.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, string? format, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var (rows, _) = await db.ChildrenAsync(User, id, Territory, 1, int.MaxValue, ct);
        return new TabularFile(Tabular.Parse(format), $"membership-{Drive.Id}-{Territory.Id}",
            [L["Name"], L["Enrolled"], L["Verified"], L["Rejected"], L["Target"], L["% of target"]],
            rows.Select(r => new object?[] { r.Name, r.Enrolled, r.Verified, r.Rejected, r.Target, r.Percent is { } pc ? Math.Round(pc, 1) : null }));
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var drive = await db.FindDriveAsync(User, id, ct);
        if (drive is null) return NotFound();
        Drive = drive;
        var territory = await db.FindInScopeAsync(User, TerritoryId ?? UserScope.Required(User).TerritoryId, ct);
        // Progress is kept down to the booth, and drilled from state to block; wards and booths have no page of their own.
        if (territory is null || territory.StateId != drive.StateId || territory.Level is TerritoryLevel.Ward or TerritoryLevel.Booth) return NotFound();
        Territory = territory;
        Breadcrumb = await db.BreadcrumbAsync(User, territory, ct);
        Total = await db.TotalAsync(User, id, territory, ct);
        return null;
    }
}
