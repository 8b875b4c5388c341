using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Npgsql;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using Xunit.Abstractions;

namespace OrgTracker.Tests.Security;

/// <summary>
/// A seeded fuzz of every form of every page, for each role (and anonymous): every page that <see cref="PageRules"/>
/// addresses, with the records of <see cref="ProbeWorld"/> in the role's scope, is read; every form on it (POST and
/// GET, shown once per distinct shape) is posted again and again with one field mutated at a time — the others left
/// at the page's own values — and as a whole (every field empty, no antiforgery token, every field sent twice);
/// the query parameters of the pages' own URLs (and of POST handlers addressed with some), and the ids in their paths,
/// are mutated too. The mutations are empty and blank values, 10,000
/// characters, Devanagari, emoji, right-to-left text, control characters, NUL, a lone surrogate and bytes that are
/// not UTF-8, negative and huge numbers (int.MaxValue + 1, long overflow, ±1e308, 1e309, NaN), text where a number,
/// date, flag or id is expected, impossible and far dates, HTML and SQL metacharacters and a literal "%00". Which
/// mutations a field gets is chosen from a fixed seed (each role takes different ones), so a failure reproduces.
/// <para>
/// Checked: no response is a server error; a submission that was not accepted (anything but a redirect to a page of
/// the application) changed no row of any table (a row trigger counts every committed insert, update and delete per
/// table while the test runs — a rolled-back change counts nothing); an accepted submission redirects inside the
/// application, and the page it leads to renders; every form refuses a post without its antiforgery token (400);
/// after each role's fuzz, every kind of page and every export (CSV, Excel) renders what was stored.
/// </para>
/// </summary>
public sealed partial class FormFuzzTests(AppFactory app, ITestOutputHelper output) : IntegrationTest(app)
{
    private const int Seed = 20_261_206;

    /// <summary>Mutations each field gets per role (roles take different ones from the field's seeded order).</summary>
    private const int PerField = 2;

    /// <summary>The test fails below this many requests: it must never silently test nothing.</summary>
    private const int Floor = 1_500;

    /// <summary>One mutated value, already form-encoded (so that bytes a string cannot hold can be sent too).</summary>
    private sealed record Mutation(string Name, string Encoded);

    private static Mutation Text(string name, string value) => new(name, Encode(value));

    private static readonly Mutation[] Mutations =
    [
        Text("empty", ""),
        Text("blank", "  \t  "),
        Text("10,000 characters", string.Concat(Enumerable.Repeat("बूथ-booth ", 1_000))),
        Text("Devanagari", "नरेन्द्र कुमार ग्राम-पंचायत क्षेत्र"),
        Text("emoji", "😀👍🏽🇮🇳👨‍👩‍👧"),
        Text("right-to-left", "\u202Eعلي محمد\u202C שלום"),
        Text("control characters", "a\u0001b\u0007c\u001b[31m\r\nd\u0008\u007f\u200b\ufeff"),
        new("NUL", "a%00b"),
        new("lone surrogate (CESU bytes)", "a%ED%A0%80b"),
        new("not UTF-8", "%FF%FE%C0%AF"),
        Text("-1", "-1"),
        Text("int.MaxValue + 1", "2147483648"),
        Text("long overflow", "9223372036854775808"),
        Text("1e308", "1e308"),
        Text("-1e308", "-1e308"),
        Text("1e309", "1e309"),
        Text("NaN", "NaN"),
        Text("text for a number", "abc"),
        Text("impossible date", "2026-02-30"),
        Text("dd-MM-yyyy date", "31-12-2026"),
        Text("far future", "9999-12-31"),
        Text("year one", "0001-01-01"),
        Text("not a flag", "maybe"),
        Text("not a guid", "not-a-guid"),
        Text("int.MinValue", "-2147483648"),
        Text("html", "<script>alert(1)</script><b onmouseover=alert(2)>x</b>"),
        Text("sql", "' OR 1=1 --"),
        Text("literal %00", "%00"),
        Text("path", "../../etc/passwd"),
        Text("another site", "//evil.example/x"),
    ];

