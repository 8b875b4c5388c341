using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgTracker.Tests.Infrastructure;

namespace OrgTracker.Tests.Security;

/// <summary>
/// Every form of the application (found on the pages that <see cref="PageRules"/> addresses, plus a bare post to
/// every POST handler whose form is not on any page) posted with malformed values by a state-office user and by a
/// district president: no response is a server error; a form answered again (not redirected) stored nothing; and
/// afterwards no page — including the records just created and the audit trail — renders a stored value as markup.
/// </summary>
public partial class BadInputTests(AppFactory app) : IntegrationTest(app)
{
    private const string Html = "<script>alert('xss')</script><i data-xss=\"1\">x</i><img src=x onerror=alert(1)>";
    private const string AttributeBreak = "\"'><i data-xss=\"2\" onmouseover=\"alert(2)\">' OR 1=1; DROP TABLE people; --";
    // NUL is left out: the framework refuses a form that contains it with 400 before any page sees it (checked below).
    private const string Control = "a\u0001b\u0007c\u001b[31m\u202ed\r\ne\u0008f\u007f\u200bg\ufeff";
    private const string Devanagari = "नरेन्द्र Singh ਪੰਜਾਬ علي 😀 ग्राम-पंचायत";
    private static readonly string Overlong = string.Concat(Enumerable.Repeat("बूथ-booth ", 2_500));

    /// <summary>Values put in every field at once (hidden ones, choices and numbers too).</summary>
    private static readonly (string Name, string Value)[] EveryField =
    [
        ("overlong", Overlong), ("control characters", Control), ("html", Html), ("sql", "'; DROP TABLE people; --"),
        ("negative", "-1"), ("huge", "99999999999999999999999"), ("impossible date", "2026-02-30"), ("not a number", "1e309"),
    ];

    /// <summary>Values put only in the free-text fields, the others left valid, so that they are stored and shown again.</summary>
    private static readonly (string Name, string Value)[] TextOnly =
    [
        ("mixed scripts", Devanagari), ("html", Html), ("attribute break and sql", AttributeBreak), ("control characters", Control),
    ];

    // Fields that are not free text, even when typed: their form's own value (or a valid one) is kept in the text-only cases.
    [GeneratedRegex("(?i)(mobile|email|year|date|On$|From$|Since$|period|part|code|password|figures|version|token|Id$|Search|q$)")]
    private static partial Regex NotFreeText();

    [Fact]
    public Task A_state_office_user_posting_malformed_values_to_every_form_gets_no_server_error_nothing_half_stored_and_nothing_unescaped() =>
        RunAsync(OfficeMp);

    [Fact]
    public Task A_district_president_posting_malformed_values_to_every_form_gets_no_server_error_nothing_half_stored_and_nothing_unescaped() =>
        RunAsync(PresidentBhopal);

