using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

/// <summary>
/// A directive (निर्देश) from issue to compliance: the state in-charge issues it to Bhopal on a desktop, the Bhopal
/// president acknowledges and answers it on a 375 px phone in Hindi, and the in-charge sees the answer on the grid.
/// </summary>
public class DirectiveJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    private const string Text = "Hold a meeting of all booth agents of the lake-side wards before Sunday.";
    private const string TextHi = "रविवार से पहले झील किनारे के वार्डों के सभी बूथ एजेंटों की बैठक करें।";

    [Fact]
    public async Task The_in_charge_issues_Bhopal_answers_on_a_phone_in_Hindi_and_the_grid_shows_it()
    {
        var today = OrgTracker.Web.Platform.IndiaTime.Day(App.Clock.GetUtcNow().UtcDateTime);

        // The state in-charge issues the directive to Bhopal.
        await SignInAsync(InChargeMp);
        await Page.GetByTestId("directives-menu").ClickAsync();
        await Page.GetByTestId("issue-link").ClickAsync();
        await Page.GetByLabel("Directive in Hindi").FillAsync(TextHi);
        await Page.GetByLabel("Directive in English").FillAsync(Text);
        await Page.GetByLabel("Due on").FillAsync(today.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("These districts").CheckAsync();
        await Page.GetByTestId("unit-list").GetByLabel("Bhopal", new() { Exact = true }).CheckAsync();
        await Page.GetByTestId("issue").ClickAsync();
        await Expect(Page.GetByTestId("text-en")).ToHaveTextAsync(Text);
        var row = Page.Locator("[data-testid=target][data-unit=Bhopal]");
        await Expect(row).ToHaveAttributeAsync("data-red", "true");
        await Expect(row.GetByTestId("remind")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^https://wa\.me/\?text="));
        var directiveId = await App.WithDbAsync(db => db.Directives.Where(d => d.TextEn == Text).Select(d => d.Id).SingleAsync());
        var inCharge = Page;

        // The Bhopal president, on a phone, in Hindi.
        Page = await NewPageAsync(Phone);
        await SignInAsync(PresidentBhopal);
        await SwitchLanguageAsync("हिन्दी");
        await Page.Locator(".navbar-toggler").ClickAsync();
        await Page.GetByTestId("directives-menu").ClickAsync();
        var item = Page.GetByTestId("to-answer-item").Filter(new() { HasText = TextHi });
        await Expect(item).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("directives-phone-hi.png", fullPage: true);
        await item.ClickAsync();
        await Expect(Page.GetByTestId("text-hi")).ToHaveTextAsync(TextHi);
        await Page.GetByTestId("acknowledge").ClickAsync();
        await Expect(Page.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await Page.GetByTestId("status-PartlyDone").ClickAsync();
        await Page.GetByTestId("send-answer").ClickAsync();
        // Partly done needs a note: the message stands beside the field and nothing is saved.
        await Expect(Page.Locator("[data-valmsg-for='Input.Note']")).ToHaveTextAsync("टिप्पणी लिखें: क्या बाकी है और क्यों।");
        Assert.Equal(0, await App.WithDbAsync(db => db.DirectiveAnswers.CountAsync(a => a.DirectiveId == directiveId)));
        await Page.GetByTestId("status-Done").ClickAsync();
        await Page.GetByLabel("टिप्पणी", new() { Exact = true }).FillAsync("सभी वार्डों में बैठक हो गई।");
        await Page.GetByTestId("send-answer").ClickAsync();
        await Expect(Page.GetByTestId("answer")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("answer").First).ToHaveAttributeAsync("data-status", "Done");
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("directive-answer-phone-hi.png", fullPage: true);
        // The president's own issue form (to the district's blocks) and the dashboard's directives panel fit the phone too.
        await Page.GotoAsync("/Directives/Issue");
        await Expect(Page.GetByTestId("unit-list")).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollingAsync();
        await Page.GotoAsync($"/Directives/Details/{directiveId}");
        await Expect(Page.Locator("[data-testid=target][data-unit=Bhopal]")).ToHaveAttributeAsync("data-red", "false");
        await ExpectNoSidewaysScrollingAsync();
        await Page.GotoAsync("/Directives/Grid");
        await Expect(Page.GetByTestId("grid")).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("directives-grid-phone-hi.png", fullPage: true);
        await Page.GotoAsync("/Dashboard");
        await Expect(Page.GetByTestId("directives-panel")).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollingAsync();
        await Page.GetByTestId("directives-panel").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("directives-dashboard-phone-hi.png");

        // The in-charge's grid shows Bhopal's answer, no longer red.
        Page = inCharge;
        await Page.GotoAsync("/Directives/Grid");
        var cell = Page.Locator($"[data-testid=grid-row][data-unit=Bhopal] [data-testid=cell][data-directive='{directiveId}']");
        await Expect(cell).ToHaveAttributeAsync("data-red", "false");
        await Expect(cell).ToContainTextAsync("Done");
        await Expect(Page.Locator($"[data-testid=grid-row][data-unit=Indore] [data-testid=cell][data-directive='{directiveId}']")).ToHaveCountAsync(0);
        await ScreenshotAsync("directives-grid.png");
    }
}
