using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Dashboard;

/// <summary>
/// The dashboard of a state, division, district or block: the same figures at each level, for the territory and
/// for each of its child units, every figure linking to the records behind it. Everyone lands on their own.
/// </summary>
[GenericPlans]
public class IndexModel(ReadDb db, IOptions<ReportOptions> reportOptions, IOptions<DashboardOptions> options,
    TimeProvider clock, KeptFigures kept, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }

    public Territory Territory { get; private set; } = null!;
    public List<TerritoryRef> Breadcrumb { get; private set; } = [];
    public DateOnly Period { get; private set; }
    public TerritoryLevel? ChildLevel { get; private set; }
    public Unit Total { get; private set; } = null!;
    /// <summary>The territory's own posts (not in any child unit), when it has any.</summary>
    public Unit? Own { get; private set; }
    public List<Unit> Units { get; private set; } = [];
    public List<DashboardQueries.FocusSeat> FocusSeats { get; private set; } = [];
    public List<DashboardQueries.SilentUnit> Silent { get; private set; } = [];
    public int SilentTotal { get; private set; }
    /// <summary>The membership drive whose figures the dashboard shows, if the state has run one.</summary>
    public DashboardQueries.Drive? Drive { get; private set; }
    /// <summary>The twelve months up to the report month, oldest first.</summary>
    public List<DashboardQueries.Month> Trend { get; private set; } = [];
    public DashboardOptions Options => options.Value;
    /// <summary>The first day (India time) of the 30 days whose held meetings are counted.</summary>
    public DateOnly MeetingsFrom => clock.TodayInIndia().AddDays(-30);

    /// <summary>The figures of one unit (or of the whole territory).</summary>
    public sealed class Unit
    {
        public int Id { get; init; }
        public string NameEn { get; init; } = "";
        public string NameHi { get; init; } = "";
        public int Districts { get; set; }
        public int Submitted { get; set; }
        public int Accepted { get; set; }
        public int Returned { get; set; }
        public int Late { get; set; }
        public int Missing { get; set; }
        public ReportStatus? Status { get; set; }
        public double? Score { get; set; }
        public int? Rank { get; set; }
        public int Booths { get; set; }
        public int WithAgent { get; set; }
        public int WithCommittee { get; set; }
        public int Vacancies { get; set; }
        public int Inactive { get; set; }
        public int Silent { get; set; }
        public int MeetingsHeld { get; set; }
        public int Overdue { get; set; }
        public int DirectivesOpen { get; set; }
        public int DirectivesAnswered { get; set; }
        public int DirectivesOverdue { get; set; }
        public long Enrolled { get; set; }
        public long? Target { get; set; }
        public decimal? MemberPercent => Target is > 0 ? Math.Round(100m * Enrolled / Target.Value, 1) : null;
        public decimal AgentPercent => Booths == 0 ? 0 : Math.Round(100m * WithAgent / Booths, 1);
        public decimal CommitteePercent => Booths == 0 ? 0 : Math.Round(100m * WithCommittee / Booths, 1);
        public string Name => Localization.Pick(NameEn, NameHi);
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? export, CancellationToken ct)
    {
        var t = await db.FindInScopeAsync(User, id ?? UserScope.Required(User).TerritoryId, ct);
        if (t is null) return NotFound();
        if (t.Level > TerritoryLevel.Block) return RedirectToPage("/Territories/Index", new { id = t.Id });
        Territory = t;
        Breadcrumb = await db.BreadcrumbAsync(User, t, ct);
        (Period, _) = PeriodPicker.Pick(PeriodText, clock, reportOptions.Value);

        ChildLevel = new DashboardQueries(db, t).ChildLevel;
        // Figures depend only on the territory and month (everything below a territory in scope is in scope), so
        // users share them until something they are read from changes in the state or the day ends in India.
        var figures = Options.KeepFigures
            ? await kept.GetAsync(db, $"dashboard:{t.Id}:{Period:yyyy-MM}", t.StateId, KeptWindow(), () => ComputeAsync(t, ct), ct)
            : await ComputeAsync(t, ct);
        (Total, Own, Units, FocusSeats, SilentTotal, Drive, Trend) =
            (figures.Total, figures.Own, figures.Units, figures.FocusSeats, figures.Silent.Count, figures.Drive, figures.Trend);
        Silent = figures.Silent.Take(20).ToList();

        if (export == "focus")
            return Tabular.Export(Request.Query["format"], "focus-seats",
                [L["No."], L["Assembly constituency"], L["Winner"], L["Margin (votes)"], L["Margin (%)"], L["Booths"], L["With agent"], L["Members enrolled"],
                    L["Meetings held (30 days)"], L["Vacancies"]],
                FocusSeats.Select(s => new object?[] { s.Number, Localization.Pick(s.NameEn, s.NameHi), s.Winner, s.MarginVotes, s.MarginPercent, s.Booths, s.WithAgent,
                    s.Members, s.MeetingsHeld, s.Vacancies }));
        if (export == "silent")
            return Tabular.Export(Request.Query["format"], "silent-units",
                [L["Name"], L["Level"], L["Last recorded"]],
                figures.Silent.Select(u => new object?[] { Localization.Pick(u.NameEn, u.NameHi), L[Localization.LevelKey(u.Level)].Value,
                    u.LastOn is { } d ? Localization.Date(d) : L["nothing ever recorded"].Value }));
        if (export == "trend")
            return Tabular.Export(Request.Query["format"], "trend",
                [L["Month"], L["Meetings held"], L["Members enrolled"], L["Average score"]],
                Trend.Select(m => new object?[] { m.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.MeetingsHeld, m.Enrolled, m.Score is { } sc ? Math.Round(sc, 1) : null }));
        if (Tabular.IsFormat(export))
            return Tabular.Export(export, "dashboard",
                [L["Name"], L["Reports submitted"], L["Late"], L["Missing"], L["Score"], L["Rank"], L["Booths"], L["With agent"], L["Agent coverage (%)"],
                    L["Committee coverage (%)"], L["Vacancies"], L["Inactive"], L["Meetings held (30 days)"], L["Overdue action items"], L["Silent units"],
                    L["Directives open"], L["Directives answered"], L["Directives overdue"],
                    L["Members enrolled"], L["Membership target"], L["% of target"]],
                Units.Concat(Own is null ? [] : [Own]).Select(u => new object?[] { u == Own ? L["{0} (own posts)", u.Name].Value : u.Name, u.Submitted, u.Late, u.Missing, u.Score, u.Rank, u.Booths, u.WithAgent, u.AgentPercent,
                    u.CommitteePercent, u.Vacancies, u.Inactive, u.MeetingsHeld, u.Overdue, u.Silent,
                    u.DirectivesOpen, u.DirectivesAnswered, u.DirectivesOverdue,
                    u == Own ? null : u.Enrolled, u == Own ? null : u.Target, u == Own ? null : u.MemberPercent }));
        return Page();
    }

    /// <summary>
    /// The stretch of time in which the figures mean the same: the day in India (meetings of the last 30 days, overdue
    /// items and directives, silent units), which report deadlines do not cut: a month's reports are due by a midnight
    /// in India (<see cref="ReportPeriod.DueUtc"/>), after which one not in is missing. At midnight's very instant none
    /// is missing yet, a moment later some are: figures of that instant are kept for no other.
    /// </summary>
    private (DateTime FromUtc, DateTime UntilUtc) KeptWindow()
    {
        var start = IndiaTime.DayStartUtc(clock.TodayInIndia());
        return clock.GetUtcNow().UtcDateTime == start ? (start, start) : (start.AddTicks(1), IndiaTime.DayStartUtc(clock.TodayInIndia().AddDays(1)));
    }

    private sealed record Figures(Unit Total, Unit? Own, List<Unit> Units, List<DashboardQueries.FocusSeat> FocusSeats,
        List<DashboardQueries.SilentUnit> Silent, DashboardQueries.Drive? Drive, List<DashboardQueries.Month> Trend);

    private async Task<Figures> ComputeAsync(Territory t, CancellationToken ct)
    {
        var q = new DashboardQueries(db, t);
        var children = ChildLevel is { } level
            ? await db.Territories.AsNoTracking().Where(x => x.ParentId == t.Id && x.Level == level).OrderBy(x => x.NameEn)
                .Select(x => new Unit { Id = x.Id, NameEn = x.NameEn, NameHi = x.NameHi }).ToListAsync(ct)
            : [];
        var total = new Unit { Id = t.Id, NameEn = t.NameEn, NameHi = t.NameHi };
        Unit? own = null;
        var byId = children.ToDictionary(u => u.Id);

        var today = clock.TodayInIndia();
        var meetingsSince = IndiaTime.DayStartUtc(MeetingsFrom);
        var drive = await q.CurrentDriveAsync(ct);
        var counts = await q.CountsAsync(today, meetingsSince, drive?.Id, Period.AddMonths(-11), Period, ct);
        var silentUnits = await q.SilentUnitsAsync(today.AddDays(-Options.SilentDays), ct);
        foreach (var c in counts[DashboardQueries.Metric.Coverage]) Apply(c.Key, u => { u.Booths += (int)c.A; u.WithAgent += (int)c.B; u.WithCommittee += (int)c.C; });
        foreach (var (key, n) in counts.Vacancies()) Apply(key, u => u.Vacancies += (int)n);
        foreach (var c in counts[DashboardQueries.Metric.Inactive]) Apply(c.Key, u => u.Inactive += (int)c.A);
        foreach (var (key, n) in q.SilentCounts(silentUnits)) Apply(key, u => u.Silent += n);
        foreach (var c in counts[DashboardQueries.Metric.MeetingsHeld]) Apply(c.Key, u => u.MeetingsHeld += (int)c.A);
        foreach (var (key, n) in counts.Overdue()) Apply(key, u => u.Overdue += (int)n);
        foreach (var c in counts[DashboardQueries.Metric.Directives])
            Apply(c.Key, u => { u.DirectivesOpen += (int)c.A; u.DirectivesAnswered += (int)c.B; u.DirectivesOverdue += (int)c.C; });

        void Apply(int key, Action<Unit> add)
        {
            add(total);
            if (byId.TryGetValue(key, out var unit)) add(unit);
            // Office-bearers of the territory itself (the state executive, a district's own posts) belong to no child unit.
            else if (key == 0 && ChildLevel is not null) add(own ??= new Unit { Id = t.Id, NameEn = t.NameEn, NameHi = t.NameHi });
        }

        if (drive is not null)
        {
            foreach (var c in counts[DashboardQueries.Metric.Enrolled])
            {
                total.Enrolled += c.A;
                if (byId.TryGetValue(c.Key, out var unit)) unit.Enrolled += c.A;
            }
            foreach (var c in counts[DashboardQueries.Metric.Target])
                if (byId.TryGetValue(c.Key, out var unit)) unit.Target = c.A;
            total.Target = counts[DashboardQueries.Metric.OwnTarget].Select(c => (long?)c.A).FirstOrDefault();
        }

        var reportMonths = await ReportMonthsAsync(t, Period.AddMonths(-11), ct);
        AddReports(t, total, byId, reportMonths[Period]);
        var ranked = children.Where(u => u.Score is not null).OrderByDescending(u => u.Score).ToList();
        for (var i = 0; i < ranked.Count; i++) ranked[i].Rank = i + 1;
        var focus = await q.FocusSeatsAsync(Options.FocusMarginPercent, drive?.Id, meetingsSince, ct);
        return new Figures(total, own, children, focus, silentUnits, drive, TrendOf(counts, reportMonths));
    }

    /// <summary>The twelve months up to the report month: meetings held, members enrolled and the average report score.</summary>
    private List<DashboardQueries.Month> TrendOf(DashboardQueries.Counts counts, ILookup<DateOnly, DistrictMonth> reportMonths)
    {
        var meetings = counts.ByMonth(DashboardQueries.Metric.MeetingsByMonth);
        var enrolled = counts.ByMonth(DashboardQueries.Metric.EnrolledByMonth);
        var months = new List<DashboardQueries.Month>();
        for (var p = Period.AddMonths(-11); p <= Period; p = p.AddMonths(1))
        {
            // A month in which no district of the territory reported at all (before reporting began) has no score, not 0.
            var districts = reportMonths[p].ToList();
            double? score = districts.Any(m => m.LatestStatus is not null) ? districts.Average(m => m.Score) : null;
            months.Add(new(p, (int)meetings.GetValueOrDefault(p), enrolled.GetValueOrDefault(p), score));
        }
        return months;
    }

    /// <summary>
    /// Every district's report months (status, timeliness, score) from <paramref name="from"/> to the report month, for a
    /// state, division or district; reports are the district's, so a block has none. One read of the reports for all months.
    /// </summary>
    private async Task<ILookup<DateOnly, DistrictMonth>> ReportMonthsAsync(Territory t, DateOnly from, CancellationToken ct)
    {
        if (t.Level == TerritoryLevel.Block) return Array.Empty<DistrictMonth>().ToLookup(m => m.Period);
        int? division = t.Level == TerritoryLevel.Division ? t.Id : t.DivisionId;
        var districts = await db.DistrictsInScopeAsync(User, t.Level == TerritoryLevel.State ? null : division, ct);
        if (t.Level == TerritoryLevel.District) districts = districts.Where(d => d.Id == t.Id).ToList();
        // The months' summary rows under the territory (in the user's scope with it), not their versions; only the
        // districts of the list (the user's scope) are read from them.
        var rows = db.ReportMonths.AsNoTracking().Where(m => m.StateId == t.StateId && m.Period >= from && m.Period <= Period);
        rows = t.Level switch
        {
            TerritoryLevel.Division => rows.Where(m => m.DivisionId == t.Id),
            TerritoryLevel.District => rows.Where(m => m.DistrictId == t.Id),
            _ => rows,
        };
        var summaries = (await rows.ToListAsync(ct)).ToDictionary(m => (m.DistrictId, m.Period));
        var options = reportOptions.Value;
        var indicators = options.ActiveIndicators();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var months = new List<DistrictMonth>();
        for (var p = from; p <= Period; p = p.AddMonths(1))
            months.AddRange(districts.Select(d => DistrictMonth.FromSummary(d, p, summaries.GetValueOrDefault((d.Id, p)), options, indicators, nowUtc)));
        return months.ToLookup(m => m.Period);
    }

    /// <summary>The month's report status of every district below, and the score that ranks the units.</summary>
    private void AddReports(Territory t, Unit total, Dictionary<int, Unit> byId, IEnumerable<DistrictMonth> months)
    {
        foreach (var m in months)
        {
            var targets = new List<Unit> { total };
            var key = ChildLevel == TerritoryLevel.Division ? m.District.DivisionId ?? 0 : m.District.Id;
            if (byId.TryGetValue(key, out var unit)) targets.Add(unit);
            foreach (var u in targets)
            {
                u.Districts++;
                if (m.FirstSubmittedUtc is not null) u.Submitted++;
                if (m.LatestStatus == ReportStatus.Accepted) u.Accepted++;
                if (m.LatestStatus == ReportStatus.Returned) u.Returned++;
                if (m.IsLate) u.Late++;
                if (m.IsMissing) u.Missing++;
                u.Score = ((u.Score ?? 0) * (u.Districts - 1) + m.Score) / u.Districts;
            }
            if (ChildLevel == TerritoryLevel.District && unit is not null) unit.Status = m.LatestStatus;
            if (t.Level == TerritoryLevel.District) total.Status = m.LatestStatus;
        }
    }
}
