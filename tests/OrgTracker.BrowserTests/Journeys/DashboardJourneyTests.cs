using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

public class DashboardJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task State_in_charge_drills_down_the_dashboard_to_a_block_switches_to_hindi_and_exports_a_table()
    {
        var division = await TerritoryAsync("Bhopal", TerritoryLevel.Division);
        var district = await TerritoryAsync("Bhopal", TerritoryLevel.District);
        var units = Page.GetByTestId("units").Locator("tbody tr");

        await SignInAsync(InChargeMp);
        await Expect(TerritoryName).ToHaveTextAsync("Madhya Pradesh");
        await Expect(units).ToHaveCountAsync(10);
        foreach (var chart in new[] { "chart-coverage", "chart-reports", "chart-membership", "chart-trend", "chart-enrolment" })
        {
            await Expect(Page.GetByTestId(chart)).ToBeVisibleAsync();
            // Chart.js has drawn it: it sizes the canvas to its box.
            Assert.True(await Page.GetByTestId(chart).EvaluateAsync<bool>("c => c.style.width !== ''"), $"{chart} was not drawn");
        }
        await ScreenshotAsync("dashboard-desktop.png", fullPage: true);

        await Page.GetByTestId("units").GetByRole(AriaRole.Link, new() { Name = "Bhopal", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Dashboard/{division.Id}"));
        await Expect(units).ToHaveCountAsync(5);

        await Page.GetByTestId("units").GetByRole(AriaRole.Link, new() { Name = "Bhopal", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/Dashboard/{district.Id}"));
        await Expect(units).ToHaveCountAsync(3);

        var block = units.Nth(1).GetByRole(AriaRole.Link);
        var blockName = (await block.TextContentAsync())!.Trim();
        await block.ClickAsync();
        await Expect(TerritoryName).ToHaveTextAsync(blockName);
        await Expect(Page.GetByTestId("agent-coverage")).ToContainTextAsync("%");

        await Page.GetByRole(AriaRole.Button, new() { Name = "हिन्दी" }).ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
        await Expect(Page.GetByText("फोकस सीटें").First).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "भोपाल", Exact = true }).Last.ClickAsync();
        await Expect(TerritoryName).ToHaveTextAsync("भोपाल");
        await Expect(Page.GetByTestId("members-enrolled")).ToContainTextAsync("/");
        await ScreenshotAsync("dashboard-hindi.png", fullPage: true);
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("export-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        // A header, the three blocks and the district's own posts.
        Assert.Equal(5, text.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task District_president_sees_their_own_dashboard_on_a_phone()
    {
        Page = await NewPageAsync(Phone);
        await SignInAsync(PresidentBhopal);
        await Expect(TerritoryName).ToHaveTextAsync("Bhopal");
        await Expect(Page.GetByTestId("units").Locator("tbody tr")).ToHaveCountAsync(3);
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("dashboard-phone.png", fullPage: true);
    }
}
