using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Reports;

/// <summary>
/// Which districts have reported for a month, which are awaiting review, returned, late or missing. District
/// presidents go straight to their own district's page.
/// </summary>
public class IndexModel(ReadDb db, IOptions<ReportOptions> options, TimeProvider clock) : PageModel
{
    public static readonly string[] Filters = ["all", "missing", "late", "awaiting", "returned", "draft", "accepted"];

    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    [BindProperty(SupportsGet = true)] public int? Division { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    public DateOnly Period { get; private set; }
    public bool PeriodInvalid { get; private set; }
    public DateOnly DueDate { get; private set; }
    public List<DistrictMonth> All { get; private set; } = [];
    public List<DistrictMonth> Rows { get; private set; } = [];
    public List<(int Id, string Name)> Divisions { get; private set; } = [];
    public bool CanEnterOnBehalf => User.Can(Capability.ReportOnBehalf);

    public int Count(string filter) => All.Count(m => Matches(m, filter));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = UserScope.Required(User);
        if (scope.Level == TerritoryLevel.District) return RedirectToPage("District", new { id = scope.TerritoryId });

        var now = clock.GetUtcNow();
        (Period, PeriodInvalid) = PeriodPicker.Pick(PeriodText, clock, options.Value);
        PeriodText = ReportPeriod.Format(Period);
        DueDate = ReportPeriod.DueDate(Period, options.Value.DueDay);
        if (!Filters.Contains(Show)) Show = "all";

        var districts = await db.DistrictsInScopeAsync(User, null, ct);
        Divisions = districts.Where(d => d.DivisionId is not null).GroupBy(d => d.DivisionId!.Value)
            .Select(g => (g.Key, g.First().Division)).OrderBy(d => d.Division).ToList();
        if (Division is { } div && Divisions.All(d => d.Id != div)) Division = null;

        All = await db.MonthAsync(User, Period, Division, options.Value, now.UtcDateTime, ct);
        Rows = All.Where(m => Matches(m, Show!)).OrderBy(m => m.District.Division).ThenBy(m => m.District.NameEn).ToList();
        return Page();
    }

    public static bool Matches(DistrictMonth m, string filter) => filter switch
    {
        "missing" => m.IsMissing,
        "late" => m.IsLate,
        "awaiting" => m.Latest?.Status is ReportStatus.Submitted or ReportStatus.Resubmitted,
        "returned" => m.Latest?.Status == ReportStatus.Returned,
        "draft" => m.Latest?.Status == ReportStatus.Draft,
        "accepted" => m.Latest?.Status == ReportStatus.Accepted,
        _ => true,
    };

    public static string FilterKey(string filter) => filter switch
    {
        "missing" => "Missing",
        "late" => "Late",
        "awaiting" => "Awaiting review",
        "returned" => "Returned",
        "draft" => "Draft",
        "accepted" => "Accepted",
        _ => "All",
    };
}
