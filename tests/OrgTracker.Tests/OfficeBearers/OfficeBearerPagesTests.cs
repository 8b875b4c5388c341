using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Pages.OfficeBearers;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.OfficeBearers;

public class OfficeBearerPagesTests(AppFactory app) : IntegrationTest(app)
{
    private Task<int> UncoveredBoothInAsync(string district) => App.WithDbAsync(db => db.Territories
        .Where(b => b.Level == TerritoryLevel.Booth && db.Territories.Any(d => d.Id == b.DistrictId && d.NameEn == district)
                    && !db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null))
        .OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());

    private Task<(int Booths, int WithAgent)> DirectCountAsync(string district) => App.WithDbAsync(async db =>
    {
        var booths = db.Territories.Where(b => b.Level == TerritoryLevel.Booth && db.Territories.Any(d => d.Id == b.DistrictId && d.NameEn == district));
        var total = await booths.CountAsync();
        var covered = await booths.CountAsync(b => db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null));
        return (total, covered);
    });

    private Task<(int Booths, int WithAgent)> SummaryAsync(string district) => App.WithDbAsync(async db =>
    {
        var cells = db.CoverageCells.Where(c => db.Territories.Any(d => d.Id == c.DistrictId && d.NameEn == district));
        return (await cells.SumAsync(c => c.Booths), await cells.SumAsync(c => c.WithAgent));
    });

    private Dictionary<string, string> AppointForm(string mobile, int postId, string? en = null, string? hi = null) => new()
    {
        ["Input.Mobile"] = mobile, ["Input.NameEn"] = en ?? "", ["Input.NameHi"] = hi ?? "",
        ["Input.PostId"] = postId.ToString(), ["Input.WingId"] = ReferenceData.MainWingId.ToString(),
        ["Input.From"] = TodayInIndia.ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task Coverage_summary_matches_a_direct_count_of_booths_and_agents()
    {
        Assert.Equal(await DirectCountAsync("Bhopal"), await SummaryAsync("Bhopal"));
        Assert.Equal(await DirectCountAsync("Lucknow"), await SummaryAsync("Lucknow"));
    }

    [Fact]
    public async Task District_president_appoints_a_new_booth_agent_and_the_booth_leaves_the_uncovered_list()
    {
        var client = await SignInAsync(PresidentBhopal);
        var booth = await UncoveredBoothInAsync("Bhopal");
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var before = await GetDocumentAsync(client, $"/OfficeBearers/Uncovered?territory={bhopal}");
        Assert.Contains(before.QuerySelectorAll("[data-testid=uncovered] tbody a"), a => a.GetAttribute("href") == $"/OfficeBearers/Territory/{booth}");

        var response = await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={booth}",
            AppointForm("98260 12345", ReferenceData.BoothAgentPostId, "Ramesh Ahirwar", "रमेश अहिरवार"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await GetDocumentAsync(client, $"/OfficeBearers/Uncovered?territory={bhopal}");
        Assert.DoesNotContain(after.QuerySelectorAll("[data-testid=uncovered] tbody a"), a => a.GetAttribute("href") == $"/OfficeBearers/Territory/{booth}");
        Assert.Equal(await DirectCountAsync("Bhopal"), await SummaryAsync("Bhopal"));
        var person = await App.WithDbAsync(db => db.People.SingleAsync(p => p.Mobile == "+919826012345"));
        Assert.Equal("रमेश अहिरवार", person.NameHi);
        Assert.Equal(bhopal, person.DistrictId);
        // The appointment is in the audit trail.
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Appointment" && a.Action == "Added" && a.UserName == PresidentBhopal)));
    }

    [Fact]
    public async Task A_booth_takes_only_one_agent_and_the_second_is_refused_beside_the_post()
    {
        var client = await SignInAsync(PresidentBhopal);
        var booth = await UncoveredBoothInAsync("Bhopal");
        await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={booth}", AppointForm("98260 11111", ReferenceData.BoothAgentPostId, "A One", "ए वन"));
        var second = await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={booth}", AppointForm("98260 22222", ReferenceData.BoothAgentPostId, "B Two", "बी टू"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await ParseAsync(second);
        Assert.Contains("sanctioned", page.QuerySelector("[data-valmsg-for='Input.PostId']")!.TextContent);
        Assert.False(await App.WithDbAsync(db => db.People.AnyAsync(p => p.Mobile == "+919826022222")));
    }

    [Fact]
    public async Task Bad_mobile_and_missing_names_are_shown_beside_their_fields()
    {
        var client = await SignInAsync(PresidentBhopal);
        var booth = await UncoveredBoothInAsync("Bhopal");
        var bad = await ParseAsync(await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={booth}", AppointForm("12345", ReferenceData.BoothAgentPostId)));
        Assert.NotEmpty(bad.QuerySelector("[data-valmsg-for='Input.Mobile']")!.TextContent.Trim());
        var nameless = await ParseAsync(await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={booth}", AppointForm("98260 33333", ReferenceData.BoothAgentPostId)));
        Assert.NotEmpty(nameless.QuerySelector("[data-valmsg-for='Input.NameEn']")!.TextContent.Trim());
        var badDate = AppointForm("98260 33333", ReferenceData.BoothAgentPostId, "X", "एक्स");
        badDate["Input.From"] = "not-a-date";
        var response = await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={booth}", badDate);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.From']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_mobile_registered_in_another_district_is_refused_without_saying_where()
    {
        var indorePerson = await App.WithDbAsync(db => db.People.Where(p => db.Territories.Any(d => d.Id == p.DistrictId && d.NameEn == "Indore"))
            .Select(p => new { p.Mobile, p.NameEn }).FirstAsync());
        var client = await SignInAsync(PresidentBhopal);
        var booth = await UncoveredBoothInAsync("Bhopal");
        var page = await ParseAsync(await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={booth}", AppointForm(indorePerson.Mobile, ReferenceData.BoothAgentPostId, "Someone", "कोई")));
        var message = page.QuerySelector("[data-valmsg-for='Input.Mobile']")!.TextContent;
        Assert.Equal(OrgTracker.Web.Platform.PeopleQueries.MobileUnavailable, message.Trim());
        Assert.DoesNotContain(indorePerson.NameEn, page.Body!.TextContent);
    }

    [Fact]
    public async Task District_president_gets_404_for_another_districts_office_bearer_pages()
    {
        var client = await SignInAsync(PresidentBhopal);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var indoreBooth = await UncoveredBoothInAsync("Indore");
        var appointment = await App.WithDbAsync(db => db.Appointments.Where(a => a.DistrictId == indore).Select(a => a.Id).FirstAsync());
        var committee = await App.WithDbAsync(db => db.Committees.Where(c => c.DistrictId == indore).Select(c => c.Id).FirstAsync());
        foreach (var url in new[]
                 {
                     $"/OfficeBearers/Territory/{indore}", $"/OfficeBearers/Appointment/{appointment}", $"/OfficeBearers/Committee/{committee}",
                     $"/OfficeBearers/Coverage?territory={indore}", $"/OfficeBearers/Uncovered?territory={indore}",
                     $"/OfficeBearers/Appoint?territory={indoreBooth}", $"/OfficeBearers/Committee?territory={indoreBooth}",
                 })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        var post = await PostFormAsync(client, $"/OfficeBearers/Appointment/{appointment}?handler=End",
            new() { ["Version"] = "0", ["End.On"] = TodayInIndia.ToString("yyyy-MM-dd"), ["End.Reason"] = "Ended" },
            formPage: $"/OfficeBearers/Territory/{await TerritoryIdAsync("Bhopal", TerritoryLevel.District)}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointment).Select(a => a.To).SingleAsync()));
    }

    [Fact]
    public async Task Division_in_charge_reads_office_bearers_but_cannot_appoint()
    {
        var client = await SignInAsync(DivisionBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/OfficeBearers/Territory/{bhopal}")).StatusCode);
        var appoint = await client.GetAsync($"/OfficeBearers/Appoint?territory={bhopal}");
        Assert.True(appoint.StatusCode is HttpStatusCode.Forbidden || appoint.Headers.Location?.OriginalString.Contains("AccessDenied") == true);
    }

    [Fact]
    public async Task Territory_page_shows_vacancies_against_the_sanctioned_posts()
    {
        var client = await SignInAsync(OfficeMp);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var vicePresidents = await App.WithDbAsync(db => db.Appointments.CountAsync(a => a.TerritoryId == state && a.PostId == 3 && a.WingId == 1 && a.To == null));
        var page = await GetDocumentAsync(client, $"/OfficeBearers/Territory/{state}");
        var vacancy = page.QuerySelectorAll("[data-testid=wing-MAIN] [data-testid=vacancy]").Single(r => r.TextContent.Contains("Vice-president"));
        Assert.Contains($"{16 - vicePresidents} of 16 vacant", vacancy.TextContent);
    }

    [Fact]
    public async Task Flagging_inactive_and_replacing_keeps_the_history_and_shows_the_successor()
    {
        var client = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var old = await App.WithDbAsync(db => db.Appointments.Where(a => a.TerritoryId == bhopal && a.PostId == 34 && a.To == null && a.InactiveSince == null)
            .Select(a => new { a.Id, a.Version }).FirstAsync());
        var flag = await PostFormAsync(client, $"/OfficeBearers/Appointment/{old.Id}?handler=Inactive",
            new() { ["Version"] = old.Version.ToString(), ["Inactive.Since"] = TodayInIndia.ToString("yyyy-MM-dd"), ["Inactive.Reason"] = "Absent from three meetings" },
            formPage: $"/OfficeBearers/Appointment/{old.Id}");
        Assert.Equal(HttpStatusCode.Redirect, flag.StatusCode);
        var inactive = await GetDocumentAsync(client, $"/OfficeBearers/Inactive?district={bhopal}");
        Assert.Contains(inactive.QuerySelectorAll("[data-testid=inactive-list] tbody a"), a => a.GetAttribute("href") == $"/OfficeBearers/Appointment/{old.Id}");

        var version = await App.WithDbAsync(db => db.Appointments.Where(a => a.Id == old.Id).Select(a => a.Version).SingleAsync());
        var form = AppointForm("98260 44444", 34, "Sunita Verma", "सुनीता वर्मा");
        form["Input.ReplacingVersion"] = version.ToString();
        var replace = await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={bhopal}&replace={old.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, replace.StatusCode);

        var (ended, successorName) = await App.WithDbAsync(async db =>
        {
            var a = await db.Appointments.SingleAsync(x => x.Id == old.Id);
            var s = await db.Appointments.Include(x => x.Person).SingleAsync(x => x.Id == a.SuccessorId);
            return (a, s.Person!.NameEn);
        });
        Assert.Equal(AppointmentEnd.Replaced, ended.EndReason);
        Assert.Equal(TodayInIndia, ended.To);
        Assert.Equal("Sunita Verma", successorName);
        var history = await GetDocumentAsync(client, $"/OfficeBearers/Territory/{bhopal}");
        Assert.Contains(history.QuerySelectorAll("[data-testid=history] tbody a"), a => a.GetAttribute("href") == $"/OfficeBearers/Appointment/{old.Id}");
        var replaced = await GetDocumentAsync(client, $"/OfficeBearers/Inactive?district={bhopal}&status=replaced");
        Assert.Contains("Sunita Verma", replaced.QuerySelector("[data-testid=inactive-list]")!.TextContent);
    }

    [Fact]
    public async Task The_inactive_list_total_is_a_fresh_count_for_every_filter()
    {
        var client = await SignInAsync(OfficeMp);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        // One more flagged in Bhopal and one flagged and replaced (ended), so that every filter has something to count.
        var two = await App.WithDbAsync(db => db.Appointments.Where(a => a.DistrictId == bhopal && a.To == null && a.InactiveSince == null)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(2).ToListAsync());
        var wingOfFirst = await App.WithDbAsync(db => db.Appointments.Where(a => a.Id == two[0]).Select(a => a.WingId).SingleAsync());
        await App.WithDbAsync(async db =>
        {
            foreach (var a in await db.Appointments.Where(a => two.Contains(a.Id)).ToListAsync()) a.InactiveSince = TodayInIndia.AddDays(-3);
            (await db.Appointments.SingleAsync(a => a.Id == two[1])).To = TodayInIndia;
            return await db.SaveChangesAsync();
        });

        foreach (var (query, district, wing, status) in new (string, int?, int?, string)[]
                 {
                     ("", null, null, "open"), ("?status=replaced", null, null, "replaced"), ("?status=all", null, null, "all"),
                     ($"?district={bhopal}", bhopal, null, "open"), ($"?district={bhopal}&status=replaced", bhopal, null, "replaced"),
                     ($"?district={bhopal}&status=all", bhopal, null, "all"), ($"?wing={wingOfFirst}&status=all", null, wingOfFirst, "all"), ("?status=nonsense", null, null, "open"),
                 })
        {
            var expected = await App.WithDbAsync(db => db.Appointments.CountAsync(a => a.StateId == state && a.InactiveSince != null
                && (district == null || a.DistrictId == district) && (wing == null || a.WingId == wing)
                && (status == "all" || (status == "replaced" ? a.To != null : a.To == null))));
            var page = await GetDocumentAsync(client, "/OfficeBearers/Inactive" + query);
            var shown = page.QuerySelector("[data-testid=inactive-total]")!.TextContent;
            Assert.True(expected > 0, query);
            // The list itself is the district's alone (a query without a status once dropped the district).
            if (district is not null)
                Assert.All(page.QuerySelectorAll("[data-testid=inactive-list] tbody tr"), r => Assert.Contains("Bhopal", r.TextContent));
            Assert.Equal($"{query}: {expected} office-bearers", $"{query}: {shown.Trim().Replace(",", "")}");
        }
    }

    [Fact]
    public async Task A_stale_edit_of_an_appointment_is_refused_and_nothing_is_saved()
    {
        var client = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var a = await App.WithDbAsync(db => db.Appointments.Where(x => x.TerritoryId == bhopal && x.To == null && x.InactiveSince == null)
            .Select(x => new { x.Id, x.Version }).FirstAsync());
        var first = await PostFormAsync(client, $"/OfficeBearers/Appointment/{a.Id}?handler=Inactive",
            new() { ["Version"] = a.Version.ToString(), ["Inactive.Since"] = TodayInIndia.ToString("yyyy-MM-dd"), ["Inactive.Reason"] = "First" },
            formPage: $"/OfficeBearers/Appointment/{a.Id}");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await PostFormAsync(client, $"/OfficeBearers/Appointment/{a.Id}?handler=End",
            new() { ["Version"] = a.Version.ToString(), ["End.On"] = TodayInIndia.ToString("yyyy-MM-dd"), ["End.Reason"] = "Ended" },
            formPage: $"/OfficeBearers/Appointment/{a.Id}");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed", (await ParseAsync(second)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Null(await App.WithDbAsync(db => db.Appointments.Where(x => x.Id == a.Id).Select(x => x.To).SingleAsync()));
    }

    [Fact]
    public async Task Coverage_page_totals_match_the_direct_count_and_export_as_csv_and_excel()
    {
        var client = await SignInAsync(InChargeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var page = await GetDocumentAsync(client, $"/OfficeBearers/Coverage?territory={bhopal}");
        var (booths, withAgent) = await DirectCountAsync("Bhopal");
        Assert.Equal((booths - withAgent).ToString(), page.QuerySelector("[data-testid=uncovered-count]")!.TextContent.Trim());
        var csv = await client.GetAsync($"/OfficeBearers/Uncovered?territory={bhopal}&export=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.Equal(booths - withAgent + 1, lines.Length);
        var xlsx = await client.GetAsync($"/OfficeBearers/Coverage?territory={bhopal}&export=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.True((await xlsx.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Fact]
    public async Task Coverage_by_constituency_shows_fifty_seats_a_page_and_exports_every_seat()
    {
        var client = await SignInAsync(InChargeMp);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var seats = await App.WithDbAsync(db => db.CoverageCells.Where(c => c.StateId == state).Select(c => c.AssemblyConstituencyId).Distinct().CountAsync());
        Assert.True(seats > 2 * CoverageModel.PageSize, $"{seats} seats");
        var pages = (seats + CoverageModel.PageSize - 1) / CoverageModel.PageSize;

        var first = await GetDocumentAsync(client, $"/OfficeBearers/Coverage?territory={state}&by=seats");
        Assert.Equal(CoverageModel.PageSize, first.QuerySelectorAll("[data-testid=coverage] tbody tr").Length);
        var last = await GetDocumentAsync(client, $"/OfficeBearers/Coverage?territory={state}&by=seats&p={pages}");
        Assert.Equal(seats - (pages - 1) * CoverageModel.PageSize, last.QuerySelectorAll("[data-testid=coverage] tbody tr").Length);
        // The pages together name every seat once.
        var named = new List<string>();
        for (var p = 1; p <= pages; p++)
            named.AddRange((await GetDocumentAsync(client, $"/OfficeBearers/Coverage?territory={state}&by=seats&p={p}"))
                .QuerySelectorAll("[data-testid=coverage] tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Equal(seats, named.Distinct().Count());

        var csv = (await client.GetStringAsync($"/OfficeBearers/Coverage?territory={state}&by=seats&p=2&export=csv")).Trim().Split('\n');
        Assert.Equal(seats + 1, csv.Length);
    }

    [Fact]
    public async Task Committee_formed_at_a_booth_counts_in_committee_coverage()
    {
        var client = await SignInAsync(PresidentBhopal);
        var booth = await App.WithDbAsync(db => db.Territories.Where(b => b.Level == TerritoryLevel.Booth
                && db.Territories.Any(d => d.Id == b.DistrictId && d.NameEn == "Bhopal")
                && !db.Committees.Any(c => c.TerritoryId == b.Id)).Select(b => new { b.Id, b.BlockId }).FirstAsync());
        var before = await App.WithDbAsync(db => db.CoverageCells.Where(c => c.BlockId == booth.BlockId).SumAsync(c => c.WithCommittee));
        var response = await PostFormAsync(client, $"/OfficeBearers/Committee?territory={booth.Id}",
            new() { ["Input.Kind"] = "Booth", ["Input.NameEn"] = "Booth committee", ["Input.NameHi"] = "बूथ समिति", ["Input.FormedOn"] = TodayInIndia.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await App.WithDbAsync(db => db.CoverageCells.Where(c => c.BlockId == booth.BlockId).SumAsync(c => c.WithCommittee));
        Assert.Equal(before + 1, after);
    }
}
