using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Security;

/// <summary>
/// Two instances of the application (two hosts, each with its own services, key-ring cache and session store) on
/// one database, as behind a load balancer: a browser signed in on one is signed in on the other, a form served by
/// one can be posted to the other, and signing out on one ends the session on both.
/// </summary>
public partial class MultiInstanceTests(AppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_user_signed_in_on_one_instance_can_post_a_form_from_it_to_another_and_sign_out_on_either()
    {
        using var second = App.WithWebHostBuilder(_ => { });
        Assert.NotSame(App.Services, second.Services);
        Assert.NotSame(App.Services.GetRequiredService<IDataProtectionProvider>(), second.Services.GetRequiredService<IDataProtectionProvider>());

        // One browser (one cookie jar) that reaches either instance.
        var jar = new System.Net.CookieContainer();
        var one = App.CreateDefaultClient(new CookieContainerHandler(jar));
        var two = second.CreateDefaultClient(new CookieContainerHandler(jar));

        var login = await one.GetStringAsync("/Account/Login");
        var signIn = await one.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = OfficeMp, ["Input.Password"] = Seeder.DemoPassword, ["__RequestVerificationToken"] = Token(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync($"/Territories/{bhopal}")).StatusCode);

        // The form comes from the first instance and is posted to the second.
        var block = await App.WithDbAsync(db => db.Territories.Where(t => t.DistrictId == bhopal && t.Level == TerritoryLevel.Block).Select(t => t.Id).FirstAsync());
        var url = $"/Territories/Edit?id={block}";
        var form = HtmlForms.Submissions(await HtmlForms.ParseAsync(await one.GetStringAsync(url)), url).First(s => s.Fields.ContainsKey("Input.NameEn"));
        var posted = await two.PostAsync(form.Action, new FormUrlEncodedContent(form.With(new() { ["Input.NameEn"] = "Renamed On The Second Instance" })));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Renamed On The Second Instance", await App.WithDbAsync(db => db.Territories.Where(t => t.Id == block).Select(t => t.NameEn).SingleAsync()));

        // And the other way round.
        form = HtmlForms.Submissions(await HtmlForms.ParseAsync(await two.GetStringAsync(url)), url).First(s => s.Fields.ContainsKey("Input.NameEn"));
        posted = await one.PostAsync(form.Action, new FormUrlEncodedContent(form.With(new() { ["Input.NameEn"] = "Renamed On The First Instance" })));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        // A token of another user's session is refused by either instance.
        var other = AnonymousClient();
        await PostFormAsync(other, "/Account/Login", new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = Seeder.DemoPassword });
        var foreign = Token(await other.GetStringAsync(url.Replace("/Territories/Edit?id=", "/Territories/")));
        var refused = await two.PostAsync(form.Action, new FormUrlEncodedContent(form.With(new() { ["Input.NameEn"] = "Forged", ["__RequestVerificationToken"] = foreign })));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // Signing out on the second instance ends the session on the first.
        var logout = await two.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(await two.GetStringAsync($"/Territories/{bhopal}")) }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await one.GetAsync($"/Territories/{bhopal}");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Migrate_makes_the_one_data_protection_key_that_instances_share_even_when_two_run_at_once()
    {
        // A moment when no key of the test database is active yet: as a new database is for every instance.
        var then = new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var keys = App.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
        Assert.DoesNotContain(keys.GetAllKeys(), k => k.ActivationDate <= then && k.ExpirationDate > then);
        try
        {
            // Two `migrate`s at once (two containers starting together): each with services of its own.
            using var second = App.WithWebHostBuilder(_ => { });
            async Task<bool> Ensure(IServiceProvider root)
            {
                using var scope = root.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<AppDbContext>()
                    .EnsureActiveKeyAsync(scope.ServiceProvider, then, CancellationToken.None);
            }
            var made = await Task.WhenAll(Ensure(App.Services), Ensure(second.Services));
            Assert.Single(made, m => m);
            Assert.Single(keys.GetAllKeys(), k => k.ActivationDate <= then && k.ExpirationDate > then);
            Assert.False(await Ensure(App.Services));
        }
        finally
        {
            var made = keys.GetAllKeys().Where(k => k.ActivationDate >= then).Select(k => $"key-{k.KeyId}").ToList();
            await App.WithDbAsync(db => db.DataProtectionKeys.Where(k => made.Contains(k.FriendlyName!)).ExecuteDeleteAsync());
        }
    }

    private static string Token(string page)
    {
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, "no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
