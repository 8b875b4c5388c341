using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Tests.Data;

/// <summary>
/// The report months the dashboards read (<see cref="ReportMonth"/>), after each step of a report's workflow saved
/// through the application's own DbContext without any call to a refresh, equal what the versions themselves say:
/// the newest status, the first submission and the effective version's figures, counted here in C# from every
/// version; and the month read from its summary scores as the month read from its versions.
/// </summary>
public class ReportMonthTests(AppFactory app) : IntegrationTest(app)
{
    private static readonly ReportActor President = new("test-president", "Test District President", Roles.DistrictPresident);
    private static readonly ReportActor InCharge = new("test-incharge", "Test State In-charge", Roles.StateInCharge);

    private sealed record Row(int DistrictId, DateOnly Period, int StateId, int DivisionId, ReportStatus LatestStatus, DateTime? FirstSubmittedUtc, string? Figures);

    private static string? Text(IReadOnlyDictionary<string, int>? figures) =>
        figures is null ? null : string.Join(",", ReportIndicators.Defaults.Select(i => $"{i.Key}={figures.GetValueOrDefault(i.Key)}"));

    private async Task AssertReportMonthsAreFreshAsync()
    {
        var rows = await App.WithDbAsync(db => db.ReportMonths.AsNoTracking().ToListAsync());
        var summary = rows.Select(m => new Row(m.DistrictId, m.Period, m.StateId, m.DivisionId, m.LatestStatus, m.FirstSubmittedUtc, Text(m.FiguresByKey())))
            .OrderBy(r => r.DistrictId).ThenBy(r => r.Period).ToList();
        var versions = await App.WithDbAsync(db => db.Reports.AsNoTracking().ToListAsync());
        var fresh = versions.GroupBy(v => (District: v.DistrictId!.Value, v.Period))
            .Select(g =>
            {
                var list = g.OrderByDescending(v => v.Revision).ToList();
                var effective = list.FirstOrDefault(v => v.Status == ReportStatus.Accepted)
                                ?? list.FirstOrDefault(v => v.Status is ReportStatus.Submitted or ReportStatus.Resubmitted);
                return new Row(g.Key.District, g.Key.Period, list[0].StateId, list[0].DivisionId!.Value, list[0].Status,
                    list.Min(v => v.FirstSubmittedUtc), Text(effective?.Figures));
            })
            .OrderBy(r => r.DistrictId).ThenBy(r => r.Period).ToList();
        Assert.Equal(fresh, summary);

        // Status, timeliness and score, from the summary as from the versions.
        var options = new ReportOptions();
        var indicators = options.ActiveIndicators();
        var byMonth = rows.ToDictionary(m => (m.DistrictId, m.Period));
        foreach (var g in versions.GroupBy(v => (District: v.DistrictId!.Value, v.Period)))
        {
            var d = new DistrictRef(g.Key.District, "", "", g.First().StateId, g.First().DivisionId, "", "");
            var rows2 = g.Select(v => new VersionRow(v.Id, v.DistrictId!.Value, v.Period, v.Revision, v.Status, v.Figures, v.FirstSubmittedUtc,
                v.LastSubmittedUtc, v.EnteredOnBehalf, v.SubmittedOnBehalf));
            var fromVersions = DistrictMonth.Build(d, g.Key.Period, rows2, options, indicators, UtcNow);
            var fromSummary = DistrictMonth.FromSummary(d, g.Key.Period, byMonth[g.Key], options, indicators, UtcNow);
            Assert.Equal((fromVersions.LatestStatus, fromVersions.FirstSubmittedUtc, fromVersions.Score, fromVersions.IsLate, fromVersions.IsMissing),
                (fromSummary.LatestStatus, fromSummary.FirstSubmittedUtc, fromSummary.Score, fromSummary.IsLate, fromSummary.IsMissing));
        }
    }

