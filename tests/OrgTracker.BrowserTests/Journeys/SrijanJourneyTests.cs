using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

/// <summary>
/// Sangathan Srijan in Sehore, from observers to the new district president: the state in-charge assigns two
/// observers, logs a consultation, puts six names on the panel and submits it, records a one-to-one and appoints;
/// the board shows Sehore appointed; then the board in Hindi on a 375 px phone.
/// </summary>
public class SrijanJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task The_in_charge_takes_Sehore_from_observers_to_its_new_president_and_the_board_shows_it()
    {
        var (sehore, territory) = await App.WithDbAsync(async db =>
        {
            var d = await db.SrijanDistricts.AsNoTracking().SingleAsync(x => x.Territory!.NameEn == "Sehore" && x.Territory.Level == TerritoryLevel.District);
            return (d.Id, d.TerritoryId);
        });
        var observers = await App.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.DistrictId == null && p.StateId != 0)
            .Join(db.Territories.Where(t => t.Code == "MP"), p => p.StateId, t => t.Id, (p, _) => p).OrderBy(p => p.Id).Select(p => p.Mobile).Take(2).ToListAsync());
        var names = await App.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.DistrictId == territory && p.BirthYear != null)
            .OrderBy(p => p.Id).Select(p => new { p.Mobile, p.NameEn }).Take(6).ToListAsync());
        // A consultation held yesterday at Sehore (meetings are recorded in Meetings; here it is only linked).
        var meetingTitle = "Sangathan Srijan consultation, Sehore";
        await App.WithDbAsync(async db =>
        {
            var t = await db.Territories.SingleAsync(x => x.Id == territory);
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var m = new Meeting { Title = meetingTitle, Type = MeetingType.Campaign, StartsUtc = now.AddDays(-1), EndsUtc = now.AddDays(-1).AddHours(2), Status = MeetingStatus.Held, CreatedUtc = now, CreatedBy = "journey" };
            m.PlaceAt(t);
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

        await SignInAsync(InChargeMp);
        await Page.GetByTestId("srijan-menu").ClickAsync();
        await Page.Locator("[data-testid=count][data-stage=AwaitingObservers]").ClickAsync();
        await Page.Locator("[data-testid=board-row][data-district=Sehore] a").First.ClickAsync();
        foreach (var (mobile, level) in new[] { (observers[0], "Central"), (observers[1], "State") })
        {
            await Page.GetByLabel("Observer's mobile").FillAsync(mobile);
            await Page.GetByLabel("Observer from").SelectOptionAsync(level);
            await Page.GetByTestId("assign").ClickAsync();
        }
        await Expect(Page.GetByTestId("observer")).ToHaveCountAsync(2);
        await Page.GetByLabel("Meeting", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{OrgTracker.Web.Localization.Date(OrgTracker.Web.Platform.IndiaTime.Day(App.Clock.GetUtcNow().UtcDateTime.AddDays(-1)))} · {meetingTitle}" });
        await Page.GetByTestId("link-consultation").ClickAsync();
        await Expect(Page.GetByTestId("consultation")).ToHaveCountAsync(1);

        await Page.GetByTestId("panel-link").ClickAsync();
        var categories = new[] { "Obc", "Sc", "General", "St", "Minority", "General" };
        for (var i = 0; i < 6; i++)
        {
            await Page.GetByLabel("Candidate's mobile").FillAsync(names[i].Mobile);
            await Page.GetByLabel("Social category").SelectOptionAsync(categories[i]);
            await Page.GetByLabel("Observer's remarks").FillAsync($"Remarks {i + 1}");
            await Page.GetByTestId("add-candidate").ClickAsync();
            await Expect(Page.GetByTestId("candidate")).ToHaveCountAsync(i + 1);
        }
        await Expect(Page.GetByTestId("composition-size")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-success"));
        await Page.GetByTestId("submit-panel").ClickAsync();
        await Expect(Page.GetByTestId("one-to-one-form")).ToBeVisibleAsync();

        await Page.GetByTestId("one-to-one-form").GetByLabel("Candidate").SelectOptionAsync(new SelectOptionValue { Label = names[1].NameEn });
        await Page.GetByLabel("Heard by").FillAsync("Central observer");
        await Page.GetByLabel("Notes").FillAsync("Knows every block; strong with booth committees.");
        await Page.GetByTestId("record-one-to-one").ClickAsync();
        await Expect(Page.GetByTestId("heard")).ToHaveCountAsync(1);
        await ScreenshotAsync("srijan-panel.png", fullPage: true);

        await Page.GetByLabel("Candidate to appoint").SelectOptionAsync(new SelectOptionValue { Label = names[1].NameEn });
        await Page.GetByTestId("appoint").ClickAsync();
        await Expect(Page.GetByTestId("appointed")).ToContainTextAsync(names[1].NameEn);

        await Page.GetByTestId("srijan-menu").ClickAsync();
        await Page.Locator("[data-testid=count][data-stage=Appointed]").ClickAsync();
        await Expect(Page.Locator("[data-testid=board-row][data-district=Sehore]")).ToHaveAttributeAsync("data-stage", "Appointed");
        await ScreenshotAsync("srijan-board.png");
        Assert.Equal(SrijanStage.Appointed, await App.WithDbAsync(db => db.SrijanDistricts.Where(d => d.Id == sehore).Select(d => d.Stage).SingleAsync()));

        // The board in Hindi on a phone.
        Page = await NewPageAsync(Phone);
        await SignInAsync(InChargeMp);
        await SwitchLanguageAsync("हिन्दी");
        await Page.GotoAsync("/Srijan/Index?stage=Appointed");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("संगठन सृजन");
        await Expect(Page.Locator("[data-testid=board-row][data-district=Sehore] [data-testid=stage]")).ToHaveTextAsync("अध्यक्ष नियुक्त");
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("srijan-board-phone-hi.png", fullPage: true);
        await Page.GotoAsync($"/Srijan/Panel/{sehore}");
        await ExpectNoSidewaysScrollingAsync();
    }
}
