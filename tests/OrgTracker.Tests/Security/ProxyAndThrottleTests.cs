using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Platform;

namespace OrgTracker.Tests.Security;

/// <summary>
/// Behind a reverse proxy: forwarded headers from the configured proxies only, HSTS and Secure cookies when the original
/// scheme is https, and sign-in throttled per account (a short progressive delay) and per client (failures a minute).
/// </summary>
public partial class ProxyAndThrottleTests(AppFactory app) : IntegrationTest(app)
{
    private const string Proxy = "10.0.0.1";
    private const string Stranger = "203.0.113.9";

    /// <summary>
    /// The test server has no network peer: this test-only middleware, placed before the application's pipeline, sets
    /// the address the request "comes from" (the proxy, or a client talking directly) from the X-Test-Peer header.
    /// </summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private WebApplicationFactory<Program> Host(string? knownProxies, int failuresPerMinute = 100000) => App.WithWebHostBuilder(b =>
    {
        if (knownProxies is not null) b.UseSetting("KNOWN_PROXIES", knownProxies);
        b.UseSetting("LOGIN_FAILURES_PER_MINUTE", failuresPerMinute.ToString());
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddress>());
    });

    /// <summary>A client reaching the host from <paramref name="peer"/>, with the forwarded headers given (none when null).</summary>
    private static HttpClient Client(WebApplicationFactory<Program> host, string peer, string? forwardedFor = null, string? forwardedProto = null, bool cookies = true)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = cookies, BaseAddress = new Uri("http://orgtracker.example/"),
        });
        client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        return client;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static bool IsSecure(string setCookie) => setCookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A form post with the antiforgery cookie carried by hand: a cookie marked Secure is not sent back over the
    /// test's plain-http connection by a cookie container, though a browser behind the TLS proxy would send it.
    /// </summary>
    private static async Task<HttpResponseMessage> PostByHandAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var form = await client.GetAsync("/Account/Login");
        var cookie = SetCookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static Task<HttpResponseMessage> WrongPasswordAsync(HttpClient client, string email, int i) =>
        PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong password " + i });

    /// <summary>The sign-in page's message (the validation summary), with the email taken out.</summary>
    private static async Task<string> MessageAsync(HttpResponseMessage response, string email) =>
        ((await ParseAsync(response)).QuerySelector(".alert-danger")?.TextContent.Trim() ?? "").Replace(email.Length > 0 ? email : "\0", "");

    [Fact]
    public async Task From_a_known_proxy_the_https_scheme_is_taken_so_the_response_has_hsts_and_every_cookie_is_secure()
    {
        using var host = Host(Proxy);
        var client = Client(host, Proxy, forwardedFor: "198.51.100.7", forwardedProto: "https", cookies: false);

        var page = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.True(IsSecure(SetCookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal))));

        var signIn = await PostByHandAsync(client, "/Account/Login", new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = Seeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(IsSecure(SetCookies(signIn).Single(c => c.StartsWith(".OrgTracker.Auth=", StringComparison.Ordinal))));

        var culture = await PostByHandAsync(client, "/Culture", new() { ["culture"] = "hi-IN" });
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.True(IsSecure(SetCookies(culture).Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_proxy_are_ignored_so_plain_http_gets_no_hsts_and_no_secure_cookies()
    {
        using var host = Host(Proxy);
        var page = await Client(host, Stranger, forwardedFor: "198.51.100.7", forwardedProto: "https").GetAsync("/Account/Login");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.False(IsSecure(SetCookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task With_no_proxies_configured_forwarded_headers_are_ignored_even_from_loopback()
    {
        using var host = Host(knownProxies: null);
        var page = await Client(host, "127.0.0.1", forwardedFor: "198.51.100.7", forwardedProto: "https").GetAsync("/Account/Login");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.False(IsSecure(SetCookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task From_a_known_proxy_the_per_client_limit_applies_to_each_forwarded_address()
    {
        using var host = Host("192.168.0.0/16," + Proxy, failuresPerMinute: 3);
        var first = Client(host, Proxy, forwardedFor: "198.51.100.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await WrongPasswordAsync(first, $"user{i}@example.in", i)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        // Another client behind the same proxy (a network of the list, too) has its own count.
        Assert.Equal(HttpStatusCode.OK, (await WrongPasswordAsync(Client(host, "192.168.3.4", forwardedFor: "198.51.100.2"), "user9@example.in", 9)).StatusCode);
        var signIn = await PostFormAsync(Client(host, Proxy, forwardedFor: "198.51.100.2"), "/Account/Login",
            new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = Seeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task From_an_unknown_proxy_the_forwarded_address_is_ignored_and_its_clients_share_the_peers_limit()
    {
        using var host = Host(Proxy, failuresPerMinute: 3);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await WrongPasswordAsync(Client(host, Stranger, forwardedFor: "198.51.100." + i), $"user{i}@example.in", i)).StatusCode);
        var refused = await WrongPasswordAsync(Client(host, Stranger, forwardedFor: "198.51.100.99"), "user9@example.in", 9);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many failed sign-ins from your network", await MessageAsync(refused, ""));

        // The limit is a minute's.
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await WrongPasswordAsync(Client(host, Stranger), "user9@example.in", 10)).StatusCode);
    }

    [Fact]
    public async Task Two_users_behind_one_address_do_not_share_an_account_delay()
    {
        using var host = Host(Proxy);
        var office = Client(host, Proxy, forwardedFor: "198.51.100.50");
        for (var i = 0; i < 8; i++) await WrongPasswordAsync(office, PresidentIndore, i);
        Assert.Contains("Too many attempts for this account", await MessageAsync(await WrongPasswordAsync(office, PresidentIndore, 99), PresidentIndore));

        var colleague = Client(host, Proxy, forwardedFor: "198.51.100.50");
        var signIn = await PostFormAsync(colleague, "/Account/Login", new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = Seeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_strangers_failures_delay_an_account_by_at_most_a_minute_and_the_real_user_then_signs_in()
    {
        var stranger = AnonymousClient();
        var waits = new List<int>();
        var counted = 0;
        while (counted < 12)
        {
            var message = await MessageAsync(await WrongPasswordAsync(stranger, PresidentIndore, counted), PresidentIndore);
            var wait = WaitSeconds().Match(message);
            if (!wait.Success) { Assert.Equal("Invalid email or password.", message); counted++; continue; }
            // An attempt while waiting is not counted: the wait is the same after it.
            Assert.Equal(message, await MessageAsync(await WrongPasswordAsync(stranger, PresidentIndore, 100), PresidentIndore));
            waits.Add(int.Parse(wait.Groups[1].Value));
            App.Clock.Advance(TimeSpan.FromSeconds(waits[^1]));
        }
        Assert.Equal([2, 4, 8, 16, 32, 60, 60], waits);

        // The real user waits the last minute at most, then the right password works; no lock-out was set.
        var user = AnonymousClient();
        var delayed = await PostFormAsync(user, "/Account/Login", new() { ["Input.Email"] = PresidentIndore, ["Input.Password"] = Seeder.DemoPassword });
        Assert.Equal("Too many attempts for this account: try again in 60 seconds.", await MessageAsync(delayed, PresidentIndore));
        App.Clock.Advance(TimeSpan.FromSeconds(60));
        var signIn = await PostFormAsync(user, "/Account/Login", new() { ["Input.Email"] = PresidentIndore, ["Input.Password"] = Seeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.Users.Where(u => u.Email == PresidentIndore).Select(u => u.LockoutEnd).SingleAsync()));

        // The success forgets the failures: five more are free again.
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
            Assert.Equal("Invalid email or password.", await MessageAsync(await WrongPasswordAsync(stranger, PresidentIndore, i), PresidentIndore));
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answers_and_the_same_delays_as_a_known_one()
    {
        async Task<List<string>> SequenceAsync(string email)
        {
            var client = AnonymousClient();
            var answers = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                var response = await WrongPasswordAsync(client, email, i);
                answers.Add($"{(int)response.StatusCode} {await MessageAsync(response, email)}");
                if (i == 6) App.Clock.Advance(TimeSpan.FromSeconds(2));
            }
            return answers;
        }
        var known = await SequenceAsync(PresidentBhopal);
        var unknown = await SequenceAsync("nobody@demo.orgtracker.in");
        Assert.Equal(known, unknown);
        Assert.Contains("200 Too many attempts for this account: try again in 2 seconds.", known);
    }

    [Fact]
    public void The_proxy_list_takes_addresses_and_networks_and_refuses_anything_else()
    {
        var entries = KnownProxies.Parse(" 127.0.0.1, ::1 ,10.0.0.0/8, fd00::/8 ");
        Assert.Equal(["127.0.0.1", "::1"], entries.Where(e => e.Address is not null).Select(e => e.Address!.ToString()));
        Assert.Equal(["10.0.0.0/8", "fd00::/8"], entries.Where(e => e.Network is not null).Select(e => e.Network!.Value.ToString()));
        Assert.Empty(KnownProxies.Parse(null));
        Assert.Throws<InvalidOperationException>(() => KnownProxies.Parse("10.0.0.0/33"));
        Assert.Throws<InvalidOperationException>(() => KnownProxies.Parse("proxy.example"));
    }

    [Fact]
    public void The_client_key_is_the_address_and_for_ipv6_its_slash_64()
    {
        Assert.Equal("c:198.51.100.1", LoginThrottle.ClientKey(IPAddress.Parse("198.51.100.1")));
        Assert.Equal("c:198.51.100.1", LoginThrottle.ClientKey(IPAddress.Parse("::ffff:198.51.100.1")));
        Assert.Equal(LoginThrottle.ClientKey(IPAddress.Parse("2001:db8:1:2::1")), LoginThrottle.ClientKey(IPAddress.Parse("2001:db8:1:2:aaaa::9")));
        Assert.NotEqual(LoginThrottle.ClientKey(IPAddress.Parse("2001:db8:1:2::1")), LoginThrottle.ClientKey(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [GeneratedRegex(@"^Too many attempts for this account: try again in (\d+) seconds\.$")]
    private static partial Regex WaitSeconds();
}
