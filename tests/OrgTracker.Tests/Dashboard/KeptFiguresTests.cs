using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Dashboard;

/// <summary>
/// The dashboard keeps a territory's figures between requests (<see cref="KeptFigures"/>): these tests change what
/// they depend on in the ways that bypass the app (SQL of its own, no EF Core change tracking), or only move the
/// clock, and check that the very next request shows it.
/// </summary>
public class KeptFiguresTests(AppFactory app) : IntegrationTest(app)
{
    /// <summary>The number in the element with that test id ("17" of "17 missing").</summary>
    private static int Figure(AngleSharp.Dom.IDocument page, string testId) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(page.QuerySelector($"[data-testid={testId}]")!.TextContent, @"\d[\d,]*").Value.Replace(",", ""));

    [Fact]
    public async Task A_write_of_any_kind_shows_on_the_next_request()
    {
        var client = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var before = Figure(await GetDocumentAsync(client, $"/Dashboard/{bhopal}"), "silent");
        // Kept: asked again, the same.
        Assert.Equal(before, Figure(await GetDocumentAsync(client, $"/Dashboard/{bhopal}"), "silent"));

        // A bulk delete in SQL of its own: no entity, no interceptor; the table's trigger notes it all the same.
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM unit_activities WHERE district_id = {bhopal}"));
        var units = await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Id == bhopal || (t.DistrictId == bhopal && t.Level == TerritoryLevel.Block)));
        Assert.NotEqual(units, before);
        Assert.Equal(units, Figure(await GetDocumentAsync(client, $"/Dashboard/{bhopal}"), "silent"));

        // Requests that arrive together right after a change (some waiting for another's computation) all show it.
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO unit_activities (territory_id, state_id, division_id, district_id, last_on) SELECT id, state_id, division_id, id, {TodayInIndia} FROM territories WHERE id = {bhopal}"));
        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => Figure(await GetDocumentAsync(client, $"/Dashboard/{bhopal}"), "silent")));
        Assert.All(together, n => Assert.Equal(units - 1, n));
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM unit_activities WHERE district_id = {bhopal}"));
        Assert.Equal(units, Figure(await GetDocumentAsync(client, $"/Dashboard/{bhopal}"), "silent"));

        // After the change log is pruned, a change is seen as before.
        await App.WithDbAsync(async db => { await KeptFigures.PruneAsync(db, default); return 0; });
        Assert.Equal(units, Figure(await GetDocumentAsync(client, $"/Dashboard/{bhopal}"), "silent"));
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO unit_activities (territory_id, state_id, division_id, district_id, last_on) SELECT id, state_id, division_id, id, {TodayInIndia} FROM territories WHERE id = {bhopal}"));
        Assert.Equal(units - 1, Figure(await GetDocumentAsync(client, $"/Dashboard/{bhopal}"), "silent"));
    }

    [Fact]
    public async Task A_write_notes_its_own_state_and_no_other()
    {
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        var (state, noted) = await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE unit_activities SET last_on = last_on WHERE district_id = {bhopal}");
            var noted = await db.Database.SqlQuery<int>($"SELECT state_id AS \"Value\" FROM figure_changes WHERE xid = pg_current_xact_id()").ToListAsync();
            await tx.CommitAsync();
            return (await db.Territories.Where(t => t.Id == bhopal).Select(t => t.StateId).SingleAsync(), noted);
        });
        Assert.Equal([state], noted);
    }

    [Fact]
    public async Task Kept_figures_end_with_the_day_in_India()
    {
        // 23:59 in India: an action item due today is not overdue yet; at midnight it is, with no write in between.
        App.Clock.Set(new DateTimeOffset(2026, 11, 23, 18, 29, 0, TimeSpan.Zero));
        var client = await SignInAsync(PresidentBhopal);
        var bhopal = await TerritoryIdAsync("Bhopal", TerritoryLevel.District);
        await App.WithDbAsync(async db =>
        {
            var item = await db.ActionItems.Where(a => a.DistrictId == bhopal).OrderBy(a => a.Id).FirstAsync();
            db.ActionItems.Add(new ActionItem
            {
                MeetingId = item.MeetingId, Text = "Call the block presidents", OwnerId = item.OwnerId, TerritoryId = item.TerritoryId,
                StateId = item.StateId, DivisionId = item.DivisionId, DistrictId = bhopal, DueOn = TodayInIndia, CreatedUtc = UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var overdue = Figure(await GetDocumentAsync(client, $"/Dashboard/{bhopal}"), "overdue");

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(overdue + 1, Figure(await GetDocumentAsync(client, $"/Dashboard/{bhopal}"), "overdue"));
    }

    [Fact]
    public async Task A_report_is_missing_from_the_instant_after_its_deadline()
    {
        var october = new DateOnly(2026, 10, 1);
        var due = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReportOptions>>().Value.DueUtc(october);
        App.Clock.Set(new DateTimeOffset(due.AddMinutes(-1), TimeSpan.Zero));
        var client = await SignInAsync(InChargeMp);
        var mp = await TerritoryIdAsync("Madhya Pradesh", TerritoryLevel.State);
        var url = $"/Dashboard/{mp}?period=2026-10";
        Assert.Equal(0, Figure(await GetDocumentAsync(client, url), "missing"));

        App.Clock.Set(new DateTimeOffset(due, TimeSpan.Zero));
        Assert.Equal(0, Figure(await GetDocumentAsync(client, url), "missing"));

        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var expected = await App.WithDbAsync(db => db.Territories.CountAsync(d => d.StateId == mp && d.Level == TerritoryLevel.District
            && !db.ReportMonths.Any(m => m.DistrictId == d.Id && m.Period == october && m.FirstSubmittedUtc != null)));
        Assert.True(expected > 0, "the demo leaves some districts' October reports out");
        Assert.Equal(expected, Figure(await GetDocumentAsync(client, url), "missing"));
    }
}
