using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Security;

public class SessionAndHeaderTests(AppFactory app) : IntegrationTest(app)
{
    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".OrgTracker.Auth="));

    [Fact]
    public async Task Html_responses_carry_a_strict_content_security_policy_and_the_other_security_headers()
    {
        foreach (var response in new[] { await AnonymousClient().GetAsync("/Account/Login"), await (await SignInAsync(PresidentBhopal)).GetAsync($"/Territories/{await TerritoryIdAsync("Bhopal", TerritoryLevel.District)}") })
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_lax()
    {
        var client = AnonymousClient();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = OrgTracker.Web.Data.Seeding.Seeder.DemoPassword });
        var cookie = AuthCookie(response).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_after_sign_out()
    {
        var client = AnonymousClient();
        var login = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = OrgTracker.Web.Data.Seeding.Seeder.DemoPassword });
        var copied = AuthCookie(login).Split(';')[0];
        var thief = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", copied);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/")).StatusCode);
        Assert.DoesNotContain("/Account/Login", (await thief.GetAsync("/")).Headers.Location!.OriginalString);

        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var logout = await PostFormAsync(client, "/Account/Logout", [], formPage: $"/Territories/{bhopal}");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await thief.GetAsync($"/Territories/{bhopal}");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_password_reset_by_the_administrator_ends_the_users_other_sessions()
    {
        var president = await SignInAsync(PresidentIndore);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.OK, (await president.GetAsync($"/Territories/{indore}")).StatusCode);
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(PresidentIndore))!;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Assert.True((await users.ResetPasswordAsync(user, token, "a brand new long password")).Succeeded);
        }
        var response = await president.GetAsync($"/Territories/{indore}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sessions_end_after_twelve_hours_however_active_and_after_thirty_idle_minutes()
    {
        var clock = new FakeTimeProvider(App.Clock.GetUtcNow());
        var store = new AuthSessionStore(App.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        AuthenticationTicket Ticket() => new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "test")),
            new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + AuthSessionStore.Idle }, "Identity.Application");

        var key = await store.StoreAsync(Ticket());
        for (var hour = 0; hour < 11; hour++)
        {
            clock.Advance(TimeSpan.FromMinutes(25));
            Assert.NotNull(await store.RetrieveAsync(key));
            clock.Advance(TimeSpan.FromMinutes(35));
            await store.RenewAsync(key, Ticket());
        }
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Null(await store.RetrieveAsync(key));

        var idle = await store.StoreAsync(Ticket());
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(await store.RetrieveAsync(idle));
    }

    [Fact]
    public async Task Failed_sign_ins_beyond_the_per_client_limit_get_429()
    {
        using var limited = App.WithWebHostBuilder(b => b.UseSetting("LOGIN_FAILURES_PER_MINUTE", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = "wrong password " + i })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_locked_account_get_identical_pages()
    {
        var client = AnonymousClient();
        async Task<string> AttemptAsync(string email, string password)
        {
            var page = await ParseAsync(await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password }));
            return page.QuerySelector("main")!.TextContent.Trim();
        }
        // Wrong passwords no longer lock an account (they delay it: ProxyAndThrottleTests); an administrator's lock does.
        await App.WithDbAsync(async db =>
        {
            var indore = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Email == PresidentIndore);
            indore.LockoutEnd = DateTimeOffset.MaxValue;
            return await db.SaveChangesAsync();
        });
        var locked = await AttemptAsync(PresidentIndore, OrgTracker.Web.Data.Seeding.Seeder.DemoPassword);
        var wrong = await AttemptAsync(PresidentBhopal, "wrong password x");
        var unknown = await AttemptAsync("nobody@demo.orgtracker.in", "wrong password x");
        Assert.Equal(wrong, unknown);
        Assert.Equal(wrong.Replace(PresidentBhopal, ""), locked.Replace(PresidentIndore, ""));
    }
}
