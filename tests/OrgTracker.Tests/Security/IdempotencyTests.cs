using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Security;

/// <summary>
/// A submission posted again — a double click, a browser retrying after a dropped connection — is applied once and
/// every copy is answered like the first; the same form changed and posted again is a new submission.
/// </summary>
public class IdempotencyTests(AppFactory app) : IntegrationTest(app)
{
    private static async Task<HtmlForms.Submission> FormAsync(HttpClient client, string url, string field)
    {
        var page = await HtmlForms.ParseAsync(await client.GetStringAsync(url));
        var form = HtmlForms.Submissions(page, url).First(s => s.Fields.ContainsKey(field));
        Assert.True(Guid.TryParse(form.Fields.GetValueOrDefault(IdempotencyScope.FormField), out _), $"the form on {url} carries no idempotency key");
        return form;
    }

    private static async Task<List<HttpResponseMessage>> PostTogetherAsync(HttpClient client, string action, Dictionary<string, string> fields, int copies)
    {
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, copies).Select(async _ =>
        {
            var body = new FormUrlEncodedContent(fields);
            await gate.WaitAsync();
            return await client.PostAsync(action, body);
        }).ToList();
        gate.Release(copies);
        return [.. await Task.WhenAll(tasks)];
    }

    [Fact]
    public async Task Ten_copies_of_one_new_person_posted_at_once_and_again_later_add_one_person_and_all_lead_to_them()
    {
        var office = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var form = await FormAsync(office, "/People/Create", "Input.NameEn");
        var fields = form.With(new() { ["Input.NameEn"] = "Double Click", ["Input.NameHi"] = "डबल क्लिक", ["Input.Mobile"] = "98111 22233", ["Input.AreaId"] = bhopal.ToString() });

        var responses = await PostTogetherAsync(office, form.Action, fields, 10);
        responses.Add(await office.PostAsync(form.Action, new FormUrlEncodedContent(fields)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var person = await App.WithDbAsync(db => db.People.SingleAsync(p => p.Mobile == "+919811122233"));
        Assert.All(responses, r => Assert.Equal($"/People/Details/{person.Id}", r.Headers.Location!.OriginalString));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "Person" && a.EntityId == person.Id.ToString())));
    }

    [Fact]
    public async Task A_meeting_and_an_appointment_posted_twice_are_created_once()
    {
        var president = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);

        var meeting = await FormAsync(president, "/Meetings/Edit", "Input.Title");
        var meetingFields = meeting.With(new() { ["Input.Title"] = "Posted Twice Meeting" });
        var first = await president.PostAsync(meeting.Action, new FormUrlEncodedContent(meetingFields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var again = await PostTogetherAsync(president, meeting.Action, meetingFields, 5);
        Assert.All(again, r => Assert.Equal(first.Headers.Location, r.Headers.Location));
        Assert.Equal(1, await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.Title == "Posted Twice Meeting")));

        var block = await App.WithDbAsync(db => db.Territories.Where(t => t.DistrictId == bhopal && t.Level == TerritoryLevel.Block).Select(t => t.Id).FirstAsync());
        // A post of the block with a vacancy.
        var post = await App.WithDbAsync(db => db.Posts.Where(p => p.Level == TerritoryLevel.Block)
            .Where(p => p.Sanctioned == null || db.Appointments.Count(a => a.TerritoryId == block && a.PostId == p.Id && a.WingId == 1 && a.To == null) < p.Sanctioned)
            .Select(p => p.Id).FirstAsync());
        var appoint = await FormAsync(president, $"/OfficeBearers/Appoint?territory={block}", "Input.Mobile");
        var appointFields = appoint.With(new() { ["Input.Mobile"] = "98111 44455", ["Input.NameEn"] = "Appointed Once", ["Input.NameHi"] = "एक बार", ["Input.PostId"] = post.ToString(), ["Input.WingId"] = "1" });
        var responses = await PostTogetherAsync(president, appoint.Action, appointFields, 5);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await App.WithDbAsync(db => db.Appointments.CountAsync(a => a.Person!.Mobile == "+919811144455")));
    }

    [Fact]
    public async Task The_same_form_changed_and_posted_again_is_a_new_submission_judged_on_its_own()
    {
        var office = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var form = await FormAsync(office, "/People/Create", "Input.NameEn");
        var one = await office.PostAsync(form.Action, new FormUrlEncodedContent(form.With(new()
            { ["Input.NameEn"] = "First Person", ["Input.NameHi"] = "पहला", ["Input.Mobile"] = "98111 66601", ["Input.AreaId"] = bhopal.ToString() })));
        var two = await office.PostAsync(form.Action, new FormUrlEncodedContent(form.With(new()
            { ["Input.NameEn"] = "Second Person", ["Input.NameHi"] = "दूसरा", ["Input.Mobile"] = "98111 66602", ["Input.AreaId"] = bhopal.ToString() })));
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, two.StatusCode);
        Assert.NotEqual(one.Headers.Location, two.Headers.Location);
        Assert.Equal(2, await App.WithDbAsync(db => db.People.CountAsync(p => p.Mobile == "+919811166601" || p.Mobile == "+919811166602")));

        // A submission that saved nothing (a mistake in the form) leaves the key unused: corrected, it goes through.
        var bad = form.With(new() { ["Input.NameEn"] = "", ["Input.NameHi"] = "तीसरा", ["Input.Mobile"] = "98111 66603", ["Input.AreaId"] = bhopal.ToString() });
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync(form.Action, new FormUrlEncodedContent(bad))).StatusCode);
        Assert.False(await App.WithDbAsync(db => db.IdempotencyKeys.AnyAsync(k => k.Location == null)));
    }

    [Fact]
    public async Task A_submission_saved_by_a_request_that_died_before_answering_is_answered_as_saved_when_sent_again()
    {
        var office = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var form = await FormAsync(office, "/People/Create", "Input.NameEn");
        var fields = form.With(new() { ["Input.NameEn"] = "Saved Once", ["Input.NameHi"] = "एक बार", ["Input.Mobile"] = "98111 66611", ["Input.AreaId"] = bhopal.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(form.Action, new FormUrlEncodedContent(fields))).StatusCode);
        // As if its instance had been killed between the commit and recording where the submission led.
        Assert.Equal(1, await App.WithDbAsync(db => db.IdempotencyKeys.ExecuteUpdateAsync(u => u.SetProperty(k => k.Location, (string?)null))));

        var again = await office.PostAsync(form.Action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(IdempotencyFilter.AlreadySavedPage, again.Headers.Location!.OriginalString);
        Assert.Contains("it has not been saved again", await office.GetStringAsync(IdempotencyFilter.AlreadySavedPage));
        Assert.Equal(1, await App.WithDbAsync(db => db.People.CountAsync(p => p.Mobile == "+919811166611")));
    }
}
