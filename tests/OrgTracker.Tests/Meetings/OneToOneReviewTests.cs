using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Meetings;

/// <summary>
/// District one-to-one reviews: a meeting of the type one-to-one at a district keeps the district's arrangements,
/// challenges and the strategy agreed; its decisions' action items are the agreed points; the board shows every
/// district of the user's scope with its last review, and the district's page lists the review and its open points.
/// </summary>
public class OneToOneReviewTests(AppFactory app) : IntegrationTest(app)
{
    private static string Local(DateTime ist) => ist.ToString("yyyy-MM-ddTHH:mm");

    private static Dictionary<string, string> ReviewForm(int district, DateTime startsIst, string strategy) => new()
    {
        ["Input.Title"] = "One-to-one review – Indore", ["Input.Type"] = "OneToOne", ["Input.TerritoryId"] = district.ToString(),
        ["Input.Status"] = "Held", ["Input.Starts"] = Local(startsIst), ["Input.Ends"] = Local(startsIst.AddHours(1)),
        ["Input.Venue"] = "State Congress office, Bhopal", ["Input.Chair"] = "State in-charge",
        ["Input.Arrangements"] = "Block committees in all 12 blocks.", ["Input.Challenges"] = "मतदाता सूची में नाम छूटे हैं।",
        ["Input.Strategy"] = strategy,
        ["Rule.Levels"] = "District", ["Rule.Posts"] = "PRES",
    };

    /// <summary>Districts of the state with a one-to-one review held at the district, counted afresh.</summary>
    private Task<List<int>> ReviewedDistrictsAsync(string stateCode) => App.WithDbAsync(db => db.Meetings
        .Where(m => m.Type == MeetingType.OneToOne && m.Level == TerritoryLevel.District && m.Status == MeetingStatus.Held
                    && db.Territories.Any(s => s.Id == m.StateId && s.Code == stateCode))
        .Select(m => m.TerritoryId).Distinct().OrderBy(id => id).ToListAsync());

    private static List<int> Districts(AngleSharp.Dom.IDocument board, bool reviewed) => board.QuerySelectorAll("[data-testid=reviews] tbody tr[data-district]")
        .Where(r => r.ClassList.Contains("table-danger") != reviewed).Select(r => int.Parse(r.GetAttribute("data-district")!)).OrderBy(id => id).ToList();

