using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Security;

public class TwoFactorTests(AppFactory app) : IntegrationTest(app)
{
    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s), written here independently of the application's code.</summary>
    private static string Code(string base32Key, long step)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6");
    }

    private static byte[] Base32(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(s.ToUpperInvariant().Where(char.IsLetterOrDigit).Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    private long Now => App.Clock.GetUtcNow().ToUnixTimeSeconds() / 30;

    /// <summary>Turns on two-factor sign-in for the signed-in client; returns the key, the step used and the recovery codes.</summary>
    private async Task<(string Key, long Step, List<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var page = await GetDocumentAsync(client, "/Account/EnableAuthenticator");
        var key = page.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", "").Trim().ToUpperInvariant();
        Assert.Contains("otpauth://totp/", page.QuerySelector("[data-testid=authenticator-uri]")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        var step = Now;
        var response = await PostFormAsync(client, "/Account/EnableAuthenticator", new() { ["Input.Code"] = Code(key, step) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = (await ParseAsync(response)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, step, codes);
    }

    private static Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email) =>
        PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = Seeder.DemoPassword });

    [Fact]
    public void The_code_calculation_matches_the_rfc_6238_test_vectors()
    {
        var secret = "12345678901234567890"u8.ToArray();
        foreach (var (time, code) in new[] { (59L, 287082), (1111111109L, 81804), (1111111111L, 50471), (1234567890L, 5924), (2000000000L, 279037) })
            Assert.Equal(code, TotpTokenProvider.Compute(secret, time / 30));
    }

    [Fact]
    public async Task A_user_who_turns_on_two_factor_sign_in_needs_a_fresh_code_from_the_app_or_a_recovery_code_to_sign_in()
    {
        var client = await SignInAsync(PresidentBhopal);
        var (key, step, recovery) = await EnableAsync(client);
        Assert.True(await App.WithDbAsync(db => db.Users.Where(u => u.Email == PresidentBhopal).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var status = await GetDocumentAsync(client, "/Account/TwoFactor");
        Assert.Contains("Recovery codes left: 10", status.QuerySelector("[data-testid=two-factor-status]")!.TextContent);

        // The password alone no longer signs in: it leads to the code step, and nothing else opens.
        var fresh = AnonymousClient();
        var login = await PasswordStepAsync(fresh, PresidentBhopal);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", login.Headers.Location!.OriginalString);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        Assert.StartsWith("/Account/Login", (await fresh.GetAsync($"/Territories/{bhopal}")).Headers.Location!.PathAndQuery);

        // The code already used to turn it on is refused (a code counts once), as is a wrong one.
        var replay = await PostFormAsync(fresh, "/Account/LoginWith2fa", new() { ["Input.Code"] = Code(key, step) });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("The code is not valid", (await ParseAsync(replay)).QuerySelector("main")!.TextContent);
        var wrong = await PostFormAsync(fresh, "/Account/LoginWith2fa", new() { ["Input.Code"] = ((int.Parse(Code(key, step + 1)) + 1) % 1_000_000).ToString("D6") });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        var ok = await PostFormAsync(fresh, "/Account/LoginWith2fa", new() { ["Input.Code"] = Code(key, step + 1) });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync($"/Territories/{bhopal}")).StatusCode);

        // A recovery code signs in once.
        var other = AnonymousClient();
        await PasswordStepAsync(other, PresidentBhopal);
        var byRecovery = await PostFormAsync(other, "/Account/LoginWith2fa?handler=Recovery", new() { ["Recovery.Code"] = recovery[3] }, formPage: "/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, byRecovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/Territories/{bhopal}")).StatusCode);
        var third = AnonymousClient();
        await PasswordStepAsync(third, PresidentBhopal);
        var again = await PostFormAsync(third, "/Account/LoginWith2fa?handler=Recovery", new() { ["Recovery.Code"] = recovery[3] }, formPage: "/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password_or_a_current_authenticator_code_in_the_same_form()
    {
        var client = await SignInAsync(PresidentBhopal);
        var (key, step, recovery) = await EnableAsync(client);
        var page = await GetDocumentAsync(client, "/Account/TwoFactor");
        var form = page.QuerySelector("[data-testid=recovery-form]")!;
        Assert.NotNull(form.QuerySelector("input[name='Confirm.Secret'][type=password]"));

        async Task<AngleSharp.Dom.IDocument> AskAsync(string secret) =>
            await ParseAsync(await PostFormAsync(client, "/Account/TwoFactor?handler=RecoveryCodes", new() { ["Confirm.Secret"] = secret }, formPage: "/Account/TwoFactor"));
        Task<string?> StoredCodesAsync() => App.WithDbAsync(db => db.UserTokens
            .Where(t => t.UserId == db.Users.Single(u => u.Email == PresidentBhopal).Id && t.Name == "RecoveryCodes").Select(t => t.Value).SingleOrDefaultAsync());
        var stored = await StoredCodesAsync();

        // Nothing, a wrong password, a wrong code or the code already used: a message beside the field, no codes made.
        foreach (var wrong in new[] { "", "not my password at all", Code(key, step + 5), Code(key, step) })
        {
            var refused = await AskAsync(wrong);
            Assert.Empty(refused.QuerySelectorAll("[data-testid=recovery-codes] li"));
            Assert.NotEmpty(refused.QuerySelector("[data-valmsg-for='Confirm.Secret']")!.TextContent.Trim());
            Assert.Equal(stored, await StoredCodesAsync());
        }
        Assert.Contains("Incorrect password or code.", (await AskAsync("still not my password")).QuerySelector("[data-valmsg-for='Confirm.Secret']")!.TextContent);
        await App.WithDbAsync(async db => await db.Users.Where(u => u.Email == PresidentBhopal).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, 0)));

        // The password: ten new codes; the old ones no longer work.
        var withPassword = (await AskAsync(Seeder.DemoPassword)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, withPassword.Count);
        Assert.Empty(withPassword.Intersect(recovery));
        Assert.NotEqual(stored, await StoredCodesAsync());

        // A current code from the app (a later step: each code counts once) does it too.
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        var withCode = (await AskAsync(Code(key, step + 1))).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, withCode.Count);
        Assert.Empty(withCode.Intersect(withPassword));
    }

    [Fact]
    public async Task Wrong_answers_to_the_recovery_code_form_lock_it_for_a_minute_so_codes_cannot_be_guessed()
    {
        var client = await SignInAsync(PresidentIndore);
        await EnableAsync(client);
        for (var i = 0; i < 5; i++)
            await PostFormAsync(client, "/Account/TwoFactor?handler=RecoveryCodes", new() { ["Confirm.Secret"] = (100000 + i).ToString() }, formPage: "/Account/TwoFactor");
        var locked = await ParseAsync(await PostFormAsync(client, "/Account/TwoFactor?handler=RecoveryCodes",
            new() { ["Confirm.Secret"] = Seeder.DemoPassword }, formPage: "/Account/TwoFactor"));
        Assert.Contains("Wait a minute", locked.QuerySelector("[data-valmsg-for='Confirm.Secret']")!.TextContent);
        Assert.Empty(locked.QuerySelectorAll("[data-testid=recovery-codes] li"));

        // Once the lock-out is over (ended here rather than waited for), the password works again.
        await App.WithDbAsync(db => db.Users.Where(u => u.Email == PresidentIndore).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null)));
        var page = await ParseAsync(await PostFormAsync(client, "/Account/TwoFactor?handler=RecoveryCodes",
            new() { ["Confirm.Secret"] = Seeder.DemoPassword }, formPage: "/Account/TwoFactor"));
        Assert.Equal(10, page.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
    }

    [Fact]
    public async Task The_code_step_cannot_be_opened_without_the_password_step()
    {
        var client = AnonymousClient();
        var response = await client.GetAsync("/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Turning_on_two_factor_sign_in_ends_the_users_other_sessions_but_not_the_one_that_did_it()
    {
        var elsewhere = await SignInAsync(PresidentIndore);
        var here = await SignInAsync(PresidentIndore);
        await EnableAsync(here);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync($"/Territories/{indore}")).StatusCode);
        var other = await elsewhere.GetAsync($"/Territories/{indore}");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/Account/Login", other.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_and_makes_the_old_key_worthless()
    {
        var client = await SignInAsync(PresidentIndore);
        var (key, step, _) = await EnableAsync(client);
        var refused = await PostFormAsync(client, "/Account/TwoFactor?handler=Disable", new() { ["Disable.Password"] = "not my password at all" }, formPage: "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(await App.WithDbAsync(db => db.Users.Where(u => u.Email == PresidentIndore).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var off = await PostFormAsync(client, "/Account/TwoFactor?handler=Disable", new() { ["Disable.Password"] = Seeder.DemoPassword }, formPage: "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Users.Where(u => u.Email == PresidentIndore).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var page = await GetDocumentAsync(client, "/Account/EnableAuthenticator");
        Assert.NotEqual(key, page.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", "").Trim().ToUpperInvariant());
        var stale = await PostFormAsync(client, "/Account/EnableAuthenticator", new() { ["Input.Code"] = Code(key, step + 1) });
        Assert.Contains("The code is not valid", (await ParseAsync(stale)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Roles_that_must_use_two_factor_sign_in_are_sent_to_set_it_up_until_they_have()
    {
        using var enforced = App.WithWebHostBuilder(b => b.UseSetting("REQUIRE_2FA_ROLES", "Administrator,StateInCharge"));
        async Task<HttpClient> SignInOnAsync(string email)
        {
            var client = enforced.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(client, email)).StatusCode);
            return client;
        }
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);

        var incharge = await SignInOnAsync(InChargeMp);
        var sent = await incharge.GetAsync($"/Territories/{mp}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.StartsWith(TwoFactorEnforcement.SetupPath, sent.Headers.Location!.OriginalString);
        var post = await PostFormAsync(incharge, "/OfficeBearers/Committee?territory=" + mp, new() { ["Input.NameEn"] = "x" }, formPage: "/Account/EnableAuthenticator");
        Assert.StartsWith(TwoFactorEnforcement.SetupPath, post.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await (await SignInOnAsync(Admin)).GetAsync("/Admin/Users/Index")).StatusCode);

        // Other roles are not asked.
        Assert.Equal(HttpStatusCode.OK, (await (await SignInOnAsync(OfficeMp)).GetAsync($"/Territories/{mp}")).StatusCode);

        var setup = await GetDocumentAsync(incharge, TwoFactorEnforcement.SetupPath);
        Assert.Contains("must use two-factor sign-in", setup.QuerySelector("main")!.TextContent);
        await EnableAsync(incharge);
        Assert.Equal(HttpStatusCode.OK, (await incharge.GetAsync($"/Territories/{mp}")).StatusCode);

        // And it cannot be turned off.
        var off = await PostFormAsync(incharge, "/Account/TwoFactor?handler=Disable", new() { ["Disable.Password"] = Seeder.DemoPassword }, formPage: "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.True(await App.WithDbAsync(db => db.Users.Where(u => u.Email == InChargeMp).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var client = await SignInAsync(PresidentBhopal);
        await EnableAsync(client);
        var attacker = AnonymousClient();
        await PasswordStepAsync(attacker, PresidentBhopal);
        for (var i = 0; i < 5; i++)
            await PostFormAsync(attacker, "/Account/LoginWith2fa", new() { ["Input.Code"] = "00000" + i });
        Assert.True(await App.WithDbAsync(db => db.Users.Where(u => u.Email == PresidentBhopal).Select(u => u.LockoutEnd > App.Clock.GetUtcNow()).SingleAsync()));
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_clients_failures_per_minute_and_lock_the_account_for_a_minute_at_most()
    {
        var client = await SignInAsync(PresidentBhopal);
        await EnableAsync(client);
        using var limited = App.WithWebHostBuilder(b => b.UseSetting("LOGIN_FAILURES_PER_MINUTE", "3"));
        var attacker = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(attacker, PresidentBhopal)).StatusCode);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await PostFormAsync(attacker, "/Account/LoginWith2fa", new() { ["Input.Code"] = "00000" + i })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        // Identity's lock-out after wrong codes is short: nobody holding the password can keep the user out for long.
        var identity = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>().Value;
        Assert.True(identity.Lockout.DefaultLockoutTimeSpan <= TimeSpan.FromMinutes(2));
    }
}
