using System.Net;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;

namespace OrgTracker.Tests.Infrastructure;

/// <summary>Base of the HTTP tests: a fresh demo database per test, and signed-in clients.</summary>
[Collection(DatabaseCollection.Name)]
public abstract partial class IntegrationTest(AppFactory app) : IAsyncLifetime
{
    protected AppFactory App { get; } = app;

    public const string Admin = "admin@demo.orgtracker.in";
    public const string InChargeMp = "incharge.mp@demo.orgtracker.in";
    public const string OfficeMp = "office.mp@demo.orgtracker.in";
    public const string DivisionBhopal = "division.bhopal@demo.orgtracker.in";
    public const string PresidentBhopal = "president.bhopal@demo.orgtracker.in";
    public const string PresidentIndore = "president.indore@demo.orgtracker.in";
    public const string InChargeUp = "incharge.up@demo.orgtracker.in";

    public virtual Task InitializeAsync() => App.ResetAsync();

    /// <summary>Now on the application's pinned clock (UTC).</summary>
    protected DateTime UtcNow => App.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Today in India on the application's pinned clock.</summary>
    protected DateOnly TodayInIndia => OrgTracker.Web.Platform.IndiaTime.Day(UtcNow);
    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected HttpClient AnonymousClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form and returns a client that carries the cookie.</summary>
    protected async Task<HttpClient> SignInAsync(string email, string password = Seeder.DemoPassword, string culture = "en-IN")
    {
        var client = AnonymousClient();
        if (culture != "en-IN") client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    protected static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    protected static async Task<IDocument> GetDocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    protected Task<int> TerritoryIdAsync(string nameEn, OrgTracker.Web.Domain.TerritoryLevel level) =>
        App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Territories.Where(t => t.NameEn == nameEn && t.Level == level).Select(t => t.Id)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
