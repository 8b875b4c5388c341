using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Account;

/// <summary>`./run.sh setup --state MP --admin EMAIL` on an empty database, and its one-time set-up link.</summary>
public class ProductionSetupTests(AppFactory app) : IntegrationTest(app)
{
    private const string Chief = "chief@example.org";
    private const string ChiefPassword = "a-long-enough-secret";
    private const string BaseUrl = "https://orgtracker.example.org";

    /// <summary>Each test starts on the demo data; set-up runs on an empty database.</summary>
    private async Task EmptyDatabaseAsync()
    {
        using var scope = App.Services.CreateScope();
        await ActivatorUtilities.CreateInstance<Seeder>(scope.ServiceProvider).TruncateAllAsync(CancellationToken.None);
    }

    private async Task<ProductionSetupResult> SetUpAsync(params string[] states)
    {
        using var scope = App.Services.CreateScope();
        return await ActivatorUtilities.CreateInstance<ProductionSetup>(scope.ServiceProvider)
            .RunAsync(states, Chief, BaseUrl, CancellationToken.None);
    }

    /// <summary>The link's path and query, for the test client.</summary>
    private static string LocalPart(string link)
    {
        Assert.StartsWith(BaseUrl + "/Account/SetUp?user=", link);
        return link[BaseUrl.Length..];
    }

