using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Meetings;
using SkiaSharp;

namespace OrgTracker.Tests.Meetings;

public class MeetingPagesTests(AppFactory app) : IntegrationTest(app)
{
    private static readonly InviteRule PresidentsAndInCharges = new([TerritoryLevel.District], ["PRES", "INCH"], 1);
    private static readonly InviteRule DistrictOfficeBearers = new([TerritoryLevel.District], [], 1);

    private static string Local(DateTime ist) => ist.ToString("yyyy-MM-ddTHH:mm");
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");
    private DateOnly Today => TodayInIndia;

    /// <summary>A meeting arranged straight in the database, with invitees resolved by a rule.</summary>
    private Task<int> ArrangeMeetingAsync(string territory, TerritoryLevel level, DateTime startsUtc, InviteRule? rule = null,
        MeetingType type = MeetingType.Review, MeetingStatus status = MeetingStatus.Held, int? programmeId = null, string title = "Arranged meeting") =>
        App.WithDbAsync(async db =>
        {
            var t = await db.Territories.SingleAsync(x => x.NameEn == territory && x.Level == level);
            var m = new Meeting { Title = title, Type = type, Status = status, ProgrammeId = programmeId, CreatedUtc = UtcNow, CreatedBy = "test" };
            m.PlaceAt(t);
            m.Reschedule(startsUtc, startsUtc.AddHours(2));
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            if (rule is not null)
            {
                await db.InviteAsync(m, await db.ResolveRuleAsync(t, rule, CancellationToken.None), InviteSource.Rule, CancellationToken.None);
                await db.SaveChangesAsync();
            }
            return m.Id;
        });

    private Task<List<MeetingInvitee>> InviteesAsync(int meetingId) =>
        App.WithDbAsync(db => db.MeetingInvitees.AsNoTracking().Include(i => i.Person).Where(i => i.MeetingId == meetingId).OrderBy(i => i.Id).ToListAsync());

    private static Dictionary<string, string> MeetingForm(int territoryId, DateTime startsIst, DateTime endsIst, string title = "District committee review") => new()
    {
        ["Input.Title"] = title, ["Input.Type"] = "Review", ["Input.TerritoryId"] = territoryId.ToString(), ["Input.Status"] = "Scheduled",
        ["Input.Starts"] = Local(startsIst), ["Input.Ends"] = Local(endsIst), ["Input.Venue"] = "District Congress office", ["Input.Chair"] = "District president",
    };

