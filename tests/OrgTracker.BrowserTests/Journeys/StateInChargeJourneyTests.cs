using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

public class StateInChargeJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task State_in_charge_drills_down_from_state_to_booth_and_finds_a_district_by_its_hindi_name()
    {
        var division = await TerritoryAsync("Bhopal", TerritoryLevel.Division);
        var district = await TerritoryAsync("Bhopal", TerritoryLevel.District);
        var rows = Page.GetByTestId("children").Locator("tbody tr");

        await SignInAsync(InChargeMp);
        // The landing page is the dashboard; the territory tree is one click away in the navigation.
        await Expect(TerritoryName).ToHaveTextAsync("Madhya Pradesh");
        await Page.Locator("nav .nav-link", new() { HasTextString = "Territory" }).ClickAsync();
        await ExpectTerritoryAsync("Madhya Pradesh", "State");
        await Expect(rows).ToHaveCountAsync(10);
        await ScreenshotAsync("state-desktop.png", fullPage: true);

        await ChildLink("Bhopal").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Territories/{division.Id}$"));
        await ExpectTerritoryAsync("Bhopal", "Division");
        await Expect(rows).ToHaveCountAsync(5);

        var search = Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search by name" });
        await search.FillAsync("विदिशा");
        await search.PressAsync("Enter");
        await Expect(ChildLink("Vidisha")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(1);

        await search.FillAsync("भोपाल");
        await search.PressAsync("Enter");
        await Expect(ChildLink("Bhopal")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await ChildLink("Bhopal").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Territories/{district.Id}$"));
        await ExpectTerritoryAsync("Bhopal", "District");

        // A rural block lists its booths directly (an urban one groups them by ward as well).
        var block = rows.Filter(new() { HasNot = Page.Locator(".badge") }).First.GetByRole(AriaRole.Link);
        var blockName = (await block.TextContentAsync())!.Trim();
        await block.ClickAsync();
        await ExpectTerritoryAsync(blockName, "Block");

        var booth = rows.First.GetByRole(AriaRole.Link);
        var boothName = (await booth.TextContentAsync())!.Trim();
        await booth.ClickAsync();
        await ExpectTerritoryAsync(boothName, "Booth");
        await Expect(Page.GetByText("Part number", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator(".breadcrumb-item")).ToHaveTextAsync(["Madhya Pradesh", "Bhopal", "Bhopal", blockName, boothName]);
    }

    private async Task ExpectTerritoryAsync(string name, string level)
    {
        await Expect(TerritoryName).ToHaveTextAsync(name);
        await Expect(Page.Locator("[data-testid=territory-name] + .badge")).ToHaveTextAsync(level);
    }
}