    private Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password, string confirm) =>
        PostFormAsync(client, LocalPart(link), new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm });

    private Task<(int Territories, int Acs, int Users, int LokSabha, int Booths, int People)> CountsAsync() =>
        App.WithDbAsync(async db => (await db.Territories.CountAsync(), await db.AssemblyConstituencies.CountAsync(), await db.Users.CountAsync(),
            await db.LokSabhaConstituencies.CountAsync(), await db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth),
            await db.People.CountAsync()));

    [Fact]
    public async Task Setup_on_an_empty_database_creates_MPs_real_tree_and_an_administrator_who_sets_a_password_through_the_link()
    {
        await EmptyDatabaseAsync();
        var result = await SetUpAsync("MP");
        Assert.NotNull(result.Link);

        var counts = await CountsAsync();
        Assert.Equal(230, counts.Acs);
        Assert.Equal((0, 0, 0), (counts.LokSabha, counts.Booths, counts.People));
        Assert.Equal(1, counts.Users);
        var user = await App.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal((Chief, Roles.Administrator, (string?)null), (user.Email, user.Role, user.PasswordHash));
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        Assert.Equal((mp, mp), (user.ScopeTerritoryId, user.StateId));
        var bhopalSeats = await App.WithDbAsync(db => db.AssemblyConstituencies
            .Where(a => a.DistrictId == db.Territories.Single(d => d.NameEn == "Bhopal" && d.Level == TerritoryLevel.District).Id)
            .OrderBy(a => a.Number).Select(a => a.Number).ToListAsync());
        Assert.Equal([149, 150, 151, 152, 153, 154, 155], bhopalSeats);

        // Following the link: choose a password and be signed in (two-factor set-up comes next where administrators must
        // use it: A_real_deployment_requires_two_factor_sign_in_of_administrators_by_default).
        var client = AnonymousClient();
        var form = await GetDocumentAsync(client, LocalPart(result.Link!));
        Assert.NotNull(form.QuerySelector("[data-testid=setup-form]"));
        var mismatch = await ParseAsync(await SetPasswordAsync(client, result.Link!, ChiefPassword, ChiefPassword + "x"));
        Assert.Contains("The two passwords differ.", mismatch.QuerySelector("[data-valmsg-for='Input.ConfirmPassword']")!.TextContent);
        var tooShort = await ParseAsync(await SetPasswordAsync(client, result.Link!, "short", "short"));
        Assert.Contains("at least 12 characters", tooShort.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent);

        var done = await SetPasswordAsync(client, result.Link!, ChiefPassword, ChiefPassword);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(done.Headers.Location)).StatusCode);

        // The invitation and the password set are in the audit trail, as the user's creation is.
        var audited = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(AppUser) && a.EntityId == user.Id).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.Contains(OrgTracker.Web.Authorization.PasswordLinks.InvitationIssued, audited[0]);
        Assert.Contains(OrgTracker.Web.Authorization.PasswordLinks.PasswordSetViaLink, audited[1]);

        // The administrator signs in and sees MP's real divisions and districts.
        var admin = await SignInAsync(Chief, ChiefPassword);
        var state = await GetDocumentAsync(admin, $"/Territories/{mp}");
        var divisions = state.QuerySelectorAll("[data-testid=children] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Bhopal", divisions);
        Assert.Contains("Indore", divisions);
        var bhopalDivision = await TerritoryIdAsync("Bhopal", TerritoryLevel.Division);
        var districts = (await GetDocumentAsync(admin, $"/Territories/{bhopalDivision}")).QuerySelectorAll("[data-testid=children] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Raisen", districts);
        var seat = Assert.Single((await GetDocumentAsync(admin, "/Territories/Constituencies?q=149")).QuerySelectorAll("tbody tr"));
        Assert.Contains("Assembly constituency 149", seat.TextContent);
        Assert.Contains("—", seat.TextContent); // no Lok Sabha seat recorded yet

        // No demo login works.
        foreach (var demo in Seeder.DemoLogins.Select(l => l.Email))
        {
            var response = await PostFormAsync(AnonymousClient(), "/Account/Login", new() { ["Input.Email"] = demo, ["Input.Password"] = Seeder.DemoPassword });
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task Running_setup_again_changes_nothing_and_gives_no_link_once_the_password_is_set()
    {
        await EmptyDatabaseAsync();
        var first = await SetUpAsync("MP");
        var counts = await CountsAsync();

        var again = await SetUpAsync("MP");
        Assert.Equal(counts, await CountsAsync());
        Assert.Contains(again.Lines, l => l.Contains("already present"));
        Assert.NotNull(again.Link); // no password yet: a fresh link, which replaces the first

        var replaced = await ParseAsync(await SetPasswordAsync(AnonymousClient(), first.Link!, ChiefPassword, ChiefPassword));
        Assert.NotNull(replaced.QuerySelector("[data-testid=setup-refused]"));
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(AnonymousClient(), again.Link!, ChiefPassword, ChiefPassword)).StatusCode);
        var third = await SetUpAsync("MP");
        Assert.Null(third.Link);
        Assert.Equal(counts, await CountsAsync());

        // A second state is added beside the first; the administrator stays as they were.
        var withUp = await SetUpAsync("MP", "UP");
        Assert.Null(withUp.Link);
        Assert.Equal(counts.Users, (await CountsAsync()).Users);
        Assert.Equal(2, await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.State)));
    }

    [Fact]
    public async Task A_real_deployment_requires_two_factor_sign_in_of_administrators_by_default()
    {
        // Without ORGTRACKER_REQUIRE_2FA_ROLES, outside the test environment and without the demo data: administrators must.
        await EmptyDatabaseAsync();
        var link = (await SetUpAsync("MP")).Link!;
        await using var production = App.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var done = await SetPasswordAsync(client, link, ChiefPassword, ChiefPassword);
        Assert.StartsWith(TwoFactorEnforcement.SetupPath, done.Headers.Location!.OriginalString);
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var page = await client.GetAsync($"/Territories/{mp}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(TwoFactorEnforcement.SetupPath, page.Headers.Location!.OriginalString);
        Assert.Equal([Roles.Administrator], await production.Services.GetRequiredService<TwoFactorPolicy>().RequiredRolesAsync());
    }

    [Fact]
    public async Task The_demo_requires_two_factor_sign_in_of_nobody_by_default_and_the_setting_decides_when_given()
    {
        // The demo data in a "Production" host (./run.sh): nobody must, so the demo logins work as they are.
        await using var demo = App.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        Assert.Empty(await demo.Services.GetRequiredService<TwoFactorPolicy>().RequiredRolesAsync());
        var client = demo.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/Account/Login",
            new() { ["Input.Email"] = Admin, ["Input.Password"] = Seeder.DemoPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);

        // The test hosts: nobody. The setting, when given, wins everywhere; "none" means no role.
        Assert.Empty(await App.Services.GetRequiredService<TwoFactorPolicy>().RequiredRolesAsync());
        await using var set = App.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("REQUIRE_2FA_ROLES", "Administrator,StateInCharge"));
        Assert.Equal([Roles.Administrator, Roles.StateInCharge], await set.Services.GetRequiredService<TwoFactorPolicy>().RequiredRolesAsync());
        await EmptyDatabaseAsync();
        await using var none = App.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("REQUIRE_2FA_ROLES", "none"));
        Assert.Empty(await none.Services.GetRequiredService<TwoFactorPolicy>().RequiredRolesAsync());
    }

    [Theory]
    [InlineData(null, false, false, "Administrator")]
    [InlineData("", false, false, "Administrator")]
    [InlineData(null, true, false, "")]
    [InlineData(null, false, true, "")]
    [InlineData("Administrator, StateInCharge", true, true, "Administrator,StateInCharge")]
    [InlineData("none", false, false, "")]
    [InlineData("StateOffice", false, false, "StateOffice")]
    public void The_two_factor_rule_setting_else_none_for_demo_or_tests_else_administrators(string? setting, bool testing, bool demo, string expected) =>
        Assert.Equal(expected, string.Join(",", TwoFactorPolicy.Decide(setting, testing, demo)));

    [Fact]
    public async Task Setup_refuses_a_database_that_holds_the_demo_data()
    {
        var counts = await CountsAsync();
        var e = await Assert.ThrowsAsync<ProductionSetupException>(() => SetUpAsync("MP"));
        Assert.Contains("demo data", e.Message);
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task A_used_set_up_link_is_refused_with_a_clear_message()
    {
        await EmptyDatabaseAsync();
        var link = (await SetUpAsync("MP")).Link!;
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(AnonymousClient(), link, ChiefPassword, ChiefPassword)).StatusCode);

        var client = AnonymousClient();
        var page = await GetDocumentAsync(client, LocalPart(link));
        Assert.Contains("expired, has already been used", page.QuerySelector("[data-testid=setup-refused]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=setup-form]"));
        var hindi = AnonymousClient();
        hindi.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dhi-IN%7Cuic%3Dhi-IN");
        Assert.Contains("नए लिंक के लिए अपने प्रशासक से कहें", (await GetDocumentAsync(hindi, LocalPart(link))).QuerySelector("[data-testid=setup-refused]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SetUp?user=nobody&token=nothing")).StatusCode);
    }

    [Fact]
    public async Task A_set_up_link_older_than_72_hours_is_refused_with_a_clear_message()
    {
        await EmptyDatabaseAsync();
        var link = (await SetUpAsync("MP")).Link!;
        App.Clock.Advance(TimeSpan.FromHours(71));
        Assert.NotNull((await GetDocumentAsync(AnonymousClient(), LocalPart(link))).QuerySelector("[data-testid=setup-form]"));

        App.Clock.Advance(TimeSpan.FromHours(2));
        var client = AnonymousClient();
        var page = await GetDocumentAsync(client, LocalPart(link));
        Assert.Contains("expired, has already been used", page.QuerySelector("[data-testid=setup-refused]")!.TextContent);
        var post = await ParseAsync(await SetPasswordAsync(client, link, ChiefPassword, ChiefPassword));
        Assert.NotNull(post.QuerySelector("[data-testid=setup-refused]"));
        Assert.Null(await App.WithDbAsync(db => db.Users.Select(u => u.PasswordHash).SingleAsync()));
    }
}

/// <summary>Where the printed set-up link points.</summary>
public class SetupLinkBaseUrlTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void The_url_option_wins_then_the_public_url_then_the_first_listen_address_then_the_default()
    {
        var all = Config(("PUBLIC_URL", "https://orgtracker.example.org"), ("URLS", "http://0.0.0.0:8080;http://[::]:8080"));
        Assert.Equal("https://given.example.org", ProductionSetup.BaseUrl("https://given.example.org", all));
        Assert.Equal("https://orgtracker.example.org", ProductionSetup.BaseUrl(null, all));
        Assert.Equal("http://0.0.0.0:8080", ProductionSetup.BaseUrl(null, Config(("URLS", "http://0.0.0.0:8080;http://[::]:8080"))));
        Assert.Equal("http://127.0.0.1:5080", ProductionSetup.BaseUrl(null, Config()));
        Assert.Equal("https://x.example.org/Account/SetUp?user=u%201&token=a%2Bb%2F%3D",
            ProductionSetup.SetUpUrl("https://x.example.org/", "u 1", "a+b/="));
    }
}
