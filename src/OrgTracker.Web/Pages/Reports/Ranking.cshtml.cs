using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Reports;

/// <summary>
/// Districts ranked by their score for a month, in the state and within their division, and the divisions
/// ranked by their districts' average score (docs/reports-scoring.md).
/// </summary>
public class RankingModel(ReadDb db, IOptions<ReportOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    [BindProperty(SupportsGet = true)] public int? Division { get; set; }

    public DateOnly Period { get; private set; }
    public bool PeriodInvalid { get; private set; }
    public List<(int Id, string Name)> Divisions { get; private set; } = [];
    public List<DistrictRow> Districts { get; private set; } = [];
    public List<DivisionRow> DivisionRows { get; private set; } = [];

    public sealed record DistrictRow(DistrictMonth Month, int StateRank, int DivisionRank);
    public sealed record DivisionRow(int Id, string Name, int Districts, double Average, int Rank, int Reported);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        (Period, PeriodInvalid) = PeriodPicker.Pick(PeriodText, clock, options.Value);
        PeriodText = ReportPeriod.Format(Period);

        // Ranks are always over the whole scope; the division filter only narrows the rows shown.
        var months = await db.MonthAsync(User, Period, null, options.Value, now.UtcDateTime, ct);
        Divisions = months.Where(m => m.District.DivisionId is not null).GroupBy(m => m.District.DivisionId!.Value)
            .Select(g => (g.Key, g.First().District.Division)).OrderBy(d => d.Division).ToList();
        if (Division is { } div && Divisions.All(d => d.Id != div)) Division = null;

        var stateRanks = ReportScoring.Rank(months.Select(m => (m.District.Id, m.Score)));
        var divisionRanks = months.GroupBy(m => m.District.DivisionId)
            .SelectMany(g => ReportScoring.Rank(g.Select(m => (m.District.Id, m.Score))))
            .ToDictionary(p => p.Key, p => p.Value);
        Districts = months.Where(m => Division is null || m.District.DivisionId == Division)
            .Select(m => new DistrictRow(m, stateRanks[m.District.Id], divisionRanks[m.District.Id]))
            .OrderBy(r => r.StateRank).ThenBy(r => r.Month.FirstSubmittedUtc ?? DateTime.MaxValue).ThenBy(r => r.Month.District.NameEn)
            .ToList();

        var divisions = months.GroupBy(m => m.District.DivisionId!.Value)
            .Select(g => (Id: g.Key, Name: g.First().District.Division, Count: g.Count(), Average: g.Average(m => m.Score), Reported: g.Count(m => m.Effective is not null)))
            .ToList();
        var averageRanks = ReportScoring.Rank(divisions.Select(d => (d.Id, (int)Math.Round(d.Average * 10))));
        DivisionRows = divisions.Select(d => new DivisionRow(d.Id, d.Name, d.Count, d.Average, averageRanks[d.Id], d.Reported))
            .OrderBy(d => d.Rank).ThenBy(d => d.Name).ToList();
        return Page();
    }
}
