using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Admin;

/// <summary>
/// Users choose their own password through a one-time link (Authorization/PasswordLinks.cs): the invitation an
/// administrator gets on creating a user, and the new set-password link that replaced the administrator's
/// "set a new password". The administrator never chooses or sees a password.
/// </summary>
public class InvitationTests(AppFactory app) : IntegrationTest(app)
{
    private const string Chosen = "my-own-long-password";
    private const string Email = "invited.president@example.in";

    /// <summary>Creates a district president of Indore; returns the new user's id and the page shown after it.</summary>
    private async Task<(string Id, IDocument Page)> CreateAsync(HttpClient admin, string culture = "en-IN")
    {
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        var response = await PostFormAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = Email, ["Input.DisplayName"] = "Invited President", ["Input.Role"] = Roles.DistrictPresident,
            ["Input.TerritoryId"] = indore.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await App.WithDbAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.Id).SingleAsync());
        return (id, await GetDocumentAsync(admin, response.Headers.Location!.OriginalString));
    }

    private static string LinkOf(IDocument page) =>
        page.QuerySelector("[data-testid=issued-link-url]")?.GetAttribute("value") ?? throw new Xunit.Sdk.XunitException("no link shown");

    private static string Local(string link) => new Uri(link).PathAndQuery;

    private static Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password) =>
        PostFormAsync(client, Local(link), new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });

    private static async Task<HttpResponseMessage> LogInAsync(string email, string password, HttpClient client) =>
        await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task AssertRefusedAsync(string link)
    {
        var client = AnonymousClient();
        var page = await GetDocumentAsync(client, Local(link));
        Assert.Contains("expired, has already been used or has been replaced", page.QuerySelector("[data-testid=setup-refused]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=setup-form]"));
        var post = await ParseAsync(await SetPasswordAsync(client, link, "someone-elses-password"));
        Assert.NotNull(post.QuerySelector("[data-testid=setup-refused]"));
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(Email, "someone-elses-password", AnonymousClient())).StatusCode);
    }

    private Task<AppUser> UserAsync(string email) => App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    [Fact]
    public async Task Creating_a_user_gives_a_one_time_invitation_link_to_copy_or_send_on_WhatsApp_with_which_the_user_chooses_a_password_and_signs_in()
    {
        var admin = await SignInAsync(Admin);
        var create = await GetDocumentAsync(admin, "/Admin/Users/Create");
        Assert.Null(create.QuerySelector("input[type=password]"));
        Assert.NotNull(create.QuerySelector("[data-testid=invitation-note]"));

        var (id, page) = await CreateAsync(admin);
        var user = await UserAsync(Email);
        Assert.Null(user.PasswordHash);
        Assert.Equal(PasswordLinks.InvitationIssued, user.PasswordLink);
        Assert.Contains("Send them the invitation link below", page.QuerySelector("[data-testid=status]")!.TextContent);
        var link = LinkOf(page);
        Assert.StartsWith($"http://localhost/Account/SetUp?user={id}&token=", link);
        Assert.NotNull(page.QuerySelector("[data-testid=copy-link][data-copy-target=issued-link-url]"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/copy-link.'][src$='.js']"));
        Assert.Contains(IndiaTimeText(UtcNow.AddHours(72)), page.QuerySelector("[data-testid=issued-link]")!.TextContent);

        // WhatsApp messages in Hindi and in English, each carrying the link, whatever the administrator's language.
        var hindi = Uri.UnescapeDataString(page.QuerySelector("[data-testid=whatsapp-hi]")!.GetAttribute("href")!);
        var english = Uri.UnescapeDataString(page.QuerySelector("[data-testid=whatsapp-en]")!.GetAttribute("href")!);
        Assert.StartsWith("https://wa.me/?text=", hindi);
        Assert.Contains("नमस्ते Invited President", hindi);
        Assert.Contains("पासवर्ड", hindi);
        Assert.EndsWith(link, hindi);
        Assert.Contains("Namaste Invited President, you have an account on OrgTracker", english);
        Assert.EndsWith(link, english);

        // The link is shown once: the user's page shown again has none.
        Assert.Null((await GetDocumentAsync(admin, $"/Admin/Users/Edit/{id}")).QuerySelector("[data-testid=issued-link]"));

        // The user opens the link, chooses a password, is signed in; then signs in with it as usual.
        var invited = AnonymousClient();
        var form = await GetDocumentAsync(invited, Local(link));
        Assert.Contains(Email, form.QuerySelector("main")?.TextContent ?? form.Body!.TextContent);
        var set = await SetPasswordAsync(invited, link, Chosen);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/", set.Headers.Location!.OriginalString);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.OK, (await invited.GetAsync($"/Dashboard/{indore}")).StatusCode);
        var signedIn = await SignInAsync(Email, Chosen);
        Assert.Equal($"/Dashboard/{indore}", (await signedIn.GetAsync("/")).Headers.Location!.OriginalString);
        Assert.Equal(PasswordLinks.PasswordSetViaLink, (await UserAsync(Email)).PasswordLink);
    }

    [Fact]
    public async Task The_page_after_creating_works_on_a_phone_in_Hindi()
    {
        var admin = await SignInAsync(Admin, culture: "hi-IN");
        var (_, page) = await CreateAsync(admin);
        var card = page.QuerySelector("[data-testid=issued-link]")!;
        Assert.Contains("निमंत्रण लिंक", card.TextContent);
        Assert.Contains("लिंक कॉपी करें", card.QuerySelector("[data-testid=copy-link]")!.TextContent);
        // Buttons stack full width on a narrow screen (d-grid) and sit in a row from "sm" up; the link field wraps nothing off-screen.
        Assert.Contains("d-grid", card.QuerySelector("[data-testid=copy-link]")!.ParentElement!.ClassName);
        Assert.Contains("form-control", card.QuerySelector("[data-testid=issued-link-url]")!.ClassName);
        Assert.Contains("नमस्ते", Uri.UnescapeDataString(card.QuerySelector("[data-testid=whatsapp-hi]")!.GetAttribute("href")!));
    }

    [Fact]
    public async Task A_link_works_once_and_a_used_link_is_refused_with_a_clear_message()
    {
        var admin = await SignInAsync(Admin);
        var (_, page) = await CreateAsync(admin);
        var link = LinkOf(page);
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(AnonymousClient(), link, Chosen)).StatusCode);
        var hash = (await UserAsync(Email)).PasswordHash;

        await AssertRefusedAsync(link);
        Assert.Equal(hash, (await UserAsync(Email)).PasswordHash);
        await SignInAsync(Email, Chosen);

        // In Hindi too; and a link for no such user gets the same answer, so the page tells nobody who has an account.
        var hindi = AnonymousClient();
        hindi.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dhi-IN%7Cuic%3Dhi-IN");
        Assert.Contains("नए लिंक के लिए अपने प्रशासक से कहें", (await GetDocumentAsync(hindi, Local(link))).QuerySelector("[data-testid=setup-refused]")!.TextContent);
        var unknown = await GetDocumentAsync(AnonymousClient(), "/Account/SetUp?user=no-such-user&token=" + Uri.EscapeDataString(new Uri(link).Query.Split("token=")[1]));
        var used = await GetDocumentAsync(AnonymousClient(), Local(link));
        Assert.Equal(used.QuerySelector("main")!.TextContent, unknown.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_invitation_expires_after_72_hours_on_the_apps_clock_and_the_administrator_can_send_a_fresh_one()
    {
        var admin = await SignInAsync(Admin);
        var (id, page) = await CreateAsync(admin);
        var first = LinkOf(page);

        App.Clock.Advance(TimeSpan.FromHours(71));
        Assert.NotNull((await GetDocumentAsync(AnonymousClient(), Local(first))).QuerySelector("[data-testid=setup-form]"));
        App.Clock.Advance(TimeSpan.FromHours(2));
        await AssertRefusedAsync(first);
        Assert.Null((await UserAsync(Email)).PasswordHash);

        // The administrator sees that the invitation expired and sends a fresh one.
        admin = await SignInAsync(Admin);
        var edit = await GetDocumentAsync(admin, $"/Admin/Users/Edit/{id}");
        Assert.Contains("The invitation link expired on", edit.QuerySelector("[data-testid=password-state]")!.TextContent);
        Assert.Contains("Send a new invitation link", edit.QuerySelector("[data-testid=send-link]")!.TextContent);
        var again = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}?handler=SendLink", [], $"/Admin/Users/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var shown = await GetDocumentAsync(admin, again.Headers.Location!.OriginalString);
        Assert.Contains("A new invitation link is ready", shown.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Contains("Invitation link", shown.QuerySelector("[data-testid=issued-link]")!.TextContent);
        var second = LinkOf(shown);
        Assert.Equal(PasswordLinks.InvitationIssued, (await UserAsync(Email)).PasswordLink);

        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(AnonymousClient(), second, Chosen)).StatusCode);
        await SignInAsync(Email, Chosen);
        await AssertRefusedAsync(first);
    }

    [Fact]
    public async Task A_new_set_password_link_ends_the_old_password_the_old_link_and_the_users_sessions()
    {
        var president = await SignInAsync(PresidentIndore);
        var indore = await TerritoryIdAsync("Indore", TerritoryLevel.District);
        Assert.Equal(HttpStatusCode.OK, (await president.GetAsync($"/Dashboard/{indore}")).StatusCode);
        var before = await UserAsync(PresidentIndore);

        var admin = await SignInAsync(Admin);
        var edit = await GetDocumentAsync(admin, $"/Admin/Users/Edit/{before.Id}");
        Assert.Null(edit.QuerySelector("input[type=password]"));
        Assert.Contains("Send a new set-password link", edit.QuerySelector("[data-testid=send-link]")!.TextContent);

        async Task<string> SendAsync()
        {
            var response = await PostFormAsync(admin, $"/Admin/Users/Edit/{before.Id}?handler=SendLink", [], $"/Admin/Users/Edit/{before.Id}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await GetDocumentAsync(admin, response.Headers.Location!.OriginalString);
            Assert.Contains("The old password, earlier links and the user's open sessions no longer work", page.QuerySelector("[data-testid=status]")!.TextContent);
            Assert.Contains("Set-password link", page.QuerySelector("[data-testid=issued-link]")!.TextContent);
            Assert.Contains("new OrgTracker password", Uri.UnescapeDataString(page.QuerySelector("[data-testid=whatsapp-en]")!.GetAttribute("href")!));
            return LinkOf(page);
        }

        var first = await SendAsync();
        var after = await UserAsync(PresidentIndore);
        Assert.Null(after.PasswordHash);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(PasswordLinks.SetPasswordLinkIssued, after.PasswordLink);
        // The old password no longer signs in, and the open session has ended.
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(PresidentIndore, Seeder.DemoPassword, AnonymousClient())).StatusCode);
        var ended = await president.GetAsync($"/Dashboard/{indore}");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/Account/Login", ended.Headers.Location!.PathAndQuery);

        // A second link replaces the first, which is refused from then on.
        var second = await SendAsync();
        var refused = await GetDocumentAsync(AnonymousClient(), Local(first));
        Assert.NotNull(refused.QuerySelector("[data-testid=setup-refused]"));
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(AnonymousClient(), second, Chosen)).StatusCode);
        await SignInAsync(PresidentIndore, Chosen);
        Assert.NotNull((await GetDocumentAsync(AnonymousClient(), Local(first))).QuerySelector("[data-testid=setup-refused]"));
    }

    [Fact]
    public async Task Invitation_new_link_and_password_set_through_a_link_are_in_the_audit_trail_without_the_link_or_a_secret()
    {
        var seeded = await App.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;
        var admin = await SignInAsync(Admin);
        var (id, page) = await CreateAsync(admin);
        var invitation = LinkOf(page);
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(AnonymousClient(), invitation, Chosen)).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var sent = await PostFormAsync(admin, $"/Admin/Users/Edit/{id}?handler=SendLink", [], $"/Admin/Users/Edit/{id}");
        var reset = LinkOf(await GetDocumentAsync(admin, sent.Headers.Location!.OriginalString));

        var rows = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(AppUser) && a.EntityId == id && a.Id > seeded).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(3, rows.Count);
        string? After(int i, string field) =>
            JsonDocument.Parse(rows[i].Changes).RootElement.TryGetProperty(field, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetProperty("after").GetString()) : null;
        Assert.Equal(("Added", PasswordLinks.InvitationIssued, Admin), (rows[0].Action, After(0, "PasswordLink"), rows[0].UserName));
        Assert.Equal(("Modified", PasswordLinks.PasswordSetViaLink, "set"), (rows[1].Action, After(1, "PasswordLink"), After(1, "Password")));
        Assert.Equal(("Modified", PasswordLinks.SetPasswordLinkIssued, "removed", Admin), (rows[2].Action, After(2, "PasswordLink"), After(2, "Password"), rows[2].UserName));
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        Assert.All(rows, r => Assert.Equal(mp, r.StateId));
        foreach (var token in new[] { invitation, reset }.Select(l => Uri.UnescapeDataString(new Uri(l).Query.Split("token=")[1])))
            Assert.All(rows, r => Assert.DoesNotContain(token, r.Changes));

        // The administrator's audit page shows the three events, readable, on the user's rows.
        var audit = await GetDocumentAsync(admin, "/Admin/Audit/Index?what=AppUser");
        var shown = audit.QuerySelectorAll("[data-testid=audit-row]").Where(r => r.GetAttribute("data-entity-id") == id).Select(r => r.TextContent).ToList();
        Assert.Equal(3, shown.Count);
        Assert.Contains(PasswordLinks.SetPasswordLinkIssued, shown[0]);
        Assert.Contains("removed", shown[0]);
        Assert.Contains(PasswordLinks.PasswordSetViaLink, shown[1]);
        Assert.Contains(PasswordLinks.InvitationIssued, shown[2]);
        Assert.Contains("PasswordLinkAtUtc", shown[0]);
    }

    [Fact]
    public async Task Another_states_administrator_cannot_issue_a_link_for_the_user_and_gets_404()
    {
        var admin = await SignInAsync(Admin);
        var upUser = await UserAsync(InChargeUp);
        var response = await PostFormAsync(admin, $"/Admin/Users/Edit/{upUser.Id}?handler=SendLink", [], "/Admin/Users");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var after = await UserAsync(InChargeUp);
        Assert.Equal((upUser.SecurityStamp, upUser.PasswordHash, (string?)null), (after.SecurityStamp, after.PasswordHash, after.PasswordLink));
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(admin, "/Admin/Users/Edit/no-such-user?handler=SendLink", [], "/Admin/Users")).StatusCode);
    }

    private static string IndiaTimeText(DateTime utc) => OrgTracker.Web.Localization.IndiaDateTime(utc);
}
