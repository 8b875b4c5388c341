using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Tests.Srijan;

/// <summary>
/// The Sangathan Srijan campaign over HTTP: the board and its counts, export, scope (another district's or state's
/// campaign is 404), the confidential panel (state roles only, every read audited), validation beside the fields,
/// the stage rules (no panel under six, no appointment without a submitted panel and the chosen one's one-to-one)
/// and the appointment through the post register. The demo holds MP's campaign (Data/Seeding/SrijanGenerator.cs):
/// Dewas appointed, Indore's panel submitted, Bhopal's panel of six submitted with two one-to-ones, Sehore awaiting observers.
/// </summary>
public class SrijanPagesTests(AppFactory app) : IntegrationTest(app)
{
    private Task<SrijanDistrict> DistrictAsync(string name) => App.WithDbAsync(db => db.SrijanDistricts.AsNoTracking()
        .SingleAsync(d => d.Territory!.NameEn == name && d.Territory.Level == TerritoryLevel.District));

    private static string Error(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    /// <summary>Fills and posts the form of <paramref name="testId"/> found on <paramref name="url"/>.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string testId, Dictionary<string, string> values)
    {
        var doc = await GetDocumentAsync(client, url);
        var form = doc.QuerySelector($"form[data-testid={testId}]");
        Assert.True(form is not null, $"no form {testId} on {url}");
        var fields = HtmlForms.Fields(form!);
        foreach (var (k, v) in values) fields[k] = v;
        return await client.PostAsync(WebUtility.HtmlDecode(form!.GetAttribute("action")!), new FormUrlEncodedContent(fields));
    }

    private async Task<List<string>> MobilesAsync(int districtId, int n) => await App.WithDbAsync(db => db.People.AsNoTracking()
        .Where(p => p.DistrictId == districtId && p.BirthYear != null).OrderBy(p => p.Id).Select(p => p.Mobile).Take(n).ToListAsync());

    [Fact]
    public async Task The_board_counts_equal_a_fresh_count_with_every_stage_and_days_in_stage()
    {
        var client = await SignInAsync(InChargeMp);
        var page = await GetDocumentAsync(client, "/Srijan/Index");
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var fresh = await App.WithDbAsync(db => db.SrijanDistricts.Where(d => d.StateId == mp).GroupBy(d => d.Stage)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N));
        foreach (var stage in Enum.GetValues<SrijanStage>())
        {
            var shown = int.Parse(page.QuerySelector($"[data-testid=count][data-stage={stage}] .value")!.TextContent.Replace(",", ""));
            Assert.Equal(fresh.GetValueOrDefault(stage), shown);
            Assert.True(shown > 0, $"the demo has a district at {stage}");
        }
        Assert.Equal(fresh.Values.Sum(), int.Parse(page.QuerySelector("[data-testid=count-all] .value")!.TextContent.Replace(",", "")));

        var bhopal = await DistrictAsync("Bhopal");
        var filtered = await GetDocumentAsync(client, "/Srijan/Index?stage=OneToOnesHeld");
        var row = filtered.QuerySelectorAll("[data-testid=board-row]").Single(r => r.GetAttribute("data-district") == "Bhopal");
        Assert.Equal("OneToOnesHeld", row.GetAttribute("data-stage"));
        Assert.Equal($"{TodayInIndia.DayNumber - IndiaTime.Day(bhopal.StageSinceUtc).DayNumber} days in stage", row.QuerySelector("[data-testid=days]")!.TextContent.Trim());
        Assert.All(filtered.QuerySelectorAll("[data-testid=board-row]"), r => Assert.Equal("OneToOnesHeld", r.GetAttribute("data-stage")));
    }

