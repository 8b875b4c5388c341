using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.People;

public class TrainingNeededTests(AppFactory app) : IntegrationTest(app)
{
    /// <summary>A Bhopal person who came from another party and has no training recorded.</summary>
    private Task<Person> UntrainedInBhopalAsync() => App.WithDbAsync(async db =>
    {
        var person = await db.People
            .Where(p => db.Territories.Any(d => d.Id == p.DistrictId && d.NameEn == "Bhopal" && d.Level == TerritoryLevel.District)
                        && !db.Trainings.Any(t => t.PersonId == p.Id))
            .OrderBy(p => p.Id).FirstAsync();
        (person.NameEn, person.FormerParty) = ("Zubeida Ansari", "BSP");
        await db.SaveChangesAsync();
        return person;
    });

    private static bool Listed(IDocument page, int personId) =>
        page.QuerySelector($"[data-testid=training-needed] tr[data-person='{personId}']") is not null;

    [Fact]
    public async Task Recording_a_training_removes_the_person_from_the_training_list()
    {
        var person = await UntrainedInBhopalAsync();
        var client = await SignInAsync(PresidentBhopal);
        Assert.True(Listed(await GetDocumentAsync(client, "/OfficeBearers/Training"), person.Id));
        var details = await GetDocumentAsync(client, $"/People/Details/{person.Id}");
        Assert.NotNull(details.QuerySelector("[data-testid=needs-training]"));

        var today = TodayInIndia.ToString("yyyy-MM-dd");
        var response = await PostFormAsync(client, $"/People/Details/{person.Id}?handler=Training",
            new() { ["NewTraining.On"] = today, ["NewTraining.Description"] = "Orientation at the district office" }, formPage: $"/People/Details/{person.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.False(Listed(await GetDocumentAsync(client, "/OfficeBearers/Training"), person.Id));
        details = await GetDocumentAsync(client, $"/People/Details/{person.Id}");
        Assert.Null(details.QuerySelector("[data-testid=needs-training]"));
        Assert.Contains("Orientation at the district office", details.QuerySelector("[data-testid=trainings]")!.TextContent);
    }

    [Theory]
    [InlineData("2999-01-01", "", "The training date cannot be in the future.", "Say what the training was.")]
    [InlineData("yesterday", "Camp", "Enter a date from 1950 to today, as dd-MM-yyyy.", "")]
    public async Task A_training_needs_a_past_date_and_a_description(string on, string description, string dateMessage, string descriptionMessage)
    {
        var person = await UntrainedInBhopalAsync();
        var client = await SignInAsync(OfficeMp);
        var response = await PostFormAsync(client, $"/People/Details/{person.Id}?handler=Training",
            new() { ["NewTraining.On"] = on, ["NewTraining.Description"] = description }, formPage: $"/People/Details/{person.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal(dateMessage, page.QuerySelector("[data-valmsg-for='NewTraining.On']")!.TextContent.Trim());
        Assert.Equal(descriptionMessage, page.QuerySelector("[data-valmsg-for='NewTraining.Description']")!.TextContent.Trim());
        Assert.False(await App.WithDbAsync(db => db.Trainings.AnyAsync(t => t.PersonId == person.Id)));
    }

    [Fact]
    public async Task The_state_sees_the_list_by_district_and_a_district_president_only_their_own()
    {
        var person = await UntrainedInBhopalAsync();
        var state = await SignInAsync(InChargeMp);
        var all = await GetDocumentAsync(state, "/OfficeBearers/Training");
        var expected = await App.WithDbAsync(db => db.People.CountAsync(p => p.StateId == person.StateId && p.FormerParty != null && !db.Trainings.Any(t => t.PersonId == p.Id)));
        Assert.Equal($"({expected})", all.QuerySelector("[data-testid=training-total]")!.TextContent.Trim());
        var bhopal = await GetDocumentAsync(state, $"/OfficeBearers/Training?district={person.DistrictId}");
        Assert.True(Listed(bhopal, person.Id));
        var inBhopal = await App.WithDbAsync(db => db.TrainingNeeds.CountAsync(n => n.DistrictId == person.DistrictId));
        Assert.Equal($"({inBhopal})", bhopal.QuerySelector("[data-testid=training-total]")!.TextContent.Trim());

        var indore = await SignInAsync(PresidentIndore);
        Assert.False(Listed(await GetDocumentAsync(indore, "/OfficeBearers/Training"), person.Id));
        Assert.False(Listed(await GetDocumentAsync(indore, $"/OfficeBearers/Training?district={person.DistrictId}"), person.Id));
    }

    [Fact]
    public async Task The_list_exports_to_csv_and_excel()
    {
        var person = await UntrainedInBhopalAsync();
        var client = await SignInAsync(PresidentBhopal);

        var csv = await client.GetAsync("/OfficeBearers/Training?handler=Export&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("Name (English),Name (Hindi),Mobile,District,Came from party", text);
        Assert.Contains($"Zubeida Ansari,{person.NameHi},{person.Mobile},Bhopal,BSP", text);

        var xlsx = await client.GetAsync("/OfficeBearers/Training?handler=Export&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["Name (English)"] == "Zubeida Ansari" && (string)r["Mobile"] == person.Mobile);
        Assert.Equal(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1, rows.Count);
    }

    [Fact]
    public async Task Each_page_of_the_state_list_is_its_slice_of_the_whole_list_in_district_and_name_order()
    {
        // Enough people for several pages: in a few districts, and some of a division's own (no district: they come last).
        var state = await App.WithDbAsync(async db =>
        {
            var places = await db.Territories
                .Where(t => (t.Level == TerritoryLevel.District && (t.NameEn == "Bhopal" || t.NameEn == "Indore" || t.NameEn == "Sehore"))
                            || (t.Level == TerritoryLevel.Division && t.NameEn == "Bhopal")).ToListAsync();
            Assert.Equal(4, places.Count);
            for (var i = 0; i < 130; i++)
            {
                var p = new Person { NameEn = $"Trainee {(i * 37) % 130:000}", NameHi = "प्रशिक्षु", Mobile = $"+91900001{i:0000}", FormerParty = "Other Party" };
                p.PlaceIn(places[i % places.Count]);
                db.People.Add(p);
            }
            await db.SaveChangesAsync();
            return places[0].StateId;
        });
        var expected = await App.WithDbAsync(db => db.TrainingNeeds.Where(n => n.StateId == state)
            .OrderBy(n => db.Territories.Where(t => t.Id == n.DistrictId).Select(t => t.NameEn).FirstOrDefault()).ThenBy(n => n.NameEn).ThenBy(n => n.PersonId)
            .Select(n => n.PersonId).ToListAsync());
        Assert.True(expected.Count > 150);

        var client = await SignInAsync(InChargeMp);
        var listed = new List<int>();
        for (var page = 1; page <= (expected.Count + 49) / 50; page++)
        {
            var doc = await GetDocumentAsync(client, $"/OfficeBearers/Training?p={page}");
            listed.AddRange(doc.QuerySelectorAll("[data-testid=training-needed] tr[data-person]").Select(r => int.Parse(r.GetAttribute("data-person")!)));
        }
        Assert.Equal(expected, listed);
    }
}
