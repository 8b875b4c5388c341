using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

public class OneToOneReviewJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    private const string PresidentIndore = "president.indore@demo.orgtracker.in";

    [Fact]
    public async Task The_in_charge_records_a_one_to_one_with_Indore_and_its_president_reads_the_agreed_point_on_a_phone_in_Hindi()
    {
        var today = App.Clock.TodayInIndia();
        var indore = await TerritoryAsync("Indore", TerritoryLevel.District);
        var president = await App.WithDbAsync(db => db.People.Where(p => p.Email == PresidentIndore).Select(p => p.NameEn).SingleAsync());

        // The board: Indore has had no review yet.
        await SignInAsync(InChargeMp);
        await Page.GotoAsync("/Meetings/Reviews");
        var row = Page.Locator($"tr[data-district='{indore.Id}']");
        await Expect(row.GetByTestId("last-review")).ToHaveTextAsync("Not held yet");

        // The one-to-one of yesterday, with its record, inviting Indore's district president.
        await Page.GetByTestId("meetings-nav").GetByRole(AriaRole.Link, new() { Name = "New meeting" }).ClickAsync();
        var form = Page.GetByTestId("meeting-form");
        await form.GetByLabel("Title", new() { Exact = true }).FillAsync("One-to-one review – Indore");
        await form.GetByLabel("Territory", new() { Exact = true }).SelectOptionAsync(indore.Id.ToString());
        await form.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("OneToOne");
        await form.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Held");
        var starts = today.AddDays(-1).ToDateTime(new TimeOnly(10, 0));
        await form.GetByLabel("Starts", new() { Exact = true }).FillAsync(starts.ToString("yyyy-MM-ddTHH:mm"));
        await form.GetByLabel("Ends", new() { Exact = true }).FillAsync(starts.AddHours(1).ToString("yyyy-MM-ddTHH:mm"));
        await Page.GetByTestId("review-record").Locator("summary").ClickAsync();
        await form.GetByLabel("Arrangements", new() { Exact = true }).FillAsync("Block committees in all blocks; booth committees in two thirds.");
        await form.GetByLabel("Challenges", new() { Exact = true }).FillAsync("Booth agents missing in the urban wards.");
        await form.GetByLabel("Strategy agreed", new() { Exact = true }).FillAsync("Booth agents in every urban ward within a month.");
        var rule = Page.GetByTestId("invite-rule");
        await rule.GetByLabel("District", new() { Exact = true }).CheckAsync();
        await rule.GetByLabel("President", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the meeting" }).ClickAsync();
        await Expect(Page.GetByTestId("strategy")).ToHaveTextAsync("Booth agents in every urban ward within a month.");

        // The agreed point: an action item for Indore's president.
        var action = Page.GetByTestId("action-form");
        await action.GetByLabel("Action item").FillAsync("Appoint booth agents in the urban wards");
        await action.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = $"{president} – District president" });
        await action.GetByLabel("Due on").FillAsync(today.AddDays(25).ToString("yyyy-MM-dd"));
        await action.GetByRole(AriaRole.Button, new() { Name = "Add the action item" }).ClickAsync();
        await Expect(Page.GetByTestId("action-items").GetByText("Appoint booth agents in the urban wards")).ToBeVisibleAsync();

        await Page.GetByTestId("meetings-nav").GetByRole(AriaRole.Link, new() { Name = "One-to-one reviews" }).ClickAsync();
        await Expect(row.GetByTestId("last-review")).ToHaveTextAsync(starts.ToString("dd-MM-yyyy"));
        await ScreenshotAsync("one-to-one-board.png");

        // Indore's president, on a phone in Hindi, finds it on the district's page.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        Page = await NewPageAsync(Phone);
        await SignInAsync(PresidentIndore);
        await Page.GotoAsync($"/Territories/{indore.Id}");
        await SwitchLanguageAsync("हिन्दी");
        var section = Page.GetByTestId("district-reviews");
        await Expect(section.GetByRole(AriaRole.Heading, new() { Name = "वन-टू-वन समीक्षाएँ" })).ToBeVisibleAsync();
        await Expect(section.GetByTestId("review-strategy")).ToHaveTextAsync("Booth agents in every urban ward within a month.");
        await Expect(section.GetByTestId("agreed-points")).ToContainTextAsync("Appoint booth agents in the urban wards");
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("one-to-one-district-phone-hindi.png", fullPage: true);

        // The board on the phone: their own district only.
        await Page.GotoAsync("/Meetings/Reviews");
        await Expect(Page.Locator("[data-testid=reviews] tbody tr[data-district]")).ToHaveCountAsync(1);
        await ExpectNoSidewaysScrollingAsync();
    }
}