    [Fact]
    public async Task The_board_exports_one_row_per_district_and_a_district_president_sees_only_their_own()
    {
        var client = await SignInAsync(InChargeMp);
        var response = await client.GetAsync("/Srijan/Index?export=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        Assert.Equal(await App.WithDbAsync(db => db.SrijanDistricts.CountAsync(d => d.StateId == mp)) + 1, lines.Length);
        Assert.Equal("District,Division,Stage,Since,Days in stage,Observers,Consultations", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Dewas,Ujjain,President appointed,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Srijan/Index?export=xlsx")).StatusCode);

        var president = await GetDocumentAsync(await SignInAsync(PresidentBhopal), "/Srijan/Index");
        Assert.Equal(["Bhopal"], president.QuerySelectorAll("[data-testid=board-row]").Select(r => r.GetAttribute("data-district")!).ToArray());
        Assert.Null(president.QuerySelector("[data-testid=start-form]"));
    }

    [Fact]
    public async Task Bhopals_panel_is_404_to_district_and_division_users_and_another_state_and_a_state_read_is_audited()
    {
        var bhopal = await DistrictAsync("Bhopal");
        var url = $"/Srijan/Panel/{bhopal.Id}";
        foreach (var user in new[] { PresidentIndore, PresidentBhopal, DivisionBhopal, InChargeUp })
            Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(user)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(InChargeUp)).GetAsync($"/Srijan/District/{bhopal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(PresidentIndore)).GetAsync($"/Srijan/District/{bhopal.Id}")).StatusCode);
        Assert.Equal("no-campaign", (await GetDocumentAsync(await SignInAsync(InChargeUp), "/Srijan/Index")).QuerySelector("[data-testid=no-campaign]")?.GetAttribute("data-testid"));

        // Bhopal's president reads the district's stage, never the panel, its remarks or one-to-one notes.
        var own = (await GetDocumentAsync(await SignInAsync(PresidentBhopal), $"/Srijan/District/{bhopal.Id}")).Body!.InnerHtml;
        Assert.DoesNotContain("panel-link", own);
        var notes = await App.WithDbAsync(db => db.SrijanCandidates.Where(c => c.SrijanDistrictId == bhopal.Id && c.HeardNotes != null).Select(c => c.HeardNotes!).FirstAsync());
        Assert.DoesNotContain(notes, own);
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == OrgTracker.Web.Data.AuditInterceptor.ReadAction)));

