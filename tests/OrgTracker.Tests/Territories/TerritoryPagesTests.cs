using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Territories;

public class TerritoryPagesTests(AppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Anonymous_users_are_sent_to_the_login_page()
    {
        var response = await AnonymousClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Healthz_answers_without_login()
    {
        var response = await AnonymousClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task District_president_lands_on_their_own_district()
    {
        var client = await SignInAsync(PresidentBhopal);
        var landing = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        Assert.Equal($"/Dashboard/{bhopal}", landing.Headers.Location!.OriginalString);
        var page = await GetDocumentAsync(client, $"/Territories/{bhopal}");
        Assert.Equal("Bhopal", page.QuerySelector("[data-testid=territory-name]")!.TextContent.Trim());
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=children] tbody tr").Length);
    }

    [Theory]
    [InlineData(Admin, "Madhya Pradesh", TerritoryLevel.State)]
    [InlineData(PresidentBhopal, "Bhopal", TerritoryLevel.District)]
    public async Task Territories_without_an_id_opens_the_users_own_territory(string user, string territory, TerritoryLevel level)
    {
        var client = await SignInAsync(user);
        var response = await client.GetAsync("/Territories");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Territories/{await TerritoryIdAsync(territory, level)}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task District_president_cannot_open_another_districts_page()
    {
        var client = await SignInAsync(PresidentBhopal);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var response = await client.GetAsync($"/Territories/{indore}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Indore", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task District_president_cannot_open_a_booth_of_another_district()
    {
        var client = await SignInAsync(PresidentBhopal);
        var booth = await App.WithDbAsync(db => Task.FromResult(db.Territories
            .Where(t => t.Level == TerritoryLevel.Booth && t.DistrictId != null)
            .Join(db.Territories.Where(d => d.NameEn == "Indore"), b => b.DistrictId, d => d.Id, (b, d) => b.Id).First()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/{booth}")).StatusCode);
    }

    [Fact]
    public async Task District_president_cannot_open_the_parent_division_or_state()
    {
        var client = await SignInAsync(PresidentBhopal);
        var division = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/{division}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/{state}")).StatusCode);
    }

    [Fact]
    public async Task State_in_charge_of_another_state_gets_404()
    {
        var client = await SignInAsync(InChargeUp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/{bhopal}")).StatusCode);
    }

    [Fact]
    public async Task State_in_charge_drills_down_from_state_to_booth_with_counts()
    {
        var client = await SignInAsync(InChargeMp);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var statePage = await GetDocumentAsync(client, $"/Territories/{state}");
        var rows = statePage.QuerySelectorAll("[data-testid=children] tbody tr");
        Assert.Equal(10, rows.Length);
        var bhopalRow = rows.Single(r => r.QuerySelector("a")!.TextContent == "Bhopal");
        // Bhopal division: 5 districts, 15 blocks in the demo profile.
        Assert.Contains("5", bhopalRow.QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("15", bhopalRow.QuerySelectorAll("td")[2].TextContent);
        Assert.Contains("55", statePage.QuerySelector("[data-testid=counts]")!.TextContent);

        var block = await App.WithDbAsync(db => Task.FromResult(db.Territories
            .First(t => t.Level == TerritoryLevel.Block && !t.IsUrban && db.Territories.Any(d => d.Id == t.DistrictId && d.NameEn == "Bhopal")).Id));
        var blockPage = await GetDocumentAsync(client, $"/Territories/{block}");
        Assert.NotEmpty(blockPage.QuerySelectorAll("[data-testid=children] tbody tr a"));
    }

    [Fact]
    public async Task Division_in_charge_sees_their_division_and_not_another()
    {
        var client = await SignInAsync(DivisionBhopal);
        var bhopalDivision = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var indoreDivision = await TerritoryIdAsync("Indore", TerritoryLevel.Division);
        var page = await GetDocumentAsync(client, $"/Territories/{bhopalDivision}");
        Assert.Equal(5, page.QuerySelectorAll("[data-testid=children] tbody tr").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/{indoreDivision}")).StatusCode);
    }

    [Fact]
    public async Task Search_finds_districts_by_hindi_name()
    {
        var client = await SignInAsync(InChargeMp);
        var division = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var page = await GetDocumentAsync(client, $"/Territories/{division}?q=" + Uri.EscapeDataString("विदिशा"));
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=children] tbody tr"));
        Assert.Equal("Vidisha", row.QuerySelector("a")!.TextContent);
    }

    [Fact]
    public async Task Hindi_interface_shows_hindi_names_and_labels()
    {
        var client = await SignInAsync(PresidentBhopal, culture: "hi-IN");
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var page = await GetDocumentAsync(client, $"/Territories/{bhopal}");
        Assert.Equal("भोपाल", page.QuerySelector("[data-testid=territory-name]")!.TextContent.Trim());
        Assert.Contains("जिला अध्यक्ष", page.QuerySelector("[data-testid=user-badge]")!.TextContent);
        Assert.Equal("hi", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Language_switch_sets_the_culture_cookie()
    {
        var client = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var response = await PostFormAsync(client, "/Culture?returnUrl=/", new() { ["culture"] = "hi-IN" }, formPage: $"/Territories/{bhopal}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dhi-IN"));
    }

    [Fact]
    public async Task Focus_seats_are_lost_seats_under_the_margin_ordered_by_margin()
    {
        var client = await SignInAsync(InChargeMp);
        var page = await GetDocumentAsync(client, "/Territories/Constituencies?focus=true&margin=5");
        var margins = page.QuerySelectorAll("[data-testid=constituencies] tbody tr td:nth-child(7)")
            .Select(td => decimal.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(margins);
        Assert.All(margins, m => Assert.True(m < 5m));
        Assert.Equal(margins.OrderBy(m => m), margins);
    }

    [Fact]
    public async Task Territory_pages_count_focus_seats_by_the_configured_margin()
    {
        await using var host = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<DashboardOptions>(o => o.FocusMarginPercent = 2m)));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/Account/Login",
            new() { ["Input.Email"] = InChargeMp, ["Input.Password"] = Seeder.DemoPassword })).StatusCode);
        var mp = await App.WithDbAsync(db => db.Territories.Where(t => t.Code == "MP").Select(t => t.Id).SingleAsync());
        var expected = await App.WithDbAsync(db => db.AssemblyConstituencies.CountAsync(a => a.StateId == mp
            && a.PartyOutcome == ElectionOutcome.Lost && a.MarginPercent < 2m));
        Assert.NotEqual(expected, await App.WithDbAsync(db => db.AssemblyConstituencies.CountAsync(a => a.StateId == mp
            && a.PartyOutcome == ElectionOutcome.Lost && a.MarginPercent < 5m)));

        var state = await GetDocumentAsync(client, $"/Territories/{mp}");
        Assert.Contains(state.QuerySelectorAll(".stat"), s => s.QuerySelector(".label")!.TextContent == "Focus seats"
            && s.QuerySelector(".value")!.TextContent == expected.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-IN")));

        var focus = await GetDocumentAsync(client, $"/Territories/Constituencies?territory={mp}&focus=true");
        Assert.Equal("2", focus.QuerySelector("#margin")!.GetAttribute("value"));
        Assert.Contains($"{expected.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-IN"))} constituencies", focus.Body!.TextContent);
    }

    [Fact]
    public async Task Constituency_list_is_scoped_to_the_district_president()
    {
        var client = await SignInAsync(PresidentBhopal);
        var page = await GetDocumentAsync(client, "/Territories/Constituencies");
        var districts = page.QuerySelectorAll("[data-testid=constituencies] tbody tr td:nth-child(3)").Select(td => td.TextContent).Distinct();
        Assert.Equal(["Bhopal"], districts);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Territories/Constituencies?territory={indore}")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_answer()
    {
        var client = AnonymousClient();
        var wrong = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = "not-the-password-at-all" });
        var unknown = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = "nobody@demo.orgtracker.in", ["Input.Password"] = "not-the-password-at-all" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var a = (await ParseAsync(wrong)).QuerySelector(".validation-summary-errors")!.TextContent;
        var b = (await ParseAsync(unknown)).QuerySelector(".validation-summary-errors")!.TextContent;
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account()
    {
        var client = AnonymousClient();
        for (var i = 0; i < 5; i++)
            await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = PresidentIndore, ["Input.Password"] = "wrong-password-" + i });
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = PresidentIndore, ["Input.Password"] = OrgTracker.Web.Data.Seeding.Seeder.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
