using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Security;

public partial class AuditTrailTests(AppFactory app) : IntegrationTest(app)
{
    /// <summary>GETs a page, takes the form that has <paramref name="field"/> (or the first one), changes some fields, posts it.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, string? field, Dictionary<string, string> changes, string? action = null)
    {
        var page = await HtmlForms.ParseAsync(await client.GetStringAsync(url));
        var submission = HtmlForms.Submissions(page, url)
            .First(s => (field is null || s.Fields.ContainsKey(field)) && (action is null || s.Action.Contains(action, StringComparison.Ordinal)));
        return await client.PostAsync(submission.Action, new FormUrlEncodedContent(submission.With(changes)));
    }

    /// <summary>The audit rows of one record written by the test (the demo data's own rows come before it).</summary>
    private Task<List<AuditEntry>> AuditOfAsync(string entity, string id) =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == entity && a.EntityId == id && a.Id > _seeded).OrderBy(a => a.Id).ToListAsync());

    private long _seeded;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _seeded = await App.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;
    }

    private static JsonElement Field(AuditEntry entry, string name) => JsonDocument.Parse(entry.Changes).RootElement.GetProperty(name);

    private void AssertWhoAndWhen(AuditEntry entry, string email, DateTime start)
    {
        Assert.Equal(email, entry.UserName);
        Assert.NotNull(entry.UserId);
        Assert.InRange(entry.AtUtc, start.AddSeconds(-5), UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Every_change_to_people_appointments_reports_territories_and_users_writes_exactly_one_audit_row_with_who_when_and_what()
    {
        var start = UtcNow;
        var office = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);

        // A person added, then changed.
        var created = await SubmitAsync(office, "/People/Create", "Input.NameEn", new()
        {
            ["Input.NameEn"] = "Audit Person", ["Input.NameHi"] = "ऑडिट व्यक्ति", ["Input.Mobile"] = "98765 11111", ["Input.AreaId"] = bhopal.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var personId = created.Headers.Location!.OriginalString.Split('/').Last();
        var added = Assert.Single(await AuditOfAsync("Person", personId));
        Assert.Equal("Added", added.Action);
        AssertWhoAndWhen(added, OfficeMp, start);
        Assert.Equal((mp, bhopal), (added.StateId, added.DistrictId!.Value));
        Assert.Equal("Audit Person", Field(added, "NameEn").GetProperty("after").GetString());

        var edited = await SubmitAsync(office, $"/People/Edit/{personId}", "Input.NameEn", new() { ["Input.NameEn"] = "Audit Person Renamed" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var personRows = await AuditOfAsync("Person", personId);
        Assert.Equal(2, personRows.Count);
        Assert.Equal("Modified", personRows[1].Action);
        Assert.Equal("Audit Person", Field(personRows[1], "NameEn").GetProperty("before").GetString());
        Assert.Equal("Audit Person Renamed", Field(personRows[1], "NameEn").GetProperty("after").GetString());

        // An office-bearer flagged inactive.
        var appointmentId = await App.WithDbAsync(db => db.Appointments.Where(a => a.DistrictId == bhopal && a.To == null && a.InactiveSince == null).Select(a => a.Id).FirstAsync());
        var flagged = await SubmitAsync(office, $"/OfficeBearers/Appointment/{appointmentId}", "Inactive.Reason", new() { ["Inactive.Reason"] = "Absent from audit meetings" });
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        var appointmentRow = Assert.Single(await AuditOfAsync("Appointment", appointmentId.ToString()));
        AssertWhoAndWhen(appointmentRow, OfficeMp, start);
        Assert.Equal(JsonValueKind.Null, Field(appointmentRow, "InactiveReason").GetProperty("before").ValueKind);
        Assert.Equal("Absent from audit meetings", Field(appointmentRow, "InactiveReason").GetProperty("after").GetString());

        // A report draft saved on behalf of the district.
        var report = await App.WithDbAsync(db => db.Reports.Where(r => r.StateId == mp && (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned))
            .OrderByDescending(r => r.Period).Select(r => new { r.Id, r.DistrictId, r.Period }).FirstAsync());
        var saved = await SubmitAsync(office, $"/Reports/Edit?district={report.DistrictId}&period={report.Period:yyyy-MM}", "Input.Achievements",
            new() { ["Input.Achievements"] = "Audited achievements" }, action: "handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reportRow = Assert.Single(await AuditOfAsync("Report", report.Id.ToString()));
        AssertWhoAndWhen(reportRow, OfficeMp, start);
        Assert.Equal("Audited achievements", Field(reportRow, "Achievements").GetProperty("after").GetString());

        // A block renamed.
        var block = await App.WithDbAsync(db => db.Territories.Where(t => t.DistrictId == bhopal && t.Level == TerritoryLevel.Block).Select(t => t.Id).FirstAsync());
        var renamed = await SubmitAsync(office, $"/Territories/Edit?id={block}", "Input.NameEn", new() { ["Input.NameEn"] = "Audited Block" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var territoryRow = Assert.Single(await AuditOfAsync("Territory", block.ToString()));
        AssertWhoAndWhen(territoryRow, OfficeMp, start);
        Assert.Equal("Audited Block", Field(territoryRow, "NameEn").GetProperty("after").GetString());

        // A user renamed by the administrator: the row has the change and no secret.
        var admin = await SignInAsync(Admin);
        var userId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == PresidentIndore).Select(u => u.Id).SingleAsync());
        var userSaved = await SubmitAsync(admin, $"/Admin/Users/Edit/{userId}", "Input.DisplayName", new() { ["Input.DisplayName"] = "Indore President Audited" });
        Assert.Equal(HttpStatusCode.Redirect, userSaved.StatusCode);
        var userRow = Assert.Single(await AuditOfAsync("AppUser", userId));
        AssertWhoAndWhen(userRow, Admin, start);
        Assert.Equal("Indore President Audited", Field(userRow, "DisplayName").GetProperty("after").GetString());
        Assert.DoesNotContain("PasswordHash", userRow.Changes);
        Assert.DoesNotContain("SecurityStamp", userRow.Changes);

        // The administrator's audit page shows these, filtered by who, what, district and date.
        var today = TodayInIndia.ToString("yyyy-MM-dd");
        var page = await GetDocumentAsync(admin, $"/Admin/Audit/Index?who=office.mp&what=Person&district={bhopal}&from={today}&to={today}");
        var rows = page.QuerySelectorAll("[data-testid=audit-row]");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Equal(personId, r.GetAttribute("data-entity-id")));
        Assert.Contains("Audit Person Renamed", rows[0].TextContent);
        Assert.Contains("Audit Person", rows[1].TextContent);
        var none = await GetDocumentAsync(admin, $"/Admin/Audit/Index?who=office.mp&what=Person&from=2001-01-01&to=2001-01-02");
        Assert.Empty(none.QuerySelectorAll("[data-testid=audit-row]"));
    }

    [Fact]
    public async Task The_audit_page_shows_an_administrator_only_their_own_states_changes_and_is_for_administrators_only()
    {
        var upState = await TerritoryIdAsync("Uttar Pradesh", TerritoryLevel.State);
        var lucknow = await TerritoryIdAsync("Lucknow", TerritoryLevel.District);
        var office = await SignInAsync("office.up@demo.orgtracker.in");
        var created = await SubmitAsync(office, "/People/Create", "Input.NameEn", new()
        {
            ["Input.NameEn"] = "Lucknow Audit Secret", ["Input.NameHi"] = "लखनऊ", ["Input.Mobile"] = "98765 22222", ["Input.AreaId"] = lucknow.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(upState, (await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "Person").OrderBy(a => a.Id).LastAsync())).StateId);

        var admin = await SignInAsync(Admin);
        var page = await admin.GetStringAsync("/Admin/Audit/Index?what=Person");
        Assert.DoesNotContain("Lucknow Audit Secret", page);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Audit/Index?district={lucknow}")).StatusCode);

        foreach (var email in new[] { InChargeMp, OfficeMp, PresidentBhopal })
        {
            var response = await (await SignInAsync(email)).GetAsync("/Admin/Audit/Index");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_audit_row_and_an_audit_row_that_cannot_be_written_undoes_the_change()
    {
        var bhopal = await App.WithDbAsync(db => db.Territories.SingleAsync(t => t.NameEn == "Bhopal" && t.Level == TerritoryLevel.District));
        var before = await App.WithDbAsync(db => db.AuditEntries.CountAsync());

        // A duplicate mobile: the save fails, and no audit row is written.
        var taken = await App.WithDbAsync(db => db.People.Select(p => p.Mobile).FirstAsync());
        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            var person = new Person { NameEn = "Duplicate", NameHi = "डुप्लीकेट", Mobile = taken };
            person.PlaceIn(bhopal);
            db.People.Add(person);
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(before, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // A page that saves a new person and then finds the appointment invalid commits neither, nor their audit rows.
        var office = await SignInAsync(OfficeMp);
        var response = await PostFormAsync(office, $"/OfficeBearers/Appoint?territory={bhopal.Id}", new()
        {
            ["Input.Mobile"] = "98765 33333", ["Input.NameEn"] = "Half Saved", ["Input.NameHi"] = "आधा", ["Input.PostId"] = "999999",
            ["Input.WingId"] = "1", ["Input.From"] = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.People.AnyAsync(p => p.Mobile == "+919876533333")));
        Assert.Equal(before, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // When the audit row cannot be written, the change it records is not saved either (one transaction).
        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE FUNCTION test_audit_fails() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.changes::text LIKE '%audit-must-fail%' THEN RAISE EXCEPTION 'audit write failed'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER test_audit_fails BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION test_audit_fails();
            """, conn)) await create.ExecuteNonQueryAsync();
        try
        {
            var personId = await App.WithDbAsync(db => db.People.Where(p => p.DistrictId == bhopal.Id).Select(p => p.Id).FirstAsync());
            var name = await App.WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.NameEn).SingleAsync());
            await Assert.ThrowsAnyAsync<Exception>(() => App.WithDbAsync(async db =>
            {
                (await db.People.SingleAsync(p => p.Id == personId)).NameEn = "audit-must-fail";
                return await db.SaveChangesAsync();
            }));
            Assert.Equal(name, await App.WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.NameEn).SingleAsync()));
        }
        finally
        {
            await using var drop = new NpgsqlCommand("DROP TRIGGER test_audit_fails ON audit_entries; DROP FUNCTION test_audit_fails();", conn);
            await drop.ExecuteNonQueryAsync();
        }
        Assert.Equal(before, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows()
    {
        var office = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var block = await App.WithDbAsync(db => db.Territories.Where(t => t.DistrictId == bhopal && t.Level == TerritoryLevel.Block).Select(t => t.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(office, $"/Territories/Edit?id={block}", "Input.NameEn", new() { ["Input.NameEn"] = "Block To Audit" })).StatusCode);

        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit_entries SET user_name = 'forged'", "DELETE FROM audit_entries" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var e = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        }
        await using var trigger = new NpgsqlCommand($"SELECT count(*) FROM pg_trigger WHERE tgname = '{AuditTrailGuard.TriggerName}' AND NOT tgisinternal", conn);
        Assert.Equal(1L, await trigger.ExecuteScalarAsync());
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Territory" && a.EntityId == block.ToString())));
    }

    [Fact]
    public void The_application_never_updates_or_deletes_audit_rows()
    {
        var src = Path.Combine(AuthorizationMatrixTests.RepoRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(src, "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Migrations/"))
            .ToList();
        Assert.NotEmpty(files);
        var offences = new List<string>();
        // The files that may name the audit entity at all: its definition, its mapping (and EF Core's compiled copy of it),
        // its writer, its read-only page and the conflict panel, which reads who changed a record last.
        string[] allowed = ["Domain/AuditEntry.cs", "Data/AuditInterceptor.cs", "Data/AppDbContext.cs", "Data/AuditTrailGuard.cs",
            "Data/Configurations/", "Data/CompiledModel/", "Pages/Admin/Audit/", "Platform/Conflicts.cs"];
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(Path.Combine(src, "OrgTracker.Web"), file).Replace('\\', '/');
            if (AuditWrite().IsMatch(text)) offences.Add($"{relative}: changes or removes audit rows");
            if (AuditSql().IsMatch(text) && relative != "Data/AuditTrailGuard.cs") offences.Add($"{relative}: SQL that updates or deletes audit_entries");
            if (text.Contains("AuditEntr", StringComparison.Ordinal) && !allowed.Any(a => relative.StartsWith(a, StringComparison.Ordinal)))
                offences.Add($"{relative}: uses the audit trail outside its writer and its read-only page");
        }
        Assert.True(offences.Count == 0, string.Join("\n", offences));
        // The read-only page reads without tracking.
        var page = File.ReadAllText(Path.Combine(src, "OrgTracker.Web/Pages/Admin/Audit/Index.cshtml.cs"));
        Assert.Contains("AuditEntries.AsNoTracking()", page);
    }

    [GeneratedRegex(@"AuditEntries\s*\.\s*(Update|UpdateRange|Remove|RemoveRange|Attach|AttachRange|ExecuteUpdate|ExecuteDelete|Entry)\b|Remove(Range)?\s*\(\s*\w*[aA]udit|Update(Range)?\s*\(\s*\w*[aA]udit")]
    private static partial Regex AuditWrite();

    [GeneratedRegex(@"(?i)(update\s+""?audit_entries|delete\s+from\s+""?audit_entries)")]
    private static partial Regex AuditSql();

    [Fact]
    public async Task No_password_hash_token_or_cookie_value_appears_in_the_log_or_the_audit_trail_after_a_session_of_activity()
    {
        var secrets = new List<string> { Seeder.DemoPassword };
        void Cookies(HttpResponseMessage r)
        {
            if (!r.Headers.TryGetValues("Set-Cookie", out var values)) return;
            foreach (var v in values)
            {
                var value = v.Split(';')[0].Split('=', 2)[1];
                if (value.Length >= 16) secrets.Add(value);
            }
        }
        async Task<HttpResponseMessage> TrackedPostAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
        {
            var form = await client.GetAsync(formPage ?? url);
            Cookies(form);
            var token = TokenPattern().Match(await form.Content.ReadAsStringAsync());
            secrets.Add(WebUtility.HtmlDecode(token.Groups[1].Value));
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
            var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
            Cookies(response);
            return response;
        }

        // Sign-ins that fail and succeed, invitation and set-password links and the passwords set with them,
        // two-factor set-up, form posts, sign-out.
        const string wrong = "Wrong-Password-Only-A-Test-42";
        const string initial = "Initial-Password-For-The-Audit-Test";
        const string reset = "Reset-Password-For-The-Audit-Test";
        secrets.AddRange([wrong, initial, reset]);
        var anonymous = AnonymousClient();
        await TrackedPostAsync(anonymous, "/Account/Login", new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = wrong });

        var admin = AnonymousClient();
        await TrackedPostAsync(admin, "/Account/Login", new() { ["Input.Email"] = Admin, ["Input.Password"] = Seeder.DemoPassword });
        async Task UseLinkAsync(HttpResponseMessage issued, string password)
        {
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
            var shown = await admin.GetAsync(issued.Headers.Location);
            Cookies(shown);
            var link = (await ParseAsync(shown)).QuerySelector("[data-testid=issued-link-url]")!.GetAttribute("value")!;
            secrets.Add(Uri.UnescapeDataString(new Uri(link).Query.Split("token=")[1]));
            var local = new Uri(link).PathAndQuery;
            Assert.Equal(HttpStatusCode.Redirect, (await TrackedPostAsync(AnonymousClient(), local,
                new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = password })).StatusCode);
        }
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        await UseLinkAsync(await TrackedPostAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = "audit.secrets@demo.orgtracker.in", ["Input.DisplayName"] = "Audit Secrets", ["Input.Role"] = Roles.DistrictPresident,
            ["Input.TerritoryId"] = bhopal.ToString(),
        }), initial);
        var indore = await App.WithDbAsync(db => db.Users.Where(u => u.Email == PresidentIndore).Select(u => u.Id).SingleAsync());
        await UseLinkAsync(await TrackedPostAsync(admin, $"/Admin/Users/Edit/{indore}?handler=SendLink", [], formPage: $"/Admin/Users/Edit/{indore}"), reset);

        var president = AnonymousClient();
        await TrackedPostAsync(president, "/Account/Login", new() { ["Input.Email"] = PresidentBhopal, ["Input.Password"] = Seeder.DemoPassword });
        var setup = await HtmlForms.ParseAsync(await president.GetStringAsync("/Account/EnableAuthenticator"));
        var key = setup.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", "").Trim().ToUpperInvariant();
        secrets.Add(key);
        var step = App.Clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var enabled = await TrackedPostAsync(president, "/Account/EnableAuthenticator",
            new() { ["Input.Code"] = OrgTracker.Web.Authorization.TotpTokenProvider.Compute(OrgTracker.Web.Authorization.TotpTokenProvider.Base32Decode(key)!, step).ToString("D6") });
        var codes = (await ParseAsync(enabled)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        secrets.AddRange(codes);
        var appointment = await App.WithDbAsync(db => db.Appointments.Where(a => a.DistrictId == bhopal && a.To == null).Select(a => a.Id).FirstAsync());
        await TrackedPostAsync(president, $"/OfficeBearers/Appointment/{appointment}?handler=Inactive",
            new() { ["Inactive.Reason"] = "Never comes", ["Version"] = "0" }, formPage: $"/OfficeBearers/Appointment/{appointment}");
        await TrackedPostAsync(president, "/Account/Logout", [], formPage: $"/Territories/{bhopal}");

        // And what the database holds: every password hash, security stamp, session key and authenticator key.
        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        foreach (var sql in new[]
                 {
                     "SELECT password_hash FROM \"AspNetUsers\" WHERE password_hash IS NOT NULL",
                     "SELECT security_stamp FROM \"AspNetUsers\" WHERE security_stamp IS NOT NULL",
                     "SELECT key FROM auth_sessions",
                     "SELECT value FROM \"AspNetUserTokens\" WHERE value IS NOT NULL",
                 })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                secrets.AddRange(reader.GetString(0).Split(';').Where(s => s.Length >= 8));
        }
        var audit = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT concat_ws(' ', user_id, user_name, entity, entity_id, action, changes::text) FROM audit_entries", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) audit.Add(reader.GetString(0));

        var log = App.Log.Text;
        Assert.Contains("signed in", log);
        Assert.Contains(audit, a => a.Contains("TwoFactorEnabled"));
        var found = secrets.Where(s => s.Length >= 8).Distinct()
            .SelectMany(s => new[] { ("log", log.Contains(s, StringComparison.Ordinal)), ("audit", audit.Any(a => a.Contains(s, StringComparison.Ordinal))) }
                .Where(x => x.Item2).Select(x => $"{x.Item1}: {s[..Math.Min(12, s.Length)]}…"))
            .ToList();
        Assert.True(found.Count == 0, "secrets found:\n" + string.Join("\n", found));
        Assert.True(secrets.Count > 20, $"only {secrets.Count} secrets collected");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
