using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Reports;

/// <summary>One district's reports month by month: status, timeliness, score, and the score's trend as a chart.</summary>
public class DistrictModel(ReadDb db, IOptions<ReportOptions> options, TimeProvider clock) : PageModel
{
    public static readonly int[] Spans = [12, 24, 36];

    public DistrictRef DistrictInfo { get; private set; } = null!;
    public List<DistrictMonth> Months { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public string ChartLabels { get; private set; } = "[]";
    public string ChartScores { get; private set; } = "[]";

    [BindProperty(SupportsGet = true)] public int Span { get; set; } = 12;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var scope = UserScope.Required(User);
        id ??= scope.Level == TerritoryLevel.District ? scope.TerritoryId : null;
        var district = await db.DistrictInScopeAsync(User, id, ct);
        if (district is null) return NotFound();
        DistrictInfo = district;
        CanWrite = User.Can(Capability.WriteReports);

        if (!Spans.Contains(Span)) Span = 12;
        var now = clock.GetUtcNow();
        var to = clock.ThisMonthInIndia();
        var from = to.AddMonths(1 - Span);
        if (from < options.Value.FirstPeriodDate) from = options.Value.FirstPeriodDate;
        Months = await db.HistoryAsync(district, from, to, options.Value, now.UtcDateTime, ct);

        // Oldest first for the chart; the month in progress is left out until it is due.
        var points = Months.Where(m => m.Latest is not null || m.DueUtc < now.UtcDateTime).OrderBy(m => m.Period).ToList();
        ChartLabels = JsonText.Serialize(points.Select(m => m.Period.ToString("MMM yy", CultureInfo.CurrentCulture)));
        ChartScores = JsonText.Serialize(points.Select(m => m.Score));
        return Page();
    }
}
