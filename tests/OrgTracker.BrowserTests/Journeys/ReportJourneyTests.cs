using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

public class ReportJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    private const string ReturnComment = "Only 3 meetings held? The block meetings in Ramgarh are missing: add them and submit again.";

    /// <summary>What the president types: every indicator, in the form's order.</summary>
    private static readonly Dictionary<string, int> Figures = new()
    {
        [ReportIndicators.MeetingsHeld] = 3,
        [ReportIndicators.BlockCommitteesFormed] = 1,
        [ReportIndicators.BoothCommitteesFormed] = 2,
        [ReportIndicators.BoothAgentsAppointed] = 4,
        [ReportIndicators.MembersEnrolled] = 1250,
        [ReportIndicators.TrainingSessionsHeld] = 2,
        [ReportIndicators.PublicProgrammes] = 3,
        [ReportIndicators.SocialMediaPosts] = 45,
        [ReportIndicators.InactiveIdentified] = 1,
    };

    [Fact]
    public async Task District_president_submits_the_months_report_on_a_phone_and_it_is_returned_corrected_and_accepted()
    {
        var bhopal = await TerritoryAsync("Bhopal", TerritoryLevel.District);
        // The demo seed leaves Bhopal's last month unreported for this journey.
        var period = App.Clock.ThisMonthInIndia().AddMonths(-1);
        var periodText = ReportPeriod.Format(period);
        var month = period.ToString("MMMM yyyy", new CultureInfo("en-IN"));
        var inCharge = Page;
        var president = await NewPageAsync(Phone);

        // The president, on a phone, fills in last month's report and submits it.
        Page = president;
        await SignInAsync(PresidentBhopal);
        await OpenReportsFromMenuAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Reports/District/{bhopal.Id}$"));
        await Expect(MonthRow(periodText).GetByTestId("month-status")).ToHaveAttributeAsync("data-status", new Regex("^(Missing|NotDue)$"));
        await Page.GetByTestId($"fill-{periodText}").ClickAsync();
        await Expect(Heading($"Performance report · Bhopal · {month}")).ToBeVisibleAsync();
        await Expect(Page.GetByText("New report", new() { Exact = true })).ToBeVisibleAsync();
        foreach (var (key, value) in Figures) await Figure(key).FillAsync(value.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Achievements", new() { Exact = true }).FillAsync("बूथ समितियों का गठन दो ब्लॉकों में पूरा हुआ।");
        await Page.GetByLabel("Problems faced", new() { Exact = true }).FillAsync("Booth agents in Ramgarh lack training material.");
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("report-phone.png", fullPage: true);
        await Page.GetByTestId("submit").ClickAsync();
        await ExpectReportAsync("The report has been submitted for review.", "Submitted");
        await ExpectNoSidewaysScrollingAsync();

        // The state in-charge, at a desk, finds it in the review queue and returns it with a comment.
        Page = inCharge;
        await SignInAsync(InChargeMp);
        await OpenFromQueueAsync(month);
        await Expect(ClaimedFigure(ReportIndicators.MeetingsHeld)).ToHaveTextAsync("3");
        await Expect(ClaimedFigure(ReportIndicators.MembersEnrolled)).ToHaveTextAsync("1,250");
        await Page.GetByLabel("Comment", new() { Exact = true }).FillAsync(ReturnComment);
        await Page.GetByTestId("return").ClickAsync();
        await ExpectReportAsync("The report has been returned to the district with your comments.", "Returned");
        await Expect(ThreadItem("Returned")).ToContainTextAsync(ReturnComment);

        // The president sees the comment above the form, corrects the figure and submits again.
        Page = president;
        await OpenReportsFromMenuAsync();
        await Expect(MonthRow(periodText).GetByTestId("month-status")).ToHaveAttributeAsync("data-status", "Returned");
        await Page.GetByTestId($"fill-{periodText}").ClickAsync();
        await Expect(Page.GetByTestId("return-comment")).ToHaveTextAsync(ReturnComment);
        await Expect(Figure(ReportIndicators.MeetingsHeld)).ToHaveValueAsync("3");
        await Figure(ReportIndicators.MeetingsHeld).FillAsync("11");
        await Page.GetByLabel("Note to the reviewer", new() { Exact = true }).FillAsync("Added the 8 block meetings held in Ramgarh.");
        await ExpectNoSidewaysScrollingAsync();
        await Page.GetByTestId("submit").ClickAsync();
        await ExpectReportAsync("The report has been submitted for review.", "Resubmitted");
        await Expect(ClaimedFigure(ReportIndicators.MeetingsHeld)).ToHaveTextAsync("11");

        // The in-charge reviews it again and accepts it.
        Page = inCharge;
        await OpenFromQueueAsync(month, resubmitted: true);
        await Expect(ClaimedFigure(ReportIndicators.MeetingsHeld)).ToHaveTextAsync("11");
        await Expect(ThreadItem("Resubmitted")).ToContainTextAsync("Added the 8 block meetings held in Ramgarh.");
        await Expect(ThreadItem("Returned")).ToContainTextAsync(ReturnComment);
        await ScreenshotAsync("report-review.png", fullPage: true);
        await Page.GetByTestId("accept").ClickAsync();
        await ExpectReportAsync("The report has been accepted.", "Accepted");
        await Expect(Page.GetByTestId("review-form").GetByTestId("accept")).ToHaveCountAsync(0);
        await OpenQueueAsync();
        await Expect(QueueRow(month)).ToHaveCountAsync(0);

        // The president's month now reads accepted, with a score.
        Page = president;
        await OpenReportsFromMenuAsync();
        await Expect(MonthRow(periodText).GetByTestId("month-status")).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(MonthRow(periodText).Locator("td.num")).ToHaveTextAsync(new Regex(@"^\d+"));
        await MonthRow(periodText).GetByRole(AriaRole.Link, new() { Name = "Open", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("status")).ToHaveTextAsync("Accepted");
        await Expect(ClaimedFigure(ReportIndicators.MeetingsHeld)).ToHaveTextAsync("11");
        await ExpectNoSidewaysScrollingAsync();
    }

    /// <summary>On a phone, through the collapsed menu: a district president lands on their district's months.</summary>
    private async Task OpenReportsFromMenuAsync()
    {
        await Page.Locator(".navbar-toggler").ClickAsync();
        await Page.Locator("#mainNav").GetByRole(AriaRole.Link, new() { Name = "Performance reports", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("district-name")).ToHaveTextAsync(new Regex("Bhopal$"));
    }

    /// <summary>From the in-charge's menu to the review queue, and Bhopal's report of the month in it.</summary>
    private async Task OpenFromQueueAsync(string month, bool resubmitted = false)
    {
        await OpenQueueAsync();
        var row = QueueRow(month);
        await Expect(row).ToHaveCountAsync(1);
        if (resubmitted) await Expect(row.Locator(".badge")).ToHaveTextAsync("Resubmitted");
        else await Expect(row.Locator(".badge")).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }).ClickAsync();
        await Expect(Heading($"Bhopal · {month}")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("review-form")).ToBeVisibleAsync();
    }

    private async Task OpenQueueAsync()
    {
        await Page.Locator("#mainNav").GetByRole(AriaRole.Link, new() { Name = "Performance reports", Exact = true }).ClickAsync();
        await Page.GetByTestId("reports-nav").GetByRole(AriaRole.Link, new() { Name = "Review queue", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Review queue" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("queue")).ToBeVisibleAsync();
    }

    private async Task ExpectReportAsync(string notice, string status)
    {
        await Expect(Page).ToHaveURLAsync(new Regex(@"/Reports/View/\d+$"));
        await Expect(Page.GetByTestId("notice")).ToHaveTextAsync(notice);
        await Expect(Page.GetByTestId("status")).ToHaveTextAsync(status);
    }

    private ILocator Heading(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true });

    private ILocator Figure(string key) => Page.GetByTestId($"figure-{key}");

    private ILocator ClaimedFigure(string key) => Page.GetByTestId("figures").Locator($"tr[data-key={key}] td.num");

    private ILocator MonthRow(string period) => Page.GetByTestId("months").Locator($"tr[data-period='{period}']");

    private ILocator QueueRow(string month) =>
        Page.GetByTestId("queue").Locator("tr[data-district=Bhopal]").Filter(new() { HasText = month });

    private ILocator ThreadItem(string kind) => Page.GetByTestId("thread").Locator($"li[data-kind={kind}]").Last;
}