    /// <summary>Values for the parameters of the pages' own URLs and for route ids.</summary>
    private static readonly Mutation[] QueryMutations = Mutations;

    /// <summary>
    /// Tables whose rows legitimately change on a submission that is not accepted, so they are not counted:
    /// every request slides the signed-in session (<c>auth_sessions</c>); data-protection keys are made on first use;
    /// failed sign-ins are counted per client and account (<c>login_throttles</c>); the migrations history is EF's.
    /// </summary>
    private static readonly string[] NotCounted = ["auth_sessions", "data_protection_keys", "login_throttles", "__ef_migrations_history"];

    /// <summary>
    /// On the account pages the user's own sign-in bookkeeping changes too: a wrong authenticator code counts towards the
    /// lock-out (<c>AspNetUsers</c>), and the authenticator page makes the user's key when it is first shown (<c>AspNetUserTokens</c>).
    /// </summary>
    private static readonly string[] NotCountedOnAccountPages = ["AspNetUsers", "AspNetUserTokens"];

    private sealed record Principal(string? Role, string? Email);

    private static readonly Principal[] Principals =
        [new(null, null), .. AuthorizationMatrixTests.Principals.Select(p => new Principal(p.Role, p.Email))];

    private sealed class Run
    {
        public int Requests;
        public int Posts;
        public int Gets;
        public int Accepted;
        public int AcceptedAndCounted;
        public int Unreached;
        public int Shapes;
        public int Fields;
        public readonly List<string> Failures = [];
        public readonly Dictionary<int, int> Statuses = [];
    }

