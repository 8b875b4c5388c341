using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Membership;

public class MembershipPagesTests(AppFactory app) : MembershipTest(app)
{
    private async Task<Dictionary<string, string>> EnrolFieldsAsync(string name, string mobile) => new()
    {
        ["Input.Name"] = name, ["Input.Mobile"] = mobile, ["Input.Gender"] = "Female", ["Input.BirthYear"] = "1990",
        ["Input.Channel"] = "PaperForm", ["Input.EnrolledOn"] = TodayInIndia.ToString("yyyy-MM-dd"),
        ["Input.EnrolledBy"] = "Ward worker",
    };

    [Fact]
    public async Task Everyone_in_the_state_sees_the_states_drives_and_nobody_else_does()
    {
        var drive = await MpDriveAsync();
        var indore = await SignInAsync(PresidentIndore);
        var page = await GetDocumentAsync(indore, "/Membership");
        Assert.Single(page.QuerySelectorAll("[data-testid=drive]"));
        Assert.Equal(drive.ToString(), page.QuerySelector("[data-testid=drive]")!.GetAttribute("data-drive-id"));

        var up = await SignInAsync(InChargeUp);
        Assert.Equal(HttpStatusCode.NotFound, (await up.GetAsync($"/Membership/Progress/{drive}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await up.GetAsync($"/Membership/Members/{drive}")).StatusCode);
    }

    [Fact]
    public async Task District_president_gets_404_for_the_progress_of_another_district()
    {
        var drive = await MpDriveAsync();
        var indore = await SignInAsync(PresidentIndore);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var response = await indore.GetAsync($"/Membership/Progress/{drive}?territory={bhopal}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Bhopal", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await indore.GetAsync($"/Membership/Progress/{drive}?territory={state}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await indore.GetAsync($"/Membership/Progress/{drive}?territory={bhopal}&handler=Export&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await indore.GetAsync($"/Membership/Members/{drive}?territory={bhopal}")).StatusCode);
        // Their own district opens, and has no leaderboard of the others.
        var own = await GetDocumentAsync(indore, $"/Membership/Progress/{drive}");
        Assert.Equal("Indore", own.QuerySelector("[data-testid=territory-name]")!.TextContent);
        Assert.Null(own.QuerySelector("[data-testid=leaderboard]"));
    }

    [Fact]
    public async Task District_president_gets_404_for_enrolment_at_a_booth_outside_their_district()
    {
        var drive = await MpDriveAsync();
        var indore = await SignInAsync(PresidentIndore);
        var own = await BoothInAsync("Indore");
        var bhopalBooth = await BoothInAsync("Bhopal");
        Assert.Equal(HttpStatusCode.NotFound, (await indore.GetAsync($"/Membership/Enrol/{drive}?booth={bhopalBooth.Id}")).StatusCode);
        var post = await PostFormAsync(indore, $"/Membership/Enrol/{drive}?booth={bhopalBooth.Id}", await EnrolFieldsAsync("Outsider", "9811100001"),
            formPage: $"/Membership/Enrol/{drive}?booth={own.Id}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await MemberAsync(drive, 919811100001));
        // The booth search finds nothing outside the district either.
        var search = await indore.GetStringAsync($"/Membership/Enrol/{drive}?handler=Booths&q=" + Uri.EscapeDataString(bhopalBooth.NameEn));
        Assert.DoesNotContain($"\"id\":{bhopalBooth.Id},", search);
    }

    [Fact]
    public async Task Enrolling_a_member_moves_the_districts_progress()
    {
        var drive = await MpDriveAsync();
        var indore = await SignInAsync(PresidentIndore);
        var booth = await BoothInAsync("Indore");
        var before = Number((await GetDocumentAsync(indore, $"/Membership/Progress/{drive}")).QuerySelector("[data-testid=total-enrolled]")!.TextContent);

        var response = await PostFormAsync(indore, $"/Membership/Enrol/{drive}?booth={booth.Id}", await EnrolFieldsAsync("Sunita Verma", "+91 98111 00002"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = Number((await GetDocumentAsync(indore, $"/Membership/Progress/{drive}")).QuerySelector("[data-testid=total-enrolled]")!.TextContent);
        Assert.Equal(before + 1, after);

        var member = await MemberAsync(drive, 919811100002);
        Assert.NotNull(member);
        Assert.Equal("Sunita Verma", member.Name);
        Assert.Equal(booth.Id, member.BoothId);
        Assert.Equal(booth.BlockId, member.BlockId);
        Assert.Equal(booth.DistrictId, member.DistrictId);
        Assert.Equal(Verification.Unverified, member.Verification);
        var audit = await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(Member) && a.EntityId == $"{drive},919811100002"));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task A_mobile_number_already_in_the_drive_is_refused_naming_where_it_was_enrolled()
    {
        var drive = await MpDriveAsync();
        var indore = await SignInAsync(PresidentIndore);
        var booth = await BoothInAsync("Indore");
        var other = await BoothInAsync("Indore", skip: 1);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(indore, $"/Membership/Enrol/{drive}?booth={booth.Id}", await EnrolFieldsAsync("First", "9811100003"))).StatusCode);

        var again = await PostFormAsync(indore, $"/Membership/Enrol/{drive}?booth={other.Id}", await EnrolFieldsAsync("Second", "098111 00003"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var error = (await ParseAsync(again)).QuerySelector("[data-testid=mobile-error]")!.TextContent;
        Assert.Contains("already enrolled", error);
        Assert.Contains(booth.NameEn, error);
        Assert.Equal("First", (await MemberAsync(drive, 919811100003))!.Name);
    }

    [Fact]
    public async Task A_mobile_number_enrolled_in_another_district_is_refused_without_naming_the_place()
    {
        var drive = await MpDriveAsync();
        var bhopalMember = await SeededMemberInAsync(drive, "Bhopal");
        var bhopalBooth = await App.WithDbAsync(db => db.Territories.SingleAsync(t => t.Id == bhopalMember.BoothId));
        var indore = await SignInAsync(PresidentIndore);
        var booth = await BoothInAsync("Indore");
        var national = (bhopalMember.Mobile - 910_000_000_000).ToString();

        var response = await PostFormAsync(indore, $"/Membership/Enrol/{drive}?booth={booth.Id}", await EnrolFieldsAsync("Someone", national));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        var html = page.DocumentElement.OuterHtml;
        var error = page.QuerySelector("[data-testid=mobile-error]")!.TextContent;
        Assert.Equal("This mobile number is already enrolled in this drive.", error.Trim());
        Assert.DoesNotContain(bhopalBooth.NameEn, html);
        Assert.DoesNotContain("Bhopal", html);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("5876543210")]
    [InlineData("not a number")]
    public async Task An_invalid_mobile_number_gets_a_message_next_to_the_field(string mobile)
    {
        var drive = await MpDriveAsync();
        var indore = await SignInAsync(PresidentIndore);
        var booth = await BoothInAsync("Indore");
        var response = await PostFormAsync(indore, $"/Membership/Enrol/{drive}?booth={booth.Id}", await EnrolFieldsAsync("Someone", mobile));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("valid Indian mobile number", (await ParseAsync(response)).QuerySelector("[data-testid=mobile-error]")!.TextContent);
    }

    [Fact]
    public async Task Nonsense_in_every_field_gets_messages_and_never_an_error_page()
    {
        var drive = await MpDriveAsync();
        var indore = await SignInAsync(PresidentIndore);
        var booth = await BoothInAsync("Indore");
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = new string('x', 300), ["Input.Mobile"] = "९८७६५", ["Input.Gender"] = "7", ["Input.BirthYear"] = "abc",
            ["Input.Channel"] = "Carrier pigeon", ["Input.EnrolledOn"] = "31-02-2026", ["Input.EnrolledBy"] = "<script>alert(1)</script>",
        };
        var response = await PostFormAsync(indore, $"/Membership/Enrol/{drive}?booth={booth.Id}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.True(page.QuerySelectorAll(".field-validation-error").Length >= 4);
        Assert.DoesNotContain("<script>alert(1)</script>", await response.Content.ReadAsStringAsync());

        foreach (var url in new[]
                 {
                     $"/Membership/Progress/{drive}?territory=abc&p=-5", $"/Membership/Members/{drive}?status=99&after=x&mobile=%00",
                     $"/Membership/Enrol/{drive}?q=%25%5F%27", $"/Membership/Enrol/{drive}?handler=Booths&q=" + new string('9', 500),
                     $"/Membership/Progress/{drive}?handler=Export&format=pdf",
                 })
        {
            var r = await indore.GetAsync(url);
            // A NUL in a query string is refused before any page (Startup.RefuseNulInQuery): 400, as for a form.
            var expected = url.Contains("%00") ? [HttpStatusCode.BadRequest] : new[] { HttpStatusCode.OK, HttpStatusCode.NotFound };
            Assert.True(expected.Contains(r.StatusCode), $"{url}: {r.StatusCode}");
        }
    }

    [Fact]
    public async Task State_office_verifies_and_rejects_members_and_the_summaries_follow()
    {
        var drive = await MpDriveAsync();
        var member = await App.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.DriveId == drive && m.Verification == Verification.Unverified).OrderBy(m => m.Mobile).FirstAsync());
        var verifiedBefore = await App.WithDbAsync(db => db.MemberBoothCounts.Where(c => c.DriveId == drive && c.BoothId == member.BoothId).Select(c => c.Verified).SingleAsync());
        var office = await SignInAsync(OfficeMp);

        var response = await PostFormAsync(office, $"/Membership/Members/{drive}?handler=Verify&member={member.Mobile}&version={member.Version}&to=Verified",
            [], formPage: $"/Membership/Members/{drive}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await MemberAsync(drive, member.Mobile))!;
        Assert.Equal(Verification.Verified, after.Verification);
        Assert.NotNull(after.VerifiedByUserId);
        Assert.Equal(verifiedBefore + 1, await App.WithDbAsync(db => db.MemberBoothCounts.Where(c => c.DriveId == drive && c.BoothId == member.BoothId).Select(c => c.Verified).SingleAsync()));

        // A stale version (the member changed meanwhile) saves nothing.
        var stale = await PostFormAsync(office, $"/Membership/Members/{drive}?handler=Verify&member={member.Mobile}&version={member.Version}&to=Rejected",
            [], formPage: $"/Membership/Members/{drive}");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(Verification.Verified, (await MemberAsync(drive, member.Mobile))!.Verification);
    }

    [Theory]
    [InlineData(PresidentIndore)]
    [InlineData(DivisionBhopal)]
    [InlineData(Admin)]
    public async Task Only_state_roles_verify_members(string user)
    {
        var drive = await MpDriveAsync();
        var district = user == PresidentIndore ? "Indore" : "Bhopal";
        var member = await SeededMemberInAsync(drive, district);
        var client = await SignInAsync(user);
        var page = await GetDocumentAsync(client, $"/Membership/Members/{drive}");
        Assert.Empty(page.QuerySelectorAll("button[formaction*=Verify]"));
        var response = await PostFormAsync(client, $"/Membership/Members/{drive}?handler=Verify&member={member.Mobile}&version={member.Version}&to=Verified",
            [], formPage: $"/Membership/Members/{drive}");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("AccessDenied")),
            $"{user}: {response.StatusCode} {response.Headers.Location}");
        Assert.Equal(member.Verification, (await MemberAsync(drive, member.Mobile))!.Verification);
    }

    [Fact]
    public async Task Division_in_charge_and_administrator_cannot_enrol()
    {
        var drive = await MpDriveAsync();
        foreach (var user in new[] { DivisionBhopal, Admin })
        {
            var client = await SignInAsync(user);
            var response = await client.GetAsync($"/Membership/Enrol/{drive}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Progress_at_every_level_equals_a_direct_count_of_members()
    {
        var drive = await MpDriveAsync();
        var client = await SignInAsync(InChargeMp);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var division = await TerritoryIdAsync("Indore", TerritoryLevel.Division);
        var district = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var block = await App.WithDbAsync(db => db.Territories.Where(t => t.ParentId == district && t.Level == TerritoryLevel.Block).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());

        foreach (var (id, members) in new (int, Func<Web.Data.AppDbContext, IQueryable<Member>>)[]
                 {
                     (state, db => db.Members.Where(m => m.DriveId == drive && m.StateId == state)),
                     (division, db => db.Members.Where(m => m.DriveId == drive && m.DivisionId == division)),
                     (district, db => db.Members.Where(m => m.DriveId == drive && m.DistrictId == district)),
                     (block, db => db.Members.Where(m => m.DriveId == drive && m.BlockId == block)),
                 })
        {
            var page = await GetDocumentAsync(client, $"/Membership/Progress/{drive}?territory={id}");
            var expected = await CountAsync(members);
            Assert.True(expected > 0);
            Assert.Equal(expected, Number(page.QuerySelector("[data-testid=total-enrolled]")!.TextContent));
            var children = page.QuerySelectorAll("[data-testid=children] tbody tr[data-territory-id]").Sum(r => Number(r.QuerySelectorAll("td")[1].TextContent));
            Assert.Equal(expected, children);
            var daily = page.QuerySelectorAll("[data-testid=daily] tbody tr").Sum(r => Number(r.QuerySelectorAll("td")[1].TextContent));
            Assert.Equal(expected, daily);
        }

        // The target of a district is its own; the percentage is enrolled over target.
        var districtPage = await GetDocumentAsync(client, $"/Membership/Progress/{drive}?territory={district}");
        var target = await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive && t.TerritoryId == district).Select(t => t.Target).SingleAsync());
        Assert.Equal(target, Number(districtPage.QuerySelector("[data-testid=total-target]")!.TextContent));
        var count = await CountAsync(db => db.Members.Where(m => m.DriveId == drive && m.DistrictId == district));
        Assert.Equal((count * 100.0 / target).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("en-IN")) + " %",
            districtPage.QuerySelector("[data-testid=total-percent]")!.TextContent);
    }

    [Fact]
    public async Task The_summary_tables_equal_a_direct_count_after_enrolments_imports_and_verification()
    {
        var drive = await MpDriveAsync();
        var indore = await SignInAsync(PresidentIndore);
        var booth = await BoothInAsync("Indore");
        var (ac, part) = await BoothCodeAsync(booth.Id);
        await PostFormAsync(indore, $"/Membership/Enrol/{drive}?booth={booth.Id}", await EnrolFieldsAsync("A", "9811100010"));
        await ImportAsync(drive, $"{Header}\nB,9811100011,{ac},{part},M,1980,paper,2026-10-05,\nC,9811100012,{ac},{part},F,,online,2026-10-06,\n");
        var mismatches = await App.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
            """
            SELECT count(*)::int AS "Value" FROM (
              SELECT drive_id, booth_id, count(*) AS n, count(*) FILTER (WHERE verification = 1) AS v, count(*) FILTER (WHERE verification = 2) AS r
              FROM members GROUP BY drive_id, booth_id) m
            FULL JOIN member_booth_counts c USING (drive_id, booth_id)
            WHERE m.n IS DISTINCT FROM c.enrolled OR m.v IS DISTINCT FROM c.verified OR m.r IS DISTINCT FROM c.rejected
            UNION ALL
            SELECT count(*)::int FROM (SELECT drive_id, block_id, enrolled_on AS day, count(*) AS n FROM members GROUP BY 1, 2, 3) m
            FULL JOIN member_daily_counts c USING (drive_id, block_id, day)
            WHERE m.n IS DISTINCT FROM c.enrolled
            """).ToListAsync());
        Assert.Equal([0, 0], mismatches);
    }