        var state = await SignInAsync(OfficeMp);
        var panel = await GetDocumentAsync(state, url);
        Assert.Equal(6, panel.QuerySelectorAll("[data-testid=candidate]").Length);
        Assert.Contains(notes, panel.Body!.TextContent);
        var read = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == OrgTracker.Web.Data.AuditInterceptor.ReadAction));
        Assert.Equal(("SrijanPanel", bhopal.Id.ToString(), OfficeMp, bhopal.DistrictId), (read.Entity, read.EntityId, read.UserName, read.DistrictId));
    }

    [Fact]
    public async Task Refused_forms_show_the_message_beside_the_field_and_save_nothing()
    {
        var client = await SignInAsync(InChargeMp);
        var sehore = await DistrictAsync("Sehore");
        var before = await App.WithDbAsync(async db => await db.SrijanObservers.CountAsync() + await db.SrijanCandidates.CountAsync());

        var noPerson = await SubmitAsync(client, $"/Srijan/District/{sehore.Id}", "observer-form", new() { ["Observer.Mobile"] = "9999999999", ["Observer.Level"] = "State" });
        Assert.Equal("No person in your area has this mobile number.", Error(await ParseAsync(noPerson), "Observer.Mobile"));
        var noLevel = await SubmitAsync(client, $"/Srijan/District/{sehore.Id}", "observer-form", new() { ["Observer.Mobile"] = "9999999999", ["Observer.Level"] = "" });
        Assert.Equal("Choose central or state.", Error(await ParseAsync(noLevel), "Observer.Level"));
        var noObservers = await SubmitAsync(client, $"/Srijan/District/{sehore.Id}", "consultation-form", new() { ["Consultation.MeetingId"] = "" });
        Assert.Equal("Assign the observers first.", Error(await ParseAsync(noObservers), "Consultation.MeetingId"));

        var mobile = (await MobilesAsync(sehore.TerritoryId, 1))[0];
        var noCategory = await SubmitAsync(client, $"/Srijan/Panel/{sehore.Id}", "candidate-form", new() { ["Candidate.Mobile"] = mobile, ["Candidate.Category"] = "" });
        Assert.Equal("Choose the social category.", Error(await ParseAsync(noCategory), "Candidate.Category"));
        var indoreMobile = (await MobilesAsync(await TerritoryIdAsync("Lucknow", TerritoryLevel.District), 1))[0];
        var otherState = await SubmitAsync(client, $"/Srijan/Panel/{sehore.Id}", "candidate-form", new() { ["Candidate.Mobile"] = indoreMobile, ["Candidate.Category"] = "Sc" });
        Assert.Equal("No person in your area has this mobile number.", Error(await ParseAsync(otherState), "Candidate.Mobile"));

        Assert.Equal(before, await App.WithDbAsync(async db => await db.SrijanObservers.CountAsync() + await db.SrijanCandidates.CountAsync()));
        Assert.Equal(SrijanStage.AwaitingObservers, (await DistrictAsync("Sehore")).Stage);
    }

    [Fact]
    public async Task A_panel_under_six_is_refused_and_no_president_is_appointed_before_the_panel_is_submitted()
    {
        var client = await SignInAsync(InChargeMp);
        var sehore = await DistrictAsync("Sehore");
        var url = $"/Srijan/Panel/{sehore.Id}";
        var mobiles = await MobilesAsync(sehore.TerritoryId, 6);
        Assert.Equal(6, mobiles.Count);
        var empty = await SubmitAsync(client, url, "submit-form", []);
        Assert.Equal("A panel needs at least 6 candidates.", Error(await ParseAsync(empty), "Panel"));
        foreach (var m in mobiles.Take(5))
            Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, url, "candidate-form", new() { ["Candidate.Mobile"] = m, ["Candidate.Category"] = "Obc", ["Candidate.Remarks"] = "ठीक" })).StatusCode);
        var five = await SubmitAsync(client, url, "submit-form", []);
        Assert.Equal("A panel needs at least 6 candidates.", Error(await ParseAsync(five), "Panel"));
        Assert.Null((await DistrictAsync("Sehore")).PanelSubmittedUtc);

        // The appointment form is not offered before the panel is submitted, and a hand-made post is refused.
        var page = await GetDocumentAsync(client, url);
        Assert.Null(page.QuerySelector("form[data-testid=appoint-form]"));
        var candidate = await App.WithDbAsync(db => db.SrijanCandidates.Where(c => c.SrijanDistrictId == sehore.Id).Select(c => c.Id).FirstAsync());
        var form = HtmlForms.Fields(page.QuerySelector("form[data-testid=submit-form]")!);
        form["Appoint.CandidateId"] = candidate.ToString();
        form["Appoint.From"] = TodayInIndia.ToString("yyyy-MM-dd");
        var early = await client.PostAsync($"{url}?handler=Appoint", new FormUrlEncodedContent(form));
        Assert.Equal("Submit the panel first: a president is appointed from a submitted panel.", Error(await ParseAsync(early), "Appoint.CandidateId"));

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, url, "candidate-form", new() { ["Candidate.Mobile"] = mobiles[5], ["Candidate.Category"] = "General" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, url, "submit-form", [])).StatusCode);
        var submitted = await DistrictAsync("Sehore");
        Assert.Equal(SrijanStage.PanelSubmitted, submitted.Stage);
        Assert.NotNull(submitted.PanelSubmittedUtc);
        Assert.Null((await GetDocumentAsync(client, url)).QuerySelector("form[data-testid=candidate-form]"));
    }

    [Fact]
    public async Task The_chosen_candidate_needs_a_one_to_one_and_the_appointment_ends_the_previous_presidents_tenure()
    {
        var client = await SignInAsync(InChargeMp);
        var bhopal = await DistrictAsync("Bhopal");
        var url = $"/Srijan/Panel/{bhopal.Id}";
        var candidates = await App.WithDbAsync(db => db.SrijanCandidates.AsNoTracking().Where(c => c.SrijanDistrictId == bhopal.Id).OrderBy(c => c.Id).ToListAsync());
        var unheard = candidates.First(c => c.HeardOn is null);
        var appointments = await App.WithDbAsync(db => db.Appointments.CountAsync());

        var refused = await SubmitAsync(client, url, "appoint-form", new() { ["Appoint.CandidateId"] = unheard.Id.ToString(), ["Appoint.From"] = TodayInIndia.ToString("yyyy-MM-dd") });
        Assert.Equal("Hold the one-to-one with this candidate first.", Error(await ParseAsync(refused), "Appoint.CandidateId"));
        Assert.Equal(appointments, await App.WithDbAsync(db => db.Appointments.CountAsync()));

        var future = await SubmitAsync(client, url, "one-to-one-form", new()
        {
            ["OneToOne.CandidateId"] = unheard.Id.ToString(), ["OneToOne.On"] = TodayInIndia.AddDays(1).ToString("yyyy-MM-dd"), ["OneToOne.HeardBy"] = "Observer",
        });
        Assert.Equal("The one-to-one cannot be in the future.", Error(await ParseAsync(future), "OneToOne.On"));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, url, "one-to-one-form", new()
        {
            ["OneToOne.CandidateId"] = unheard.Id.ToString(), ["OneToOne.On"] = TodayInIndia.ToString("yyyy-MM-dd"), ["OneToOne.HeardBy"] = "केंद्रीय पर्यवेक्षक",
            ["OneToOne.Notes"] = "बूथ स्तर तक पकड़।",
        })).StatusCode);

        var post = await App.WithDbAsync(db => db.Posts.SingleAsync(p => p.Code == "PRES" && p.Level == TerritoryLevel.District));
        var previous = await App.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.TerritoryId == bhopal.TerritoryId && a.PostId == post.Id && a.WingId == 1 && a.To == null));
        var ok = await SubmitAsync(client, url, "appoint-form", new() { ["Appoint.CandidateId"] = unheard.Id.ToString(), ["Appoint.From"] = TodayInIndia.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var ended = await App.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == previous.Id));
        Assert.Equal((TodayInIndia, AppointmentEnd.Replaced, "Sangathan Srijan"), (ended.To!.Value, ended.EndReason!.Value, ended.EndNote!));
        var current = await App.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.TerritoryId == bhopal.TerritoryId && a.PostId == post.Id && a.WingId == 1 && a.To == null));
        Assert.Equal((unheard.PersonId, current.Id), (current.PersonId, ended.SuccessorId!.Value));
        var after = await DistrictAsync("Bhopal");
        Assert.Equal((SrijanStage.Appointed, current.Id, unheard.Id), (after.Stage, after.AppointmentId!.Value, after.ChosenCandidateId!.Value));
        Assert.Equal(0, after.DaysInStage(TodayInIndia));

        var board = await GetDocumentAsync(client, "/Srijan/Index?stage=Appointed");
        Assert.Contains(board.QuerySelectorAll("[data-testid=board-row]"), r => r.GetAttribute("data-district") == "Bhopal");
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Appointment" && a.Action == "Modified" && a.EntityId == previous.Id.ToString())));
        // Twice is refused.
        Assert.Null((await GetDocumentAsync(client, url)).QuerySelector("form[data-testid=appoint-form]"));
    }

    [Fact]
    public async Task Observers_and_consultations_move_a_district_on_and_the_board_counts_follow()
    {
        var client = await SignInAsync(InChargeMp);
        var sehore = await DistrictAsync("Sehore");
        var url = $"/Srijan/District/{sehore.Id}";
        var observer = await App.WithDbAsync(db => db.People.Where(p => p.DistrictId == null && p.StateId == sehore.StateId).OrderBy(p => p.Id).Select(p => p.Mobile).FirstAsync());
        var countBefore = int.Parse((await GetDocumentAsync(client, "/Srijan/Index")).QuerySelector("[data-testid=count][data-stage=ObserversAssigned] .value")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, url, "observer-form", new() { ["Observer.Mobile"] = observer, ["Observer.Level"] = "Central" })).StatusCode);
        var again = await SubmitAsync(client, url, "observer-form", new() { ["Observer.Mobile"] = observer, ["Observer.Level"] = "State" });
        Assert.Equal("This person is already an observer here.", Error(await ParseAsync(again), "Observer.Mobile"));
        Assert.Equal(SrijanStage.ObserversAssigned, (await DistrictAsync("Sehore")).Stage);
        var countAfter = int.Parse((await GetDocumentAsync(client, "/Srijan/Index")).QuerySelector("[data-testid=count][data-stage=ObserversAssigned] .value")!.TextContent);
        Assert.Equal(countBefore + 1, countAfter);

        // A held meeting at Sehore is logged as a consultation; its attendance shows.
        var meeting = await App.WithDbAsync(async db =>
        {
            var t = await db.Territories.SingleAsync(x => x.Id == sehore.TerritoryId);
            var m = new Meeting { Title = "रायशुमारी सीहोर", Type = MeetingType.Campaign, StartsUtc = UtcNow.AddDays(-1), EndsUtc = UtcNow.AddDays(-1).AddHours(2), Status = MeetingStatus.Held, CreatedUtc = UtcNow, CreatedBy = "test" };
            m.PlaceAt(t);
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, url, "consultation-form", new() { ["Consultation.MeetingId"] = meeting.ToString() })).StatusCode);
        var page = await GetDocumentAsync(client, url);
        Assert.Contains("रायशुमारी सीहोर", page.QuerySelector("[data-testid=consultations]")!.TextContent);
        Assert.Equal(SrijanStage.ConsultationsHeld, (await DistrictAsync("Sehore")).Stage);
        var twice = await SubmitAsync(client, url, "consultation-form", new() { ["Consultation.MeetingId"] = meeting.ToString() });
        Assert.Equal("Choose a meeting held at this district.", Error(await ParseAsync(twice), "Consultation.MeetingId"));
    }

    [Fact]
    public async Task The_pages_speak_Hindi_to_a_Hindi_reader()
    {
        var client = await SignInAsync(InChargeMp, culture: "hi-IN");
        var board = (await GetDocumentAsync(client, "/Srijan/Index")).Body!.TextContent;
        Assert.Contains("संगठन सृजन", board);
        Assert.Contains("पर्यवेक्षकों की प्रतीक्षा", board);
        Assert.Contains("अध्यक्ष नियुक्त", board);
        var bhopal = await DistrictAsync("Bhopal");
        var panel = (await GetDocumentAsync(client, $"/Srijan/Panel/{bhopal.Id}")).Body!.TextContent;
        Assert.Contains("गोपनीय", panel);
        Assert.Contains("पार्टी में वर्ष", panel);
    }
}