    [Fact]
    public async Task Every_form_of_every_page_for_every_role_posted_with_mutated_values_never_gets_a_server_error_nor_stores_anything_half_done()
    {
        var run = new Run();
        try
        {
            var first = true;
            foreach (var principal in Principals)
            {
                // Each role fuzzes a fresh demo database: what an earlier role ended or changed is back.
                var clock = System.Diagnostics.Stopwatch.StartNew();
                if (!first) await App.ResetAsync();
                first = false;
                var world = await ProbeWorld.CreateAsync(App);
                await InstallCounterAsync();
                output.WriteLine($"{principal.Role ?? "anonymous"}: database reset and probe records {clock.Elapsed.TotalSeconds:0.0} s");
                try
                {
                    await FuzzAsync(principal, world, run);
                }
                finally
                {
                    await RemoveCounterAsync();
                }
            }
        }
        finally
        {
            await RemoveCounterAsync();
        }

        output.WriteLine($"requests sent: {run.Requests} ({run.Posts} form posts, {run.Gets} GETs: pages, GET forms, mutated query strings and followed redirects); "
            + $"{run.Shapes} form shapes × role, {run.Fields} fields × role; {run.Accepted} submissions accepted ({run.AcceptedAndCounted} of them counted as stored); {run.Unreached} planned submissions not sent because the form was gone");
        output.WriteLine("statuses: " + string.Join(", ", run.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(run.Failures.Count == 0, $"{run.Failures.Count} problems in {run.Requests} requests:\n" + string.Join("\n", run.Failures.Distinct().Take(80)));
        Assert.True(run.Requests >= Floor, $"only {run.Requests} requests were sent (at least {Floor} expected): did the pages lose their forms?");
        Assert.True(run.Accepted > 0, "no mutated submission was ever accepted: the fuzz never got past validation");
        // The check of 'nothing stored' can see a change: the accepted submissions' rows were counted.
        Assert.True(run.AcceptedAndCounted >= 50, $"only {run.AcceptedAndCounted} of {run.Accepted} accepted submissions changed a counted row: is the row counter blind?");
    }

    /// <summary>
    /// Found by the fuzz: a NUL character in a query string (a search box, a filter) reached PostgreSQL, which refuses it
    /// in a text parameter — a 500. Now refused with 400 before any page sees it, as a posted form with one is.
    /// </summary>
    [Fact]
    public async Task A_NUL_character_in_a_query_string_is_refused_with_400_never_a_server_error()
    {
        var world = await ProbeWorld.CreateAsync(App);
        var client = await SignInAsync(OfficeMp);
        var own = world.Values[Target.Own];
        string[] urls =
        [
            $"/Territories/{own["district"]}?q=a%00b", $"/People/Index?q=a%00b", $"/Membership/Members/{own["drive"]}?mobile=a%00b",
            "/Meetings/Index?q=a%00b", $"/Territories/{own["district"]}?a%00b=1",
        ];
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        }
        // Before the fix the first two answered 500. The same searches with other control characters still work.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Territories/{own["district"]}?q=a%01b")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/People/Index?q=%E0%A4%A8")).StatusCode);
    }

    /// <summary>
    /// Found by the fuzz: a page whose POST handlers all have names (Reports/Edit: Save, Submit) posted without a
    /// handler, or with a name it does not have, was drawn without running any handler — without its data: a 500
    /// (Reports/Edit, Reports/View, OfficeBearers/Appointment and the other pages with only named POST handlers).
    /// Now every such post is a 404.
    /// </summary>
    [Fact]
    public async Task A_post_naming_no_handler_or_an_unknown_one_is_a_404_never_a_server_error()
    {
        var world = await ProbeWorld.CreateAsync(App);
        var client = await SignInAsync(OfficeMp);
        var token = await AuthorizationMatrixTests.TokenAsync(client);
        var pages = PageRules.All.Where(r => r.Verb == "GET" && r.Handler is null).SelectMany(r => r.Urls)
            .Select(u => world.Resolve(u, Target.Own)).OfType<string>().Where(u => !u.Contains("export=", StringComparison.Ordinal))
            .Where(u => !u.StartsWith("/Account/Logout", StringComparison.Ordinal)).Distinct().ToList();
        var failures = new List<string>();
        foreach (var page in pages)
        {
            foreach (var handler in new[] { "", "NoSuchHandler" })
            {
                var url = handler == "" ? page : page + (page.Contains('?') ? "&" : "?") + "handler=" + handler;
                var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
                if ((int)response.StatusCode >= 500) failures.Add($"POST {url}: {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var report = world.Resolve("/Reports/Edit?district={district}&period={period}", Target.Own)!;
        foreach (var url in new[] { report, report + "&handler=NoSuchHandler", report.Replace("district=", "district=x"),
                     world.Resolve("/Reports/View/{report}", Target.Own)!, world.Resolve("/OfficeBearers/Appointment/{appointment}", Target.Own)! })
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url}: {(int)response.StatusCode}");
        }
    }

    // ---- one role ----

    private sealed class Session(FormFuzzTests test, Principal principal)
    {
        public HttpClient Client { get; private set; } = null!;

        public async Task StartAsync() => Client = principal.Email is null ? test.AnonymousClient() : await test.SignInAsync(principal.Email);

        /// <summary>A page's HTML, signing in again if the session was ended by what was posted before.</summary>
        public async Task<(HttpResponseMessage Response, string Html)> GetAsync(Run run, string url)
        {
            for (var attempt = 0; ; attempt++)
            {
                var response = await Client.GetAsync(url);
                run.Requests++;
                run.Gets++;
                Count(run, response);
                if (attempt == 0 && principal.Email is not null && IsSignInChallenge(response))
                {
                    await StartAsync();
                    continue;
                }
                return (response, await response.Content.ReadAsStringAsync());
            }
        }
    }

    private async Task FuzzAsync(Principal principal, ProbeWorld world, Run run)
    {
        var who = principal.Role ?? "anonymous";
        var phase = new Phases();
        var session = new Session(this, principal);
        await session.StartAsync();
        var roleIndex = Array.IndexOf(Principals, principal);

        // The pages: every GET rule's URLs (no exports, no handlers), for each record the role may see.
        var targets = ProbeWorld.Targets.Where(t => principal.Role is not null && PageRules.InScope(principal.Role, t)).Append(Target.None).ToList();
        var pages = PageRules.All.Where(r => r.Verb == "GET" && r.Handler is null)
            .SelectMany(r => r.Urls)
            .SelectMany(u => u.Contains('{') ? targets.Select(t => world.Resolve(u, t)) : [u])
            .OfType<string>()
            .Where(u => !u.Contains("export=", StringComparison.Ordinal))
            .Distinct().ToList();

        // Forms, once per shape (the same form on another record or page is another instance of it).
        var shapes = new Dictionary<string, List<(string Page, bool Post)>>();
        var getForms = new Dictionary<string, (string Page, string Action, Dictionary<string, string> Fields)>();
        foreach (var page in pages)
        {
            var (response, html) = await session.GetAsync(run, page);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var doc = await HtmlForms.ParseAsync(html);
            foreach (var s in HtmlForms.Submissions(doc, page))
            {
                var key = ShapeKey(s.Action, s.Fields.Keys);
                if (!shapes.TryGetValue(key, out var instances)) shapes[key] = instances = [];
                if (!instances.Contains((page, true))) instances.Add((page, true));
            }
            foreach (var form in doc.QuerySelectorAll("form").Where(f => !string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page : form.GetAttribute("action")!;
                var fields = HtmlForms.Fields(form);
                getForms.TryAdd(ShapeKey(action, fields.Keys), (page, action, fields));
            }
        }
        Assert.True(shapes.Count > 0, $"{who}: no form found on {pages.Count} pages");
        phase.Mark("pages");

        foreach (var (key, instances) in shapes.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            run.Shapes++;
            var posts = run.Posts;
            await FuzzFormAsync(session, principal, who, roleIndex, key, instances, run);
            output.WriteLine($"{who} · POST {key}: {run.Posts - posts} posts");
        }
        foreach (var (key, form) in getForms.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            run.Shapes++;
            await FuzzGetFormAsync(session, who, roleIndex, key, form.Action, form.Fields, run);
        }
        phase.Mark("forms");
        // One page of each kind (the same page for another record adds nothing to a query-string fuzz).
        var kinds = pages.DistinctBy(UrlKey).ToList();
        foreach (var page in kinds) await FuzzUrlAsync(session, who, roleIndex, page, run);
        // POST handlers addressed with query parameters (a button's formaction, a link's data): each parameter mutated.
        var token = principal.Email is null ? null : await AuthorizationMatrixTests.TokenAsync(session.Client);
        var postUrls = PageRules.All.Where(r => r.Verb == "POST" && !r.EndsSession && token is not null)
            .SelectMany(r => r.Urls.Select(u => targets.Select(t => world.Resolve(u, t)).FirstOrDefault(x => x is not null)))
            .OfType<string>().Where(u => ParseQuery(u).Any(q => q.Key != "handler")).Distinct();
        foreach (var url in postUrls)
        {
            var path = url.Split('?')[0];
            var query = ParseQuery(url).Select(q => (q.Key, Encode(q.Value))).ToList();
            foreach (var (name, _) in query.Where(q => q.Key != "handler"))
            {
                foreach (var m in Pick(UrlKey(url) + "\n?" + name, roleIndex, PerField))
                {
                    var before = await CountAsync();
                    var response = await session.Client.PostAsync(path + "?" + Join(query.Select(q => q.Key == name ? (q.Key, m.Encoded) : q)),
                        new StringContent(Join([("__RequestVerificationToken", Encode(token!)), (IdempotencyScope.FormField, Guid.NewGuid().ToString())]), Encoding.ASCII, "application/x-www-form-urlencoded"));
                    run.Requests++;
                    run.Posts++;
                    Count(run, response);
                    await CheckAsync(session, run, $"{who} · POST {url} · {name} = {m.Name}", response, Changed(before, await CountAsync(), url), post: true);
                }
            }
        }
        // Every kind of page posted to with a handler name it may not have (the empty mutation: none at all).
        if (token is not null)
        {
            // (Not the sign-out page: posted to without a handler, it signs out, as it should.)
            foreach (var page in kinds.Where(p => !p.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)))
            {
                var m = Pick(UrlKey(page) + "\n?handler", roleIndex, 1)[0];
                var path = page.Split('?')[0];
                var query = ParseQuery(page).Where(q => q.Key != "handler").Select(q => (q.Key, Encode(q.Value))).Append(("handler", m.Encoded)).ToList();
                var before = await CountAsync();
                var response = await session.Client.PostAsync(path + "?" + Join(query),
                    new StringContent(Join([("__RequestVerificationToken", Encode(token))]), Encoding.ASCII, "application/x-www-form-urlencoded"));
                run.Requests++;
                run.Posts++;
                Count(run, response);
                await CheckAsync(session, run, $"{who} · POST {page} · handler = {m.Name}", response, Changed(before, await CountAsync(), page), post: true);
            }
        }
        phase.Mark("query strings");

        // What was stored shows everywhere: every page and every export (CSV, Excel, samples) renders it.
        var exports = PageRules.All.Where(r => r.Verb == "GET")
            .SelectMany(r => r.Urls.Select(u => r.Handler is null || u.Contains("handler=", StringComparison.Ordinal) ? u : u + (u.Contains('?') ? "&" : "?") + "handler=" + r.Handler))
            .Where(u => u.Contains("export=", StringComparison.Ordinal) || u.Contains("handler=", StringComparison.Ordinal))
            .SelectMany(u => u.Contains('{') ? targets.Select(t => world.Resolve(u, t)) : [u])
            .OfType<string>();
        foreach (var url in kinds.Concat(exports.DistinctBy(UrlKey)))
        {
            var (response, _) = await session.GetAsync(run, url);
            if ((int)response.StatusCode >= 500) run.Failures.Add($"{who} · GET {url} after the fuzz: {(int)response.StatusCode}{LastError()}");
        }
        phase.Mark("pages and exports again");
        output.WriteLine($"{who}: {phase}");
    }

    /// <summary>What makes two page URLs the same page: the path (ids as #) and the names of its query parameters.</summary>
    private static string UrlKey(string url) =>
        IdSegment().Replace(url.Split('?')[0], "/#") + "?" + string.Join("&", ParseQuery(url).Select(q => q.Key + (q.Key == "handler" || q.Key == "export" ? "=" + q.Value : "")));

    /// <summary>Where a role's fuzz spends its time (printed, never asserted).</summary>
    private sealed class Phases
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private readonly List<string> _marks = [];
        public void Mark(string name)
        {
            _marks.Add($"{name} {_clock.Elapsed.TotalSeconds:0.0} s");
            _clock.Restart();
        }
        public override string ToString() => string.Join(", ", _marks);
    }

    // ---- POST forms ----

    private async Task FuzzFormAsync(Session session, Principal principal, string who, int roleIndex, string key,
        List<(string Page, bool Post)> instances, Run run)
    {
        // The plan: whole-form variants, then each field with its mutations. Field names come from the first instance.
        var (firstHtml, first) = await FindAsync(session, run, instances[0].Page, key);
        if (first is null) { run.Unreached++; return; }
        var fieldNames = first.Fields.Keys.Where(f => f != "__RequestVerificationToken").ToList();
        run.Fields += fieldNames.Select(f => RowIndex().Replace(f, "[#]")).Distinct().Count();
        var plan = new List<(string Name, Func<HtmlForms.Submission, List<(string, string)>> Body)>
        {
            // First (the check below relies on its place): without the token every form is refused with 400.
            ("no antiforgery token", s => Body(s).Where(f => f.Item1 != "__RequestVerificationToken").ToList()),
            ("every field empty", s => Body(s).Select(f => IsToken(f.Item1) ? f : (f.Item1, "")).ToList()),
        };
        // The rows of a list (Targets[0].Value, Targets[1].Value …) are one field: each mutation goes to another row.
        foreach (var group in fieldNames.GroupBy(f => RowIndex().Replace(f, "[#]")))
        {
            var rows = group.ToList();
            var picked = Pick(key + "\n" + group.Key, roleIndex, PerField);
            for (var j = 0; j < picked.Length; j++)
            {
                var (field, m) = (rows[(roleIndex * PerField + j) % rows.Count], picked[j]);
                plan.Add(($"{field} = {m.Name}", s => Body(s).Select(f => f.Item1 == field ? (f.Item1, m.Encoded) : f).ToList()));
            }
        }
        var twice = Pick(key + "\ntwice", roleIndex, 1)[0];
        plan.Add(($"every field twice (second: {twice.Name})", s => Body(s).SelectMany(f => IsToken(f.Item1) ? [f] : new[] { f, (f.Item1, twice.Encoded) }).ToList()));

        // Signing out ends the session: each of its submissions is made by a session of its own.
        var endsSession = key.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase);
        var instance = 0;
        HtmlForms.Submission? current = first;
        for (var i = 0; i < plan.Count; i++)
        {
            var (name, body) = plan[i];
            var s = session;
            if (endsSession && principal.Email is not null)
            {
                s = new Session(this, principal);
                await s.StartAsync();
                current = null;
            }
            if (current is null)
            {
                // Read the form again (a new version, new choices); when it is gone, go on with the next record that has it.
                for (; instance < instances.Count; instance++)
                {
                    current = (await FindAsync(s, run, instances[instance].Page, key)).Submission;
                    if (current is not null) break;
                }
                if (current is null) { run.Unreached += plan.Count - i; return; }
            }
            var where = $"{who} · {current.Action} · {name}";
            var before = await CountAsync();
            var response = await s.Client.PostAsync(current.Action, new StringContent(Join(body(current)), Encoding.ASCII, "application/x-www-form-urlencoded"));
            run.Requests++;
            run.Posts++;
            Count(run, response);
            var changed = Changed(before, await CountAsync(), current.Action);
            await CheckAsync(s, run, where, response, changed, post: true);
            if (changed.Count > 0 && IsAccepted(response)) run.AcceptedAndCounted++;
            if (i == 0 && response.StatusCode != HttpStatusCode.BadRequest)
                run.Failures.Add($"{where}: answered {(int)response.StatusCode} {response.Headers.Location}, not 400, without the antiforgery token");
            if (changed.Count > 0 || IsAccepted(response) || (int)response.StatusCode >= 500) current = null;
        }
    }