    [Fact]
    public async Task The_board_shows_every_district_of_the_state_with_its_last_review_and_flags_those_without()
    {
        var board = await GetDocumentAsync(await SignInAsync(InChargeMp), "/Meetings/Reviews");
        var reviewed = await ReviewedDistrictsAsync("MP");
        var all = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.District && db.Territories.Any(s => s.Id == t.StateId && s.Code == "MP")).CountAsync());

        // The demo holds reviews for the districts of the Bhopal and Narmadapuram divisions.
        Assert.Contains(await TerritoryIdAsync("Bhopal", TerritoryLevel.District), reviewed);
        Assert.Equal(reviewed, Districts(board, reviewed: true));
        Assert.Equal(all - reviewed.Count, Districts(board, reviewed: false).Count);
        Assert.Equal($"{reviewed.Count} of {all} districts have had their one-to-one review.", board.QuerySelector("[data-testid=reviews-summary]")!.TextContent.Trim());
        var indore = board.QuerySelector($"tr[data-district='{await TerritoryIdAsync("Indore", TerritoryLevel.District)}']")!;
        Assert.Equal("Not held yet", indore.QuerySelector("[data-testid=last-review]")!.TextContent.Trim());

        // One division at a time.
        var bhopalDivision = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var division = await GetDocumentAsync(await SignInAsync(InChargeMp), $"/Meetings/Reviews?division={bhopalDivision}");
        var inDivision = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.District && t.DivisionId == bhopalDivision).Select(t => t.Id).OrderBy(id => id).ToListAsync());
        Assert.Equal(inDivision, Districts(division, reviewed: true).Concat(Districts(division, reviewed: false)).Order().ToList());
    }

    [Theory]
    [InlineData(PresidentBhopal, "Bhopal")]
    [InlineData(PresidentIndore, "Indore")]
    public async Task A_district_president_sees_only_their_own_district_on_the_board(string user, string district)
    {
        var board = await GetDocumentAsync(await SignInAsync(user), "/Meetings/Reviews");
        var rows = board.QuerySelectorAll("[data-testid=reviews] tbody tr[data-district]").Select(r => int.Parse(r.GetAttribute("data-district")!)).ToList();
        Assert.Equal([await TerritoryIdAsync(district, TerritoryLevel.District)], rows);
    }

    [Fact]
    public async Task Another_states_in_charge_sees_none_of_this_states_districts_or_reviews()
    {
        var client = await SignInAsync(InChargeUp);
        var board = await GetDocumentAsync(client, "/Meetings/Reviews");
        var mpDistricts = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.District && db.Territories.Any(s => s.Id == t.StateId && s.Code == "MP")).Select(t => t.Id).ToListAsync());
        Assert.DoesNotContain(board.QuerySelectorAll("tr[data-district]").Select(r => int.Parse(r.GetAttribute("data-district")!)), mpDistricts.Contains);
        Assert.DoesNotContain("Bhopal", board.Body!.TextContent);
        var bhopalReview = await App.WithDbAsync(db => db.Meetings.Where(m => m.Type == MeetingType.OneToOne && m.Territory!.NameEn == "Bhopal" && m.Level == TerritoryLevel.District).Select(m => m.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Meetings/Details/{bhopalReview}")).StatusCode);
    }

    [Fact]
    public async Task The_in_charge_logs_a_review_whose_agreed_point_shows_on_the_districts_page_and_the_board()
    {
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var client = await SignInAsync(InChargeMp);
        var start = TodayInIndia.ToDateTime(new TimeOnly(10, 0)).AddDays(-1);
        var response = await client.PostAsync("/Meetings/Edit", await WithTokenAsync(client, "/Meetings/Edit",
            ReviewForm(indore, start, "Booth agents in every urban ward by the end of the month.")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var saved = await App.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting));
        Assert.Equal((MeetingType.OneToOne, TerritoryLevel.District, "मतदाता सूची में नाम छूटे हैं।"), (saved.Type, saved.Level, saved.Challenges));

        var details = await GetDocumentAsync(client, $"/Meetings/Details/{meeting}");
        Assert.Equal("Block committees in all 12 blocks.", details.QuerySelector("[data-testid=arrangements]")!.TextContent);
        Assert.Equal("Booth agents in every urban ward by the end of the month.", details.QuerySelector("[data-testid=strategy]")!.TextContent);

        // The agreed point: a decision with its action item, owned by the district president who was invited.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Meetings/Details/{meeting}?handler=Decision",
            await WithTokenAsync(client, $"/Meetings/Details/{meeting}", new() { ["Decision.Text"] = "Booth agents in the urban wards" }))).StatusCode);
        var owner = await App.WithDbAsync(db => db.MeetingInvitees.Where(i => i.MeetingId == meeting).Select(i => i.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Meetings/Details/{meeting}?handler=Action",
            await WithTokenAsync(client, $"/Meetings/Details/{meeting}", new()
            {
                ["Action.Text"] = "Appoint booth agents in wards 1 to 20", ["Action.OwnerInviteeId"] = owner.ToString(),
                ["Action.DueOn"] = TodayInIndia.AddDays(20).ToString("yyyy-MM-dd"),
            }))).StatusCode);

        foreach (var user in new[] { InChargeMp, PresidentIndore })
        {
            var page = await GetDocumentAsync(await SignInAsync(user), $"/Territories/{indore}");
            var section = page.QuerySelector("[data-testid=district-reviews]")!;
            Assert.Equal("Booth agents in every urban ward by the end of the month.", section.QuerySelector("[data-testid=review-strategy]")!.TextContent);
            Assert.Contains("Appoint booth agents in wards 1 to 20", section.QuerySelector("[data-testid=agreed-points]")!.TextContent);
        }
        var board = await GetDocumentAsync(client, "/Meetings/Reviews");
        var row = board.QuerySelector($"tr[data-district='{indore}']")!;
        Assert.False(row.ClassList.Contains("table-danger"));
        Assert.Equal(start.ToString("dd-MM-yyyy"), row.QuerySelector("[data-testid=last-review]")!.TextContent.Trim());

        // Bhopal's president reads nothing of it.
        var bhopal = await SignInAsync(PresidentBhopal);
        Assert.Equal(HttpStatusCode.NotFound, (await bhopal.GetAsync($"/Meetings/Details/{meeting}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bhopal.GetAsync($"/Territories/{indore}")).StatusCode);
    }

    [Fact]
    public async Task A_review_too_long_is_refused_beside_the_field_and_another_type_keeps_no_review_record()
    {
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var client = await SignInAsync(InChargeMp);
        var start = TodayInIndia.ToDateTime(new TimeOnly(10, 0)).AddDays(-1);
        var before = await App.WithDbAsync(db => db.Meetings.CountAsync());
        var tooLong = await client.PostAsync("/Meetings/Edit", await WithTokenAsync(client, "/Meetings/Edit", ReviewForm(indore, start, new string('x', 8001))));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("at most 8000 characters", (await ParseAsync(tooLong)).QuerySelector("[data-valmsg-for='Input.Strategy']")!.TextContent);
        Assert.Equal(before, await App.WithDbAsync(db => db.Meetings.CountAsync()));

        var review = ReviewForm(indore, start, "A strategy");
        review["Input.Type"] = "Review";
        var response = await client.PostAsync("/Meetings/Edit", await WithTokenAsync(client, "/Meetings/Edit", review));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meeting = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var saved = await App.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting));
        Assert.Equal((null, null, null), (saved.Arrangements, saved.Challenges, saved.Strategy));
        Assert.DoesNotContain(indore, await ReviewedDistrictsAsync("MP"));
    }

    [Fact]
    public async Task The_board_downloads_with_every_district_of_the_scope()
    {
        var client = await SignInAsync(InChargeMp);
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/Meetings/Reviews?export=csv")).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("District,Division,Reviews held,Last review,Agreed points open,Of them overdue", lines[0]);
        var all = await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.District && db.Territories.Any(s => s.Id == t.StateId && s.Code == "MP")));
        Assert.Equal(all, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("Indore,Indore,0,,0,0"));
    }

    private static async Task<FormUrlEncodedContent> WithTokenAsync(HttpClient client, string formPage, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token))));
    }
}
