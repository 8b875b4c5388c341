using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Reports;

namespace OrgTracker.Tests.Reports;

/// <summary>The report workflow as a state machine, the comparison of claimed and recorded figures, scoring and due dates.</summary>
public class ReportWorkflowTests
{
    private static readonly ReportActor President = new("u1", "Bhopal District President", Roles.DistrictPresident);
    private static readonly ReportActor Office = new("u2", "MP State Office", Roles.StateOffice);
    private static readonly ReportActor InCharge = new("u3", "MP State In-charge", Roles.StateInCharge);
    private static readonly DateTime Now = new(2026, 10, 5, 6, 0, 0, DateTimeKind.Utc);

    private static Territory District() => new() { Id = 7, Level = TerritoryLevel.District, StateId = 1, DivisionId = 2, NameEn = "Bhopal", NameHi = "भोपाल" };

    /// <summary>A report brought to a status through the allowed steps.</summary>
    private static Report InStatus(ReportStatus status)
    {
        var r = Report.Start(District(), new DateOnly(2026, 9, 1), President, Now);
        if (status == ReportStatus.Draft) return r;
        r.Submit(President, Now);
        if (status == ReportStatus.Submitted) return r;
        if (status == ReportStatus.Accepted) { r.Accept(InCharge, Now); return r; }
        r.Return(InCharge, Now, "Give block-wise numbers.");
        if (status == ReportStatus.Returned) return r;
        r.Submit(President, Now);
        return r;
    }

    public enum Step { Edit, Submit, Return, Accept, Amend, Comment }

    private static void Apply(Report r, Step step)
    {
        switch (step)
        {
            case Step.Edit: r.Edit(new Dictionary<string, int> { ["MeetingsHeld"] = 3 }, "a", "p", "h", President, Now); break;
            case Step.Submit: r.Submit(President, Now); break;
            case Step.Return: r.Return(InCharge, Now, "Recheck the members."); break;
            case Step.Accept: r.Accept(InCharge, Now); break;
            case Step.Amend: r.Amend(President, Now); break;
            case Step.Comment: r.Comment(InCharge, Now, "Noted."); break;
        }
    }