    /// <summary>Reads a page and finds the submission of the given shape on it (null: the page or the form is gone).</summary>
    private static async Task<(string? Html, HtmlForms.Submission? Submission)> FindAsync(Session session, Run run, string page, string key)
    {
        var (response, html) = await session.GetAsync(run, page);
        if (response.StatusCode != HttpStatusCode.OK) return (null, null);
        var doc = await HtmlForms.ParseAsync(html);
        return (html, HtmlForms.Submissions(doc, page).FirstOrDefault(s => ShapeKey(s.Action, s.Fields.Keys) == key));
    }

    /// <summary>The form's fields as a browser would post them, with a new idempotency key (a repeat would be answered with the first answer).</summary>
    private static List<(string, string)> Body(HtmlForms.Submission s) =>
        s.Fields.Select(f => (f.Key, f.Key == IdempotencyScope.FormField ? Guid.NewGuid().ToString() : Encode(f.Value))).ToList();

    private static bool IsToken(string name) => name is "__RequestVerificationToken";

    // ---- GET forms and query strings ----

    private async Task FuzzGetFormAsync(Session session, string who, int roleIndex, string key, string action, Dictionary<string, string> fields, Run run)
    {
        run.Fields += fields.Count;
        var path = action.Split('?')[0];
        var baseQuery = ParseQuery(action).Where(q => !fields.ContainsKey(q.Key)).Select(q => (q.Key, Encode(q.Value))).ToList();
        var original = fields.Select(f => (f.Key, Encode(f.Value))).ToList();
        var variants = new List<(string Name, List<(string, string)> Query)>
        {
            ("every field twice", [.. baseQuery, .. original, .. original.Select(f => (f.Key, Pick(key + "\ntwice", roleIndex, 1)[0].Encoded))]),
        };
        foreach (var field in fields.Keys)
            foreach (var m in Pick(key + "\n" + field, roleIndex, PerField))
                variants.Add(($"{field} = {m.Name}", [.. baseQuery, .. original.Select(f => f.Key == field ? (f.Key, m.Encoded) : f)]));
        foreach (var (name, query) in variants)
            await GetAndCheckAsync(session, run, $"{who} · GET form {path} · {name}", path + "?" + Join(query));
    }