    [Fact]
    public async Task State_office_opens_a_drive_and_sets_district_targets()
    {
        var office = await SignInAsync(OfficeMp);
        var response = await PostFormAsync(office, "/Membership/Drive", new()
        {
            ["Input.NameEn"] = "Membership drive 2027", ["Input.NameHi"] = "सदस्यता अभियान 2027", ["Input.StartDate"] = "2027-01-01",
            ["Input.EndDate"] = "2027-03-31", ["Input.Status"] = "Open",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var drive = await App.WithDbAsync(db => db.MembershipDrives.SingleAsync(d => d.NameEn == "Membership drive 2027"));
        Assert.Equal(DriveStatus.Open, drive.Status);

        var page = await GetDocumentAsync(office, $"/Membership/Targets/{drive.Id}");
        var inputs = page.QuerySelectorAll("[data-testid=targets] tbody tr");
        Assert.Equal(55, inputs.Length);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var index = inputs.Select((r, i) => (r, i)).Single(x => x.r.QuerySelector("a")!.TextContent == "Indore").i;
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < inputs.Length; i++)
            fields[$"Input[{i}].TerritoryId"] = inputs[i].QuerySelector("input[name$=TerritoryId]")!.GetAttribute("value")!;
        fields[$"Input[{index}].Target"] = "5000";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(office, $"/Membership/Targets/{drive.Id}", fields)).StatusCode);
        Assert.Equal(5000, await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive.Id && t.TerritoryId == indore).Select(t => t.Target).SingleAsync()));

        // The end before the start is refused next to the field.
        var bad = await PostFormAsync(office, "/Membership/Drive", new()
        {
            ["Input.NameEn"] = "X", ["Input.NameHi"] = "X", ["Input.StartDate"] = "2027-03-01", ["Input.EndDate"] = "2027-01-01", ["Input.Status"] = "Open",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("cannot end before it starts", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_target_import_with_a_bad_line_saves_nothing_and_names_the_line()
    {
        var drive = await MpDriveAsync();
        var office = await SignInAsync(OfficeMp);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var before = await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive && t.TerritoryId == indore).Select(t => t.Target).SingleAsync());
        var csv = "district,target\nIndore,7000\nAtlantis,10\nभोपाल,abc\n"u8.ToArray();
        var response = await PostFileAsync(office, $"/Membership/Targets/{drive}?handler=Import", "targets.csv", csv, formPage: $"/Membership/Targets/{drive}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await ParseAsync(response)).QuerySelectorAll("[data-testid=target-import-errors] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Line 3:", errors[0]);
        Assert.StartsWith("Line 4:", errors[1]);
        Assert.Equal(before, await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive && t.TerritoryId == indore).Select(t => t.Target).SingleAsync()));

        var good = await PostFileAsync(office, $"/Membership/Targets/{drive}?handler=Import", "targets.csv", "district,target\nIndore,7000\nभोपाल,\"6,500\"\n"u8.ToArray(),
            formPage: $"/Membership/Targets/{drive}");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(7000, await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive && t.TerritoryId == indore).Select(t => t.Target).SingleAsync()));
    }

    [Fact]
    public async Task A_target_import_over_targets_changed_since_the_page_was_opened_is_refused()
    {
        var drive = await MpDriveAsync();
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var office = await SignInAsync(OfficeMp);
        var page = await GetDocumentAsync(office, $"/Membership/Targets/{drive}");
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[type=file]") is not null);

        // Meanwhile the state in-charge changes Indore's target in the grid.
        var incharge = await SignInAsync(InChargeMp);
        var grid = await GetDocumentAsync(incharge, $"/Membership/Targets/{drive}");
        var fields = grid.QuerySelectorAll("form:not([enctype]) input[name^='Input[']")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var row = fields.Single(f => f.Key.EndsWith(".TerritoryId") && f.Value == indore.ToString()).Key.Replace(".TerritoryId", "");
        fields[row + ".Target"] = "4321";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(incharge, $"/Membership/Targets/{drive}", fields)).StatusCode);

        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden][name]"))
            body.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        body.Add(new ByteArrayContent("district,target\nIndore,7000\n"u8.ToArray()), "file", "targets.csv");
        var response = await office.PostAsync($"/Membership/Targets/{drive}?handler=Import", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await ParseAsync(response)).QuerySelectorAll("[data-testid=target-import-errors] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Someone else changed these targets while you were editing. Reload the page to see their changes."], errors);
        Assert.Equal(4321, await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive && t.TerritoryId == indore).Select(t => t.Target).SingleAsync()));

        // Opened again, the page shows the new figure, and the same file is taken.
        var again = await PostFileAsync(office, $"/Membership/Targets/{drive}?handler=Import", "targets.csv", "district,target\nIndore,7000\n"u8.ToArray(),
            formPage: $"/Membership/Targets/{drive}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(7000, await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive && t.TerritoryId == indore).Select(t => t.Target).SingleAsync()));
    }

    [Fact]
    public async Task District_president_sets_block_targets_of_their_own_district_only()
    {
        var drive = await MpDriveAsync();
        var client = await SignInAsync(PresidentIndore);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/Membership/Targets/{drive}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Membership/Targets/{drive}?district={bhopal}")).StatusCode);
        var page = await GetDocumentAsync(client, $"/Membership/Targets/{drive}?district={indore}");
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=targets] tbody tr").Length);
    }

    [Fact]
    public async Task Progress_exports_to_csv_and_excel()
    {
        var drive = await MpDriveAsync();
        var client = await SignInAsync(InChargeMp);
        var csv = await client.GetAsync($"/Membership/Progress/{drive}?handler=Export&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Bhopal", text);
        Assert.Equal(11, text.Trim().Split('\n').Length);
        var xlsx = await client.GetAsync($"/Membership/Progress/{drive}?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
    }

    [Fact]
    public async Task Membership_pages_speak_hindi()
    {
        var drive = await MpDriveAsync();
        var client = await SignInAsync(PresidentIndore, culture: "hi-IN");
        var list = (await GetDocumentAsync(client, "/Membership")).Body!.TextContent;
        Assert.Contains("सदस्यता अभियान 2026", list);
        var progress = (await GetDocumentAsync(client, $"/Membership/Progress/{drive}")).Body!.TextContent;
        Assert.Contains("इंदौर", progress);
        Assert.Contains("लक्ष्य", progress);
        Assert.DoesNotContain("Enrolled", progress);
        var booth = await BoothInAsync("Indore");
        var enrol = (await GetDocumentAsync(client, $"/Membership/Enrol/{drive}?booth={booth.Id}")).Body!.TextContent;
        Assert.Contains("मोबाइल नंबर", enrol);
    }
}
