using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Reports;

namespace OrgTracker.Tests.Reports;

public class ReportPagesTests(AppFactory app) : IntegrationTest(app)
{
    /// <summary>Last month: in the demo data Bhopal has no report for it yet.</summary>
    private DateOnly LastMonth => IndiaTime.MonthOf(TodayInIndia).AddMonths(-1);
    private static string Month(DateOnly p) => ReportPeriod.Format(p);

    private async Task<string> EditUrlAsync(string district, DateOnly? period = null) =>
        $"/Reports/Edit?district={await TerritoryIdAsync(district, TerritoryLevel.District)}&period={Month(period ?? LastMonth)}";

    private static Dictionary<string, string> Figures(int each = 3) =>
        ReportIndicators.Defaults.ToDictionary(i => $"Input.Figures[{i.Key}]", _ => each.ToString());

    /// <summary>
    /// Loads a page, takes every field of the form (hidden tokens included) as the browser would, changes some,
    /// and posts it through the button with the given test id (its formaction names the handler).
    /// </summary>
    private static async Task<HttpResponseMessage> SendFormAsync(HttpClient client, string pageUrl, string form, string button, Dictionary<string, string>? fields = null)
    {
        var page = await GetDocumentAsync(client, pageUrl);
        return await SendFormAsync(client, page, form, button, fields);
    }

    private static async Task<HttpResponseMessage> SendFormAsync(HttpClient client, IDocument page, string form, string button, Dictionary<string, string>? fields = null)
    {
        var f = page.QuerySelector($"form[data-testid={form}]") ?? throw new InvalidOperationException($"no form {form}");
        var values = new Dictionary<string, string>();
        foreach (var input in f.QuerySelectorAll("input[name], textarea[name]"))
            values[input.GetAttribute("name")!] = input is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : input.GetAttribute("value") ?? "";
        foreach (var (k, v) in fields ?? []) values[k] = v;
        var b = f.QuerySelector($"[data-testid={button}]") ?? throw new InvalidOperationException($"no button {button}");
        var action = WebUtility.HtmlDecode(b.GetAttribute("formaction") ?? f.GetAttribute("action")!);
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private Task<List<Report>> ReportsAsync(string district, DateOnly period) =>
        App.WithDbAsync(db => db.Reports.Include(r => r.Events)
            .Where(r => r.Period == period && db.Territories.Any(t => t.Id == r.DistrictId && t.NameEn == district && t.Level == TerritoryLevel.District))
            .OrderBy(r => r.Revision).ToListAsync());

    private async Task<int> SubmittedReportAsync(string president, string district)
    {
        var client = await SignInAsync(president);
        var response = await SendFormAsync(client, await EditUrlAsync(district), "report-form", "submit", Figures());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await ReportsAsync(district, LastMonth)).Single().Id;
    }

