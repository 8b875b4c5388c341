using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Security;

/// <summary>
/// Every page handler the application serves (discovered from its endpoint data source), for every role and
/// anonymous, against records of the user's own district, a sibling district, a district of another division,
/// the parent division, the state and another state; POSTs carry a valid antiforgery token. The expected
/// result of each cell is the rule in <see cref="PageRules"/>, printed in docs/authorization.md; every response's
/// body is also searched for the marked records the user must not see.
/// </summary>
public partial class AuthorizationMatrixTests(AppFactory app) : IntegrationTest(app)
{
    /// <summary>The demo users probed, one per role, in the order of the documented table.</summary>
    public static readonly (string Role, string Email, string Title)[] Principals =
    [
        (Roles.Administrator, Admin, "Administrator"),
        (Roles.StateInCharge, InChargeMp, "State in-charge"),
        (Roles.StateOffice, OfficeMp, "State office"),
        (Roles.DivisionInCharge, DivisionBhopal, "Division in-charge (Bhopal)"),
        (Roles.DistrictPresident, PresidentBhopal, "District president (Bhopal)"),
    ];

    private enum Outcome { Allowed, Refused, Error }

    private sealed record Probe(PageRules.Rule Rule, string Template, string Url, string? Role, Target Target)
    {
        public bool Expected => Rule.Access(Role, Target);
    }

    [Fact]
    public async Task Every_page_handler_has_an_explicit_authorization_rule_and_every_rule_a_handler()
    {
        var handlers = await PageCatalog.DiscoverAsync(App.Services);
        var ruled = PageRules.All.Select(r => r.Key).ToHashSet();
        var missing = handlers.Where(h => !ruled.Contains(h.Key)).Select(h => h.Key).ToList();
        Assert.True(missing.Count == 0,
            "These page handlers have no rule in tests/OrgTracker.Tests/Security/PageRules.cs (state who may pass, and how to address a record):\n"
            + string.Join("\n", missing));
        var served = handlers.Select(h => h.Key).ToHashSet();
        var stale = PageRules.All.Where(r => !served.Contains(r.Key)).Select(r => r.Key).Distinct().ToList();
        Assert.True(stale.Count == 0, "Rules for handlers the application no longer serves:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_role_gets_exactly_what_docs_authorization_md_says_in_every_territory_and_never_sees_another_territorys_data()
    {
        var world = await ProbeWorld.CreateAsync(App);
        var probes = Plan(world);

        var documented = Document(probes);
        var docPath = Path.Combine(RepoRoot(), "docs", "authorization.md");
        if (Environment.GetEnvironmentVariable("ORGTRACKER_WRITE_DOCS") == "1")
            await File.WriteAllTextAsync(docPath, ReplaceGenerated(await File.ReadAllTextAsync(docPath), documented));

        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var groups = probes.GroupBy(p => p.Role);
        var results = await Task.WhenAll(groups.Select(g => RunAsync(g.Key, g.ToList())));
        foreach (var r in results) failures.AddRange(r);

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {probes.Count} probes went wrong:\n" + string.Join("\n", failures.Take(80)));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"the matrix took {clock.Elapsed}");
        Assert.True(ExtractGenerated(await File.ReadAllTextAsync(docPath)) == documented,
            "docs/authorization.md is out of date with PageRules: run this test once with ORGTRACKER_WRITE_DOCS=1 and commit the file.");
    }

    private static List<Probe> Plan(ProbeWorld world)
    {
        var probes = new List<Probe>();
        foreach (var rule in PageRules.All)
        {
            foreach (var template in rule.Urls)
            {
                var targets = template.Contains('{') ? ProbeWorld.Targets : [Target.None];
                var resolved = targets.Select(t => (Target: t, Url: world.Resolve(template, t))).Where(x => x.Url is not null).ToList();
                Assert.True(resolved.Count > 0, $"{rule.Key}: {template} cannot be addressed for any territory");
                foreach (var (role, _, _) in Principals)
                    probes.AddRange(resolved.Select(x => new Probe(rule, template, WithHandler(x.Url!, rule.Handler), role, x.Target)));
                probes.Add(new Probe(rule, template, WithHandler(resolved[0].Url!, rule.Handler), null, resolved[0].Target));
            }
        }
        return probes;
    }

    private static string WithHandler(string url, string? handler) =>
        handler is null || url.Contains("handler=", StringComparison.Ordinal) ? url : url + (url.Contains('?') ? "&" : "?") + "handler=" + handler;

    private async Task<List<string>> RunAsync(string? role, List<Probe> probes)
    {
        var failures = new List<string>();
        var email = Principals.SingleOrDefault(p => p.Role == role).Email;
        var client = email is null ? AnonymousClient() : await SignInAsync(email);
        var token = await TokenAsync(client);
        var forbidden = ProbeWorld.Targets.Where(t => role is null || !PageRules.InScope(role, t)).Select(ProbeWorld.Marker).ToList();
        // The search must be able to find something: every marked record the user may see shows up somewhere.
        var unseen = ProbeWorld.Targets.Where(t => role is not null && PageRules.InScope(role, t)).Select(ProbeWorld.Marker).ToHashSet();

        foreach (var probe in probes)
        {
            var (c, t) = (client, token);
            if (probe.Rule.EndsSession && email is not null)
            {
                c = await SignInAsync(email);
                t = await TokenAsync(c);
            }
            HttpResponseMessage response;
            try
            {
                response = probe.Rule.Verb == "GET"
                    ? await c.GetAsync(probe.Url)
                    : await c.PostAsync(probe.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = t }));
            }
            catch (Exception e)
            {
                failures.Add($"{Describe(probe)}: threw {e.GetType().Name}: {e.Message}");
                continue;
            }
            var outcome = Classify(response);
            var body = await BodyAsync(response);
            if (outcome == Outcome.Error)
                failures.Add($"{Describe(probe)}: answered {(int)response.StatusCode}");
            else if ((outcome == Outcome.Allowed) != probe.Expected)
                failures.Add($"{Describe(probe)}: expected {(probe.Expected ? "allowed" : "refused")}, was {(int)response.StatusCode} {response.Headers.Location}");
            unseen.RemoveWhere(m => body.Contains(m, StringComparison.Ordinal));
            var leaked = forbidden.Where(m => body.Contains(m, StringComparison.Ordinal)).ToList();
            if (leaked.Count > 0)
                failures.Add($"{Describe(probe)}: response ({(int)response.StatusCode}) contains {string.Join(", ", leaked)}");
        }
        if (unseen.Count > 0) failures.Add($"{role}: no response showed {string.Join(", ", unseen)}, which the role may see: is the search blind?");
        return failures;
    }

