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

    [Fact]
    public async Task On_a_phone_an_administrator_creates_a_user_and_gets_an_invitation_link_to_copy_or_send_on_WhatsApp_which_the_user_opens()
    {
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await SignInAsync("admin@demo.orgtracker.in");
        await Page.GotoAsync("/Admin/Users/Create");
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync("phone.invite@example.in");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Phone Invite");
        await Page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(Roles.DistrictPresident);
        var indore = await TerritoryAsync("Indore", TerritoryLevel.District);
        await Page.GetByLabel("Territory", new() { Exact = true }).SelectOptionAsync(indore.Id.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create user", Exact = true }).ClickAsync();

        var card = Page.GetByTestId("issued-link");
        await Expect(card).ToBeVisibleAsync();
        var link = await Page.GetByTestId("issued-link-url").InputValueAsync();
        Assert.Contains("/Account/SetUp?user=", link);
        await ExpectNoSidewaysScrollingAsync();
        // The buttons are full width, one under the other, and taller than a default button (for a thumb).
        foreach (var id in new[] { "copy-link", "whatsapp-hi", "whatsapp-en" })
        {
            var box = (await Page.GetByTestId(id).BoundingBoxAsync())!;
            Assert.True(box.Width > PhoneWidth * 0.7 && box.Height >= 38, $"{id}: {box.Width}×{box.Height}");
        }
        var whatsapp = await Page.GetByTestId("whatsapp-hi").GetAttributeAsync("href");
        Assert.StartsWith("https://wa.me/?text=", whatsapp);
        Assert.Contains(link, Uri.UnescapeDataString(whatsapp!));
        await Page.GetByTestId("copy-link").ClickAsync();
        await Expect(Page.GetByTestId("copy-link")).ToHaveTextAsync("Copied");
        Assert.Equal(link, await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await ScreenshotAsync("invitation-phone.png", fullPage: true);

        // The invited user, on their own phone, chooses a password and is in.
        Page = await NewPageAsync(Phone);
        await Page.GotoAsync(link);
        await Page.GetByLabel("New password", new() { Exact = true }).FillAsync("phone-invite-password");
        await Page.GetByLabel("Confirm the password", new() { Exact = true }).FillAsync("phone-invite-password");
        await ExpectNoSidewaysScrollingAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set password", Exact = true }).ClickAsync();
        await Expect(TerritoryName).ToHaveTextAsync("Indore");
    }
}