    private async Task RunAsync(string email)
    {
        var world = await ProbeWorld.CreateAsync(App);
        var client = await SignInAsync(email);
        var failures = new List<string>();
        var auditStart = await MaxAuditIdAsync();

        // The pages that show forms, and the forms on them.
        var pages = PageRules.All.Where(r => r.Verb == "GET" && r.Handler is null)
            .SelectMany(r => r.Urls).Select(u => world.Resolve(u, Target.Own)).OfType<string>()
            .Where(u => !u.Contains("export=", StringComparison.Ordinal)).Distinct().ToList();
        var forms = new List<(string Page, HtmlForms.Submission Submission)>();
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var doc = await HtmlForms.ParseAsync(await response.Content.ReadAsStringAsync());
            forms.AddRange(HtmlForms.Submissions(doc, page)
                .Where(s => !s.Action.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase))
                .Select(s => (page, s)));
        }
        forms = forms.DistinctBy(f => (f.Submission.Action, string.Join(",", f.Submission.Fields.Keys.Order()))).ToList();
        // POST handlers with no form on these pages still get a post with only the token.
        var token = await AuthorizationMatrixTests.TokenAsync(client);
        var bare = PageRules.All.Where(r => r.Verb == "POST" && !r.EndsSession)
            .SelectMany(r => r.Urls.Select(u => world.Resolve(u, Target.Own)).OfType<string>().Select(u => (Rule: r, Url: u)))
            .Where(x => !forms.Any(f => Covers(f.Submission.Action, x.Rule)))
            .Select(x => x.Url + (x.Rule.Handler is null || x.Url.Contains("handler=") ? "" : (x.Url.Contains('?') ? "&" : "?") + "handler=" + x.Rule.Handler))
            .Distinct().ToList();
        Assert.True(forms.Count >= 10, $"only {forms.Count} forms found");

        var tables = await CountedTablesAsync();
        foreach (var (page, original) in forms)
        {
            var variants = new List<(string Name, Func<HtmlForms.Submission, Dictionary<string, string>> Fields)>
            {
                ("missing fields", s => new() { ["__RequestVerificationToken"] = s.Fields.GetValueOrDefault("__RequestVerificationToken", "") }),
            };
            variants.AddRange(EveryField.Select(p => ($"every field: {p.Name}", (Func<HtmlForms.Submission, Dictionary<string, string>>)(s =>
                s.Fields.ToDictionary(f => f.Key, f => f.Key == "__RequestVerificationToken" ? f.Value : p.Value)))));
            variants.AddRange(TextOnly.Select(p => ($"text fields: {p.Name}", (Func<HtmlForms.Submission, Dictionary<string, string>>)(s =>
            {
                var n = ++_counter;
                var fields = new Dictionary<string, string>(s.Fields);
                foreach (var name in HtmlForms.TextFieldNames(s.Form).Where(f => !NotFreeText().IsMatch(f))) fields[name] = p.Value;
                foreach (var name in fields.Keys.ToList())
                {
                    if (name.EndsWith("Mobile", StringComparison.Ordinal)) fields[name] = $"97{email.Length % 10}{n:0000000}";
                    else if (name.EndsWith("Email", StringComparison.Ordinal) && !name.StartsWith("Input.Email", StringComparison.Ordinal)) fields[name] = $"bad.input.{n}@example.in";
                }
                return fields;
            }))));

            foreach (var (name, build) in variants)
            {
                // A fresh form each time: a new token, the current version, the current choices.
                var fresh = await client.GetAsync(page);
                if (fresh.StatusCode != HttpStatusCode.OK) break;
                var doc = await HtmlForms.ParseAsync(await fresh.Content.ReadAsStringAsync());
                var submission = HtmlForms.Submissions(doc, page).FirstOrDefault(s => s.Action == original.Action
                    && s.Fields.Keys.Order().SequenceEqual(original.Fields.Keys.Order()));
                if (submission is null) break; // the form is gone (an appointment ended, a report submitted): nothing more to post there
                var before = await FingerprintAsync(tables);
                var response = await client.PostAsync(submission.Action, new FormUrlEncodedContent(build(submission)));
                var status = (int)response.StatusCode;
                if (status >= 500 || status == 400)
                    failures.Add($"{email} · {submission.Action} · {name}: {status}");
                else if (status == 200 && await FingerprintAsync(tables) != before)
                    failures.Add($"{email} · {submission.Action} · {name}: answered the form again but stored something");
            }
        }
        foreach (var url in bare)
        {
            foreach (var body in new[] { new Dictionary<string, string> { ["__RequestVerificationToken"] = token },
                         new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Version"] = Overlong, ["Version"] = "-1", ["id"] = Html } })
            {
                var status = (int)(await client.PostAsync(url, new FormUrlEncodedContent(body))).StatusCode;
                if (status >= 500 || status == 400) failures.Add($"{email} · {url} · bare post: {status}");
            }
        }
        // Malformed bodies every form gets alike: a NUL byte and field names that are not names. Refused (400), never a 500.
        foreach (var (page, submission) in forms.DistinctBy(f => f.Submission.Action.Split('?')[0]))
        {
            foreach (var raw in new[] { "Input.NameEn=a%00b", "%5Bx=1", "Input.Figures%5B=1", "Input%5B%5D%5D=1", "a=%ZZ%", "=&&==" })
            {
                var body = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{raw}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                var status = (int)(await client.PostAsync(submission.Action, body)).StatusCode;
                if (status >= 500) failures.Add($"{email} · {submission.Action} · raw body {raw}: {status}");
            }
        }

        // Everything stored is shown as text wherever it appears: the pages, the new records, the audit trail.
        var shown = pages.ToList();
        var created = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > auditStart)
            .Select(a => new { a.Entity, a.EntityId }).Distinct().ToListAsync());
        foreach (var c in created)
        {
            shown.AddRange(c.Entity switch
            {
                "Person" => [$"/People/Details/{c.EntityId}"],
                "Appointment" => [$"/OfficeBearers/Appointment/{c.EntityId}"],
                "Committee" => [$"/OfficeBearers/Committee/{c.EntityId}"],
                "Territory" => [$"/Territories/{c.EntityId}", $"/OfficeBearers/Territory/{c.EntityId}"],
                "Report" => [$"/Reports/View/{c.EntityId}"],
                _ => [],
            });
        }
        Assert.True(created.Count > 0, "no malformed value was stored anywhere: the text-only cases never got through");
        var admin = await SignInAsync(Admin);
        foreach (var (viewer, url) in shown.Distinct().Select(u => (client, u)).Concat([(admin, "/Admin/Audit/Index"), (admin, "/Admin/Audit/Index?p=2"), (admin, "/Admin/Audit/Index?p=3")]))
        {
            var response = await viewer.GetAsync(url);
            if ((int)response.StatusCode >= 500) { failures.Add($"{email} · GET {url}: {(int)response.StatusCode}"); continue; }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var doc = await HtmlForms.ParseAsync(await response.Content.ReadAsStringAsync());
            foreach (var problem in Unescaped(doc)) failures.Add($"{email} · GET {url}: {problem}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems in {forms.Count} forms and {bare.Count} bare posts:\n" + string.Join("\n", failures.Distinct().Take(60)));
    }

    private static bool Covers(string action, PageRules.Rule rule)
    {
        var path = action.Split('?')[0];
        var handler = Regex.Match(action, "[?&]handler=([^&]+)").Groups[1].Value;
        return (path.Equals(rule.Page, StringComparison.OrdinalIgnoreCase) || path.StartsWith(rule.Page + "/", StringComparison.OrdinalIgnoreCase)
                || (rule.Page.EndsWith("/Index", StringComparison.Ordinal) && path.Equals(rule.Page[..^6], StringComparison.OrdinalIgnoreCase)))
            && string.Equals(handler, rule.Handler ?? "", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Markup that came from stored data: the markers of the payloads, event-handler attributes, inline script.</summary>
    private static IEnumerable<string> Unescaped(IDocument doc)
    {
        foreach (var e in doc.QuerySelectorAll("[data-xss]")) yield return $"rendered markup <{e.LocalName} data-xss>";
        foreach (var e in doc.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))))
            yield return $"event handler attribute on <{e.LocalName}>";
        foreach (var e in doc.QuerySelectorAll("script:not([src])")) yield return "inline script";
    }

    private async Task<long> MaxAuditIdAsync() => await App.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;

    private int _counter;

    /// <summary>The application's tables whose rows a form may add (not sessions, keys or the sign-in bookkeeping).</summary>
    private static async Task<List<string>> CountedTablesAsync()
    {
        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'
            AND tablename NOT IN ('auth_sessions', 'data_protection_keys', '__ef_migrations_history') AND tablename NOT LIKE 'AspNet%'
            ORDER BY tablename
            """, conn);
        var tables = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>Row counts of the tables and the newest audit row: what changes when anything is stored.</summary>
    private static async Task<string> FingerprintAsync(List<string> tables)
    {
        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        var sql = "SELECT concat_ws(',', " + string.Join(", ", tables.Select(t => $"(SELECT count(*) FROM {t})")) + ", (SELECT max(id) FROM audit_entries))";
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
