using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.People;

public class PeopleTests(AppFactory app) : IntegrationTest(app)
{
    /// <summary>A person of the district, arranged with a name and mobile no one else has.</summary>
    private Task<Person> PersonInAsync(string district, string nameEn, string nameHi, string mobile) => App.WithDbAsync(async db =>
    {
        var person = await db.People.Where(p => db.Territories.Any(d => d.Id == p.DistrictId && d.NameEn == district && d.Level == TerritoryLevel.District))
            .OrderBy(p => p.Id).FirstAsync();
        (person.NameEn, person.NameHi, person.Mobile) = (nameEn, nameHi, mobile);
        await db.SaveChangesAsync();
        return person;
    });

    private Task<Territory> BlockOfAsync(string district) => App.WithDbAsync(db => db.Territories.AsNoTracking()
        .Where(t => t.Level == TerritoryLevel.Block && db.Territories.Any(d => d.Id == t.DistrictId && d.NameEn == district && d.Level == TerritoryLevel.District))
        .OrderBy(t => t.Id).FirstAsync());

    private static string FieldMessage(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    private static List<string> Found(IDocument page) =>
        page.QuerySelectorAll("[data-testid=people] tbody a[href^='/People/Details/']").Select(a => a.GetAttribute("href")!).ToList();

    private static Dictionary<string, string> NewPerson(string mobile, int areaId, int? placeId = null) => new()
    {
        ["Input.NameEn"] = "Kamla Bai", ["Input.NameHi"] = "कमला बाई", ["Input.Mobile"] = mobile,
        ["Input.Gender"] = "Female", ["Input.BirthYear"] = "1975", ["Input.AreaId"] = areaId.ToString(),
        ["Input.PlaceId"] = placeId?.ToString() ?? "", ["Input.FormerParty"] = "", ["Input.JoinedOn"] = "",
    };

    [Fact]
    public async Task Search_finds_a_person_by_hindi_name_and_by_mobile_in_any_format()
    {
        var person = await PersonInAsync("Bhopal", "Zubeida Ansari", "ज़ुबैदा अंसारी", "+919876543210");
        var client = await SignInAsync(OfficeMp);
        var expected = $"/People/Details/{person.Id}";

        foreach (var query in new[] { "ज़ुबैदा", "zubeida ANS", "98765 43210", "098765-43210", "+91 98765 43210", "+919876543210" })
        {
            var page = await GetDocumentAsync(client, "/People?q=" + Uri.EscapeDataString(query));
            Assert.True(Found(page) is [var only] && only == expected, $"search for '{query}' found {string.Join(", ", Found(page))}");
        }
        var partial = await GetDocumentAsync(client, "/People?q=" + Uri.EscapeDataString("76543"));
        Assert.Contains(expected, Found(partial));
    }

    [Fact]
    public async Task District_president_searches_only_their_district()
    {
        var indore = await PersonInAsync("Indore", "Zubeida Ansari", "ज़ुबैदा अंसारी", "+919876543210");
        var client = await SignInAsync(PresidentBhopal);
        Assert.Empty(Found(await GetDocumentAsync(client, "/People?q=9876543210")));
        Assert.Empty(Found(await GetDocumentAsync(client, "/People?q=" + Uri.EscapeDataString("ज़ुबैदा"))));
        var all = await GetDocumentAsync(client, $"/People?district={indore.DistrictId}");
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var ids = Found(all).Select(h => int.Parse(h["/People/Details/".Length..])).ToList();
        Assert.NotEmpty(ids);
        Assert.True(await App.WithDbAsync(db => db.People.Where(p => ids.Contains(p.Id)).AllAsync(p => p.DistrictId == bhopal)));
    }

    [Fact]
    public async Task District_president_adds_a_person_with_a_normalised_mobile_in_their_district()
    {
        var client = await SignInAsync(PresidentBhopal);
        var block = await BlockOfAsync("Bhopal");
        var response = await PostFormAsync(client, "/People/Create", NewPerson("098765-43210", block.DistrictId!.Value, block.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString["/People/Details/".Length..]);
        var person = await App.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(("Kamla Bai", "कमला बाई", "+919876543210", Gender.Female, (int?)1975), (person.NameEn, person.NameHi, person.Mobile, person.Gender!.Value, person.BirthYear));
        Assert.Equal((block.Id, block.StateId, block.DivisionId, block.DistrictId), (person.HomeTerritoryId, person.StateId, person.DivisionId, person.DistrictId));

        var details = await GetDocumentAsync(client, $"/People/Details/{id}");
        Assert.Equal("+91 98765 43210", details.QuerySelector("[data-testid=person-mobile]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_duplicate_mobile_offers_the_existing_record_and_creates_nothing()
    {
        var existing = await PersonInAsync("Bhopal", "Zubeida Ansari", "ज़ुबैदा अंसारी", "+919876543210");
        var client = await SignInAsync(OfficeMp);
        var before = await App.WithDbAsync(db => db.People.CountAsync());

        var response = await PostFormAsync(client, "/People/Create", NewPerson("98765 43210", existing.DistrictId!.Value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("This mobile belongs to Zubeida Ansari.", FieldMessage(page, "Input.Mobile"));
        Assert.Equal($"/People/Details/{existing.Id}", page.QuerySelector("[data-testid=mobile-owner] a")!.GetAttribute("href"));
        Assert.Equal(before, await App.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task District_president_gets_a_generic_message_for_a_mobile_from_another_district()
    {
        await PersonInAsync("Indore", "Zubeida Ansari", "ज़ुबैदा अंसारी", "+919876543210");
        var client = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var before = await App.WithDbAsync(db => db.People.CountAsync());

        var response = await PostFormAsync(client, "/People/Create", NewPerson("+91 98765 43210", bhopal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await ParseAsync(response);
        Assert.Equal(OrgTracker.Web.Platform.PeopleQueries.MobileUnavailable, FieldMessage(page, "Input.Mobile"));
        Assert.Null(page.QuerySelector("[data-testid=mobile-owner]"));
        Assert.DoesNotContain("Zubeida", html);
        Assert.DoesNotContain("Indore", html);
        Assert.Equal(before, await App.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task District_president_cannot_open_or_edit_a_person_of_another_district()
    {
        var indore = await PersonInAsync("Indore", "Zubeida Ansari", "ज़ुबैदा अंसारी", "+919876543210");
        var client = await SignInAsync(PresidentBhopal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/People/Details/{indore.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/People/Edit/{indore.Id}")).StatusCode);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var post = await PostFormAsync(client, $"/People/Edit/{indore.Id}", NewPerson("+919876543210", bhopal), formPage: "/People/Create");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var training = await PostFormAsync(client, $"/People/Details/{indore.Id}?handler=Training",
            new() { ["NewTraining.On"] = "2025-01-01", ["NewTraining.Description"] = "x" }, formPage: "/People/Create");
        Assert.Equal(HttpStatusCode.NotFound, training.StatusCode);
        Assert.Equal("Zubeida Ansari", await App.WithDbAsync(db => db.People.Where(p => p.Id == indore.Id).Select(p => p.NameEn).SingleAsync()));
        Assert.False(await App.WithDbAsync(db => db.Trainings.AnyAsync(t => t.PersonId == indore.Id && t.Description == "x")));
    }

    [Fact]
    public async Task District_president_cannot_move_a_person_to_another_district()
    {
        var person = await PersonInAsync("Bhopal", "Zubeida Ansari", "ज़ुबैदा अंसारी", "+919876543210");
        var indoreBlock = await BlockOfAsync("Indore");
        var client = await SignInAsync(PresidentBhopal);
        var form = await GetDocumentAsync(client, $"/People/Edit/{person.Id}");
        var fields = NewPerson("+919876543210", indoreBlock.DistrictId!.Value, indoreBlock.Id);
        fields["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var response = await PostFormAsync(client, $"/People/Edit/{person.Id}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose a district within your area.", FieldMessage(await ParseAsync(response), "Input.AreaId"));
        Assert.Equal(person.HomeTerritoryId, await App.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.HomeTerritoryId).SingleAsync()));
    }

    [Fact]
    public async Task Read_only_roles_cannot_add_or_edit_people()
    {
        var person = await PersonInAsync("Bhopal", "Zubeida Ansari", "ज़ुबैदा अंसारी", "+919876543210");
        foreach (var user in new[] { DivisionBhopal, Admin })
        {
            var client = await SignInAsync(user);
            foreach (var url in new[] { "/People/Create", $"/People/Edit/{person.Id}", "/OfficeBearers/Import" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied"),
                    $"{user} {url}: {response.StatusCode}");
            }
            var details = await GetDocumentAsync(client, $"/People/Details/{person.Id}");
            Assert.Null(details.QuerySelector("[data-testid=training-form]"));
        }
    }

    [Fact]
    public async Task Bad_input_gets_messages_beside_the_fields_in_hindi_and_nothing_is_saved()
    {
        var client = await SignInAsync(OfficeMp, culture: "hi-IN");
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var before = await App.WithDbAsync(db => db.People.CountAsync());
        var fields = NewPerson("12345", bhopal);
        fields["Input.NameHi"] = " ";
        fields["Input.BirthYear"] = "19x5";
        fields["Input.JoinedOn"] = "31-02-2024";
        fields["Input.Gender"] = "7";
        fields["Input.PlaceId"] = "999999";
        var response = await PostFormAsync(client, "/People/Create", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("मान्य भारतीय मोबाइल नंबर लिखें, जैसे 98765 43210।", FieldMessage(page, "Input.Mobile"));
        Assert.Equal("हिन्दी नाम लिखें।", FieldMessage(page, "Input.NameHi"));
        Assert.StartsWith("जन्म वर्ष 1900 से", FieldMessage(page, "Input.BirthYear"));
        Assert.Equal("1950 से आज तक की तारीख dd-MM-yyyy रूप में लिखें।", FieldMessage(page, "Input.JoinedOn"));
        Assert.Equal("सूची से लिंग चुनें।", FieldMessage(page, "Input.Gender"));
        Assert.Equal("इसी जिले का ब्लॉक या वार्ड चुनें।", FieldMessage(page, "Input.PlaceId"));
        Assert.Equal(before, await App.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Editing_with_a_stale_version_shows_the_conflict_and_saves_nothing()
    {
        var person = await PersonInAsync("Bhopal", "Zubeida Ansari", "ज़ुबैदा अंसारी", "+919876543210");
        var url = $"/People/Edit/{person.Id}";
        var office = await SignInAsync(OfficeMp);
        var president = await SignInAsync(PresidentBhopal);

        Dictionary<string, string> Fields(IDocument form, string nameEn) => form.QuerySelectorAll("form[method=post] input[name^='Input.'], form[method=post] select[name^='Input.'], form[method=post] textarea")
            .Where(e => e.GetAttribute("type") != "checkbox")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.LocalName == "select"
                ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? ""
                : e.LocalName == "textarea" ? e.TextContent : e.GetAttribute("value") ?? "")
            .Append(new("Input.NameEn", nameEn)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);

        var officeForm = await GetDocumentAsync(office, url);
        var presidentForm = await GetDocumentAsync(president, url);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(president, url, Fields(presidentForm, "Changed by president"))).StatusCode);

        var response = await PostFormAsync(office, url, Fields(officeForm, "Changed by office"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("Someone else changed this record", page.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Contains("Changed by president", page.QuerySelector("[data-testid=conflict-current]")!.TextContent);
        Assert.Equal("Changed by president", await App.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.NameEn).SingleAsync()));

        // Having seen the other version, saving again is a deliberate choice and goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(office, url, Fields(page, "Changed by office"))).StatusCode);
        Assert.Equal("Changed by office", await App.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.NameEn).SingleAsync()));
    }

    [Fact]
    public async Task Editing_to_a_mobile_that_exists_offers_that_record()
    {
        var first = await PersonInAsync("Bhopal", "Zubeida Ansari", "ज़ुबैदा अंसारी", "+919876543210");
        var second = await App.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.DistrictId == first.DistrictId && p.Id != first.Id).OrderBy(p => p.Id).FirstAsync());
        var client = await SignInAsync(PresidentBhopal);
        var form = await GetDocumentAsync(client, $"/People/Edit/{second.Id}");
        var fields = NewPerson("9876543210", second.DistrictId!.Value);
        fields["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var page = await ParseAsync(await PostFormAsync(client, $"/People/Edit/{second.Id}", fields));
        Assert.Equal("This mobile belongs to Zubeida Ansari.", FieldMessage(page, "Input.Mobile"));
        Assert.Equal(second.Mobile, await App.WithDbAsync(db => db.People.Where(p => p.Id == second.Id).Select(p => p.Mobile).SingleAsync()));
    }

    [Fact]
    public async Task A_person_page_lists_every_post_held_with_its_history()
    {
        // A replaced office-bearer: the old appointment ended and points to its successor.
        var (old, successor) = await App.WithDbAsync(async db =>
        {
            var a = await db.Appointments.AsNoTracking().Where(x => x.EndReason == AppointmentEnd.Replaced && x.SuccessorId != null).OrderBy(x => x.Id).FirstAsync();
            var s = await db.Appointments.AsNoTracking().SingleAsync(x => x.Id == a.SuccessorId);
            return (a, s);
        });
        var client = await SignInAsync(InChargeMp);
        var scope = await App.WithDbAsync(db => db.Territories.Where(t => t.Id == old.StateId).Select(t => t.NameEn).SingleAsync());
        if (scope != "Madhya Pradesh") client = await SignInAsync(InChargeUp);
        var page = await GetDocumentAsync(client, $"/People/Details/{old.PersonId}");
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=posts] tbody tr"), r => r.TextContent.Contains("Replaced"));
        Assert.Contains(old.From.ToString("dd-MM-yyyy"), row.TextContent);
        Assert.Contains(old.To!.Value.ToString("dd-MM-yyyy"), row.TextContent);
        Assert.Contains("Inactive since", row.TextContent);
        Assert.Equal($"/People/Details/{successor.PersonId}", row.QuerySelector("a[href^='/People/Details/']")!.GetAttribute("href"));
    }
}
