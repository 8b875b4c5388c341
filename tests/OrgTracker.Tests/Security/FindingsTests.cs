using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Meetings;
using OrgTracker.Web.Platform;

namespace OrgTracker.Tests.Security;

/// <summary>
/// The findings of the production code read (issue "From demo to production", item 6): each reproduced by a test,
/// then fixed. docs/security.md names each test.
/// </summary>
public class FindingsTests(AppFactory app) : IntegrationTest(app)
{
    private static readonly InviteRule DistrictOfficeBearers = new([TerritoryLevel.District], [], 1);

    private Task<int> ArrangeMeetingAsync(string territory, TerritoryLevel level, DateTime startsUtc, InviteRule? rule = null,
        MeetingStatus status = MeetingStatus.Held, string title = "Arranged meeting") =>
        App.WithDbAsync(async db =>
        {
            var t = await db.Territories.SingleAsync(x => x.NameEn == territory && x.Level == level);
            var m = new Meeting { Title = title, Type = MeetingType.Review, Status = status, CreatedUtc = UtcNow, CreatedBy = "test" };
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

    private Task<Person> FirstPersonOfStateAsync(string stateCode) => App.WithDbAsync(db => db.People
        .Where(p => db.Territories.Any(s => s.Id == p.StateId && s.Code == stateCode)).OrderBy(p => p.Id).FirstAsync());

    private Task<Person> FirstPersonOfDistrictAsync(string district) => App.WithDbAsync(db => db.People
        .Where(p => db.Territories.Any(d => d.Id == p.DistrictId && d.NameEn == district && d.Level == TerritoryLevel.District)).OrderBy(p => p.Id).FirstAsync());

    private static string FieldMessage(AngleSharp.Dom.IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    private static async Task<FormUrlEncodedContent> WithTokenAsync(HttpClient client, string formPage, params (string, string)[] fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token))));
    }

    // 1
    [Fact]
    public async Task My_action_items_never_show_an_item_of_another_state_owned_by_someone_with_the_users_email()
    {
        // A person of Uttar Pradesh carries the Bhopal president's email (emails are not unique across states).
        var up = await FirstPersonOfStateAsync("UP");
        var upMeeting = await ArrangeMeetingAsync("Uttar Pradesh", TerritoryLevel.State, UtcNow.AddDays(-5), title: "UP state review");
        await App.WithDbAsync(async db =>
        {
            var p = await db.People.SingleAsync(x => x.Id == up.Id);
            p.Email = PresidentBhopal;
            db.ActionItems.Add(new ActionItem
            {
                MeetingId = upMeeting, Text = "Uttar Pradesh secret task", OwnerId = p.Id, TerritoryId = p.HomeTerritoryId, StateId = p.StateId,
                DivisionId = p.DivisionId, DistrictId = p.DistrictId, DueOn = TodayInIndia.AddDays(3), CreatedUtc = UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var client = await SignInAsync(PresidentBhopal);
        foreach (var url in new[] { "/Meetings/Actions?show=mine", "/Meetings/Actions?show=mine&export=csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Uttar Pradesh secret task", await response.Content.ReadAsStringAsync());
        }
    }

    // 2
    [Fact]
    public async Task A_district_president_invited_to_a_state_meeting_sees_only_the_invitees_of_their_own_district()
    {
        var meeting = await ArrangeMeetingAsync("Madhya Pradesh", TerritoryLevel.State, UtcNow.AddHours(-3), DistrictOfficeBearers, title: "State review");
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var (all, own, someoneElse) = await App.WithDbAsync(async db =>
        {
            var invitees = await db.MeetingInvitees.Where(i => i.MeetingId == meeting).Select(i => new { i.PersonId, i.DistrictId, i.Person!.NameEn }).ToListAsync();
            return (invitees.Count, invitees.Count(i => i.DistrictId == bhopal), invitees.First(i => i.DistrictId != bhopal).PersonId);
        });
        Assert.True(own > 0 && all > own);

        var client = await SignInAsync(PresidentBhopal);
        foreach (var url in new[] { $"/Meetings/Details/{meeting}", $"/Meetings/Print/{meeting}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain($"/Meetings/Person/{someoneElse}\"", await response.Content.ReadAsStringAsync());
        }
        var details = await GetDocumentAsync(client, $"/Meetings/Details/{meeting}");
        Assert.Equal(own, details.QuerySelectorAll("[data-testid=invitees] > li").Length);
        // The state sees everyone.
        var state = await GetDocumentAsync(await SignInAsync(InChargeMp), $"/Meetings/Details/{meeting}");
        Assert.Equal(all, state.QuerySelectorAll("[data-testid=invitees] > li").Length);
    }

    // 3
    [Fact]
    public async Task A_mobile_held_in_another_state_reads_exactly_as_one_held_in_another_district_and_names_nobody()
    {
        var up = await FirstPersonOfStateAsync("UP");
        var indore = await FirstPersonOfDistrictAsync("Indore");
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        Dictionary<string, string> Form(string mobile) => new()
        {
            ["Input.NameEn"] = "Kamla Bai", ["Input.NameHi"] = "कमला बाई", ["Input.Mobile"] = mobile, ["Input.Gender"] = "Female",
            ["Input.BirthYear"] = "1975", ["Input.AreaId"] = bhopal.ToString(), ["Input.PlaceId"] = "", ["Input.FormerParty"] = "", ["Input.JoinedOn"] = "",
        };
        var messages = new List<string>();
        foreach (var (user, owner) in new[] { (PresidentBhopal, up), (PresidentBhopal, indore), (OfficeMp, up) })
        {
            var client = await SignInAsync(user);
            var response = await PostFormAsync(client, "/People/Create", Form(owner.Mobile));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            messages.Add(FieldMessage(await ParseAsync(response), "Input.Mobile"));
            Assert.DoesNotContain(owner.NameEn, html);
        }
        Assert.All(messages, m => Assert.Equal(PeopleQueries.MobileUnavailable, m));
        Assert.DoesNotContain("area", PeopleQueries.MobileUnavailable);
    }

    // 4
    [Theory]
    [InlineData("2147483647")]
    [InlineData("-2147483648")]
    [InlineData("1073741824")]
    public async Task A_huge_or_negative_page_number_is_never_a_server_error(string p)
    {
        var drive = await App.WithDbAsync(db => db.MembershipDrives.Where(d => db.Territories.Any(t => t.Id == d.StateId && t.Code == "MP")).Select(d => d.Id).SingleAsync());
        var client = await SignInAsync(OfficeMp);
        foreach (var url in new[] { $"/Membership/Progress/{drive}", $"/Membership/Members/{drive}", "/People", "/Meetings/Index", "/Meetings/Actions?show=all",
                     "/OfficeBearers/Inactive", "/OfficeBearers/Training", "/Reports/Queue", "/Territories/Constituencies" })
        {
            var response = await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "p=" + p);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}?p={p}: {response.StatusCode}");
        }
        Assert.Equal(int.MaxValue, Paging.Offset(int.MaxValue, 50));
        Assert.Equal(0, Paging.Offset(int.MinValue, 50));
    }

    // 5
    [Fact]
    public async Task An_invite_rule_naming_an_unknown_wing_is_refused_beside_the_wing_field()
    {
        var client = await SignInAsync(OfficeMp);
        var division = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.Division && db.Territories.Any(s => s.Id == t.StateId && s.Code == "MP"))
            .OrderBy(t => t.NameEn).Select(t => t.Id).FirstAsync());
        var response = await client.PostAsync("/Meetings/NewProgramme", await WithTokenAsync(client, "/Meetings/NewProgramme",
            ("Input.Title", "Programme with a wing that is not"), ("Input.Type", "Review"), ("Input.UnitLevel", "Division"),
            ("Input.FirstDay", TodayInIndia.AddDays(10).ToString("yyyy-MM-dd")), ("Input.PerDay", "2"), ("Input.FirstStart", "11:00"), ("Input.Minutes", "150"),
            ("Input.Gap", "60"), ("Rule.Levels", "District"), ("Rule.WingId", "987654"), ("Input.Units", division.ToString())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose a wing.", FieldMessage(await ParseAsync(response), "Rule.WingId"));
        Assert.False(await App.WithDbAsync(db => db.MeetingProgrammes.AnyAsync(p => p.Title == "Programme with a wing that is not")));

        var meeting = await ArrangeMeetingAsync("Madhya Pradesh", TerritoryLevel.State, UtcNow.AddDays(3), status: MeetingStatus.Scheduled);
        var invite = await client.PostAsync($"/Meetings/Invite/{meeting}?handler=Rule", await WithTokenAsync(client, $"/Meetings/Invite/{meeting}",
            ("Rule.Levels", "District"), ("Rule.WingId", "987654")));
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        Assert.Equal("Choose a wing.", FieldMessage(await ParseAsync(invite), "Rule.WingId"));
    }

    // 6
    [Fact]
    public async Task Two_simultaneous_invitations_of_one_person_both_end_with_the_person_invited_once()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddDays(2), status: MeetingStatus.Scheduled);
        var person = await FirstPersonOfDistrictAsync("Bhopal");
        var client = await SignInAsync(PresidentBhopal);
        var first = await WithTokenAsync(client, $"/Meetings/Invite/{meeting}", ("personId", person.Id.ToString()));
        var second = await WithTokenAsync(client, $"/Meetings/Invite/{meeting}", ("personId", person.Id.ToString()));
        // Each insert of an invitee waits a second, so both requests read "not invited" before either inserts.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE OR REPLACE FUNCTION findings_slow_invite() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1); RETURN NEW; END $$;
            CREATE TRIGGER findings_slow_invite BEFORE INSERT ON meeting_invitees FOR EACH ROW EXECUTE FUNCTION findings_slow_invite();
            """));
        try
        {
            var url = $"/Meetings/Invite/{meeting}?handler=Person";
            var responses = await Task.WhenAll(client.PostAsync(url, first), client.PostAsync(url, second));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        }
        finally
        {
            await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "DROP TRIGGER IF EXISTS findings_slow_invite ON meeting_invitees; DROP FUNCTION IF EXISTS findings_slow_invite();"));
        }
        Assert.Equal(1, await App.WithDbAsync(db => db.MeetingInvitees.CountAsync(i => i.MeetingId == meeting && i.PersonId == person.Id)));
    }

    // 7
    [Fact]
    public async Task A_photo_declaring_more_than_24_megapixels_is_refused_from_its_header_beside_the_field()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddHours(-3));
        var client = await SignInAsync(PresidentBhopal);
        var page = await client.GetStringAsync($"/Meetings/Details/{meeting}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var file = new ByteArrayContent(PngHeader(6000, 5000));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var content = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" } };
        content.Add(file, "Photo.Files", "huge.png");
        var response = await client.PostAsync($"/Meetings/Details/{meeting}?handler=Photos", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("huge.png has more than 24 megapixels: send a smaller photo. Nothing was saved.",
            (await ParseAsync(response)).QuerySelector("[data-testid=photo-error]")!.TextContent.Trim());
        Assert.False(await App.WithDbAsync(db => db.MeetingPhotos.AnyAsync(p => p.MeetingId == meeting)));

        Assert.Null(new PhotoProcessor().Process(PngHeader(5000, 5000), out var tooMany));
        Assert.True(tooMany);
    }

    /// <summary>A PNG whose header declares the size and whose pixel data is a few bytes: a "decompression bomb" in miniature.</summary>
    private static byte[] PngHeader(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var head = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        s.Write(head);
        var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(head, Crc32(body));
        s.Write(head);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    // 8
    [Fact]
    public async Task Signed_in_pages_exports_and_member_photos_are_never_stored_while_static_files_keep_their_caching()
    {
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddHours(-3));
        var photo = await App.WithDbAsync(async db =>
        {
            var m = await db.Meetings.SingleAsync(x => x.Id == meeting);
            var p = new MeetingPhoto
            {
                MeetingId = m.Id, StateId = m.StateId, DivisionId = m.DivisionId, DistrictId = m.DistrictId, Image = [0xFF, 0xD8, 0xFF, 0xD9],
                Thumbnail = [0xFF, 0xD8, 0xFF, 0xD9], Width = 1, Height = 1, UploadedUtc = UtcNow, UploadedBy = "test",
            };
            db.MeetingPhotos.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var client = await SignInAsync(PresidentBhopal);
        foreach (var url in new[] { "/Dashboard", "/People", $"/Meetings/Details/{meeting}", $"/Meetings/Photo/{photo}", $"/Meetings/Photo/{photo}?thumb=true",
                     "/Meetings/Actions?show=all&export=csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
            Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
        }
        var css = await client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore == true);
    }

    // 9
    [Fact]
    public async Task A_mobile_number_searched_for_in_a_query_string_never_reaches_the_logs()
    {
        var person = await FirstPersonOfDistrictAsync("Bhopal");
        var digits = person.Mobile[^10..];
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddDays(2), status: MeetingStatus.Scheduled);
        var drive = await App.WithDbAsync(db => db.MembershipDrives.Where(d => db.Territories.Any(t => t.Id == d.StateId && t.Code == "MP")).Select(d => d.Id).SingleAsync());
        var client = await SignInAsync(PresidentBhopal);
        App.Log.Clear();
        foreach (var url in new[] { $"/People?q={digits}", $"/People?q=%2B91{digits}", $"/Meetings/Invite/{meeting}?q={digits}", $"/Membership/Members/{drive}?q={digits}",
                     $"/Meetings/Details/999999999?q={digits}", $"/Nowhere?q={digits}" })
            await client.GetAsync(url);
        Assert.NotEmpty(App.Log.Lines);
        Assert.DoesNotContain(digits, App.Log.Text);
        Assert.DoesNotContain(digits[..5] + " " + digits[5..], App.Log.Text);
    }

    /// <summary>Every link, form action and button target of a page that contains the digits.</summary>
    private static List<string> AddressesWith(AngleSharp.Dom.IDocument page, string digits) =>
        page.QuerySelectorAll("[href], [action], [formaction]")
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("action"), e.GetAttribute("formaction") })
            .Where(a => a is not null && System.Text.RegularExpressions.Regex.Replace(Uri.UnescapeDataString(a), "[^0-9]", "").Contains(digits))
            .Select(a => a!).ToList();

    [Fact]
    public async Task A_mobile_number_searched_for_reaches_the_address_bar_only_sealed()
    {
        var client = await SignInAsync(OfficeMp);

        // People: the search form posts; the result page's URL carries the term sealed, and finds the person.
        var person = await App.WithDbAsync(db => db.People.Where(p => db.Territories.Any(t => t.Id == p.DistrictId && t.NameEn == "Bhopal"))
            .OrderBy(p => p.Id).FirstAsync());
        var digits = person.Mobile[^10..];
        var search = await client.PostAsync("/People?handler=Search", await WithTokenAsync(client, "/People", ("q", $"{digits[..5]} {digits[5..]}")));
        Assert.Equal(HttpStatusCode.Redirect, search.StatusCode);
        var url = search.Headers.Location!.OriginalString;
        Assert.DoesNotContain(digits[..5], url);
        var found = await GetDocumentAsync(client, url);
        Assert.NotNull(found.QuerySelector($"a[href='/People/Details/{person.Id}']"));
        Assert.Empty(AddressesWith(found, digits));

        // A member list: the searched number, the paging key and each row's buttons are sealed too.
        var drive = await App.WithDbAsync(db => db.MembershipDrives.Where(d => db.Territories.Any(t => t.Id == d.StateId && t.Code == "MP"))
            .Select(d => d.Id).SingleAsync());
        var members = await GetDocumentAsync(client, $"/Membership/Members/{drive}");
        var shown = members.QuerySelectorAll("tr[data-mobile]").Select(r => r.GetAttribute("data-mobile")![^10..]).ToList();
        Assert.NotEmpty(shown);
        Assert.NotNull(members.QuerySelector("[formaction*='handler=Verify']"));
        Assert.All(shown, m => Assert.Empty(AddressesWith(members, m)));
        var member = shown[0];
        search = await client.PostAsync($"/Membership/Members/{drive}?handler=Search", await WithTokenAsync(client, $"/Membership/Members/{drive}", ("mobile", member)));
        Assert.Equal(HttpStatusCode.Redirect, search.StatusCode);
        url = search.Headers.Location!.OriginalString;
        Assert.DoesNotContain(member[..5], url);
        var one = await GetDocumentAsync(client, url);
        Assert.Equal([member], one.QuerySelectorAll("tr[data-mobile]").Select(r => r.GetAttribute("data-mobile")![^10..]));
        Assert.Empty(AddressesWith(one, member));

        // Inviting to a meeting: found by mobile, and the invite button keeps the search sealed.
        var meeting = await ArrangeMeetingAsync("Bhopal", TerritoryLevel.District, UtcNow.AddDays(2), status: MeetingStatus.Scheduled);
        search = await client.PostAsync($"/Meetings/Invite/{meeting}?handler=Search", await WithTokenAsync(client, $"/Meetings/Invite/{meeting}", ("Q", digits)));
        Assert.Equal(HttpStatusCode.Redirect, search.StatusCode);
        url = search.Headers.Location!.OriginalString;
        Assert.DoesNotContain(digits[..5], url);
        var invite = await GetDocumentAsync(client, url);
        Assert.NotNull(invite.QuerySelector($"input[name=personId][value='{person.Id}']"));
        Assert.Empty(AddressesWith(invite, digits));
    }
}

public class MobileNumberMaskingTests
{
    [Theory]
    [InlineData("/People?q=9876543210", "/People?q=98******10")]
    [InlineData("search +91 98765 43210 done", "search 98******10 done")]
    [InlineData("q=%2B919876543210&p=2", "q=98******10&p=2")]
    [InlineData("098765-43210", "98******10")]
    [InlineData("/Meetings/Details/123456 booth 1234", "/Meetings/Details/123456 booth 1234")]
    public void Mobile_like_numbers_in_log_properties_are_masked_and_other_numbers_kept(string text, string expected) =>
        Assert.Equal(expected, OrgTracker.Web.Platform.MobileNumberMasking.Mask(text));
}
