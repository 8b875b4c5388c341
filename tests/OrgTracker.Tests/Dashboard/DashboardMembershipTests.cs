using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Tests.Membership;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Membership;

namespace OrgTracker.Tests.Dashboard;

/// <summary>The dashboard's membership, trend and focus-seat figures against counts taken straight from the base tables.</summary>
public class DashboardMembershipTests(AppFactory app) : MembershipTest(app)
{
    private static long Cell(AngleSharp.Dom.IElement row, string column) =>
        Number(row.QuerySelector($"td[data-col={column}]")!.TextContent.Split('(')[0]);

    [Fact]
    public async Task Members_against_target_equal_direct_counts_and_move_with_an_enrolment()
    {
        var drive = await MpDriveAsync();
        var state = await SignInAsync(InChargeMp);

        async Task CheckAsync()
        {
            var page = await GetDocumentAsync(state, "/Dashboard");
            var byDivision = await App.WithDbAsync(db => db.Members.Where(m => m.DriveId == drive).GroupBy(m => m.DivisionId!.Value)
                .Select(g => new { g.Key, N = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.N));
            var targets = await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive && t.Level == TerritoryLevel.District)
                .GroupBy(t => t.DivisionId!.Value).Select(g => new { g.Key, N = g.Sum(t => (long)t.Target) }).ToDictionaryAsync(g => g.Key, g => g.N));
            Assert.Equal(byDivision.Values.Sum(), Number(page.QuerySelector("[data-testid=members-enrolled]")!.FirstChild!.TextContent));
            Assert.Equal(targets.Values.Sum(), Number(page.QuerySelector("[data-testid=members-enrolled] small")!.TextContent));
            var rows = page.QuerySelectorAll("[data-testid=units] tbody tr");
            Assert.Equal(10, rows.Length);
            foreach (var row in rows)
            {
                var division = int.Parse(row.QuerySelector("td[data-id]")!.GetAttribute("data-id")!, CultureInfo.InvariantCulture);
                Assert.Equal(byDivision.GetValueOrDefault(division), Cell(row, "members"));
            }
            // The chart draws the same figures: enrolled and target per division, in the table's order of names.
            var sets = System.Text.Json.JsonDocument.Parse(page.QuerySelector("[data-testid=chart-membership]")!.GetAttribute("data-sets")!).RootElement;
            Assert.Equal(byDivision.Values.Sum(), sets[0].GetProperty("data").EnumerateArray().Sum(v => v.GetInt64()));
            Assert.Equal(targets.Values.Sum(), sets[1].GetProperty("data").EnumerateArray().Sum(v => v.GetInt64()));
        }

        await CheckAsync();
        var president = await SignInAsync(PresidentBhopal);
        var booth = await BoothInAsync("Bhopal");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(president, $"/Membership/Enrol/{drive}?booth={booth.Id}", new()
        {
            ["Input.Name"] = "Kamla Devi", ["Input.Mobile"] = "98111 22334", ["Input.Gender"] = "Female", ["Input.BirthYear"] = "1975",
            ["Input.Channel"] = "PaperForm", ["Input.EnrolledOn"] = TodayInIndia.ToString("yyyy-MM-dd"), ["Input.EnrolledBy"] = "Booth agent",
        })).StatusCode);
        await CheckAsync();

        // The district president's own dashboard: Bhopal's members and target, and its blocks' members.
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var own = await GetDocumentAsync(president, $"/Dashboard/{bhopal}");
        var direct = await App.WithDbAsync(db => db.Members.LongCountAsync(m => m.DriveId == drive && m.DistrictId == bhopal));
        Assert.Equal(direct, Number(own.QuerySelector("[data-testid=members-enrolled]")!.FirstChild!.TextContent));
        var target = await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive && t.TerritoryId == bhopal).Select(t => t.Target).SingleAsync());
        Assert.Equal(target, Number(own.QuerySelector("[data-testid=members-enrolled] small")!.TextContent));
        Assert.Equal(direct, own.QuerySelectorAll("[data-testid=units] tbody tr").Sum(r => Cell(r, "members")));

        // A district without a target shows its members and no target (not a target of 0).
        await App.WithDbAsync(db => db.DriveTargets.Where(t => t.DriveId == drive && t.TerritoryId == bhopal).ExecuteDeleteAsync());
        var untargeted = await GetDocumentAsync(president, $"/Dashboard/{bhopal}");
        Assert.Equal(direct, Number(untargeted.QuerySelector("[data-testid=members-enrolled]")!.TextContent));
        Assert.Null(untargeted.QuerySelector("[data-testid=members-percent]"));
    }

    [Fact]
    public async Task Trend_by_month_equals_direct_counts_of_meetings_held_and_members_enrolled()
    {
        var drive = await MpDriveAsync();
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var client = await SignInAsync(InChargeMp);
        var csv = await client.GetStringAsync($"/Dashboard/{mp}?export=trend&format=csv");
        var lines = csv.Trim().Split('\n').Skip(1).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(12, lines.Count);
        var meetings = (await App.WithDbAsync(db => db.Meetings.Where(m => m.StateId == mp && m.Status == MeetingStatus.Held).Select(m => m.StartsUtc).ToListAsync()))
            .GroupBy(d => IndiaTime.ToIndia(d).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count());
        var members = (await App.WithDbAsync(db => db.Members.Where(m => m.DriveId == drive).Select(m => m.EnrolledOn).ToListAsync()))
            .GroupBy(d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var line in lines)
        {
            Assert.Equal(meetings.GetValueOrDefault(line[0]), int.Parse(line[1], CultureInfo.InvariantCulture));
            Assert.Equal(members.GetValueOrDefault(line[0]), int.Parse(line[2], CultureInfo.InvariantCulture));
        }
        // The demo has held meetings and enrolments within the year, so the comparison is not between zeros.
        Assert.Contains(lines, l => l[1] != "0");
        Assert.Contains(lines, l => l[2] != "0");
    }

    [Fact]
    public async Task Focus_seats_show_the_members_enrolled_at_their_booths()
    {
        var drive = await MpDriveAsync();
        var client = await SignInAsync(InChargeMp);
        var page = await GetDocumentAsync(client, "/Dashboard");
        var cells = page.QuerySelectorAll("[data-testid=focus-seats] td[data-col=members]");
        Assert.NotEmpty(cells);
        foreach (var cell in cells)
        {
            var seat = int.Parse(cell.GetAttribute("data-id")!, CultureInfo.InvariantCulture);
            var direct = await App.WithDbAsync(db => db.Members.LongCountAsync(m => m.DriveId == drive
                && db.Territories.Any(b => b.Id == m.BoothId && b.AssemblyConstituencyId == seat)));
            Assert.Equal(direct, Number(cell.TextContent));
        }
    }

    [Fact]
    public async Task A_district_president_gets_no_trend_or_membership_figures_of_another_district()
    {
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var president = await SignInAsync(PresidentBhopal);
        Assert.Equal(HttpStatusCode.NotFound, (await president.GetAsync($"/Dashboard/{indore}?export=trend&format=csv")).StatusCode);
        var own = await GetDocumentAsync(president, "/Dashboard");
        var labels = own.QuerySelector("[data-testid=chart-membership]")!.GetAttribute("data-labels")!;
        Assert.DoesNotContain("Indore", labels);
        Assert.DoesNotContain("Sehore", own.Body!.TextContent);
    }
}
