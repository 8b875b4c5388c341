using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Platform;

/// <summary>One translation of database errors: each PostgreSQL failure is told apart, and none reaches the user as a 500.</summary>
public class DatabaseErrorTests(AppFactory app) : IntegrationTest(app)
{
    private static async Task<Exception> FailureOfAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        await using var setup = new NpgsqlCommand("""
            CREATE TEMP TABLE probe_parent (id int PRIMARY KEY);
            CREATE TEMP TABLE probe (id int PRIMARY KEY, code text NOT NULL CONSTRAINT probe_code_key UNIQUE,
                n int CONSTRAINT probe_n_positive CHECK (n > 0), parent int CONSTRAINT probe_parent_fkey REFERENCES probe_parent (id));
            INSERT INTO probe (id, code, n) VALUES (1, 'a', 1);
            """, conn);
        await setup.ExecuteNonQueryAsync();
        return await Assert.ThrowsAsync<PostgresException>(async () => await new NpgsqlCommand(sql, conn).ExecuteNonQueryAsync());
    }

    [Theory]
    [InlineData("INSERT INTO probe (id, code, n) VALUES (2, 'a', 1)", DatabaseErrorKind.UniqueViolation, "probe_code_key")]
    [InlineData("INSERT INTO probe (id, code, n, parent) VALUES (2, 'b', 1, 99)", DatabaseErrorKind.ForeignKeyViolation, "probe_parent_fkey")]
    [InlineData("INSERT INTO probe (id, code, n) VALUES (2, 'b', 0)", DatabaseErrorKind.CheckViolation, "probe_n_positive")]
    [InlineData("INSERT INTO probe (id, code, n) VALUES (2, NULL, 1)", DatabaseErrorKind.NotNullViolation, null)]
    public async Task Each_constraint_violation_is_told_apart_with_its_constraint(string sql, DatabaseErrorKind kind, string? constraint)
    {
        var error = DatabaseError.From(new DbUpdateException("wrapped as EF Core does", await FailureOfAsync(sql)));
        Assert.Equal(kind, error.Kind);
        if (constraint is not null) Assert.Equal(constraint, error.Constraint);
        Assert.True(error.IsConstraintViolation);
    }

    [Fact]
    public async Task Two_serializable_transactions_that_cross_are_a_serialization_failure_not_a_constraint_violation()
    {
        var table = "probe_serial_" + Guid.NewGuid().ToString("N")[..8];
        await using var a = new NpgsqlConnection(AppFactory.ConnectionString);
        await using var b = new NpgsqlConnection(AppFactory.ConnectionString);
        await a.OpenAsync();
        await b.OpenAsync();
        await new NpgsqlCommand($"CREATE TABLE {table} (k int PRIMARY KEY, v int); INSERT INTO {table} VALUES (1, 0), (2, 0)", a).ExecuteNonQueryAsync();
        try
        {
            await using var ta = await a.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
            await using var tb = await b.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
            // Each reads what the other writes: no serial order explains both.
            await new NpgsqlCommand($"SELECT sum(v) FROM {table}", a, ta).ExecuteScalarAsync();
            await new NpgsqlCommand($"SELECT sum(v) FROM {table}", b, tb).ExecuteScalarAsync();
            await new NpgsqlCommand($"UPDATE {table} SET v = 1 WHERE k = 1", a, ta).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"UPDATE {table} SET v = 1 WHERE k = 2", b, tb).ExecuteNonQueryAsync();
            await ta.CommitAsync();
            var failure = await Assert.ThrowsAsync<PostgresException>(() => tb.CommitAsync());
            var error = DatabaseError.From(failure);
            Assert.Equal(DatabaseErrorKind.SerializationFailure, error.Kind);
            Assert.False(error.IsConstraintViolation);
        }
        finally
        {
            await new NpgsqlCommand($"DROP TABLE {table}", a).ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public void Other_failures_are_not_database_errors_and_a_concurrency_exception_is_a_conflict()
    {
        Assert.Equal(DatabaseErrorKind.None, DatabaseError.From(new InvalidOperationException("x")).Kind);
        Assert.Equal(DatabaseErrorKind.None, DatabaseError.From(null).Kind);
        Assert.Equal(DatabaseErrorKind.Concurrency, DatabaseError.From(new DbUpdateConcurrencyException("stale")).Kind);
    }

    [Fact]
    public async Task Every_constraint_with_a_message_exists_in_the_schema()
    {
        var names = await App.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT conname::text AS \"Value\" FROM pg_constraint UNION SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public'").ToListAsync());
        foreach (var constraint in new[] { "ix_people_mobile", "ix_territories_assembly_constituency_id_part_number", "UserNameIndex", "ux_appointments_current", "ix_reports_district_id_period_revision" })
        {
            Assert.Contains(constraint, names);
            Assert.NotNull(ConstraintMessages.For(constraint));
        }
    }

    /// <summary>
    /// A booth saved by someone else between the page's own check and the insert: the unique index refuses it, and the
    /// global filter shows the form again with the message beside the part number — not a 500, nothing saved.
    /// </summary>
    [Fact]
    public async Task A_unique_violation_that_slips_past_the_pages_checks_is_shown_beside_its_field()
    {
        var client = await SignInAsync(OfficeMp);
        var block = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.Block
            && db.Territories.Any(d => d.Id == t.DistrictId && d.NameEn == "Bhopal")).OrderBy(t => t.Id).FirstAsync());
        var existing = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.Booth && t.BlockId == block.Id)
            .OrderBy(t => t.Id).FirstAsync());
        var before = await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth));

        // Another user's uncommitted change takes part number 4999: the page's check cannot see it yet.
        await using var other = new NpgsqlConnection(AppFactory.ConnectionString);
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await new NpgsqlCommand($"UPDATE territories SET part_number = 4999 WHERE id = {existing.Id}", other, tx).ExecuteNonQueryAsync();

        App.Log.Clear();
        var posting = PostFormAsync(client, $"/Territories/Edit?parent={block.Id}&level=Booth", new()
        {
            ["Input.NameEn"] = "Race", ["Input.NameHi"] = "दौड़",
            ["Input.AssemblyConstituencyId"] = existing.AssemblyConstituencyId.ToString()!, ["Input.PartNumber"] = "4999",
        });
        await WaitForALockWaitAsync();
        await tx.CommitAsync();
        var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("This constituency already has a booth with this part number.",
            page.QuerySelector("[data-valmsg-for='Input.PartNumber']")?.TextContent.Trim());
        Assert.Equal(before, await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth)));
    }

    private static async Task WaitForALockWaitAsync()
    {
        await using var conn = new NpgsqlConnection(AppFactory.ConnectionString);
        await conn.OpenAsync();
        for (var i = 0; i < 600; i++)
        {
            var waiting = (long)(await new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", conn).ExecuteScalarAsync())!;
            if (waiting > 0) return;
            await Task.Delay(50);
        }
        Assert.Fail("the page's insert never waited on the other transaction");
    }

    [Fact]
    public async Task A_concurrent_edit_shows_who_changed_the_record_when_and_both_values()
    {
        var person = await App.WithDbAsync(async db =>
        {
            var p = await db.People.Where(x => db.Territories.Any(d => d.Id == x.DistrictId && d.NameEn == "Bhopal" && d.Level == TerritoryLevel.District))
                .OrderBy(x => x.Id).FirstAsync();
            (p.NameEn, p.NameHi) = ("Zubeida Ansari", "ज़ुबैदा अंसारी");
            await db.SaveChangesAsync();
            return p;
        });
        var url = $"/People/Edit/{person.Id}";
        var office = await SignInAsync(OfficeMp);
        var president = await SignInAsync(PresidentBhopal);
        static Dictionary<string, string> Fields(IDocument form, string nameEn) =>
            form.QuerySelectorAll("form[method=post] input[name^='Input.'], form[method=post] select[name^='Input.']")
                .Where(e => e.GetAttribute("type") != "checkbox")
                .Select(e => KeyValuePair.Create(e.GetAttribute("name")!, e.LocalName == "select"
                    ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : e.GetAttribute("value") ?? ""))
                .Append(KeyValuePair.Create("Input.NameEn", nameEn)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);

        var officeForm = await GetDocumentAsync(office, url);
        App.Clock.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(president, url, Fields(await GetDocumentAsync(president, url), "Zubeida Khan"))).StatusCode);

        var page = await ParseAsync(await PostFormAsync(office, url, Fields(officeForm, "Zubeida Ansari Qureshi")));
        var by = page.QuerySelector("[data-testid=conflict-by]")!.TextContent;
        var presidentName = await App.WithDbAsync(db => db.Users.Where(u => u.Email == PresidentBhopal).Select(u => u.DisplayName).SingleAsync());
        Assert.Contains(presidentName, by);
        Assert.Contains(IndiaTime.ToIndia(UtcNow).ToString("dd-MM-yyyy HH:mm"), by);
        Assert.Contains("Zubeida Ansari Qureshi", page.QuerySelector("[data-testid=conflict-yours]")!.TextContent);
        Assert.Contains("Zubeida Khan", page.QuerySelector("[data-testid=conflict-theirs]")!.TextContent);
        Assert.Equal("Zubeida Khan", await App.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.NameEn).SingleAsync()));
    }
}
