using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

public class DistrictPresidentJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task District_president_reads_their_district_in_english_and_hindi_and_cannot_open_another_district()
    {
        var bhopal = await TerritoryAsync("Bhopal", TerritoryLevel.District);
        var indore = await TerritoryAsync("Indore", TerritoryLevel.District);

        await SignInAsync(PresidentBhopal, beforeSubmit: () => ScreenshotAsync("login.png"));
        await Expect(Page).ToHaveURLAsync(new Regex($"/Dashboard/{bhopal.Id}$"));
        await Expect(TerritoryName).ToHaveTextAsync("Bhopal");
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Territory", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Territories/{bhopal.Id}$"));
        await Expect(Page.GetByTestId("user-badge")).ToContainTextAsync("District president");
        await Expect(Page.GetByTestId("counts")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("children").Locator("tbody tr")).ToHaveCountAsync(3);
        await ScreenshotAsync("district-desktop.png", fullPage: true);

        // Another district's address gets the same answer as an address that does not exist.
        await ExpectNotFoundAsync($"/Territories/{indore.Id}", "Not found", indore);
        await ScreenshotAsync("not-found.png");

        await Page.GotoAsync($"/Territories/{bhopal.Id}");
        await SwitchLanguageAsync("हिन्दी");
        await Expect(TerritoryName).ToHaveTextAsync("भोपाल");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
        await Expect(Page.GetByTestId("user-badge")).ToContainTextAsync("जिला अध्यक्ष");
        await ScreenshotAsync("district-hindi.png", fullPage: true);

        await ExpectNotFoundAsync($"/Territories/{indore.Id}", "नहीं मिला", indore);

        // The language outlives the session: the login form comes back in Hindi.
        await Page.GetByRole(AriaRole.Button, new() { Name = "साइन आउट", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(Page.GetByLabel("ईमेल", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("पासवर्ड", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Email", new() { Exact = true })).ToHaveCountAsync(0);
    }

    private async Task ExpectNotFoundAsync(string url, string heading, Territory hidden)
    {
        var response = await Page.GotoAsync(url);
        Assert.Equal(404, response!.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        var html = await Page.ContentAsync();
        Assert.DoesNotContain(hidden.NameEn, html);
        Assert.DoesNotContain(hidden.NameHi, html);
    }
}