    [Fact]
    public async Task State_office_logs_the_social_media_departments_meeting_inviting_its_office_bearers_by_rule()
    {
        var client = await SignInAsync(OfficeMp);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var start = TodayInIndia.ToDateTime(TimeOnly.MinValue).AddDays(3).AddHours(10.5);
        var form = MeetingForm(state, start, start.AddHours(3), "Social Media department – state meeting");
        form["Input.WingId"] = "6";
        var response = await client.PostAsync("/Meetings/Edit", await WithTokenAsync(client, "/Meetings/Edit", form,
            ("Rule.Levels", "State"), ("Rule.Levels", "Division"), ("Rule.Levels", "District"), ("Rule.WingId", "6")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());

        var expected = await App.WithDbAsync(db => db.Appointments.Where(a => a.StateId == state && a.WingId == 6 && a.To == null)
            .Select(a => a.PersonId).Distinct().OrderBy(p => p).ToListAsync());
        var invited = (await InviteesAsync(id)).Select(i => i.PersonId).OrderBy(p => p).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, invited);
        var meeting = await App.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Id == id));
        Assert.Equal(IndiaTime.ToUtc(start), meeting.StartsUtc);
        Assert.Equal(TerritoryLevel.State, meeting.Level);

        var page = await GetDocumentAsync(client, $"/Meetings/Details/{id}");
        Assert.Equal("Social Media department – state meeting", page.QuerySelector("[data-testid=meeting-title]")!.TextContent);
        Assert.Equal(expected.Count, page.QuerySelectorAll("[data-testid=invitees] li").Length);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Meeting" && a.Action == "Added" && a.UserName == OfficeMp)));
    }

    [Fact]
    public async Task A_meeting_that_ends_before_it_starts_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var client = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var before = await App.WithDbAsync(db => db.Meetings.CountAsync());
        var start = TodayInIndia.ToDateTime(TimeOnly.MinValue).AddDays(2).AddHours(11);
        var response = await PostFormAsync(client, "/Meetings/Edit", MeetingForm(bhopal, start, start.AddHours(-1)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("end after it starts", page.QuerySelector("[data-valmsg-for='Input.Ends']")!.TextContent);

        var garbage = MeetingForm(bhopal, start, start.AddHours(1), "Review with bad fields");
        garbage["Input.Starts"] = "not a time";
        garbage["Input.Type"] = "99";
        var bad = await PostFormAsync(client, "/Meetings/Edit", garbage);
        Assert.True(bad.StatusCode == HttpStatusCode.OK, await bad.Content.ReadAsStringAsync());
        Assert.NotEmpty((await ParseAsync(bad)).QuerySelector("[data-valmsg-for='Input.Starts']")!.TextContent.Trim());
        Assert.Equal(before, await App.WithDbAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task A_district_president_cannot_hold_a_meeting_in_another_district()
    {
        var client = await SignInAsync(PresidentBhopal);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var start = TodayInIndia.ToDateTime(TimeOnly.MinValue).AddDays(2).AddHours(11);
        var response = await PostFormAsync(client, "/Meetings/Edit", MeetingForm(indore, start, start.AddHours(2)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.TerritoryId']")!.TextContent.Trim());
        Assert.False(await App.WithDbAsync(db => db.Meetings.AnyAsync(m => m.TerritoryId == indore && m.CreatedBy == PresidentBhopal)));
    }

    [Fact]
    public async Task District_president_gets_404_for_another_districts_meetings_and_their_photos()
    {
        var indoreMeeting = await ArrangeMeetingAsync("Indore", TerritoryLevel.District, UtcNow.AddDays(-2), DistrictOfficeBearers);
        var photo = await App.WithDbAsync(async db =>
        {
            var m = await db.Meetings.SingleAsync(x => x.Id == indoreMeeting);
            var p = new MeetingPhoto { MeetingId = m.Id, StateId = m.StateId, DivisionId = m.DivisionId, DistrictId = m.DistrictId, Image = [1], Thumbnail = [1], UploadedBy = "t" };
            db.MeetingPhotos.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var item = await App.WithDbAsync(db => db.ActionItems.Where(a => db.Territories.Any(t => t.Id == a.DistrictId && t.NameEn == "Indore")).Select(a => a.Id).FirstAsync());
        var person = (await InviteesAsync(indoreMeeting))[0].PersonId;
        var client = await SignInAsync(PresidentBhopal);
        foreach (var url in new[]
                 {
                     $"/Meetings/Details/{indoreMeeting}", $"/Meetings/Edit/{indoreMeeting}", $"/Meetings/Attendance/{indoreMeeting}",
                     $"/Meetings/Invite/{indoreMeeting}", $"/Meetings/Print/{indoreMeeting}", $"/Meetings/Photo/{photo}", $"/Meetings/Photo/{photo}?thumb=true",
                     $"/Meetings/ActionItem/{item}", $"/Meetings/Person/{person}",
                 })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        var list = await GetDocumentAsync(client, "/Meetings/Index?p=1");
        Assert.DoesNotContain(list.QuerySelectorAll("[data-testid=meeting-list] a"), a => a.GetAttribute("href") == $"/Meetings/Details/{indoreMeeting}");
        var post = await PostFormAsync(client, $"/Meetings/Details/{indoreMeeting}?handler=Decision", new() { ["Decision.Text"] = "Not mine" }, formPage: "/Meetings/Index");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.MeetingDecisions.AnyAsync(d => d.MeetingId == indoreMeeting)));
    }

    [Fact]
    public async Task District_president_sees_a_state_meeting_their_district_was_invited_to_but_cannot_change_it()
    {
        var invited = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.Division, UtcNow.AddDays(-1), PresidentsAndInCharges, title: "Bhopal division session");
        var notInvited = await ArrangeMeetingAsync("Indore", TerritoryLevel.Division, UtcNow.AddDays(-1), PresidentsAndInCharges, title: "Indore division session");
        var client = await SignInAsync(PresidentBhopal);
        var page = await GetDocumentAsync(client, $"/Meetings/Details/{invited}");
        Assert.Equal("Bhopal division session", page.QuerySelector("[data-testid=meeting-title]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=take-attendance]"));
        var attendance = await client.GetAsync($"/Meetings/Attendance/{invited}");
        Assert.True(attendance.StatusCode is HttpStatusCode.Forbidden || attendance.Headers.Location?.OriginalString.Contains("AccessDenied") == true);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Meetings/Details/{notInvited}")).StatusCode);
    }

    [Fact]
    public async Task Division_in_charge_reads_meetings_of_the_division_but_cannot_record_them()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddDays(-1), DistrictOfficeBearers);
        var client = await SignInAsync(DivisionBhopal);
        var page = await GetDocumentAsync(client, $"/Meetings/Details/{meeting}");
        Assert.Null(page.QuerySelector("[data-testid=take-attendance]"));
        Assert.Null(page.QuerySelector("[data-testid=action-form]"));
        foreach (var url in new[] { "/Meetings/Edit", $"/Meetings/Edit/{meeting}", $"/Meetings/Attendance/{meeting}", "/Meetings/NewProgramme" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("AccessDenied") == true, url);
        }
        var post = await PostFormAsync(client, $"/Meetings/Details/{meeting}?handler=Decision", new() { ["Decision.Text"] = "Read-only" }, formPage: "/Meetings/Index");
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden || post.Headers.Location?.OriginalString.Contains("AccessDenied") == true);
        Assert.False(await App.WithDbAsync(db => db.MeetingDecisions.AnyAsync(d => d.MeetingId == meeting)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Meetings/Calendar")).StatusCode);
    }

    [Fact]
    public async Task Attendance_is_marked_on_the_checklist_and_someone_not_invited_is_refused()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddHours(-2), DistrictOfficeBearers, status: MeetingStatus.Scheduled);
        var invitees = await InviteesAsync(meeting);
        var client = await SignInAsync(PresidentBhopal);
        var version = await App.WithDbAsync(db => db.Meetings.Where(m => m.Id == meeting).Select(m => m.Version).SingleAsync());
        var fields = new Dictionary<string, string> { ["HeadCount"] = "42", ["MeetingVersion"] = version.ToString() };
        for (var n = 0; n < invitees.Count; n++)
        {
            fields[$"Marks[{n}].Id"] = invitees[n].Id.ToString();
            fields[$"Marks[{n}].Version"] = invitees[n].Version.ToString();
            fields[$"Marks[{n}].Status"] = n == 0 ? "Absent" : n == 1 ? "Excused" : "Present";
            fields[$"Marks[{n}].Reason"] = n == 1 ? "Unwell" : "";
        }
        var ok = await PostFormAsync(client, $"/Meetings/Attendance/{meeting}", fields);
        Assert.True(ok.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", (await ParseAsync(ok)).QuerySelectorAll(".text-danger, .alert-danger").Select(e => e.TextContent.Trim())));
        var after = await InviteesAsync(meeting);
        Assert.Equal(AttendanceStatus.Absent, after[0].Attendance);
        Assert.Equal("Unwell", after[1].Reason);
        Assert.All(after.Skip(2), i => Assert.Equal(AttendanceStatus.Present, i.Attendance));
        var saved = await App.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Id == meeting));
        Assert.Equal(MeetingStatus.Held, saved.Status);
        Assert.Equal(42, saved.HeadCount);

        // Someone from another meeting, and an excuse without a reason: refused, nothing saved.
        var other = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddDays(-3), DistrictOfficeBearers);
        var stranger = (await InviteesAsync(other))[0];
        var bad = new Dictionary<string, string>
        {
            ["Marks[0].Id"] = stranger.Id.ToString(), ["Marks[0].Version"] = stranger.Version.ToString(), ["Marks[0].Status"] = "Present",
            ["Marks[1].Id"] = after[2].Id.ToString(), ["Marks[1].Version"] = after[2].Version.ToString(), ["Marks[1].Status"] = "Excused",
        };
        var refused = await PostFormAsync(client, $"/Meetings/Attendance/{meeting}", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await ParseAsync(refused);
        Assert.Contains("was not invited", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(AttendanceStatus.Unmarked, (await InviteesAsync(other))[0].Attendance);
        Assert.Equal(AttendanceStatus.Present, (await InviteesAsync(meeting))[2].Attendance);
    }

    [Fact]
    public async Task A_state_meeting_of_hundreds_takes_its_attendance_in_one_save()
    {
        var meeting = await ArrangeMeetingAsync("Madhya Pradesh", TerritoryLevel.State, UtcNow.AddHours(-2), DistrictOfficeBearers);
        var invitees = await InviteesAsync(meeting);
        Assert.InRange(invitees.Count, 500, Meeting.MaxInvitees);
        var fields = new Dictionary<string, string>();
        for (var n = 0; n < invitees.Count; n++)
        {
            fields[$"Marks[{n}].Id"] = invitees[n].Id.ToString();
            fields[$"Marks[{n}].Version"] = invitees[n].Version.ToString();
            fields[$"Marks[{n}].Status"] = n % 10 == 0 ? "Absent" : "Present";
            fields[$"Marks[{n}].Reason"] = "";
        }
        var client = await SignInAsync(OfficeMp);
        var response = await PostFormAsync(client, $"/Meetings/Attendance/{meeting}", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(await InviteesAsync(meeting), i => i.Attendance == AttendanceStatus.Unmarked);
    }

    [Fact]
    public async Task Attendance_of_the_same_invitee_saved_twice_from_stale_pages_is_told_of_the_conflict()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddHours(-2), PresidentsAndInCharges);
        var first = (await InviteesAsync(meeting))[0];
        var client = await SignInAsync(OfficeMp);
        Dictionary<string, string> Form(string status) => new()
        {
            ["Marks[0].Id"] = first.Id.ToString(), ["Marks[0].Version"] = first.Version.ToString(), ["Marks[0].Status"] = status,
            ["Marks[0].Reason"] = status == "Excused" ? "Travelling" : "",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Meetings/Attendance/{meeting}", Form("Present"))).StatusCode);
        var second = await PostFormAsync(client, $"/Meetings/Attendance/{meeting}", Form("Excused"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed", (await ParseAsync(second)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(AttendanceStatus.Present, (await InviteesAsync(meeting))[0].Attendance);
    }

    [Fact]
    public async Task A_second_save_of_a_meeting_from_a_stale_form_is_refused()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddDays(2), status: MeetingStatus.Scheduled);
        var m = await App.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(x => x.Id == meeting));
        var client = await SignInAsync(PresidentBhopal);
        Dictionary<string, string> Form(string minutes)
        {
            var f = MeetingForm(m.TerritoryId, IndiaTime.ToIndia(m.StartsUtc), IndiaTime.ToIndia(m.EndsUtc));
            f["Input.Minutes"] = minutes;
            f["Input.Version"] = m.Version.ToString();
            return f;
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Meetings/Edit/{meeting}", Form("First minutes"))).StatusCode);
        var stale = await PostFormAsync(client, $"/Meetings/Edit/{meeting}", Form("Second minutes"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this meeting", (await ParseAsync(stale)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("First minutes", await App.WithDbAsync(db => db.Meetings.Where(x => x.Id == meeting).Select(x => x.Minutes).SingleAsync()));
    }

    [Fact]
    public async Task An_action_item_due_in_the_past_is_refused_and_one_due_today_is_added()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddHours(-3), PresidentsAndInCharges);
        var owner = (await InviteesAsync(meeting))[0];
        var client = await SignInAsync(PresidentBhopal);
        var form = new Dictionary<string, string>
        {
            ["Action.Text"] = "Send the list of booth agents", ["Action.OwnerInviteeId"] = owner.Id.ToString(), ["Action.DueOn"] = Day(Today.AddDays(-1)),
        };
        var refused = await PostFormAsync(client, $"/Meetings/Details/{meeting}?handler=Action", form, formPage: $"/Meetings/Details/{meeting}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("cannot be in the past", (await ParseAsync(refused)).QuerySelector("[data-valmsg-for='Action.DueOn']")!.TextContent);
        Assert.False(await App.WithDbAsync(db => db.ActionItems.AnyAsync(a => a.MeetingId == meeting)));

        // An owner who is not an invitee of this meeting is refused too.
        var elsewhere = (await InviteesAsync(await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddDays(-5), DistrictOfficeBearers)))[0];
        form["Action.DueOn"] = Day(Today);
        form["Action.OwnerInviteeId"] = elsewhere.Id.ToString();
        var wrongOwner = await PostFormAsync(client, $"/Meetings/Details/{meeting}?handler=Action", form, formPage: $"/Meetings/Details/{meeting}");
        Assert.NotEmpty((await ParseAsync(wrongOwner)).QuerySelector("[data-valmsg-for='Action.OwnerInviteeId']")!.TextContent.Trim());

        form["Action.OwnerInviteeId"] = owner.Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Meetings/Details/{meeting}?handler=Action", form, formPage: $"/Meetings/Details/{meeting}")).StatusCode);
        var item = await App.WithDbAsync(db => db.ActionItems.SingleAsync(a => a.MeetingId == meeting));
        Assert.Equal(owner.PersonId, item.OwnerId);
        Assert.Equal(owner.DistrictId, item.DistrictId);
    }

    [Fact]
    public async Task A_second_save_of_an_action_item_from_a_stale_form_is_refused()
    {
        var item = await App.WithDbAsync(db => db.ActionItems.AsNoTracking().Where(a => db.Territories.Any(t => t.Id == a.DistrictId && t.NameEn == "Bhopal"))
            .OrderBy(a => a.Id).FirstAsync());
        var client = await SignInAsync(PresidentBhopal);
        Dictionary<string, string> Form(string status) => new()
        {
            ["Input.Text"] = item.Text, ["Input.Status"] = status, ["Input.DueOn"] = Day(item.DueOn), ["Input.Version"] = item.Version.ToString(),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Meetings/ActionItem/{item.Id}", Form("Done"))).StatusCode);
        var stale = await PostFormAsync(client, $"/Meetings/ActionItem/{item.Id}", Form("Dropped"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this action item", (await ParseAsync(stale)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(ActionItemStatus.Done, await App.WithDbAsync(db => db.ActionItems.Where(a => a.Id == item.Id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_open_item_carries_forward_to_the_next_meeting_of_the_same_body_and_not_to_others()
    {
        var earlier = await ArrangeMeetingAsync("Indore", TerritoryLevel.District, UtcNow.AddDays(-400), PresidentsAndInCharges, title: "Old review");
        var next = await ArrangeMeetingAsync("Indore", TerritoryLevel.District, UtcNow.AddDays(-390), PresidentsAndInCharges, title: "Next review");
        var training = await ArrangeMeetingAsync("Indore", TerritoryLevel.District, UtcNow.AddDays(-389), PresidentsAndInCharges, MeetingType.Training);
        var owner = (await InviteesAsync(earlier))[0];
        var (open, done) = await App.WithDbAsync(async db =>
        {
            ActionItem Item(string text, ActionItemStatus status) => new()
            {
                MeetingId = earlier, Text = text, OwnerId = owner.PersonId, TerritoryId = owner.Person!.HomeTerritoryId, StateId = owner.StateId,
                DivisionId = owner.DivisionId, DistrictId = owner.DistrictId, DueOn = Today.AddDays(-395), Status = status, CreatedUtc = UtcNow,
            };
            var a = Item("Carry me forward", ActionItemStatus.Open);
            var b = Item("Already done", ActionItemStatus.Done);
            db.ActionItems.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var client = await SignInAsync(PresidentIndore);
        var page = await GetDocumentAsync(client, $"/Meetings/Details/{next}");
        var carried = page.QuerySelectorAll("[data-testid=carried-forward] [data-testid=action-item]");
        Assert.Contains(carried, li => li.TextContent.Contains("Carry me forward") && li.QuerySelector("[data-testid=overdue]") is not null);
        Assert.DoesNotContain(carried, li => li.TextContent.Contains("Already done"));
        var other = await GetDocumentAsync(client, $"/Meetings/Details/{training}");
        Assert.DoesNotContain(other.QuerySelectorAll("[data-testid=carried-forward] [data-testid=action-item]"), li => li.TextContent.Contains("Carry me forward"));
        var before = await GetDocumentAsync(client, $"/Meetings/Details/{earlier}");
        Assert.DoesNotContain(before.QuerySelectorAll("[data-testid=carried-forward] [data-testid=action-item]"), li => li.TextContent.Contains("Carry me forward"));
        Assert.True(open > 0 && done > 0);
    }

    [Fact]
    public async Task Office_bearers_absent_from_their_last_three_meetings_are_suggested_for_the_inactive_list()
    {
        // Earlier today: later than every meeting the demo data holds (the latest, a district's monthly review, is at
        // the latest yesterday), so these three are the president's last three whatever day the clock shows.
        var meetings = new List<int>();
        for (var n = 0; n < 3; n++)
            meetings.Add(await ArrangeMeetingAsync("Indore", TerritoryLevel.District, UtcNow.AddHours(-3 + n).AddMinutes(-30), PresidentsAndInCharges));
        var president = await App.WithDbAsync(db => db.Appointments.Where(a => a.To == null && a.PostId == 30 && a.WingId == 1
            && db.Territories.Any(t => t.Id == a.TerritoryId && t.NameEn == "Indore")).Select(a => new { a.Id, a.PersonId }).SingleAsync());
        // Marked as the attendance page marks them (a tracked save: the summary refresher keeps the runs of absences).
        await App.WithDbAsync(async db =>
        {
            foreach (var i in await db.MeetingInvitees.Where(i => meetings.Contains(i.MeetingId)).ToListAsync())
                i.Attendance = i.PersonId == president.PersonId ? AttendanceStatus.Absent : AttendanceStatus.Present;
            return await db.SaveChangesAsync();
        });
        var client = await SignInAsync(PresidentIndore);
        var page = await GetDocumentAsync(client, "/Meetings/Absentees");
        var link = page.QuerySelectorAll("[data-testid=absentees] [data-testid=flag-link]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/OfficeBearers/Appointment/{president.Id}", link);

        // Present at the latest meeting: no longer suggested. Another district's president never sees Indore's.
        await App.WithDbAsync(async db =>
        {
            (await db.MeetingInvitees.SingleAsync(i => i.MeetingId == meetings[2] && i.PersonId == president.PersonId)).Attendance = AttendanceStatus.Present;
            return await db.SaveChangesAsync();
        });
        var after = await GetDocumentAsync(client, "/Meetings/Absentees");
        Assert.DoesNotContain($"/OfficeBearers/Appointment/{president.Id}", after.QuerySelectorAll("[data-testid=flag-link]").Select(a => a.GetAttribute("href")));
        var bhopal = await GetDocumentAsync(await SignInAsync(PresidentBhopal), "/Meetings/Absentees");
        Assert.DoesNotContain(bhopal.QuerySelectorAll("[data-testid=absentees] tbody tr"), r => r.TextContent.Contains("Indore"));
    }

    [Fact]
    public async Task A_training_attended_by_a_leader_from_another_party_records_their_training()
    {
        var (leader, meeting) = await App.WithDbAsync(async db =>
        {
            var bhopal = await db.Territories.SingleAsync(t => t.NameEn == "Bhopal" && t.Level == TerritoryLevel.District);
            var person = await db.People.Where(p => p.DistrictId == bhopal.Id && p.FormerParty == null).OrderBy(p => p.Id).FirstAsync();
            person.FormerParty = "BJP";
            var m = new Meeting { Title = "Orientation for leaders from other parties", Type = MeetingType.Training, CreatedUtc = UtcNow, CreatedBy = "t" };
            m.PlaceAt(bhopal);
            m.Reschedule(UtcNow.AddHours(-4), UtcNow.AddHours(-1));
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            await db.InviteAsync(m, [(await db.CandidateAsync(bhopal, person.Id, CancellationToken.None))!], InviteSource.Name, CancellationToken.None);
            await db.SaveChangesAsync();
            return (person.Id, m.Id);
        });
        var invitee = (await InviteesAsync(meeting)).Single();
        var client = await SignInAsync(PresidentBhopal);
        Dictionary<string, string> Form(string status, uint version) => new()
        {
            ["Marks[0].Id"] = invitee.Id.ToString(), ["Marks[0].Version"] = version.ToString(), ["Marks[0].Status"] = status,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Meetings/Attendance/{meeting}", Form("Present", invitee.Version))).StatusCode);
        var training = await App.WithDbAsync(db => db.Trainings.SingleAsync(t => t.PersonId == leader));
        Assert.Equal(meeting, training.MeetingId);
        var person = await GetDocumentAsync(client, $"/Meetings/Person/{leader}");
        Assert.Contains("Orientation for leaders", person.QuerySelector("[data-testid=trainings]")!.TextContent);

        // Marked absent after all: the training recorded from this meeting goes.
        var now = (await InviteesAsync(meeting)).Single();
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Meetings/Attendance/{meeting}", Form("Absent", now.Version))).StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Trainings.AnyAsync(t => t.PersonId == leader && t.MeetingId == meeting)));
    }

    [Fact]
    public async Task Inviting_someone_outside_the_meetings_reach_is_refused()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddDays(1), status: MeetingStatus.Scheduled);
        var (inside, outside) = await App.WithDbAsync(async db => (
            await db.People.Where(p => db.Territories.Any(t => t.Id == p.DistrictId && t.NameEn == "Bhopal")).Select(p => p.Id).FirstAsync(),
            await db.People.Where(p => db.Territories.Any(t => t.Id == p.DistrictId && t.NameEn == "Indore")).Select(p => p.Id).FirstAsync()));
        var client = await SignInAsync(OfficeMp);
        var refused = await PostFormAsync(client, $"/Meetings/Invite/{meeting}?handler=Person", new() { ["personId"] = outside.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("outside the meeting's reach", (await ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Meetings/Invite/{meeting}?handler=Person", new() { ["personId"] = inside.ToString() })).StatusCode);
        Assert.Equal([inside], (await InviteesAsync(meeting)).Select(i => i.PersonId));
    }

    [Fact]
    public async Task The_3_day_programme_has_a_session_per_division_two_a_day_inviting_their_presidents_and_in_charges()
    {
        var client = await SignInAsync(OfficeMp);
        var divisions = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.Division && db.Territories.Any(s => s.Id == t.StateId && s.Code == "MP"))
            .OrderBy(t => t.NameEn).Take(6).Select(t => t.Id).ToListAsync());
        var first = Today.AddDays(10);
        var fields = new List<(string, string)>
        {
            ("Input.Title", "3-day meeting of district presidents"), ("Input.Type", "Review"), ("Input.UnitLevel", "Division"),
            ("Input.FirstDay", Day(first)), ("Input.PerDay", "2"), ("Input.FirstStart", "11:00"), ("Input.Minutes", "150"), ("Input.Gap", "60"),
            ("Rule.Levels", "District"), ("Rule.Posts", "PRES"), ("Rule.Posts", "INCH"), ("Rule.WingId", "1"),
        };
        fields.AddRange(divisions.Select(d => ("Input.Units", d.ToString())));
        var response = await client.PostAsync("/Meetings/NewProgramme", await WithTokenAsync(client, "/Meetings/NewProgramme", [], fields.ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var programme = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());

        var sessions = await App.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.ProgrammeId == programme).OrderBy(m => m.StartsUtc).ToListAsync());
        Assert.Equal(6, sessions.Count);
        Assert.Equal([first, first, first.AddDays(1), first.AddDays(1), first.AddDays(2), first.AddDays(2)], sessions.Select(s => IndiaTime.Day(s.StartsUtc)));
        Assert.Equal(new TimeOnly(14, 30), TimeOnly.FromDateTime(IndiaTime.ToIndia(sessions[1].StartsUtc)));
        for (var n = 0; n < 6; n++)
        {
            var division = divisions[n];
            var expected = await App.WithDbAsync(db => db.Appointments.Where(a => a.DivisionId == division && a.To == null && a.WingId == 1
                && (a.PostId == 30 || a.PostId == 31)).Select(a => a.PersonId).Distinct().OrderBy(p => p).ToListAsync());
            Assert.NotEmpty(expected);
            Assert.Equal(expected, (await InviteesAsync(sessions[n].Id)).Select(i => i.PersonId).OrderBy(p => p));
        }
        var page = await GetDocumentAsync(client, $"/Meetings/Programme/{programme}");
        Assert.Equal(6, page.QuerySelectorAll("[data-testid=sessions] tbody tr").Length);
        // The Bhopal president sees their own division's session only.
        var president = await GetDocumentAsync(await SignInAsync(PresidentBhopal), $"/Meetings/Programme/{programme}");
        Assert.Single(president.QuerySelectorAll("[data-testid=sessions] tbody tr"));
    }

    [Fact]
    public async Task A_photo_upload_refuses_a_file_that_is_not_an_image_and_keeps_a_real_one_with_a_thumbnail()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddHours(-3));
        var client = await SignInAsync(PresidentBhopal);

        var fake = await PostFileAsync(client, meeting, "photo.jpg", "image/jpeg", "this is not a picture"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("is not a photo", (await ParseAsync(fake)).QuerySelector("[data-testid=photo-error]")!.TextContent);
        Assert.False(await App.WithDbAsync(db => db.MeetingPhotos.AnyAsync(p => p.MeetingId == meeting)));

        using var bitmap = new SKBitmap(2400, 1200);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.OrangeRed);
        var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100).ToArray();
        // The content decides, not the name.
        var real = await PostFileAsync(client, meeting, "meeting.txt", "text/plain", png);
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        var photo = await App.WithDbAsync(db => db.MeetingPhotos.AsNoTracking().SingleAsync(p => p.MeetingId == meeting));
        Assert.Equal((1600, 800), (photo.Width, photo.Height));
        var thumb = await client.GetAsync($"/Meetings/Photo/{photo.Id}?thumb=true");
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
        using var decoded = SKBitmap.Decode(await thumb.Content.ReadAsByteArrayAsync());
        Assert.Equal(320, decoded.Width);
        // The audit trail records the photo, not its bytes.
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "MeetingPhoto").Select(a => a.Changes).SingleAsync());
        Assert.Contains("bytes", audit);
        Assert.True(audit.Length < 5000);
    }

    [Fact]
    public async Task The_district_president_sees_their_own_and_their_districts_overdue_items()
    {
        var client = await SignInAsync(PresidentBhopal);
        var me = await App.WithDbAsync(db => db.People.SingleAsync(p => p.Email == PresidentBhopal));
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddDays(-20), PresidentsAndInCharges);
        var itemId = await App.WithDbAsync(async db =>
        {
            var item = new ActionItem
            {
                MeetingId = meeting, Text = "Report the booth agents of Berasia", OwnerId = me.Id, TerritoryId = me.HomeTerritoryId, StateId = me.StateId,
                DivisionId = me.DivisionId, DistrictId = me.DistrictId, DueOn = Today.AddDays(-1), CreatedUtc = UtcNow,
            };
            db.ActionItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
        var mine = await GetDocumentAsync(client, "/Meetings/Actions?show=mine");
        var row = mine.QuerySelectorAll("[data-testid=action-row]").Single(r => r.TextContent.Contains("Report the booth agents of Berasia"));
        Assert.NotNull(row.QuerySelector("[data-testid=overdue]"));
        var overdue = await GetDocumentAsync(client, "/Meetings/Actions?show=overdue");
        Assert.Contains(overdue.QuerySelectorAll("[data-testid=action-row] a"), a => a.GetAttribute("href") == $"/Meetings/ActionItem/{itemId}");
        // The state sees overdue items by district, Bhopal among them; Indore's president does not see Bhopal's.
        var state = await GetDocumentAsync(await SignInAsync(InChargeMp), "/Meetings/Actions?show=overdue");
        Assert.Contains(state.QuerySelectorAll("[data-testid=overdue-by-territory] a"), a => a.TextContent.Contains("Bhopal"));
        // The state's groups (from the units' open items less those not yet due) are a fresh count of its overdue items,
        // after an item closes, one falls due only later and one is due today; the list's total is their sum.
        await App.WithDbAsync(async db =>
        {
            var open = await db.ActionItems.Where(a => a.StateId == me.StateId && ActionItem.OpenStatuses.Contains(a.Status)).OrderBy(a => a.Id).Take(2).ToListAsync();
            open[0].Status = ActionItemStatus.Done;
            open[1].DueOn = Today.AddDays(30);
            db.ActionItems.Add(new ActionItem
            {
                MeetingId = meeting, Text = "Due today", OwnerId = me.Id, TerritoryId = me.HomeTerritoryId, StateId = me.StateId,
                DivisionId = me.DivisionId, DistrictId = me.DistrictId, DueOn = Today, CreatedUtc = UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var expected = await App.WithDbAsync(db => db.ActionItems
            .Where(a => a.StateId == me.StateId && ActionItem.OpenStatuses.Contains(a.Status) && a.DueOn < Today)
            .GroupBy(a => a.DistrictId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.N));
        state = await GetDocumentAsync(await SignInAsync(InChargeMp), "/Meetings/Actions?show=overdue");
        var shown = state.QuerySelectorAll("[data-testid=overdue-by-territory] a").ToDictionary(
            a => System.Text.RegularExpressions.Regex.Match(a.GetAttribute("href")!, @"territory=(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0,
            a => int.Parse(a.QuerySelector(".badge")!.TextContent, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-IN")));
        Assert.Equal(expected.OrderBy(e => e.Key), shown.OrderBy(e => e.Key));
        Assert.Equal($"{expected.Values.Sum()} items", state.QuerySelector("span.me-auto")!.TextContent.Replace(",", "").Trim());
        var indore = await GetDocumentAsync(await SignInAsync(PresidentIndore), "/Meetings/Actions?show=overdue");
        Assert.DoesNotContain(indore.QuerySelectorAll("[data-testid=action-row] a"), a => a.GetAttribute("href") == $"/Meetings/ActionItem/{itemId}");
        var csv = await client.GetAsync("/Meetings/Actions?show=mine&export=csv");
        Assert.Contains("Report the booth agents of Berasia", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_list_calendar_printable_page_and_person_history_show_the_meetings_in_both_languages()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddHours(-5), DistrictOfficeBearers, title: "Calendar check");
        var invitee = (await InviteesAsync(meeting))[0];
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        foreach (var culture in new[] { "en-IN", "hi-IN" })
        {
            var client = await SignInAsync(PresidentBhopal, culture: culture);
            var list = await GetDocumentAsync(client, $"/Meetings/Index?territory={bhopal}&q=Calendar");
            Assert.Contains(list.QuerySelectorAll("[data-testid=meeting-list] a"), a => a.GetAttribute("href") == $"/Meetings/Details/{meeting}");
            var calendar = await GetDocumentAsync(client, $"/Meetings/Calendar?month={IndiaTime.Day(UtcNow.AddHours(-5)):yyyy-MM}");
            Assert.Contains(calendar.QuerySelectorAll("[data-testid=calendar] a"), a => a.GetAttribute("href") == $"/Meetings/Details/{meeting}");
            var print = await GetDocumentAsync(client, $"/Meetings/Print/{meeting}");
            Assert.Contains("Calendar check", print.QuerySelector("[data-testid=printable]")!.TextContent);
            var person = await GetDocumentAsync(client, $"/Meetings/Person/{invitee.PersonId}");
            Assert.Contains(person.QuerySelectorAll("[data-testid=attendance-history] a"), a => a.GetAttribute("href") == $"/Meetings/Details/{meeting}");
            if (culture == "hi-IN") Assert.Contains("बैठक", list.Body!.TextContent);
        }
        var client2 = await SignInAsync(PresidentBhopal);
        var csv = await (await client2.GetAsync($"/Meetings/Index?territory={bhopal}&export=csv")).Content.ReadAsStringAsync();
        Assert.Contains("Calendar check", csv);
        // Filters that do not parse are ignored rather than failing.
        Assert.Equal(HttpStatusCode.OK, (await client2.GetAsync("/Meetings/Index?from=nonsense&type=99&territory=abc&p=-4")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client2.GetAsync("/Meetings/Calendar?month=0000-13")).StatusCode);
    }

    [Fact]
    public async Task The_report_shows_meetings_and_training_sessions_held_as_recorded_figures()
    {
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var period = new DateOnly(2031, 3, 1);
        await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, IndiaTime.ToUtc(new DateTime(2031, 3, 1, 0, 30, 0)));
        await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, IndiaTime.ToUtc(new DateTime(2031, 3, 20, 11, 0, 0)), type: MeetingType.Training);
        await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, IndiaTime.ToUtc(new DateTime(2031, 3, 21, 11, 0, 0)), status: MeetingStatus.Cancelled);
        await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, IndiaTime.ToUtc(new DateTime(2031, 3, 31, 23, 59, 0)).AddMinutes(2));
        var (meetings, trainings) = await App.WithDbAsync(async db =>
        {
            var figures = new OrgTracker.Web.Pages.Reports.RecordedFigures(db);
            return ((await figures.MeetingsHeldAsync(bhopal, period, CancellationToken.None))!, (await figures.TrainingSessionsHeldAsync(bhopal, period, CancellationToken.None))!);
        });
        Assert.Equal(2, meetings.Value);
        Assert.Equal(1, trainings.Value);
        Assert.Equal("/Meetings/Index", meetings.RecordsPage);
    }

    private async Task<HttpResponseMessage> PostFileAsync(HttpClient client, int meeting, string name, string type, byte[] bytes)
    {
        var page = await client.GetStringAsync($"/Meetings/Details/{meeting}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("Booth workers' meeting"), "Photo.Caption" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(file, "Photo.Files", name);
        return await client.PostAsync($"/Meetings/Details/{meeting}?handler=Photos", content);
    }

    /// <summary>A form body with repeated keys (checkbox lists) and the antiforgery token of <paramref name="formPage"/>.</summary>
    private static async Task<FormUrlEncodedContent> WithTokenAsync(HttpClient client, string formPage, Dictionary<string, string> fields, params (string, string)[] more)
    {
        var page = await client.GetStringAsync(formPage);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Concat(more.Select(m => new KeyValuePair<string, string>(m.Item1, m.Item2)))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        return new FormUrlEncodedContent(all);
    }
}