    [Fact]
    public async Task District_president_saves_a_draft_then_submits_it()
    {
        var client = await SignInAsync(PresidentBhopal);
        var url = await EditUrlAsync("Bhopal");
        var saved = await SendFormAsync(client, url, "report-form", "save", new(Figures(2)) { ["Input.Achievements"] = "चार बैठकें हुईं" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = Assert.Single(await ReportsAsync("Bhopal", LastMonth));
        Assert.Equal(ReportStatus.Draft, draft.Status);
        Assert.Equal("चार बैठकें हुईं", draft.Achievements);

        var submitted = await SendFormAsync(client, url, "report-form", "submit", Figures(4));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/Reports/View/{draft.Id}", submitted.Headers.Location!.OriginalString);
        var report = Assert.Single(await ReportsAsync("Bhopal", LastMonth));
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(4, report.Figures[ReportIndicators.MeetingsHeld]);
        Assert.False(report.SubmittedOnBehalf);

        var view = await GetDocumentAsync(client, $"/Reports/View/{report.Id}");
        Assert.Equal("Submitted", view.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Contains("submitted for review", view.QuerySelector("[data-testid=notice]")!.TextContent);
        // OrgTracker records meetings and training sessions held, committees formed, booth agents appointed and inactive
        // office-bearers flagged itself: those six indicators show a recorded figure beside the claim.
        Assert.Equal(6, view.QuerySelectorAll("[data-testid=recorded]").Length);
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_creates_one_submission()
    {
        var client = await SignInAsync(PresidentBhopal);
        var page = await GetDocumentAsync(client, await EditUrlAsync("Bhopal"));
        var first = await SendFormAsync(client, page, "report-form", "submit", Figures());
        var second = await SendFormAsync(client, page, "report-form", "submit", Figures());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var report = Assert.Single(await ReportsAsync("Bhopal", LastMonth));
        Assert.Single(report.Events, e => e.Kind == ReportEventKind.Submitted);
    }

    [Fact]
    public async Task Submitting_an_existing_draft_twice_at_once_creates_one_submission()
    {
        var client = await SignInAsync(PresidentBhopal);
        var url = await EditUrlAsync("Bhopal");
        await SendFormAsync(client, url, "report-form", "save", Figures());
        var page = await GetDocumentAsync(client, url);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendFormAsync(client, page, "report-form", "submit", Figures())));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var report = Assert.Single(await ReportsAsync("Bhopal", LastMonth));
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Single(report.Events, e => e.Kind == ReportEventKind.Submitted);
    }

    [Fact]
    public async Task The_second_of_two_people_saving_the_same_report_is_told_and_nothing_is_overwritten()
    {
        var president = await SignInAsync(PresidentBhopal);
        var office = await SignInAsync(OfficeMp);
        var url = await EditUrlAsync("Bhopal");
        await SendFormAsync(president, url, "report-form", "save", Figures(1));

        var presidentsForm = await GetDocumentAsync(president, url);
        var officesForm = await GetDocumentAsync(office, url);
        var first = await SendFormAsync(office, officesForm, "report-form", "save", Figures(5));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await SendFormAsync(president, presidentsForm, "report-form", "save", Figures(9));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await ParseAsync(second);
        Assert.Contains("Someone else saved this report", page.QuerySelector(".validation-summary-errors")!.TextContent);
        // The president's typing is kept on the form for them to save again.
        Assert.Equal("9", page.QuerySelector($"[data-testid=figure-{ReportIndicators.MeetingsHeld}]")!.GetAttribute("value"));
        Assert.Equal(5, Assert.Single(await ReportsAsync("Bhopal", LastMonth)).Figures[ReportIndicators.MeetingsHeld]);

        var again = await SendFormAsync(president, page, "report-form", "save", Figures(9));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(9, Assert.Single(await ReportsAsync("Bhopal", LastMonth)).Figures[ReportIndicators.MeetingsHeld]);
    }

    [Fact]
    public async Task District_president_cannot_open_another_districts_report()
    {
        var indoreReport = (await ReportsAsync("Indore", LastMonth)).Single().Id;
        var client = await SignInAsync(PresidentBhopal);
        var view = await client.GetAsync($"/Reports/View/{indoreReport}");
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.DoesNotContain("Indore", await view.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(await EditUrlAsync("Indore"))).StatusCode);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reports/District/{indore}")).StatusCode);
    }

    [Fact]
    public async Task District_president_cannot_post_a_report_for_another_district()
    {
        var client = await SignInAsync(PresidentBhopal);
        var page = await GetDocumentAsync(client, await EditUrlAsync("Bhopal"));
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var form = page.QuerySelector("form[data-testid=report-form] [data-testid=submit]")!;
        form.SetAttribute("formaction", form.GetAttribute("formaction")!.Replace($"district={bhopal}", $"district={indore}"));
        var response = await SendFormAsync(client, page, "report-form", "submit", Figures());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await ReportsAsync("Bhopal", LastMonth));
        Assert.Equal(ReportStatus.Submitted, (await ReportsAsync("Indore", LastMonth)).Single().Status);
    }