    /// <summary>The page's own query parameters and its id in the path, mutated.</summary>
    private async Task FuzzUrlAsync(Session session, string who, int roleIndex, string page, Run run)
    {
        var path = page.Split('?')[0];
        var query = ParseQuery(page).Select(q => (q.Key, Encode(q.Value))).ToList();
        foreach (var (name, _) in query)
            foreach (var m in Pick(path + "\n?" + name, roleIndex, 1))
                await GetAndCheckAsync(session, run, $"{who} · GET {page} · {name} = {m.Name}", path + "?" + Join(query.Select(q => q.Key == name ? (q.Key, m.Encoded) : q)));
        var id = IdSegment().Match(path);
        if (id.Success)
            // (Not NUL: Kestrel refuses a path with NUL with 400, but the test host throws instead of answering.)
            foreach (var m in Pick(IdSegment().Replace(path, "/#") + "\nid", roleIndex, 1).Where(m => m.Encoded.Length > 0 && !m.Encoded.Contains("%00")))
                await GetAndCheckAsync(session, run, $"{who} · GET {page} · id = {m.Name}", path[..id.Index] + "/" + m.Encoded + (page.Contains('?') ? page[page.IndexOf('?')..] : ""));
    }

    private async Task GetAndCheckAsync(Session session, Run run, string where, string url)
    {
        var before = await CountAsync();
        var (response, _) = await session.GetAsync(run, url);
        await CheckAsync(session, run, where, response, Changed(before, await CountAsync(), url), post: false);
    }

