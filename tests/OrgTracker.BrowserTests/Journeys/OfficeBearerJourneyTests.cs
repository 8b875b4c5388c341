using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

public class OfficeBearerJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task On_a_phone_the_district_president_appoints_an_agent_to_an_uncovered_booth_and_the_booth_leaves_the_list()
    {
        var bhopal = await TerritoryAsync("Bhopal", TerritoryLevel.District);
        Page = await NewPageAsync(Phone);

        await SignInAsync(PresidentBhopal);
        await Expect(Page).ToHaveURLAsync(new Regex($"/Dashboard/{bhopal.Id}$"));
        await Main.GetByRole(AriaRole.Link, new() { Name = "Territory", Exact = true }).ClickAsync();
        await Main.GetByRole(AriaRole.Link, new() { Name = "Booth coverage", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Booth coverage – Bhopal", Exact = true })).ToBeVisibleAsync();
        var uncoveredCount = Page.GetByTestId("uncovered-count");
        var before = Count(await uncoveredCount.TextContentAsync());
        Assert.True(before > 0, "the demo seed leaves booths in Bhopal without an agent");
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("coverage-phone.png", fullPage: true);

        await uncoveredCount.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($@"/OfficeBearers/Uncovered\?territory={bhopal.Id}$"));
        var listUrl = Page.Url;
        await Expect(Page.GetByTestId("uncovered-total")).ToHaveTextAsync(new Regex($@"^{Regex.Escape(before.ToString("N0", IndianEnglish))} booths$"));
        await ExpectNoSidewaysScrollingAsync();

        var rows = Page.GetByTestId("uncovered").Locator("tbody tr");
        var boothLink = rows.First.Locator("a[href^='/OfficeBearers/Territory/']");
        var boothPath = (await boothLink.GetAttributeAsync("href"))!;
        var boothName = (await boothLink.TextContentAsync())!.Trim();
        await rows.First.GetByTestId("appoint-agent").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Appoint an office-bearer – {boothName}", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Post", new() { Exact = true })).ToHaveValueAsync(ReferenceData.BoothAgentPostId.ToString());
        await Page.GetByLabel("Mobile", new() { Exact = true }).FillAsync("94250 67890");
        await Page.GetByLabel("Name (English)", new() { Exact = true }).FillAsync("Sunita Ahirwar");
        await Page.GetByLabel("Name (Hindi)", new() { Exact = true }).FillAsync("सुनीता अहिरवार");
        await ExpectNoSidewaysScrollingAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Appoint", Exact = true }).ClickAsync();

        // The booth's office-bearers page, with the new agent in the main organisation.
        await Expect(Page).ToHaveURLAsync(new Regex($"{Regex.Escape(boothPath)}$"));
        await Expect(TerritoryName).ToHaveTextAsync(boothName);
        var agent = Page.GetByTestId("wing-MAIN").Locator("tbody tr", new() { HasText = "Sunita Ahirwar" });
        await Expect(agent).ToHaveCountAsync(1);
        await Expect(agent.Locator("td").Nth(0)).ToHaveTextAsync("Booth agent (BLA)");
        await Expect(agent.Locator("td").Nth(2)).ToHaveTextAsync("+91 94250 67890");
        await Expect(agent.Locator("td").Nth(3)).ToHaveTextAsync(new Regex(@"^\d\d-\d\d-\d{4}$"));
        await ExpectNoSidewaysScrollingAsync();

        await Page.GotoAsync(listUrl);
        await Expect(Page.GetByTestId("uncovered-total")).ToHaveTextAsync(new Regex($@"^{Regex.Escape((before - 1).ToString("N0", IndianEnglish))} booths$"));
        await Expect(Page.GetByTestId("uncovered").Locator($"a[href='{boothPath}']")).ToHaveCountAsync(0);
        await Expect(rows.First).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Booth coverage", Exact = true }).ClickAsync();
        await Expect(uncoveredCount).ToHaveTextAsync((before - 1).ToString("N0", IndianEnglish));
    }

    [Fact]
    public async Task State_in_charge_sees_inactive_office_bearers_by_district_and_opens_a_districts_office_bearers()
    {
        var state = await TerritoryAsync("Madhya Pradesh", TerritoryLevel.State);
        var bhopal = await TerritoryAsync("Bhopal", TerritoryLevel.District);
        var flagged = await App.WithDbAsync(db => db.Appointments.Where(a => a.StateId == state.Id && a.InactiveSince != null)
            .Select(a => a.DistrictId).Distinct().ToListAsync());
        Assert.True(flagged.Count > 2, "the demo seed flags office-bearers inactive in several districts");

        await SignInAsync(InChargeMp);
        await Page.GetByTestId("office-bearers-menu").ClickAsync();
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Inactive", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Inactive office-bearers", Exact = true })).ToBeVisibleAsync();
        var districts = Page.GetByTestId("by-district").GetByRole(AriaRole.Link);
        await Expect(districts).ToHaveCountAsync(flagged.Count);
        if (flagged.Contains(null)) await Expect(districts.First).ToContainTextAsync("State");

        // A district's button narrows the list to it.
        var second = districts.Nth(1);
        var district = Regex.Replace((await second.TextContentAsync())!, @"[\d,\s]+$", "").Trim();
        await second.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"[?&]district=\d+"));
        await Expect(districts.Nth(1)).ToHaveClassAsync(new Regex(@"\bbtn-secondary\b"));
        var listed = Page.GetByTestId("inactive-list").Locator("tbody tr td:first-child");
        await Expect(listed.First).ToHaveTextAsync(district);
        Assert.All(await listed.AllTextContentsAsync(), d => Assert.Equal(district, d.Trim()));

        // Down to Bhopal district and its office-bearers.
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Territory", Exact = true }).ClickAsync();
        await Expect(TerritoryName).ToHaveTextAsync("Madhya Pradesh");
        await ChildLink("Bhopal").ClickAsync();
        await Expect(TerritoryName).ToHaveTextAsync("Bhopal");
        await ChildLink("Bhopal").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Territories/{bhopal.Id}$"));
        await Page.GetByTestId("office-bearers").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/OfficeBearers/Territory/{bhopal.Id}$"));
        await Expect(TerritoryName).ToHaveTextAsync("Bhopal");
        await Expect(Page.GetByTestId("wing-MAIN").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("appoint")).ToBeVisibleAsync();
        await ScreenshotAsync("office-bearers-desktop.png");
    }


    private ILocator Main => Page.GetByRole(AriaRole.Main);

    /// <summary>A number as the page shows it (digit groups separated by commas).</summary>
    private static int Count(string? text) => int.Parse(Regex.Replace(text ?? "", @"\D", ""));
}