    // Every status × every step: the allowed ones lead where the workflow says, the others are refused and change nothing.
    public static TheoryData<ReportStatus, Step, ReportStatus?> Transitions() => new()
    {
        { ReportStatus.Draft, Step.Edit, ReportStatus.Draft },
        { ReportStatus.Draft, Step.Submit, ReportStatus.Submitted },
        { ReportStatus.Draft, Step.Return, null },
        { ReportStatus.Draft, Step.Accept, null },
        { ReportStatus.Draft, Step.Amend, null },
        { ReportStatus.Draft, Step.Comment, null },
        { ReportStatus.Submitted, Step.Edit, null },
        { ReportStatus.Submitted, Step.Submit, null },
        { ReportStatus.Submitted, Step.Return, ReportStatus.Returned },
        { ReportStatus.Submitted, Step.Accept, ReportStatus.Accepted },
        { ReportStatus.Submitted, Step.Amend, null },
        { ReportStatus.Submitted, Step.Comment, ReportStatus.Submitted },
        { ReportStatus.Returned, Step.Edit, ReportStatus.Returned },
        { ReportStatus.Returned, Step.Submit, ReportStatus.Resubmitted },
        { ReportStatus.Returned, Step.Return, null },
        { ReportStatus.Returned, Step.Accept, null },
        { ReportStatus.Returned, Step.Amend, null },
        { ReportStatus.Returned, Step.Comment, ReportStatus.Returned },
        { ReportStatus.Resubmitted, Step.Edit, null },
        { ReportStatus.Resubmitted, Step.Submit, null },
        { ReportStatus.Resubmitted, Step.Return, ReportStatus.Returned },
        { ReportStatus.Resubmitted, Step.Accept, ReportStatus.Accepted },
        { ReportStatus.Resubmitted, Step.Amend, null },
        { ReportStatus.Resubmitted, Step.Comment, ReportStatus.Resubmitted },
        { ReportStatus.Accepted, Step.Edit, null },
        { ReportStatus.Accepted, Step.Submit, null },
        { ReportStatus.Accepted, Step.Return, null },
        { ReportStatus.Accepted, Step.Accept, null },
        { ReportStatus.Accepted, Step.Amend, ReportStatus.Accepted },
        { ReportStatus.Accepted, Step.Comment, ReportStatus.Accepted },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Each_step_is_allowed_only_from_the_statuses_the_workflow_names(ReportStatus from, Step step, ReportStatus? to)
    {
        var report = InStatus(from);
        var figures = new Dictionary<string, int>(report.Figures);
        var events = report.Events.Count;
        if (to is null)
        {
            var e = Assert.Throws<ReportWorkflowException>(() => Apply(report, step));
            Assert.Contains(e.Message, typeof(ReportRules).GetFields().Select(f => (string)f.GetValue(null)!));
            Assert.Equal(from, report.Status);
            Assert.Equal(figures, report.Figures);
            Assert.Equal(events, report.Events.Count);
        }
        else
        {
            Apply(report, step);
            Assert.Equal(to, report.Status);
        }
    }

    [Fact]
    public void Returning_needs_a_comment()
    {
        var report = InStatus(ReportStatus.Submitted);
        var e = Assert.Throws<ReportWorkflowException>(() => report.Return(InCharge, Now, "   "));
        Assert.Equal(ReportRules.ReturnNeedsComment, e.Message);
        Assert.Equal(ReportStatus.Submitted, report.Status);
    }

    [Fact]
    public void An_amendment_is_a_new_draft_version_and_the_accepted_one_stays()
    {
        var accepted = InStatus(ReportStatus.Accepted);
        accepted.Figures = new Dictionary<string, int> { ["MembersEnrolled"] = 900 };
        var next = accepted.Amend(President, Now.AddDays(3));
        Assert.Equal(ReportStatus.Accepted, accepted.Status);
        Assert.Equal(2, next.Revision);
        Assert.Equal(ReportStatus.Draft, next.Status);
        Assert.Equal(900, next.Figures["MembersEnrolled"]);
        Assert.Equal(accepted.FirstSubmittedUtc, next.FirstSubmittedUtc);
        Assert.Equal((accepted.StateId, accepted.DivisionId, accepted.DistrictId, accepted.Period), (next.StateId, next.DivisionId, next.DistrictId, next.Period));
        next.Figures["MembersEnrolled"] = 1;
        Assert.Equal(900, accepted.Figures["MembersEnrolled"]);
    }

    [Fact]
    public void Resubmission_keeps_the_first_submission_time_for_timeliness()
    {
        var report = InStatus(ReportStatus.Returned);
        var first = report.FirstSubmittedUtc;
        report.Submit(President, Now.AddDays(9));
        Assert.Equal(first, report.FirstSubmittedUtc);
        Assert.Equal(Now.AddDays(9), report.LastSubmittedUtc);
        Assert.Equal(ReportEventKind.Resubmitted, report.Events[^1].Kind);
    }

    [Fact]
    public void State_office_submission_is_marked_as_on_behalf()
    {
        var report = Report.Start(District(), new DateOnly(2026, 9, 1), Office, Now);
        report.Submit(Office, Now);
        Assert.True(report.EnteredOnBehalf);
        Assert.True(report.SubmittedOnBehalf);
        Assert.True(report.Events[^1].OnBehalf);
    }

    [Fact]
    public void Reports_are_made_only_for_districts()
    {
        var block = new Territory { Id = 9, Level = TerritoryLevel.Block, StateId = 1, DivisionId = 2, DistrictId = 7 };
        Assert.Throws<ReportWorkflowException>(() => Report.Start(block, new DateOnly(2026, 9, 1), President, Now));
    }

    [Theory]
    [InlineData(5, null, FigureMatch.NotRecorded, null)]
    [InlineData(5, 5, FigureMatch.Same, 0)]
    [InlineData(7, 5, FigureMatch.ClaimedMore, 2)]
    [InlineData(3, 5, FigureMatch.ClaimedLess, -2)]
    [InlineData(null, 4, FigureMatch.ClaimedLess, -4)]
    [InlineData(null, 0, FigureMatch.Same, 0)]
    public void Every_difference_between_claimed_and_recorded_is_marked(int? claimed, int? recorded, FigureMatch match, int? difference)
    {
        var c = new FigureComparison(claimed, recorded);
        Assert.Equal(match, c.Match);
        Assert.Equal(difference, c.Difference);
        Assert.Equal(match is FigureMatch.ClaimedMore or FigureMatch.ClaimedLess, c.Differs);
    }

    [Fact]
    public void Score_is_figures_against_targets_plus_timeliness()
    {
        var indicators = ReportIndicators.Defaults;
        var due = new DateTime(2026, 10, 10, 18, 30, 0, DateTimeKind.Utc);
        var allTargets = indicators.ToDictionary(i => i.Key, i => i.Target);
        var doubled = indicators.ToDictionary(i => i.Key, i => i.Target * 2);
        var half = indicators.ToDictionary(i => i.Key, i => i.Target / 2);

        Assert.Equal(100, ReportScoring.Score(allTargets, due.AddDays(-1), due, indicators));
        Assert.Equal(100, ReportScoring.Score(doubled, due, due, indicators)); // capped at the target
        Assert.Equal(90, ReportScoring.Score(allTargets, due.AddDays(2), due, indicators)); // late, within grace
        Assert.Equal(85, ReportScoring.Score(allTargets, due.AddDays(6), due, indicators)); // later still
        Assert.Equal(20, ReportScoring.Score(new Dictionary<string, int>(), due, due, indicators));
        Assert.Equal(0, ReportScoring.Score(allTargets, null, due, indicators)); // never submitted
        Assert.InRange(ReportScoring.Score(half, due, due, indicators), 50, 60);
        Assert.Equal(20, ReportScoring.Score(indicators.ToDictionary(i => i.Key, _ => -5), due, due, indicators));
    }

    [Fact]
    public void Ranking_gives_equal_scores_the_same_rank()
    {
        var ranks = ReportScoring.Rank([("a", 80), ("b", 95), ("c", 80), ("d", 10)]);
        Assert.Equal(1, ranks["b"]);
        Assert.Equal(2, ranks["a"]);
        Assert.Equal(2, ranks["c"]);
        Assert.Equal(4, ranks["d"]);
    }

    [Fact]
    public void A_month_is_due_at_the_end_of_the_due_day_of_the_next_month_in_india()
    {
        var due = ReportPeriod.DueUtc(new DateOnly(2026, 9, 1), 10);
        Assert.Equal(new DateTime(2026, 10, 10, 18, 30, 0, DateTimeKind.Utc), due);
        Assert.Equal(new DateOnly(2026, 10, 10), ReportPeriod.DueDate(new DateOnly(2026, 9, 1), 10));
        Assert.Equal(new DateOnly(2027, 1, 15), ReportPeriod.DueDate(new DateOnly(2026, 12, 1), 15));
        // 23:00 UTC on the 31st is already the 1st in India.
        Assert.Equal(new DateOnly(2026, 11, 1), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero)).ThisMonthInIndia());
    }

    [Theory]
    [InlineData("2026-09", true)]
    [InlineData("2026-9", false)]
    [InlineData("2026-13", false)]
    [InlineData("abcd-ef", false)]
    [InlineData("+026-09", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Periods_are_read_strictly_as_year_and_month(string? text, bool valid) =>
        Assert.Equal(valid, ReportPeriod.Parse(text) is not null);

    [Theory]
    [InlineData("12", 12L, true)]
    [InlineData(" 1,200 ", 1200L, true)]
    [InlineData("१२", 12L, true)]
    [InlineData("-3", -3L, true)]
    [InlineData("", null, true)]
    [InlineData("3.5", null, false)]
    [InlineData("twelve", null, false)]
    [InlineData("-", null, false)]
    [InlineData("99999999999999999999999", null, false)]
    public void Counts_are_read_as_people_type_them(string raw, long? value, bool valid)
    {
        Assert.Equal(value, ReportInput.ParseCount(raw, out var ok));
        Assert.Equal(valid, ok);
    }

    [Fact]
    public void Control_characters_are_dropped_from_text() =>
        Assert.Equal("a\nb", ReportInput.CleanText(" a\0\n\u0007b "));

    [Fact]
    public void Configured_indicators_override_the_catalogue()
    {
        var options = new ReportOptions
        {
            Indicators = new() { ["SocialMediaPosts"] = new IndicatorSettings { Enabled = false }, ["MembersEnrolled"] = new IndicatorSettings { Target = 50 } },
        };
        var active = options.ActiveIndicators();
        Assert.DoesNotContain(active, i => i.Key == "SocialMediaPosts");
        Assert.Equal(50, active.Single(i => i.Key == "MembersEnrolled").Target);
        Assert.Equal(ReportIndicators.Defaults.Count - 1, active.Count);
    }
}

public class ReportOptionsTests
{
    private static ReportOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddScoped<OrgTracker.Web.Data.AppDbContext>(_ => null!);
        services.AddReports();
        return services.BuildServiceProvider().GetRequiredService<Microsoft.Extensions.Options.IOptions<ReportOptions>>().Value;
    }

    [Fact]
    public void The_due_day_comes_from_configuration_and_defaults_to_the_tenth()
    {
        Assert.Equal(10, Resolve([]).DueDay);
        var options = Resolve(new() { ["Reports:DueDay"] = "15" });
        Assert.Equal(15, options.DueDay);
        Assert.Equal(new DateTime(2026, 10, 15, 18, 30, 0, DateTimeKind.Utc), options.DueUtc(new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void An_impossible_due_day_is_refused_at_start() =>
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Resolve(new() { ["Reports:DueDay"] = "31" }));
}