    // ---- the checks ----

    private async Task CheckAsync(Session session, Run run, string where, HttpResponseMessage response, List<string> changed, bool post)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            run.Failures.Add($"{where}: {status}{LastError()}");
            return;
        }
        if (IsAccepted(response))
        {
            if (post) run.Accepted++;
            var location = response.Headers.Location!;
            if (location.IsAbsoluteUri && location.Host != "localhost")
            {
                run.Failures.Add($"{where}: accepted, but redirected out of the application to {location}");
                return;
            }
            // What was stored renders where the submission leads.
            var (next, _) = await session.GetAsync(run, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
            if ((int)next.StatusCode >= 500) run.Failures.Add($"{where}: accepted, then {location} answered {(int)next.StatusCode}{LastError()}");
            return;
        }
        if (changed.Count > 0)
            run.Failures.Add($"{where}: answered {status} {response.Headers.Location} but stored rows in {string.Join(", ", changed)}");
    }

    /// <summary>Accepted: a redirect to a page of the application that is not the sign-in, refusal or error page.</summary>
    private static bool IsAccepted(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null) return false;
        var target = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
        return !target.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase)
            && !target.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)
            && !target.StartsWith("/Error", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSignInChallenge(HttpResponseMessage response) =>
        (int)response.StatusCode is 302 && response.Headers.Location?.OriginalString is { } l
        && l.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) && l.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase);

    private static void Count(Run run, HttpResponseMessage response) =>
        run.Statuses[(int)response.StatusCode] = run.Statuses.GetValueOrDefault((int)response.StatusCode) + 1;

    private string LastError()
    {
        var line = App.Log.Lines.LastOrDefault(l => l.Contains("[Error]", StringComparison.Ordinal) || l.Contains("[Fatal]", StringComparison.Ordinal));
        return line is null ? "" : " — " + line[..Math.Min(line.Length, 600)].ReplaceLineEndings(" ");
    }

    // ---- the mutations a field gets ----

    /// <summary>
    /// <paramref name="count"/> mutations for the field and role: the field's own order of the catalogue (shuffled by
    /// a fixed seed and the field's name), of which each role takes the next ones.
    /// </summary>
    private static Mutation[] Pick(string field, int roleIndex, int count)
    {
        var order = Enumerable.Range(0, Mutations.Length).ToArray();
        new Random(Seed ^ StableHash(field)).Shuffle(order);
        return Enumerable.Range(roleIndex * count, count).Select(i => Mutations[order[i % order.Length]]).ToArray();
    }

    private static int StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return (int)h;
    }

    // ---- forms and URLs ----

    /// <summary>What makes two forms the same: the action's path (ids as #), its handler, and the field names.</summary>
    private static string ShapeKey(string action, IEnumerable<string> fields)
    {
        var path = IdSegment().Replace(action.Split('?')[0], "/#");
        var handler = ParseQuery(action).FirstOrDefault(q => q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase)).Value;
        return $"{path}{(handler is null ? "" : "?handler=" + handler)} [{string.Join(",", fields.Where(f => f != IdempotencyScope.FormField).Order(StringComparer.Ordinal))}]";
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string url)
    {
        var q = url.IndexOf('?');
        if (q < 0) return [];
        return url[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0].Replace('+', ' ')), p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""))
            .ToList();
    }

    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static string Join(IEnumerable<(string Name, string Encoded)> fields) =>
        string.Join("&", fields.Select(f => Encode(f.Name) + "=" + f.Encoded));

    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex RowIndex();

    /// <summary>An id in a path: a number, or a GUID (users), so that the seeded choice does not depend on the run's GUIDs.</summary>
    [GeneratedRegex("/([0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=/|$)")]
    private static partial Regex IdSegment();

    // ---- counting committed row changes ----

    /// <summary>
    /// A row trigger on every application table that counts, per table, each committed insert, update and delete
    /// while the fuzz runs (in the same transaction: a rolled-back change counts nothing). Removed before the database
    /// is reset and at the end, so the other tests never run with it. Its table and function live in a schema of their
    /// own (<c>fuzz</c>), outside the <c>public</c> schema that Respawn empties and the other tests list.
    /// </summary>
    private static async Task InstallCounterAsync()
    {
        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY(@skip)) ORDER BY tablename", conn))
        {
            list.Parameters.AddWithValue("skip", NotCounted);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var sql = new StringBuilder("""
            CREATE SCHEMA IF NOT EXISTS fuzz;
            CREATE TABLE IF NOT EXISTS fuzz.row_changes (table_name text PRIMARY KEY, n bigint NOT NULL);
            TRUNCATE fuzz.row_changes;
            CREATE OR REPLACE FUNCTION fuzz.count_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO fuzz.row_changes AS c VALUES (TG_TABLE_NAME, 1) ON CONFLICT (table_name) DO UPDATE SET n = c.n + 1;
                RETURN NULL;
            END $$;
            """);
        foreach (var t in tables)
            sql.Append($"CREATE OR REPLACE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON \"{t}\" FOR EACH ROW EXECUTE FUNCTION fuzz.count_row_change();\n");
        await using var cmd = new NpgsqlCommand(sql.ToString(), conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task RemoveCounterAsync()
    {
        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("DROP SCHEMA IF EXISTS fuzz CASCADE", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<string, long>> CountAsync()
    {
        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT table_name, n FROM fuzz.row_changes", conn);
        var counts = new Dictionary<string, long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private static List<string> Changed(Dictionary<string, long> before, Dictionary<string, long> after, string url)
    {
        var account = url.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase);
        return after.Where(a => a.Value != before.GetValueOrDefault(a.Key))
            .Select(a => a.Key)
            .Where(t => !(account && NotCountedOnAccountPages.Contains(t)))
            .Order(StringComparer.Ordinal).ToList();
    }
}