    [Fact]
    public async Task District_president_cannot_accept_a_report()
    {
        var id = await SubmittedReportAsync(PresidentBhopal, "Bhopal");
        var client = await SignInAsync(PresidentBhopal);
        var page = await GetDocumentAsync(client, $"/Reports/View/{id}");
        Assert.Null(page.QuerySelector("[data-testid=accept]"));
        var response = await PostFormAsync(client, $"/Reports/View/{id}?handler=Accept", new(), formPage: $"/Reports/View/{id}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery ?? "/Account/AccessDenied");
        Assert.Equal(ReportStatus.Submitted, (await ReportsAsync("Bhopal", LastMonth)).Single().Status);
    }

    [Fact]
    public async Task State_office_cannot_accept_and_division_in_charge_only_reads()
    {
        var id = (await ReportsAsync("Indore", LastMonth)).Single().Id;
        foreach (var user in new[] { OfficeMp, DivisionBhopal })
        {
            var client = await SignInAsync(user);
            if (user == DivisionBhopal)
            {
                // Indore is in another division.
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reports/View/{id}")).StatusCode);
                continue;
            }
            var page = await GetDocumentAsync(client, $"/Reports/View/{id}");
            Assert.Null(page.QuerySelector("[data-testid=accept]"));
            var response = await PostFormAsync(client, $"/Reports/View/{id}?handler=Accept", new(), formPage: $"/Reports/View/{id}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        var bhopalId = await SubmittedReportAsync(PresidentBhopal, "Bhopal");
        var division = await SignInAsync(DivisionBhopal);
        var view = await GetDocumentAsync(division, $"/Reports/View/{bhopalId}");
        Assert.Null(view.QuerySelector("[data-testid=review-form]"));
        Assert.Equal(HttpStatusCode.Redirect, (await division.GetAsync(await EditUrlAsync("Bhopal"))).StatusCode); // to access denied
    }

    [Fact]
    public async Task State_in_charge_of_another_state_gets_404()
    {
        var id = (await ReportsAsync("Indore", LastMonth)).Single().Id;
        var client = await SignInAsync(InChargeUp);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reports/View/{id}")).StatusCode);
        var queue = await GetDocumentAsync(client, "/Reports/Queue");
        Assert.Null(queue.QuerySelector("[data-testid=queue] tr[data-district=Indore]"));
    }

    [Fact]
    public async Task Returned_report_is_resubmitted_and_accepted_with_the_thread_kept()
    {
        var id = await SubmittedReportAsync(PresidentBhopal, "Bhopal");
        var incharge = await SignInAsync(InChargeMp);
        var returned = await SendFormAsync(incharge, $"/Reports/View/{id}", "review-form", "return", new() { ["Input.Comment"] = "Give block-wise numbers." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var president = await SignInAsync(PresidentBhopal);
        var district = await GetDocumentAsync(president, $"/Reports/District/{await TerritoryIdAsync("Bhopal", TerritoryLevel.District)}");
        Assert.Equal("Returned", district.QuerySelector($"tr[data-period='{Month(LastMonth)}'] [data-testid=month-status]")!.GetAttribute("data-status"));
        var view = await GetDocumentAsync(president, $"/Reports/View/{id}");
        Assert.Contains("Give block-wise numbers.", view.QuerySelector("[data-testid=thread]")!.TextContent);
        var form = await GetDocumentAsync(president, await EditUrlAsync("Bhopal"));
        Assert.Equal("Give block-wise numbers.", form.QuerySelector("[data-testid=return-comment]")!.TextContent);
        var resubmitted = await SendFormAsync(president, form, "report-form", "submit", Figures(6));
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal(ReportStatus.Resubmitted, (await ReportsAsync("Bhopal", LastMonth)).Single().Status);

        var accepted = await SendFormAsync(incharge, $"/Reports/View/{id}", "review-form", "accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var report = (await ReportsAsync("Bhopal", LastMonth)).Single();
        Assert.Equal(ReportStatus.Accepted, report.Status);
        Assert.Equal(
            [ReportEventKind.Created, ReportEventKind.Submitted, ReportEventKind.Returned, ReportEventKind.Resubmitted, ReportEventKind.Accepted],
            report.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        // Audited like every change.
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Report" && a.EntityId == id.ToString() && a.Action == "Modified")));
    }

    [Fact]
    public async Task Returning_without_a_comment_is_refused_next_to_the_comment_field()
    {
        var id = await SubmittedReportAsync(PresidentBhopal, "Bhopal");
        var incharge = await SignInAsync(InChargeMp);
        var response = await SendFormAsync(incharge, $"/Reports/View/{id}", "review-form", "return", new() { ["Input.Comment"] = "  " });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("Write what the district must correct", page.QuerySelector("[data-valmsg-for='Input.Comment']")!.TextContent);
        Assert.Equal(ReportStatus.Submitted, (await ReportsAsync("Bhopal", LastMonth)).Single().Status);
    }

    [Fact]
    public async Task Accepting_twice_applies_once_and_a_stale_review_is_refused()
    {
        var id = await SubmittedReportAsync(PresidentBhopal, "Bhopal");
        var incharge = await SignInAsync(InChargeMp);
        var page = await GetDocumentAsync(incharge, $"/Reports/View/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await SendFormAsync(incharge, page, "review-form", "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SendFormAsync(incharge, page, "review-form", "accept")).StatusCode);
        var report = (await ReportsAsync("Bhopal", LastMonth)).Single();
        Assert.Single(report.Events, e => e.Kind == ReportEventKind.Accepted);

        // The same stale page posted with other values is a new submission: the report moved on, so the step is
        // refused with a message.
        var stale = await SendFormAsync(incharge, page, "review-form", "return", new() { ["Input.Comment"] = "late thought" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.NotNull((await ParseAsync(stale)).QuerySelector(".validation-summary-errors"));
        Assert.Equal(ReportStatus.Accepted, (await ReportsAsync("Bhopal", LastMonth)).Single().Status);
    }

    [Fact]
    public async Task An_accepted_report_is_amended_as_a_new_version_and_the_first_stays()
    {
        var id = await SubmittedReportAsync(PresidentBhopal, "Bhopal");
        var incharge = await SignInAsync(InChargeMp);
        await SendFormAsync(incharge, $"/Reports/View/{id}", "review-form", "accept");

        var president = await SignInAsync(PresidentBhopal);
        var edit = await GetDocumentAsync(president, $"/Reports/View/{id}");
        Assert.Null(edit.QuerySelector("[data-testid=edit]"));
        var amend = await PostFormAsync(president, $"/Reports/View/{id}?handler=Amend", [], formPage: $"/Reports/View/{id}");
        Assert.Equal(HttpStatusCode.Redirect, amend.StatusCode);
        await SendFormAsync(president, await EditUrlAsync("Bhopal"), "report-form", "submit", Figures(8));

        var versions = await ReportsAsync("Bhopal", LastMonth);
        Assert.Equal([1, 2], versions.Select(v => v.Revision));
        Assert.Equal(ReportStatus.Accepted, versions[0].Status);
        Assert.Equal(3, versions[0].Figures[ReportIndicators.MeetingsHeld]);
        Assert.Equal(ReportStatus.Submitted, versions[1].Status);
        Assert.Equal(8, versions[1].Figures[ReportIndicators.MeetingsHeld]);

        // Editing the accepted version itself is never possible: the form opens the newest version.
        var old = await GetDocumentAsync(president, $"/Reports/View/{versions[0].Id}");
        Assert.Null(old.QuerySelector("[data-testid=amend]"));
        Assert.NotNull(old.QuerySelector("[data-testid=versions]"));
    }

    [Fact]
    public async Task State_office_enters_a_report_on_behalf_of_the_district_and_it_shows()
    {
        var office = await SignInAsync(OfficeMp);
        var url = await EditUrlAsync("Bhopal");
        var form = await GetDocumentAsync(office, url);
        Assert.NotNull(form.QuerySelector("[data-testid=on-behalf]"));
        await SendFormAsync(office, form, "report-form", "submit", Figures());
        var report = (await ReportsAsync("Bhopal", LastMonth)).Single();
        Assert.True(report.SubmittedOnBehalf);
        var incharge = await SignInAsync(InChargeMp);
        var view = await GetDocumentAsync(incharge, $"/Reports/View/{report.Id}");
        Assert.NotNull(view.QuerySelector("[data-testid=on-behalf]"));
    }

    [Theory]
    [InlineData("-4", "cannot be negative")]
    [InlineData("100000000", "not believable")]
    [InlineData("12abc", "whole number")]
    [InlineData("", "0 if none")]
    public async Task Bad_figures_get_a_message_next_to_the_field_and_nothing_is_saved(string value, string message)
    {
        var client = await SignInAsync(PresidentBhopal);
        var fields = new Dictionary<string, string>(Figures()) { [$"Input.Figures[{ReportIndicators.MembersEnrolled}]"] = value };
        var response = await SendFormAsync(client, await EditUrlAsync("Bhopal"), "report-form", "submit", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='Input.Figures[{ReportIndicators.MembersEnrolled}]']")!.TextContent);
        Assert.Empty(await ReportsAsync("Bhopal", LastMonth));
    }

    [Fact]
    public async Task Odd_text_and_tampered_hidden_fields_never_produce_an_error_page()
    {
        var client = await SignInAsync(PresidentBhopal);
        var fields = new Dictionary<string, string>(Figures())
        {
            // A NUL never reaches the page (ASP.NET Core's form reader refuses it); other control characters are dropped.
            ["Input.Achievements"] = "bell\u0007 <script>alert(1)</script> 😀",
            ["Input.Version"] = "not-a-number",
            [OrgTracker.Web.Data.IdempotencyScope.FormField] = "{{}}",
            [$"Input.Figures[NoSuchIndicator]"] = "5",
        };
        var response = await SendFormAsync(client, await EditUrlAsync("Bhopal"), "report-form", "save", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = (await ReportsAsync("Bhopal", LastMonth)).Single();
        Assert.Equal("bell <script>alert(1)</script> 😀", report.Achievements);
        Assert.False(report.Figures.ContainsKey("NoSuchIndicator"));

        var tooLong = await SendFormAsync(client, await EditUrlAsync("Bhopal"), "report-form", "save", new(Figures()) { ["Input.Problems"] = new string('x', 5000) });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("at most 4000", (await ParseAsync(tooLong)).QuerySelector("[data-valmsg-for='Input.Problems']")!.TextContent);
    }

    [Theory]
    [InlineData(1, "only for a month that has begun")]
    [InlineData(-600, "Reports start from")]
    public async Task A_month_in_the_future_or_too_long_ago_gets_a_message(int monthsAhead, string message)
    {
        var client = await SignInAsync(PresidentBhopal);
        var period = IndiaTime.MonthOf(TodayInIndia).AddMonths(monthsAhead);
        var response = await client.GetAsync(await EditUrlAsync("Bhopal", period));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[data-testid=period-error]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=report-form]"));

        var garbage = await ParseAsync(await client.GetAsync($"/Reports/Edit?district={await TerritoryIdAsync("Bhopal", TerritoryLevel.District)}&period=2026-99"));
        Assert.Contains("Choose a month", garbage.QuerySelector("[data-testid=period-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reports/Edit?district=abc&period=x")).StatusCode);
    }

    [Fact]
    public async Task Review_queue_lists_reports_awaiting_review_oldest_first()
    {
        await SubmittedReportAsync(PresidentBhopal, "Bhopal");
        var client = await SignInAsync(InChargeMp);
        var page = await GetDocumentAsync(client, "/Reports/Queue");
        var districts = page.QuerySelectorAll("[data-testid=queue] tbody tr[data-district]").Select(r => r.GetAttribute("data-district")).ToList();
        Assert.Contains("Indore", districts);
        Assert.Equal("Bhopal", districts[^1]); // submitted just now: the newest
        var expected = await App.WithDbAsync(db => db.Reports
            .Where(r => r.StateId == db.Territories.Single(t => t.Code == "MP").Id && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Resubmitted))
            .CountAsync());
        Assert.Equal(expected, districts.Count);
    }

    [Fact]
    public async Task Status_page_lists_missing_and_late_reports_for_a_month()
    {
        var client = await SignInAsync(InChargeMp);
        var twoMonthsAgo = Month(LastMonth.AddMonths(-1));
        var all = await GetDocumentAsync(client, $"/Reports/Index?period={twoMonthsAgo}");
        Assert.Equal(55, all.QuerySelectorAll("[data-testid=status-table] tbody tr[data-district]").Length);
        var missing = await GetDocumentAsync(client, $"/Reports/Index?period={twoMonthsAgo}&show=missing");
        var rows = missing.QuerySelectorAll("[data-testid=status-table] tbody tr[data-district]");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Missing", r.QuerySelector("[data-testid=month-status]")!.GetAttribute("data-status")));
        var late = await GetDocumentAsync(client, $"/Reports/Index?period={twoMonthsAgo}&show=late");
        Assert.All(late.QuerySelectorAll("[data-testid=status-table] tbody tr[data-district]"), r => Assert.NotNull(r.QuerySelector("[data-testid=late]")));

        var bad = await GetDocumentAsync(client, "/Reports/Index?period=3000-01&show=nonsense&division=-5");
        Assert.NotNull(bad.QuerySelector("[data-testid=period-error]"));

        // District presidents go to their own district's page.
        var president = await SignInAsync(PresidentBhopal);
        var redirect = await president.GetAsync("/Reports/Index");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/Reports/District/{await TerritoryIdAsync("Bhopal", TerritoryLevel.District)}", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Ranking_ranks_districts_in_the_state_and_the_division_and_ranks_divisions()
    {
        var client = await SignInAsync(InChargeMp);
        var page = await GetDocumentAsync(client, $"/Reports/Ranking?period={Month(LastMonth.AddMonths(-2))}");
        var rows = page.QuerySelectorAll("[data-testid=district-ranking] tbody tr").ToList();
        Assert.Equal(55, rows.Count);
        var scores = rows.Select(r => int.Parse(r.QuerySelectorAll("td")[4].TextContent)).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal("1", rows[0].QuerySelectorAll("td")[0].TextContent);
        Assert.Equal(10, page.QuerySelectorAll("[data-testid=division-ranking] tbody tr").Length);

        var division = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var filtered = await GetDocumentAsync(client, $"/Reports/Ranking?period={Month(LastMonth.AddMonths(-2))}&division={division}");
        var divisionRanks = filtered.QuerySelectorAll("[data-testid=district-ranking] tbody tr").Select(r => int.Parse(r.QuerySelectorAll("td")[1].TextContent)).ToList();
        Assert.Equal(5, divisionRanks.Count);
        Assert.Equal(1, divisionRanks.Min());

        var president = await SignInAsync(PresidentBhopal);
        Assert.NotEqual(HttpStatusCode.OK, (await president.GetAsync("/Reports/Ranking")).StatusCode);
    }

    [Fact]
    public async Task District_page_shows_the_months_and_the_trend_data()
    {
        var client = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var page = await GetDocumentAsync(client, $"/Reports/District/{bhopal}");
        Assert.NotNull(page.QuerySelector($"[data-testid=fill-{Month(LastMonth)}]"));
        var canvas = page.QuerySelector("[data-testid=trend]")!;
        var scores = System.Text.Json.JsonSerializer.Deserialize<int[]>(canvas.GetAttribute("data-scores")!)!;
        var labels = System.Text.Json.JsonSerializer.Deserialize<string[]>(canvas.GetAttribute("data-labels")!)!;
        Assert.Equal(labels.Length, scores.Length);
        Assert.True(scores.Length >= 6);
        Assert.All(scores, s => Assert.InRange(s, 0, 100));
        Assert.NotNull(page.QuerySelector("script[src^='/js/report-trend.'][src$='.js']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task Report_pages_are_in_hindi_for_a_hindi_user()
    {
        var client = await SignInAsync(PresidentBhopal, culture: "hi-IN");
        var form = await GetDocumentAsync(client, await EditUrlAsync("Bhopal"));
        Assert.Contains("परफॉर्मेंस रिपोर्ट", form.QuerySelector("[data-testid=report-title]")!.TextContent);
        Assert.Contains("आयोजित बैठकें", form.QuerySelector("[data-testid=report-form]")!.TextContent);
        var response = await SendFormAsync(client, form, "report-form", "submit", new(Figures()) { [$"Input.Figures[{ReportIndicators.MeetingsHeld}]"] = "-1" });
        Assert.Contains("ऋणात्मक", (await ParseAsync(response)).QuerySelector($"[data-valmsg-for='Input.Figures[{ReportIndicators.MeetingsHeld}]']")!.TextContent);
        var ok = await SendFormAsync(client, form, "report-form", "submit", new(Figures()) { [$"Input.Figures[{ReportIndicators.MeetingsHeld}]"] = "४" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(4, (await ReportsAsync("Bhopal", LastMonth)).Single().Figures[ReportIndicators.MeetingsHeld]);
    }
}