    private static string Describe(Probe p) => $"{p.Role ?? "anonymous"} · {p.Target} · {p.Rule.Verb} {p.Url}";

    private static Outcome Classify(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (code is 403 or 404) return Outcome.Refused;
        if (code is 301 or 302 or 303 or 307 or 308)
        {
            var location = response.Headers.Location!;
            var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            // A challenge sends to the login page with a ReturnUrl; signing out sends there without one.
            var refused = target.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)
                || (target.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) && target.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase));
            return refused ? Outcome.Refused : Outcome.Allowed;
        }
        return code is >= 200 and < 300 ? Outcome.Allowed : Outcome.Error;
    }

    /// <summary>The body as text; an Excel export is unzipped so that its cells can be searched too.</summary>
    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync());
            }
            return text.ToString();
        }
        return Encoding.UTF8.GetString(bytes);
    }

    public static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Error?code=404");
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, "no antiforgery token on the error page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    // ---- docs/authorization.md ----

    private const string Begin = "<!-- matrix:begin -->";
    private const string End = "<!-- matrix:end -->";

    private static string Document(List<Probe> probes)
    {
        var s = new StringBuilder();
        s.AppendLine(Begin);
        s.AppendLine($"Probes: **{probes.Count}** — {probes.Select(p => p.Rule.Key).Distinct().Count()} handlers, "
            + $"{probes.Select(p => (p.Rule.Key, p.Template)).Distinct().Count()} addressed URLs, {Principals.Length} roles and anonymous, "
            + $"up to {ProbeWorld.Targets.Length} territories each.");
        s.AppendLine();
        s.AppendLine("Cells: one mark per territory, in the order own district · sibling district · district of another division · "
            + "parent division · state · other state (✓ allowed, ✗ refused, · not applicable); a single mark where the URL names no record.");
        s.AppendLine();
        s.AppendLine("| handler | URL | policy | " + string.Join(" | ", Principals.Select(p => p.Title)) + " | anonymous |");
        s.AppendLine("|---|---|---|" + string.Concat(Principals.Select(_ => "---|")) + "---|");
        foreach (var row in probes.GroupBy(p => (p.Rule.Key, p.Template, p.Rule.Policy)))
        {
            var cells = Principals.Select(principal =>
            {
                var mine = row.Where(p => p.Role == principal.Role).ToList();
                if (mine.All(p => p.Target == Target.None)) return Mark(mine[0].Expected);
                return string.Concat(ProbeWorld.Targets.Select(t => mine.FirstOrDefault(p => p.Target == t) is { } p ? Mark(p.Expected) : "·"));
            });
            var anonymous = Mark(row.Single(p => p.Role is null).Expected);
            s.AppendLine($"| {row.Key.Key} | `{row.Key.Template}` | {row.Key.Policy} | {string.Join(" | ", cells)} | {anonymous} |");
        }
        s.AppendLine(End);
        return s.ToString();
    }

    private static string Mark(bool allowed) => allowed ? "✓" : "✗";

    private static string ExtractGenerated(string doc)
    {
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < 0 ? "" : doc[start..(end + End.Length)] + Environment.NewLine;
    }

    private static string ReplaceGenerated(string doc, string generated)
    {
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < 0
            ? doc.TrimEnd() + Environment.NewLine + Environment.NewLine + generated
            : doc[..start] + generated + doc[(end + End.Length)..].TrimStart('\r', '\n');
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrgTracker.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("OrgTracker.sln not found above the test directory");
    }
}
