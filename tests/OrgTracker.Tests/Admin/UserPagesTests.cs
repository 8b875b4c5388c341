using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Admin;

public class UserPagesTests(AppFactory app) : IntegrationTest(app)
{
    private const string NewPassword = "a-long-enough-secret";

    [Fact]
    public async Task Administrator_creates_a_district_president_for_Indore_who_can_sign_in_and_lands_on_Indore()
    {
        var admin = await SignInAsync(Admin);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);

        var response = await CreateAsync(admin, "new.president@example.in", "Naya Adhyaksh", Roles.DistrictPresident, indore);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await UserAsync("new.president@example.in");
        Assert.Equal($"/Admin/Users/Edit/{user.Id}", response.Headers.Location!.OriginalString);
        Assert.Null(user.PasswordHash);
        var link = (await GetDocumentAsync(admin, response.Headers.Location.OriginalString)).QuerySelector("[data-testid=issued-link-url]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(AnonymousClient(), new Uri(link).PathAndQuery,
            new() { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword })).StatusCode);
        Assert.Equal(Roles.DistrictPresident, user.Role);
        Assert.Equal(indore, user.ScopeTerritoryId);
        Assert.Equal(await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State), user.StateId);

        var list = await GetDocumentAsync(admin, "/Admin/Users?q=naya");
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=users] tbody tr"));
        Assert.Contains("District president", row.TextContent);
        Assert.Contains("Indore", row.TextContent);

        var president = await SignInAsync("new.president@example.in", NewPassword);
        var landing = await president.GetAsync("/");
        Assert.Equal($"/Dashboard/{indore}", landing.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await president.GetAsync($"/Dashboard/{indore}")).StatusCode);
    }

    [Theory]
    [InlineData(InChargeMp)]
    [InlineData(OfficeMp)]
    [InlineData(PresidentBhopal)]
    public async Task Users_other_than_administrators_get_403_on_every_user_page(string email)
    {
        var userId = (await UserAsync(PresidentIndore)).Id;
        var client = await SignInAsync(email);
        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/Index", "/Admin/Users/Create", $"/Admin/Users/Edit/{userId}" })
            await AssertForbiddenAsync(client, await client.GetAsync(url));

        var ownTerritory = await App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.ScopeTerritoryId).SingleAsync());
        var formPage = $"/Dashboard/{ownTerritory}";
        var stamp = (await UserAsync(PresidentIndore)).SecurityStamp;
        foreach (var handler in new[] { "", "?handler=Lock", "?handler=Unlock", "?handler=SendLink" })
            await AssertForbiddenAsync(client, await PostFormAsync(client, $"/Admin/Users/Edit/{userId}{handler}", new()
            {
                ["Input.DisplayName"] = "Hijacked", ["Input.Role"] = Roles.Administrator, ["Input.TerritoryId"] = ownTerritory.ToString(),
            }, formPage));
        await AssertForbiddenAsync(client, await PostFormAsync(client, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = "sneaky@example.in", ["Input.DisplayName"] = "Sneaky", ["Input.Role"] = Roles.Administrator,
            ["Input.TerritoryId"] = ownTerritory.ToString(),
        }, formPage));

        var target = await UserAsync(PresidentIndore);
        Assert.Null(target.LockoutEnd);
        Assert.Equal(stamp, target.SecurityStamp);
        Assert.NotNull(target.PasswordHash);
        Assert.NotEqual("Hijacked", target.DisplayName);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "sneaky@example.in")));
    }

    [Fact]
    public async Task Administrator_sees_only_users_of_their_own_state_and_an_Uttar_Pradesh_user_is_404()
    {
        var admin = await SignInAsync(Admin);
        var list = await GetDocumentAsync(admin, "/Admin/Users");
        var emails = list.QuerySelectorAll("[data-testid=users] tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Contains(PresidentIndore, emails);
        Assert.Contains(Admin, emails);
        Assert.DoesNotContain(emails, e => e.Contains(".up@") || e.Contains("lucknow"));
        Assert.DoesNotContain("Uttar Pradesh", list.QuerySelector("[data-testid=users]")!.TextContent);

        var upUser = await UserAsync(InChargeUp);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/Edit/{upUser.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(admin, $"/Admin/Users/Edit/{upUser.Id}?handler=Lock", [], "/Admin/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Users/Edit/no-such-user")).StatusCode);
        Assert.Null((await UserAsync(InChargeUp)).LockoutEnd);
    }

    [Fact]
    public async Task Search_by_name_or_email_and_the_role_filter_narrow_the_list()
    {
        var admin = await SignInAsync(Admin);
        var byEmail = await GetDocumentAsync(admin, "/Admin/Users?q=president.indore");
        Assert.Contains("Indore District President", Assert.Single(Rows(byEmail)).TextContent);
        var byName = await GetDocumentAsync(admin, "/Admin/Users?q=" + Uri.EscapeDataString("bhopal division"));
        Assert.Contains(DivisionBhopal, Assert.Single(Rows(byName)).TextContent);
        var presidents = await GetDocumentAsync(admin, $"/Admin/Users?role={Roles.DistrictPresident}");
        Assert.Equal(2, Rows(presidents).Length);
        Assert.All(Rows(presidents), r => Assert.Contains("District president", r.TextContent));
    }

    [Theory]
    [InlineData("/Admin/Users?q=%25_%5C&role=Hacker&p=-3")]
    [InlineData("/Admin/Users?p=99999")]
    [InlineData("/Admin/Users?p=abc")]
    public async Task Odd_list_queries_still_show_the_list(string url)
    {
        var admin = await SignInAsync(Admin);
        await GetDocumentAsync(admin, url);
    }

    [Fact]
    public async Task A_duplicate_email_gives_a_message_beside_the_email_and_creates_nothing()
    {
        var admin = await SignInAsync(Admin);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var count = await UserCountAsync();

        var response = await CreateAsync(admin, PresidentIndore.ToUpperInvariant(), "Second Indore", Roles.DistrictPresident, indore);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("already exists", FieldMessage(page, "Input.Email"));
        Assert.Equal(count, await UserCountAsync());
    }

    [Theory]
    [InlineData(Roles.StateOffice, "Indore", TerritoryLevel.District)]
    [InlineData(Roles.DistrictPresident, "Indore", TerritoryLevel.Division)]
    [InlineData(Roles.DivisionInCharge, "Madhya Pradesh", TerritoryLevel.State)]
    [InlineData(Roles.DistrictPresident, "Lucknow", TerritoryLevel.District)]
    [InlineData(Roles.StateInCharge, "Uttar Pradesh", TerritoryLevel.State)]
    public async Task A_territory_of_the_wrong_level_or_state_gives_a_message_beside_the_territory_and_creates_nothing(
        string role, string territoryName, TerritoryLevel level)
    {
        var admin = await SignInAsync(Admin);
        var territory = await TerritoryIdAsync(territoryName, level);
        var count = await UserCountAsync();

        var response = await CreateAsync(admin, "wrong.scope@example.in", "Wrong Scope", role, territory);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("choose", FieldMessage(await ParseAsync(response), "Input.TerritoryId"));
        Assert.Equal(count, await UserCountAsync());
    }

    [Fact]
    public async Task Tampered_or_empty_fields_give_messages_not_an_error_page()
    {
        var admin = await SignInAsync(Admin);
        var count = await UserCountAsync();
        var response = await PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = "not an email", ["Input.DisplayName"] = "", ["Input.Role"] = "SuperUser",
            ["Input.TerritoryId"] = "abc",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.NotEmpty(FieldMessage(page, "Input.Email"));
        Assert.NotEmpty(FieldMessage(page, "Input.DisplayName"));
        Assert.Null(page.QuerySelector("input[name='Input.Password']"));
        Assert.Equal(count, await UserCountAsync());

        var user = await UserAsync(PresidentIndore);
        response = await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = "Renamed", ["Input.Role"] = "SuperUser", ["Input.TerritoryId"] = "1", ["Input.Version"] = "x",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(FieldMessage(await ParseAsync(response), "Input.Role"));
        Assert.Equal("Indore District President", (await UserAsync(PresidentIndore)).DisplayName);
    }

    [Fact]
    public async Task Of_two_edits_from_the_same_version_the_second_gets_the_conflict_message_and_the_first_change_stands()
    {
        var admin = await SignInAsync(Admin);
        var user = await UserAsync(PresidentIndore);
        Dictionary<string, string> Form(string name) => new()
        {
            ["Input.DisplayName"] = name, ["Input.Role"] = user.Role,
            ["Input.TerritoryId"] = user.ScopeTerritoryId.ToString(), ["Input.Version"] = user.Version.ToString(),
        };

        var first = await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}", Form("First Edit"));
        var second = await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}", Form("Second Edit"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await ParseAsync(second);
        Assert.Contains("Someone else changed this user", page.QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Equal("First Edit", page.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal("First Edit", (await UserAsync(PresidentIndore)).DisplayName);
    }

    [Fact]
    public async Task A_conflicting_role_change_saves_nothing_either()
    {
        var admin = await SignInAsync(Admin);
        var user = await UserAsync(PresidentIndore);
        var state = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = "Renamed First", ["Input.Role"] = user.Role,
            ["Input.TerritoryId"] = user.ScopeTerritoryId.ToString(), ["Input.Version"] = user.Version.ToString(),
        });

        var stale = await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = user.DisplayName, ["Input.Role"] = Roles.StateOffice,
            ["Input.TerritoryId"] = state.ToString(), ["Input.Version"] = user.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this user", (await ParseAsync(stale)).QuerySelector("[data-testid=error]")!.TextContent);
        var after = await UserAsync(PresidentIndore);
        Assert.Equal((Roles.DistrictPresident, "Renamed First", user.SecurityStamp), (after.Role, after.DisplayName, after.SecurityStamp));
    }

    [Fact]
    public async Task Changing_a_role_and_scope_renews_the_security_stamp_and_a_rename_does_not()
    {
        var admin = await SignInAsync(Admin);
        var user = await UserAsync(PresidentIndore);
        var division = await TerritoryIdAsync("Indore", TerritoryLevel.Division);

        var rename = await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = "Indore President", ["Input.Role"] = user.Role,
            ["Input.TerritoryId"] = user.ScopeTerritoryId.ToString(), ["Input.Version"] = user.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        var renamed = await UserAsync(PresidentIndore);
        Assert.Equal(user.SecurityStamp, renamed.SecurityStamp);

        var promote = await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = "Indore Division In-charge", ["Input.Role"] = Roles.DivisionInCharge,
            ["Input.TerritoryId"] = division.ToString(), ["Input.Version"] = renamed.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, promote.StatusCode);
        var promoted = await UserAsync(PresidentIndore);
        Assert.Equal((Roles.DivisionInCharge, division), (promoted.Role, promoted.ScopeTerritoryId));
        Assert.NotEqual(user.SecurityStamp, promoted.SecurityStamp);

        var client = await SignInAsync(PresidentIndore);
        Assert.Equal($"/Dashboard/{division}", (await client.GetAsync("/")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Administrator_cannot_change_their_own_role()
    {
        var admin = await SignInAsync(Admin);
        var self = await UserAsync(Admin);
        var response = await PostFormAsync(admin, $"/Admin/Users/Edit/{self.Id}", new()
        {
            ["Input.DisplayName"] = self.DisplayName, ["Input.Role"] = Roles.StateOffice,
            ["Input.TerritoryId"] = self.ScopeTerritoryId.ToString(), ["Input.Version"] = self.Version.ToString(),
        });
        Assert.NotEmpty(FieldMessage(await ParseAsync(response), "Input.Role"));
        Assert.Equal(Roles.Administrator, (await UserAsync(Admin)).Role);
    }

    [Fact]
    public async Task Locking_a_user_ends_their_open_session_and_they_cannot_sign_in_any_more()
    {
        // The stamp is checked once a minute in the application; this host checks it on every request.
        await using var host = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var president = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(president, PresidentIndore, Seeder.DemoPassword)).StatusCode);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.OK, (await president.GetAsync($"/Dashboard/{indore}")).StatusCode);

        var admin = await SignInAsync(Admin);
        var user = await UserAsync(PresidentIndore);
        var lockResponse = await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}?handler=Lock", [], $"/Admin/Users/Edit/{user.Id}");
        Assert.Equal(HttpStatusCode.Redirect, lockResponse.StatusCode);
        Assert.Equal(DateTimeOffset.MaxValue, (await UserAsync(PresidentIndore)).LockoutEnd);
        var page = await GetDocumentAsync(admin, $"/Admin/Users/Edit/{user.Id}");
        Assert.Equal("Locked", page.QuerySelector("[data-testid=user-status]")!.TextContent);

        var after = await president.GetAsync($"/Dashboard/{indore}");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);

        var again = await LogInAsync(AnonymousClient(), PresidentIndore, Seeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Invalid email or password.", (await ParseAsync(again)).QuerySelector(".validation-summary-errors")!.TextContent);
    }

    [Fact]
    public async Task Unlocking_a_user_lets_them_sign_in_again_and_clears_their_failed_attempts()
    {
        var admin = await SignInAsync(Admin);
        var user = await UserAsync(PresidentIndore);
        await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}?handler=Lock", [], $"/Admin/Users/Edit/{user.Id}");
        for (var i = 0; i < 2; i++) await LogInAsync(AnonymousClient(), PresidentIndore, "a wrong password");

        var unlock = await PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}?handler=Unlock", [], $"/Admin/Users/Edit/{user.Id}");

        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        var after = await UserAsync(PresidentIndore);
        Assert.Null(after.LockoutEnd);
        Assert.Equal(0, after.AccessFailedCount);
        await SignInAsync(PresidentIndore);
    }

    [Fact]
    public async Task Administrator_cannot_lock_themselves()
    {
        var admin = await SignInAsync(Admin);
        var self = await UserAsync(Admin);
        var page = await GetDocumentAsync(admin, $"/Admin/Users/Edit/{self.Id}");
        Assert.Null(page.QuerySelector("[data-testid=lock]"));

        var response = await PostFormAsync(admin, $"/Admin/Users/Edit/{self.Id}?handler=Lock", [], $"/Admin/Users/Edit/{self.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot lock your own account", (await ParseAsync(response)).QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Null((await UserAsync(Admin)).LockoutEnd);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }

    private static IElement[] Rows(IDocument page) => page.QuerySelectorAll("[data-testid=users] tbody tr").ToArray();

    private static string FieldMessage(IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    private static Task<HttpResponseMessage> CreateAsync(HttpClient admin, string email, string name, string role, int territory) =>
        PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = name, ["Input.Role"] = role, ["Input.TerritoryId"] = territory.ToString(),
        });

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Forbidden: the cookie handler sends the user to the access-denied page, which answers 403.</summary>
    private static async Task AssertForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        var url = response.RequestMessage!.RequestUri!.PathAndQuery;
        if (response.StatusCode == HttpStatusCode.Forbidden) return;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
        var location = response.Headers.Location!;
        Assert.StartsWith("/Account/AccessDenied", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(location)).StatusCode);
    }

    private Task<AppUser> UserAsync(string email) =>
        App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private Task<int> UserCountAsync() => App.WithDbAsync(db => db.Users.CountAsync());
}
