using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace OrgTracker.BrowserTests.Journeys;

/// <summary>
/// Bytes on a phone (docs/performance.md): the Bhopal district president, in Hindi, on a 375 px phone, opens the
/// district dashboard with an empty cache and again later. Bytes transferred are read from Chromium's network log
/// (encodedDataLength: headers and body as they crossed the wire), so the figures are deterministic, not timings.
/// </summary>
public class PageWeightTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : BrowserTest(app, chromium)
{
    /// <summary>Budgets of issue 14 ("Light pages"): first visit with an empty cache, and a repeat visit.</summary>
    public const int FirstVisitBudget = 150 * 1024, RepeatVisitBudget = 40 * 1024;

    protected override void ConfigureContext(BrowserNewContextOptions options) => Phone(options);

    [Fact]
    public async Task The_Hindi_district_dashboard_on_a_phone_stays_within_its_byte_budget_and_keeps_its_styles_menu_and_charts()
    {
        // Sign in and choose Hindi in one browser; measure in another that has only the cookies (an empty cache).
        await SignInAsync(PresidentBhopal);
        await SwitchLanguageAsync("हिन्दी");
        await Expect(TerritoryName).ToHaveTextAsync("भोपाल");
        var cookies = await Context.StorageStateAsync();

        Page = await NewPageAsync(o => { Phone(o); o.StorageState = cookies; });
        var first = await LoadDashboardAsync("first visit (empty cache)");
        await ScreenshotAsync("dashboard-phone-hindi.png");
        await ExpectStyledWithMenuAndChartsAsync();

        // A repeat visit: a new tab of the same browser (its cache), not a reload (which would revalidate everything).
        Page = await Page.Context.NewPageAsync();
        var repeat = await LoadDashboardAsync("repeat visit");
        await ExpectStyledWithMenuAndChartsAsync();

        Assert.True(first.Total < FirstVisitBudget, $"first visit transferred {first.Total:N0} bytes, budget {FirstVisitBudget:N0}");
        Assert.True(repeat.Total < RepeatVisitBudget, $"repeat visit transferred {repeat.Total:N0} bytes, budget {RepeatVisitBudget:N0}");
        // Every static file of the repeat visit came from the cache: fingerprinted URLs, immutable for a year.
        Assert.All(repeat.Resources.Where(r => r.Url.Contains("/lib/") || r.Url.Contains("/css/") || r.Url.Contains("/js/")),
            r => Assert.True(r.FromCache, $"{r.Url} was fetched again ({r.Bytes:N0} bytes)"));
        // Text went compressed; the Hindi page is UTF-8, not &#x…; entities.
        Assert.All(first.Resources.Where(r => r.Bytes > 1024 && !r.FromCache),
            r => Assert.True(r.Encoding is "br" or "gzip", $"{r.Url} was sent {r.Encoding ?? "uncompressed"}"));
        var html = await Page.ContentAsync();
        Assert.Contains("भोपाल", html);
    }

    private sealed record Resource(string Url, long Bytes, bool FromCache, string? Encoding);

    private sealed record Visit(long Total, List<Resource> Resources);

    /// <summary>Opens /Dashboard with Chromium's network log on, waits for the page and its charts, and sums the bytes.</summary>
    private async Task<Visit> LoadDashboardAsync(string label)
    {
        var session = await Page.Context.NewCDPSessionAsync(Page);
        var urls = new Dictionary<string, string>();
        var cached = new HashSet<string>();
        var encodings = new Dictionary<string, string?>();
        var finished = new Dictionary<string, long>();
        var gate = new object();
        session.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            if (e is not { } ev) return;
            var id = ev.GetProperty("requestId").GetString()!;
            var response = ev.GetProperty("response");
            var url = response.GetProperty("url").GetString()!;
            lock (gate)
            {
                urls[id] = url;
                if (response.TryGetProperty("fromDiskCache", out var disk) && disk.GetBoolean()) cached.Add(id);
                if (response.TryGetProperty("fromMemoryCache", out var memory) && memory.GetBoolean()) cached.Add(id);
                encodings[id] = Header(response, "content-encoding");
            }
        };
        session.Event("Network.requestServedFromCache").OnEvent += (_, e) =>
        {
            if (e is { } ev) lock (gate) cached.Add(ev.GetProperty("requestId").GetString()!);
        };
        session.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } ev) lock (gate) finished[ev.GetProperty("requestId").GetString()!] = (long)ev.GetProperty("encodedDataLength").GetDouble();
        };
        await session.SendAsync("Network.enable");

        await Page.GotoAsync("/Dashboard");
        await Expect(TerritoryName).ToHaveTextAsync("भोपाल");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.WaitForFunctionAsync("() => document.querySelectorAll('canvas[data-chart]').length > 0 && "
            + "[...document.querySelectorAll('canvas[data-chart]')].every(c => window.Chart && Chart.getChart(c))");
        await session.SendAsync("Network.disable");
        await session.DetachAsync();

        List<Resource> resources;
        lock (gate)
            resources = finished.Where(f => urls.TryGetValue(f.Key, out var url) && url.StartsWith("http"))   // not data: URLs
                .Select(f => new Resource(urls[f.Key], f.Value, cached.Contains(f.Key), encodings.GetValueOrDefault(f.Key)))
                .OrderByDescending(r => r.Bytes).ToList();
        var visit = new Visit(resources.Sum(r => r.Bytes), resources);
        var report = new StringBuilder($"{label}: {visit.Total:N0} bytes transferred in {resources.Count} responses\n");
        foreach (var r in resources)
            report.Append($"  {r.Bytes,9:N0}  {(r.FromCache ? "cache" : r.Encoding ?? "identity"),-8}  {new Uri(r.Url).PathAndQuery}\n");
        output.WriteLine(report.ToString());
        return visit;
    }

    private static string? Header(JsonElement response, string name)
    {
        if (!response.TryGetProperty("headers", out var headers)) return null;
        foreach (var h in headers.EnumerateObject())
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)) return h.Value.GetString();
        return null;
    }

    /// <summary>Bootstrap's styles applied, the collapsed menu opens (Bootstrap's script), and the charts are drawn.</summary>
    private async Task ExpectStyledWithMenuAndChartsAsync()
    {
        var navbarColour = await Page.Locator("nav.navbar").EvaluateAsync<string>("n => getComputedStyle(n).backgroundColor");
        Assert.Equal("rgb(13, 110, 253)", navbarColour);
        await ExpectNoSidewaysScrollingAsync();
        var toggler = Page.Locator(".navbar-toggler");
        await toggler.ClickAsync();
        await Expect(Page.Locator("#mainNav")).ToBeVisibleAsync();
        await Page.GetByTestId("office-bearers-menu").ClickAsync();
        await Expect(Page.Locator(".dropdown-menu.show")).ToBeVisibleAsync();
        await toggler.ClickAsync();
        await Expect(Page.Locator("#mainNav")).ToBeHiddenAsync();
    }
}
