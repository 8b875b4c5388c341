using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Platform;

/// <summary>
/// Light pages on a phone (issue 14, item 4; docs/performance.md, "Bytes on a phone"): responses compressed, static
/// files fingerprinted and cached for a year, Hindi written as UTF-8 (not <c>&amp;#x…;</c> entities or <c>\u…</c>
/// escapes), while signed-in pages stay <c>no-store</c> and JSON in pages still cannot end its element.
/// </summary>
public partial class LightPagesTests(AppFactory app) : IntegrationTest(app)
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    /// <summary>The body as sent, decoded according to its Content-Encoding.</summary>
    private static async Task<byte[]> BodyAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            null => raw,
            var other => throw new InvalidOperationException($"unexpected Content-Encoding {other}"),
        };
        using var copy = new MemoryStream();
        await decoded.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static string WebRoot(string path)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrgTracker.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "OrgTracker.Web", "wwwroot", path.TrimStart('/'));
    }

    [Fact]
    public async Task Signed_in_pages_and_json_are_compressed_when_the_browser_accepts_it_and_stay_no_store()
    {
        var client = await SignInAsync(PresidentBhopal, culture: "hi-IN");
        foreach (var (accept, expected) in new[] { ("br, gzip", "br"), ("gzip, deflate", "gzip"), ("br;q=0.5, gzip;q=1", "gzip") })
        {
            var response = await GetAsync(client, "/Dashboard", accept);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.Content.Headers.ContentEncoding.Single());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"Cache-Control {response.Headers.CacheControl}");
            var html = Encoding.UTF8.GetString(await BodyAsync(response));
            Assert.Contains("भोपाल", html);
            Assert.True(html.Length > 4 * (await response.Content.ReadAsByteArrayAsync()).Length, "compressed to less than a quarter");
        }

        // Nothing asked for, nothing compressed.
        var plain = await GetAsync(client, "/Dashboard", null);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True(plain.Headers.CacheControl?.NoStore == true);

        // A JSON answer (the enrolment page's live booth search) likewise, its Hindi as UTF-8.
        var drive = await App.WithDbAsync(db => db.MembershipDrives.Where(d => db.Territories.Any(s => s.Id == d.StateId && s.Code == "MP"))
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        var booths = await GetAsync(client, $"/Membership/Enrol/{drive}?handler=Booths&q=1", "br");
        Assert.Equal(HttpStatusCode.OK, booths.StatusCode);
        Assert.Equal("br", booths.Content.Headers.ContentEncoding.Single());
        var json = Encoding.UTF8.GetString(await BodyAsync(booths));
        Assert.Matches(@"\p{IsDevanagari}", json);
        Assert.False(DevanagariEscape().IsMatch(json), json);
    }

    [Fact]
    public async Task Static_files_go_out_precompressed_under_fingerprinted_urls_cached_for_a_year()
    {
        var page = await (await GetAsync(AnonymousClient(), "/Account/Login", null)).Content.ReadAsStringAsync();
        var urls = StaticUrl().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(urls, u => u.StartsWith("/lib/bootstrap/dist/css/bootstrap.min."));
        Assert.Contains(urls, u => u.StartsWith("/lib/bootstrap/dist/js/bootstrap.bundle.min."));
        Assert.DoesNotContain(urls, u => u.Contains("jquery"));   // only pages with client-side validation load jQuery

        foreach (var url in urls)
        {
            // /lib/bootstrap/dist/css/bootstrap.min.46ein0sx1k.css is wwwroot/lib/bootstrap/dist/css/bootstrap.min.css
            var fingerprint = Fingerprint().Match(url);
            Assert.True(fingerprint.Success, $"{url} carries no fingerprint");
            var file = await File.ReadAllBytesAsync(WebRoot(url.Remove(fingerprint.Index, fingerprint.Length - fingerprint.Groups[1].Length)));
            foreach (var accept in new[] { "br", "gzip", null })
            {
                var response = await GetAsync(AnonymousClient(), url, accept);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(accept, response.Content.Headers.ContentEncoding.SingleOrDefault());
                var cache = response.Headers.CacheControl!;
                Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
                Assert.Contains("immutable", cache.Extensions.Select(e => e.Name));
                Assert.False(cache.NoStore);
                Assert.Equal(file, await BodyAsync(response));
                if (accept is not null && file.Length > 4096)
                    Assert.True(response.Content.Headers.ContentLength < file.Length / 2, $"{url} as {accept}: {response.Content.Headers.ContentLength} of {file.Length} bytes");
            }
        }
    }

    [Fact]
    public async Task A_Hindi_page_carries_Devanagari_as_UTF8_and_its_chart_json_escapes_a_name_that_would_end_the_element()
    {
        // A block of Bhopal whose name tries to close the element and start a script, in both languages.
        const string hostile = "</script><script>alert(1)</script> \"रामगढ़\" & 'x' <b>";
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        await App.WithDbAsync(async db =>
        {
            var block = await db.Territories.Where(t => t.ParentId == bhopal && t.Level == TerritoryLevel.Block).OrderBy(t => t.Id).FirstAsync();
            block.NameEn = block.NameHi = hostile;
            return await db.SaveChangesAsync();
        });
        var client = await SignInAsync(PresidentBhopal, culture: "hi-IN");

        var response = await GetAsync(client, $"/Dashboard/{bhopal}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        // Devanagari as UTF-8 text, not as &#x…; entities or \u escapes.
        Assert.Contains("<span data-testid=\"territory-name\">भोपाल</span>", html);
        Assert.False(DevanagariEntity().IsMatch(html), DevanagariEntity().Match(html).Value);
        Assert.False(DevanagariEscape().IsMatch(html), DevanagariEscape().Match(html).Value);

        // The hostile name never appears as markup: not in the table, not in the chart's JSON.
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("</script><script>", html);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Empty(document.QuerySelectorAll("script:not([src])"));
        var canvas = document.QuerySelector("canvas[data-testid=chart-coverage]")!;
        var raw = RawAttribute(html, "chart-coverage", "data-labels");
        Assert.Contains("\\u003C/script\\u003E", raw);   // < and > escaped inside the JSON string
        Assert.DoesNotContain("<", raw);
        Assert.Contains("रामगढ़", raw);
        // Read back as the chart script reads it (JSON.parse of the attribute): the name, exactly.
        var labels = JsonSerializer.Deserialize<string[]>(canvas.GetAttribute("data-labels")!)!;
        Assert.Contains(hostile, labels);
        Assert.Contains("चंद्रनगर", labels);
        Assert.Contains("\"label\":\"एजेंट सहित (%)\"", canvas.GetAttribute("data-sets")!, StringComparison.Ordinal);
    }

    /// <summary>An attribute's value as it stands in the HTML source, before entity decoding.</summary>
    private static string RawAttribute(string html, string testId, string attribute)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        var tag = html[html.LastIndexOf('<', start)..html.IndexOf('>', start)];
        return Regex.Match(tag, $"{attribute}=\"([^\"]*)\"").Groups[1].Value;
    }

    [GeneratedRegex("(?:href|src)=\"(/(?:lib|css|js)/[^\"]+)\"")]
    private static partial Regex StaticUrl();

    /// <summary>The fingerprint before the extension: ".46ein0sx1k.css" (group 1 is the extension kept).</summary>
    [GeneratedRegex(@"\.[a-z0-9]{10}(\.(?:css|js))$")]
    private static partial Regex Fingerprint();

    [GeneratedRegex("&#x9[0-7][0-9A-F];", RegexOptions.IgnoreCase)]
    private static partial Regex DevanagariEntity();

    [GeneratedRegex(@"\\u09[0-7][0-9A-Fa-f]")]
    private static partial Regex DevanagariEscape();
}
