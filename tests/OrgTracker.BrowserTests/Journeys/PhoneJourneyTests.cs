using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

public class PhoneJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    protected override void ConfigureContext(BrowserNewContextOptions options) => Phone(options);

    [Fact]
    public async Task On_a_phone_the_district_president_gets_a_collapsed_menu_and_no_sideways_scrolling()
    {
        var indore = await TerritoryAsync("Indore", TerritoryLevel.District);

        await Page.GotoAsync("/Account/Login");
        await FillLoginFormAsync(PresidentBhopal);
        await ExpectNoSidewaysScrollingAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(TerritoryName).ToHaveTextAsync("Bhopal");
        var toggler = Page.Locator(".navbar-toggler");
        var menu = Page.Locator("#mainNav");
        await Expect(toggler).ToBeVisibleAsync();
        await Expect(menu).ToBeHiddenAsync();
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("district-phone.png", fullPage: true);

        await toggler.ClickAsync();
        await Expect(menu).ToHaveClassAsync(new Regex(@"\bcollapse show\b"));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await toggler.ClickAsync();
        await Expect(menu).ToBeHiddenAsync();

        // Hindi labels run longer than English ones.
        await SwitchLanguageAsync("हिन्दी");
        await Expect(TerritoryName).ToHaveTextAsync("भोपाल");
        await ExpectNoSidewaysScrollingAsync();

        var response = await Page.GotoAsync($"/Territories/{indore.Id}");
        Assert.Equal(404, response!.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "नहीं मिला", Exact = true })).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollingAsync();
    }
}
