using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Dashboard;

public class DashboardTests(AppFactory app) : IntegrationTest(app)
{
    private sealed record Figures(int Booths, int WithAgent, int Vacancies, int Inactive, int Overdue);

    /// <summary>The figures of a district computed straight from the base tables, the slow way.</summary>
    private Task<Figures> DirectAsync(int districtId) => App.WithDbAsync(async db =>
    {
        var booths = db.Territories.Where(b => b.Level == TerritoryLevel.Booth && b.DistrictId == districtId);
        var total = await booths.CountAsync();
        var withAgent = await booths.CountAsync(b => db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null));
        var territories = await db.Territories.Where(t => (t.Id == districtId || t.DistrictId == districtId) && t.Level < TerritoryLevel.Booth)
            .Select(t => new { t.Id, t.Level }).ToListAsync();
        var posts = await db.Posts.Where(p => p.Sanctioned != null).ToListAsync();
        var holders = await db.Appointments.Where(a => a.To == null && a.WingId == ReferenceData.MainWingId && (a.TerritoryId == districtId || a.DistrictId == districtId))
            .GroupBy(a => new { a.TerritoryId, a.PostId }).Select(g => new { g.Key.TerritoryId, g.Key.PostId, N = g.Count() }).ToListAsync();
        var vacancies = territories.Sum(t => posts.Where(p => p.Level == t.Level)
            .Sum(p => p.Sanctioned!.Value - Math.Min(p.Sanctioned.Value, holders.Where(h => h.TerritoryId == t.Id && h.PostId == p.Id).Sum(h => h.N))));
        var inactive = await db.Appointments.CountAsync(a => a.DistrictId == districtId && a.To == null && a.InactiveSince != null);
        var overdue = (await db.ActionItems.Where(a => a.DistrictId == districtId).ToListAsync()).Count(a => a.IsOverdue(TodayInIndia));
        return new Figures(total, withAgent, vacancies, inactive, overdue);
    });

    private static async Task<Figures> ShownAsync(HttpClient client, int districtId)
    {
        var page = await GetDocumentAsync(client, $"/Dashboard/{districtId}");
        int N(string id) => int.Parse(page.QuerySelector($"[data-testid={id}]")!.TextContent.Replace(",", "").Trim());
        var label = page.QuerySelector("[data-testid=agent-coverage]")!.ParentElement!.QuerySelector(".label")!.TextContent;
        var counts = System.Text.RegularExpressions.Regex.Match(label, @"\(([\d,]+)/([\d,]+)\)");
        return new Figures(int.Parse(counts.Groups[2].Value.Replace(",", "")), int.Parse(counts.Groups[1].Value.Replace(",", "")), N("vacancies"), N("inactive"),
            N("overdue"));
    }

    [Fact]
    public async Task Dashboard_figures_equal_direct_counts_before_and_after_a_batch_of_changes()
    {
        var client = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        Assert.Equal(await DirectAsync(bhopal), await ShownAsync(client, bhopal));

        // A new booth agent, an ended district appointment, a flagged one, and a new vice-president.
        var booth = await App.WithDbAsync(db => db.Territories.Where(b => b.Level == TerritoryLevel.Booth && b.DistrictId == bhopal
            && !db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null)).Select(b => b.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={booth}", new()
        {
            ["Input.Mobile"] = "98260 55555", ["Input.NameEn"] = "New Agent", ["Input.NameHi"] = "नया एजेंट",
            ["Input.PostId"] = ReferenceData.BoothAgentPostId.ToString(), ["Input.WingId"] = "1", ["Input.From"] = TodayInIndia.ToString("yyyy-MM-dd"),
        })).StatusCode);
        var ending = await App.WithDbAsync(db => db.Appointments.Where(a => a.TerritoryId == bhopal && a.PostId == 34 && a.To == null)
            .Select(a => new { a.Id, a.Version }).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/OfficeBearers/Appointment/{ending.Id}?handler=End",
            new() { ["Version"] = ending.Version.ToString(), ["End.On"] = TodayInIndia.ToString("yyyy-MM-dd"), ["End.Reason"] = "Resigned" },
            formPage: $"/OfficeBearers/Appointment/{ending.Id}")).StatusCode);
        var flagging = await App.WithDbAsync(db => db.Appointments.Where(a => a.DistrictId == bhopal && a.To == null && a.InactiveSince == null)
            .Select(a => new { a.Id, a.Version }).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/OfficeBearers/Appointment/{flagging.Id}?handler=Inactive",
            new() { ["Version"] = flagging.Version.ToString(), ["Inactive.Since"] = TodayInIndia.ToString("yyyy-MM-dd"), ["Inactive.Reason"] = "Absent" },
            formPage: $"/OfficeBearers/Appointment/{flagging.Id}")).StatusCode);
        // An overdue action item done, another one due later again, one due today (not overdue yet).
        await App.WithDbAsync(async db =>
        {
            var items = await db.ActionItems.Where(a => a.DistrictId == bhopal && (a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress)
                && a.DueOn < TodayInIndia).OrderBy(a => a.Id).Take(2).ToListAsync();
            Assert.Equal(2, items.Count);
            items[0].SetStatus(ActionItemStatus.Done, TodayInIndia);
            items[1].DueOn = TodayInIndia.AddDays(7);
            db.ActionItems.Add(new ActionItem
            {
                MeetingId = items[1].MeetingId, Text = "Call the block presidents", OwnerId = items[1].OwnerId, TerritoryId = items[1].TerritoryId,
                StateId = items[1].StateId, DivisionId = items[1].DivisionId, DistrictId = bhopal, DueOn = TodayInIndia, CreatedUtc = UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(await DirectAsync(bhopal), await ShownAsync(client, bhopal));
    }

    [Fact]
    public async Task State_dashboard_totals_are_the_sum_of_its_divisions()
    {
        var client = await SignInAsync(InChargeMp);
        var page = await GetDocumentAsync(client, "/Dashboard");
        var rows = page.QuerySelectorAll("[data-testid=units] tbody tr");
        Assert.Equal(10, rows.Length);
        // The state's own posts (its executive) are in the footer row; with the divisions they make the total.
        var vacancies = rows.Append(page.QuerySelector("[data-testid=own-posts]")!)
            .Sum(r => int.Parse(r.QuerySelector("td[data-col=vacancies]")!.TextContent.Replace(",", "").Trim()));
        Assert.Equal(int.Parse(page.QuerySelector("[data-testid=vacancies]")!.TextContent.Replace(",", "").Trim()), vacancies);
    }

    [Fact]
    public async Task The_meetings_figure_and_the_list_behind_its_link_agree_at_every_level()
    {
        var client = await SignInAsync(InChargeMp);
        foreach (var (name, level) in new[] { ("Madhya Pradesh", TerritoryLevel.State), ("Bhopal", TerritoryLevel.Division), ("Bhopal", TerritoryLevel.District) })
        {
            var page = await GetDocumentAsync(client, $"/Dashboard/{await TerritoryIdAsync(name, level)}");
            var shown = int.Parse(page.QuerySelector("[data-testid=meetings-held]")!.TextContent.Replace(",", "").Trim());
            Assert.True(shown > 0, $"{name}: the demo holds meetings in the last 30 days");
            var href = page.QuerySelector("[data-testid=meetings-link]")!.GetAttribute("href")!;
            var list = await GetDocumentAsync(client, System.Net.WebUtility.HtmlDecode(href));
            Assert.Equal($"{shown:N0} meetings".Replace(",", ""), list.QuerySelector("[data-testid=meeting-count]")!.TextContent.Replace(",", "").Trim());
        }
    }

    [Fact]
    public async Task The_silent_units_export_lists_every_silent_unit_of_the_dashboard_and_nothing_outside_it()
    {
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        await App.WithDbAsync(db => db.UnitActivities.Where(u => u.DistrictId == bhopal).ExecuteDeleteAsync());
        var president = await SignInAsync(PresidentBhopal);
        var page = await GetDocumentAsync(president, $"/Dashboard/{bhopal}");
        var silent = int.Parse(page.QuerySelector("[data-testid=silent]")!.TextContent.Trim());
        Assert.True(silent > 0);
        var csv = (await president.GetStringAsync($"/Dashboard/{bhopal}?export=silent&format=csv")).Trim().Split('\n');
        Assert.Equal(silent, csv.Length - 1);
        Assert.Contains(csv, l => l.StartsWith("Bhopal,District,"));
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.NotFound, (await president.GetAsync($"/Dashboard/{indore}?export=silent&format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task Every_role_lands_on_its_own_dashboard()
    {
        foreach (var (user, name) in new[] { (InChargeMp, "Madhya Pradesh"), (DivisionBhopal, "Bhopal"), (PresidentBhopal, "Bhopal"), (InChargeUp, "Uttar Pradesh") })
        {
            var client = await SignInAsync(user);
            var landing = await client.GetAsync("/");
            Assert.StartsWith("/Dashboard/", landing.Headers.Location!.OriginalString);
            var page = await GetDocumentAsync(client, landing.Headers.Location.OriginalString);
            Assert.Equal(name, page.QuerySelector("[data-testid=territory-name]")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Nobody_sees_a_dashboard_or_its_exports_outside_their_scope()
    {
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var bhopalDivision = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var president = await SignInAsync(PresidentBhopal);
        foreach (var url in new[] { $"/Dashboard/{indore}", $"/Dashboard/{bhopalDivision}", $"/Dashboard/{mp}", $"/Dashboard/{indore}?export=csv", $"/Dashboard/{indore}?export=focus" })
            Assert.Equal(HttpStatusCode.NotFound, (await president.GetAsync(url)).StatusCode);
        var up = await SignInAsync(InChargeUp);
        Assert.Equal(HttpStatusCode.NotFound, (await up.GetAsync($"/Dashboard/{mp}?export=xlsx")).StatusCode);
        var csv = await (await president.GetAsync("/Dashboard?export=csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Indore", csv);
        // A header, the three blocks and the district's own posts.
        Assert.Equal(5, csv.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task Focus_seats_are_lost_seats_under_the_margin_closest_first()
    {
        var client = await SignInAsync(InChargeMp);
        var page = await GetDocumentAsync(client, "/Dashboard");
        var margins = page.QuerySelectorAll("[data-testid=focus-seats] tbody tr td:nth-child(4)")
            .Select(td => decimal.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var expected = await App.WithDbAsync(db => db.AssemblyConstituencies.CountAsync(a => a.StateId == db.Territories.First(t => t.Code == "MP").Id
            && a.PartyOutcome == ElectionOutcome.Lost && a.MarginPercent < 5m));
        Assert.Equal(expected, margins.Count);
        Assert.Equal(margins.OrderBy(m => m), margins);
    }

    [Fact]
    public async Task Focus_seats_figures_equal_direct_counts_of_their_booths_and_blocks()
    {
        var client = await SignInAsync(InChargeMp);
        var page = await GetDocumentAsync(client, "/Dashboard");
        var rows = page.QuerySelectorAll("[data-testid=focus-seats] tbody tr").Where(r => r.QuerySelector("a[href*='ac=']") is not null).ToList();
        Assert.NotEmpty(rows);
        var meetingsSince = OrgTracker.Web.Platform.IndiaTime.DayStartUtc(TodayInIndia.AddDays(-30));
        var compared = new List<(int Booths, int WithAgent, int Meetings, int Vacancies)>();
        foreach (var row in rows)
        {
            var seat = int.Parse(System.Text.RegularExpressions.Regex.Match(row.QuerySelector("a[href*='ac=']")!.GetAttribute("href")!, @"ac=(\d+)").Groups[1].Value);
            int Cell(int n) => int.Parse(row.QuerySelectorAll("td")[n].TextContent.Split('/')[0].Replace(",", "").Trim());
            var expected = await App.WithDbAsync(async db =>
            {
                var booths = db.Territories.Where(b => b.Level == TerritoryLevel.Booth && b.AssemblyConstituencyId == seat);
                var blocks = await booths.Select(b => b.BlockId!.Value).Distinct().ToListAsync();
                var withAgent = await booths.CountAsync(b => db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null));
                // Meetings held in the last 30 days in the blocks the seat's booths lie in, and their vacant posts.
                var meetings = await db.Meetings.CountAsync(m => m.BlockId != null && blocks.Contains(m.BlockId.Value)
                    && m.Status == MeetingStatus.Held && m.StartsUtc >= meetingsSince);
                var territories = await db.Territories.Where(t => (blocks.Contains(t.Id) || (t.BlockId != null && blocks.Contains(t.BlockId.Value))) && t.Level < TerritoryLevel.Booth)
                    .Select(t => new { t.Id, t.Level }).ToListAsync();
                var ids = territories.Select(t => t.Id).ToList();
                var posts = await db.Posts.Where(p => p.Sanctioned != null).ToListAsync();
                var holders = await db.Appointments.Where(a => a.To == null && a.WingId == ReferenceData.MainWingId && ids.Contains(a.TerritoryId))
                    .GroupBy(a => new { a.TerritoryId, a.PostId }).Select(g => new { g.Key.TerritoryId, g.Key.PostId, N = g.Count() }).ToListAsync();
                var vacancies = territories.Sum(t => posts.Where(p => p.Level == t.Level)
                    .Sum(p => p.Sanctioned!.Value - Math.Min(p.Sanctioned.Value, holders.Where(h => h.TerritoryId == t.Id && h.PostId == p.Id).Sum(h => h.N))));
                return (Booths: await booths.CountAsync(), WithAgent: withAgent, Meetings: meetings, Vacancies: vacancies);
            });
            var agents = row.QuerySelectorAll("td")[5].TextContent.Split('/');
            Assert.Equal(expected, (int.Parse(agents[1].Replace(",", "").Trim()), int.Parse(agents[0].Replace(",", "").Trim()), Cell(7), Cell(8)));
            compared.Add(expected);
        }
        // The demo data gives the comparison something to compare: meetings held and vacant posts in some seat's blocks.
        Assert.Contains(compared, c => c.Meetings > 0);
        Assert.Contains(compared, c => c.Vacancies > 0 && c.WithAgent > 0);
    }

    [Fact]
    public async Task Recording_work_takes_a_block_off_the_silent_list()
    {
        var client = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        await App.WithDbAsync(db => db.UnitActivities.Where(u => u.DistrictId == bhopal).ExecuteDeleteAsync());
        var before = await GetDocumentAsync(client, $"/Dashboard/{bhopal}");
        Assert.Equal("4", before.QuerySelector("[data-testid=silent]")!.TextContent.Trim());
        var booth = await App.WithDbAsync(db => db.Territories.Where(b => b.Level == TerritoryLevel.Booth && b.DistrictId == bhopal
            && !db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null)).Select(b => b.Id).FirstAsync());
        await PostFormAsync(client, $"/OfficeBearers/Appoint?territory={booth}", new()
        {
            ["Input.Mobile"] = "98260 66666", ["Input.NameEn"] = "Agent", ["Input.NameHi"] = "एजेंट",
            ["Input.PostId"] = ReferenceData.BoothAgentPostId.ToString(), ["Input.WingId"] = "1", ["Input.From"] = TodayInIndia.ToString("yyyy-MM-dd"),
        });
        var after = await GetDocumentAsync(client, $"/Dashboard/{bhopal}");
        // The district and the booth's block are active again.
        Assert.Equal("2", after.QuerySelector("[data-testid=silent]")!.TextContent.Trim());
    }
}
