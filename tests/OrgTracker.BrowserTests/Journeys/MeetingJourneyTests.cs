using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

public class MeetingJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    private const string OfficeMp = "office.mp@demo.orgtracker.in";

    [Fact]
    public async Task State_office_runs_the_3_day_meeting_takes_attendance_on_a_phone_and_the_owner_finds_the_item_overdue()
    {
        var today = App.Clock.TodayInIndia();
        var divisions = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.Division && db.Territories.Any(s => s.Id == t.StateId && s.Code == "MP"))
            .OrderBy(t => t.NameEn).Select(t => t.NameEn).ToListAsync());
        var president = await App.WithDbAsync(db => db.People.Where(p => p.Email == PresidentBhopal).Select(p => p.NameEn).SingleAsync());

        // The state office creates the programme: one session per division, two a day, inviting presidents and in-charges.
        await SignInAsync(OfficeMp);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }).First.ClickAsync();
        await Page.GetByTestId("meetings-nav").GetByRole(AriaRole.Link, new() { Name = "New programme" }).ClickAsync();
        await Page.GetByLabel("Title", new() { Exact = true }).FillAsync("3-day meeting of district presidents, two divisions a day");
        foreach (var name in divisions.Skip(6))
            await Page.GetByTestId("units").GetByLabel(name, new() { Exact = true }).UncheckAsync();
        await Page.GetByLabel("First day").FillAsync(today.AddDays(-2).ToString("yyyy-MM-dd"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create the programme" }).ClickAsync();
        await Expect(Page.GetByTestId("programme-title")).ToHaveTextAsync("3-day meeting of district presidents, two divisions a day");
        await Expect(Page.GetByTestId("sessions").Locator("tbody tr")).ToHaveCountAsync(6);

        // Attendance on a phone: the Bhopal session.
        await Page.SetViewportSizeAsync(PhoneWidth, 812);
        await Page.GetByTestId("sessions").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("– Bhopal$") }).ClickAsync();
        await Page.GetByTestId("take-attendance").ClickAsync();
        var rows = Page.GetByTestId("attendee");
        var invited = await rows.CountAsync();
        Assert.True(invited >= 2, $"{invited} invited");
        await rows.First.Locator("label", new() { HasText = "Excused" }).ClickAsync();
        await rows.First.GetByPlaceholder("Reason (absent or excused)").FillAsync("Unwell");
        await rows.Nth(1).Locator("label", new() { HasText = "Absent" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark the rest present" }).ClickAsync();
        await ExpectNoSidewaysScrollingAsync();
        await ScreenshotAsync("meeting-attendance-phone.png");
        await Page.GetByTestId("save-attendance").ClickAsync();
        await Expect(Page.GetByTestId("meeting-status")).ToHaveTextAsync("Held");
        await Expect(Page.GetByTestId("present-count")).ToHaveTextAsync((invited - 2).ToString());
        await ExpectNoSidewaysScrollingAsync();

        // An action item for the Bhopal district president, due today.
        var form = Page.GetByTestId("action-form");
        await form.GetByLabel("Action item").FillAsync("Send the list of booth agents of every block");
        await form.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = $"{president} – District president" });
        await form.GetByLabel("Due on").FillAsync(today.ToString("yyyy-MM-dd"));
        await form.GetByRole(AriaRole.Button, new() { Name = "Add the action item" }).ClickAsync();
        await Expect(Page.GetByTestId("action-items").GetByText("Send the list of booth agents of every block")).ToBeVisibleAsync();
        await ScreenshotAsync("meeting-phone.png", fullPage: true);

        // The other meeting pages fit the phone too.
        foreach (var url in new[] { "/Meetings", "/Meetings/Calendar", "/Meetings/Actions", "/Meetings/Edit", "/Meetings/NewProgramme", "/Meetings/Absentees" })
        {
            await Page.GotoAsync(url);
            await Expect(Page.GetByTestId("meetings-nav")).ToBeVisibleAsync();
            await ExpectNoSidewaysScrollingAsync();
        }

        // The due date passes.
        await App.WithDbAsync(db => db.ActionItems.Where(a => a.Text == "Send the list of booth agents of every block")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, today.AddDays(-1))));

        // The owner signs in and finds it under "my action items", overdue.
        await Page.SetViewportSizeAsync(1280, 800);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await SignInAsync(PresidentBhopal);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }).First.ClickAsync();
        await Page.GetByTestId("meetings-nav").GetByRole(AriaRole.Link, new() { Name = "Action items" }).ClickAsync();
        await Expect(Page.GetByTestId("action-views").Locator(".active")).ToHaveTextAsync("My action items");
        var row = Page.GetByTestId("action-row").Filter(new() { HasText = "Send the list of booth agents of every block" });
        await Expect(row.GetByTestId("overdue")).ToHaveTextAsync("Overdue");
        await ScreenshotAsync("meeting-my-items.png");
        await Page.GetByTestId("meetings-nav").GetByRole(AriaRole.Link, new() { Name = "Calendar" }).ClickAsync();
        await Expect(Page.GetByTestId("calendar")).ToBeVisibleAsync();
        await ScreenshotAsync("meeting-calendar.png", fullPage: true);
    }
}
