using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Security;

/// <summary>
/// Many people saving the same record at once: for each version exactly one save wins, every other one is told of
/// the conflict and changes nothing, and editors who reload and try again never overwrite each other unseen.
/// </summary>
public class ConcurrencyTests(AppFactory app) : IntegrationTest(app)
{
    private const int Editors = 20;

    private long _seeded;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _seeded = await App.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;
    }

    private Task<List<AuditEntry>> AuditOfAsync(string entity, int id) =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == entity && a.EntityId == id.ToString() && a.Id > _seeded)
            .OrderBy(a => a.Id).ToListAsync());

    /// <summary>
    /// Loads the form once, then posts it from <see cref="Editors"/> parallel requests, each with its own value of the
    /// field, all carrying the version the form was loaded with. Returns the index of the winner.
    /// </summary>
    private static async Task<int> RaceAsync(HttpClient client, string url, string field, Func<int, Dictionary<string, string>> values, string conflict, string? action = null)
    {
        var page = await HtmlForms.ParseAsync(await client.GetStringAsync(url));
        var form = HtmlForms.Submissions(page, url).First(s => s.Fields.ContainsKey(field) && (action is null || s.Action.Contains(action, StringComparison.Ordinal)));
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, Editors).Select(async i =>
        {
            // Twenty people, twenty forms: each has its own idempotency key.
            var fields = form.With(values(i));
            fields[OrgTracker.Web.Data.IdempotencyScope.FormField] = Guid.NewGuid().ToString();
            var body = new FormUrlEncodedContent(fields);
            await gate.WaitAsync();
            var response = await client.PostAsync(form.Action, body);
            return (i, response.StatusCode, Text: await response.Content.ReadAsStringAsync());
        }).ToList();
        gate.Release(Editors);
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"editor {r.i}: {r.StatusCode}"));
        var winners = results.Where(r => r.StatusCode == HttpStatusCode.Redirect).ToList();
        Assert.True(winners.Count == 1, $"{winners.Count} saves won");
        var losers = results.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(Editors - 1, losers.Count);
        Assert.All(losers, r => Assert.Contains(conflict, WebUtility.HtmlDecode(r.Text)));
        return winners[0].i;
    }

    [Fact]
    public async Task Twenty_people_flagging_or_ending_one_appointment_at_once_leave_exactly_one_change_and_nineteen_conflict_messages()
    {
        var president = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var id = await App.WithDbAsync(db => db.Appointments.Where(a => a.DistrictId == bhopal && a.To == null && a.InactiveSince == null).Select(a => a.Id).FirstAsync());
        var url = $"/OfficeBearers/Appointment/{id}";
        const string conflict = "Someone else changed this appointment while you were editing it";

        var winner = await RaceAsync(president, url, "Inactive.Reason", i => new() { ["Inactive.Reason"] = $"Reason of editor {i}" }, conflict);
        var saved = await App.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal($"Reason of editor {winner}", saved.InactiveReason);
        Assert.Single(await AuditOfAsync("Appointment", id));

        // Ending races the same way; the appointment ends once.
        await RaceAsync(president, url, "End.Note", i => new() { ["End.Note"] = $"Ended by editor {i}" }, conflict, action: "handler=End");
        Assert.Equal(2, (await AuditOfAsync("Appointment", id)).Count);
        Assert.False((await App.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id))).IsActive);
    }

    [Fact]
    public async Task Twenty_parallel_edits_of_one_block_one_person_and_one_report_each_have_exactly_one_winner()
    {
        var office = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);

        var block = await App.WithDbAsync(db => db.Territories.Where(t => t.DistrictId == bhopal && t.Level == TerritoryLevel.Block).Select(t => t.Id).FirstAsync());
        var winner = await RaceAsync(office, $"/Territories/Edit?id={block}", "Input.NameEn", i => new() { ["Input.NameEn"] = $"Block of editor {i}" },
            "Someone else changed this record while you were editing it");
        Assert.Equal($"Block of editor {winner}", await App.WithDbAsync(db => db.Territories.Where(t => t.Id == block).Select(t => t.NameEn).SingleAsync()));
        Assert.Single(await AuditOfAsync("Territory", block));

        var person = await App.WithDbAsync(db => db.People.Where(p => p.DistrictId == bhopal).Select(p => p.Id).FirstAsync());
        winner = await RaceAsync(office, $"/People/Edit/{person}", "Input.NameEn", i => new() { ["Input.NameEn"] = $"Person of editor {i}" },
            "Someone else changed this record while you were editing it");
        Assert.Equal($"Person of editor {winner}", await App.WithDbAsync(db => db.People.Where(p => p.Id == person).Select(p => p.NameEn).SingleAsync()));
        Assert.Single(await AuditOfAsync("Person", person));

        var report = await App.WithDbAsync(db => db.Reports.Where(r => r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned)
            .OrderByDescending(r => r.Period).Select(r => new { r.Id, r.DistrictId, r.Period }).FirstAsync());
        winner = await RaceAsync(office, $"/Reports/Edit?district={report.DistrictId}&period={report.Period:yyyy-MM}", "Input.Achievements",
            i => new() { ["Input.Achievements"] = $"Achievements of editor {i}" },
            "Someone else saved this report while you were editing it", action: "handler=Save");
        Assert.Equal($"Achievements of editor {winner}", await App.WithDbAsync(db => db.Reports.Where(r => r.Id == report.Id).Select(r => r.Achievements).SingleAsync()));
        Assert.Single(await AuditOfAsync("Report", report.Id));
    }

    [Fact]
    public async Task Twenty_editors_who_reload_after_a_conflict_all_get_their_change_in_and_none_overwrites_another_unseen()
    {
        var office = await SignInAsync(OfficeMp);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var block = await App.WithDbAsync(db => db.Territories.Where(t => t.DistrictId == bhopal && t.Level == TerritoryLevel.Block).Select(t => t.Id).FirstAsync());
        var original = await App.WithDbAsync(db => db.Territories.Where(t => t.Id == block).Select(t => t.NameEn).SingleAsync());
        var url = $"/Territories/Edit?id={block}";
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, Editors).Select(async i =>
        {
            for (var attempt = 0; ; attempt++)
            {
                Assert.True(attempt < 200, $"editor {i} never got through");
                var page = await HtmlForms.ParseAsync(await office.GetStringAsync(url));
                var form = HtmlForms.Submissions(page, url).First(s => s.Fields.ContainsKey("Input.NameEn"));
                var response = await office.PostAsync(form.Action, new FormUrlEncodedContent(form.With(new() { ["Input.NameEn"] = $"Editor {i}" })));
                if (response.StatusCode == HttpStatusCode.Redirect) return;
                Assert.Contains("Someone else changed this record", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
                Interlocked.Increment(ref conflicts);
            }
        }));

        // Twenty changes, each made on top of the one before it: the audit trail is one unbroken chain.
        var rows = await AuditOfAsync("Territory", block);
        Assert.Equal(Editors, rows.Count);
        var previous = original;
        foreach (var row in rows)
        {
            var name = JsonDocument.Parse(row.Changes).RootElement.GetProperty("NameEn");
            Assert.Equal(previous, name.GetProperty("before").GetString());
            previous = name.GetProperty("after").GetString();
        }
        Assert.Equal(Enumerable.Range(0, Editors).Select(i => $"Editor {i}").Order(),
            rows.Select(r => JsonDocument.Parse(r.Changes).RootElement.GetProperty("NameEn").GetProperty("after").GetString()).Order());
        Assert.Equal(previous, await App.WithDbAsync(db => db.Territories.Where(t => t.Id == block).Select(t => t.NameEn).SingleAsync()));
        Assert.True(conflicts > 0, "the editors never collided");
    }
}