    [Fact]
    public async Task Every_step_of_a_report_keeps_its_month_fresh()
    {
        await AssertReportMonthsAreFreshAsync();
        Assert.NotEmpty(await App.WithDbAsync(db => db.ReportMonths.ToListAsync()));

        var district = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var period = new DateOnly(2031, 1, 1);
        var now = UtcNow;
        async Task StepAsync(Func<AppDbContext, Report, Task> step)
        {
            await App.WithDbAsync(async db =>
            {
                var report = await db.Reports.Where(r => r.DistrictId == district && r.Period == period).OrderByDescending(r => r.Revision).FirstAsync();
                await step(db, report);
                await db.SaveChangesAsync();
                return 0;
            });
            await AssertReportMonthsAreFreshAsync();
        }

        await App.WithDbAsync(async db =>
        {
            db.Reports.Add(Report.Start(await db.Territories.SingleAsync(t => t.Id == district), period, President, now));
            await db.SaveChangesAsync();
            return 0;
        });
        await AssertReportMonthsAreFreshAsync();
        Task<ReportMonth> MonthAsync() => App.WithDbAsync(db => db.ReportMonths.AsNoTracking().SingleAsync(m => m.DistrictId == district && m.Period == period));
        Assert.Equal((ReportStatus.Draft, null, null), ((await MonthAsync()).LatestStatus, (await MonthAsync()).FirstSubmittedUtc, (await MonthAsync()).Figures));

        await StepAsync((_, r) => { r.Edit(new Dictionary<string, int> { [ReportIndicators.MeetingsHeld] = 3, [ReportIndicators.MembersEnrolled] = 700 }, "a", "p", "h", President, now); return Task.CompletedTask; });
        await StepAsync((_, r) => { r.Submit(President, now.AddHours(1)); return Task.CompletedTask; });
        Assert.Equal(3, (await MonthAsync()).FiguresByKey()![ReportIndicators.MeetingsHeld]);
        await StepAsync((_, r) => { r.Return(InCharge, now.AddHours(2), "Give block-wise numbers."); return Task.CompletedTask; });
        // Returned: no version awaits review or stands accepted, so nothing scores.
        Assert.Null((await MonthAsync()).Figures);
        await StepAsync((_, r) => { r.Edit(new Dictionary<string, int> { [ReportIndicators.MeetingsHeld] = 4 }, "a", "p", "h", President, now.AddHours(3)); return Task.CompletedTask; });
        await StepAsync((_, r) => { r.Submit(President, now.AddDays(9)); return Task.CompletedTask; });
        await StepAsync((_, r) => { r.Accept(InCharge, now.AddDays(10)); return Task.CompletedTask; });
        Assert.Equal((ReportStatus.Accepted, now.AddHours(1)), ((await MonthAsync()).LatestStatus, (await MonthAsync()).FirstSubmittedUtc));
        // An amendment is a new draft; the accepted version still counts until the amendment is accepted.
        await StepAsync((db, r) => { db.Reports.Add(r.Amend(President, now.AddDays(11))); return Task.CompletedTask; });
        await StepAsync((_, r) => { r.Edit(new Dictionary<string, int> { [ReportIndicators.MeetingsHeld] = 9 }, "a", "p", "h", President, now.AddDays(11)); return Task.CompletedTask; });
        var amended = await MonthAsync();
        Assert.Equal((ReportStatus.Draft, 4), (amended.LatestStatus, amended.FiguresByKey()![ReportIndicators.MeetingsHeld]));
        await StepAsync((_, r) => { r.Submit(President, now.AddDays(12)); return Task.CompletedTask; });
        await StepAsync((_, r) => { r.Accept(InCharge, now.AddDays(12)); return Task.CompletedTask; });
        Assert.Equal((ReportStatus.Accepted, 9), ((await MonthAsync()).LatestStatus, (await MonthAsync()).FiguresByKey()![ReportIndicators.MeetingsHeld]));
    }
}
