using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Data;

/// <summary>
/// ORGTRACKER_DB_READ against a real streaming replica of the test cluster (scripts/replica.sh, started by ./test.sh,
/// which sets ORGTRACKER_TEST_DB_READ to the test database on the replica). Replay is paused on the replica to make
/// it visibly behind: what a page shows then tells which server it read.
/// </summary>
public class ReadReplicaTests(AppFactory app) : IntegrationTest(app)
{
    private const string Probe = "Replica Probe";

    private static string ReplicaConnectionString =>
        Environment.GetEnvironmentVariable("ORGTRACKER_TEST_DB_READ") is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException("ORGTRACKER_TEST_DB_READ is not set: run the tests with ./test.sh, which starts a streaming "
                + "replica of the test cluster (scripts/replica.sh) and points this variable at the test database on it.");

    public override async Task InitializeAsync()
    {
        // A run that stopped while replay was paused must not leave the replica behind for this one.
        await ReplicaScalarAsync<object>("SELECT pg_wal_replay_resume()");
        await base.InitializeAsync();
        await CaughtUpAsync();
    }

    /// <summary>The application with a read connection; measured on every request (no shared measurement between steps).</summary>
    private WebApplicationFactory<Program> WithReadReplica(string readConnectionString, double maxLagSeconds = 86400) =>
        App.WithWebHostBuilder(b => b.UseSetting("DB_READ", readConnectionString)
            .UseSetting("ReadReplica:MaxLagSeconds", maxLagSeconds.ToString(CultureInfo.InvariantCulture))
            .UseSetting("ReadReplica:RefreshSeconds", "0"));

    private static async Task<HttpClient> SignInOnAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = Seeder.DemoPassword });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} failed: {response.StatusCode}");
        return client;
    }

    private static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] args)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        var result = await cmd.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    private static Task<T?> ReplicaScalarAsync<T>(string sql, params (string, object)[] args) => ScalarAsync<T>(ReplicaConnectionString, sql, args);

    private static async Task<string> PrimaryLsnAsync() =>
        (await ScalarAsync<string>(AppFactory.ConnectionString, "SELECT pg_current_wal_insert_lsn()::text"))!;

    /// <summary>Bounded polling: the replica reaches a state within 30 s or the test fails saying which.</summary>
    private static async Task UntilAsync(string what, Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"the replica did not {what} (scripts/replica.sh status)");
    }

    /// <summary>Waits until the replica has replayed everything written on the primary so far.</summary>
    private static async Task CaughtUpAsync()
    {
        var lsn = await PrimaryLsnAsync();
        await UntilAsync($"replay {lsn}", async () => await ReplicaScalarAsync<bool>("SELECT pg_last_wal_replay_lsn() >= @lsn::pg_lsn", ("lsn", lsn)));
    }

    private static async Task PauseReplayAsync()
    {
        await ReplicaScalarAsync<object>("SELECT pg_wal_replay_pause()");
        await UntilAsync("pause", async () => await ReplicaScalarAsync<string>("SELECT pg_get_wal_replay_pause_state()") == "paused");
    }

    /// <summary>Waits until the replica has received (not replayed) everything written on the primary so far.</summary>
    private static async Task ReceivedAsync()
    {
        var lsn = await PrimaryLsnAsync();
        await UntilAsync($"receive {lsn}", async () => await ReplicaScalarAsync<bool>("SELECT pg_last_wal_receive_lsn() >= @lsn::pg_lsn", ("lsn", lsn)));
    }

    /// <summary>Renames a person of Bhopal on the primary, as another user's write would.</summary>
    private Task RenameOnPrimaryAsync(string name) => App.WithDbAsync(async db =>
    {
        var person = await db.People.Where(p => db.Territories.Any(d => d.Id == p.DistrictId && d.NameEn == "Bhopal" && d.Level == TerritoryLevel.District))
            .OrderBy(p => p.Id).FirstAsync();
        person.NameEn = name;
        return await db.SaveChangesAsync();
    });

    private static async Task<bool> ListShowsAsync(HttpClient client, string name)
    {
        var response = await client.GetAsync("/People?q=" + Uri.EscapeDataString(name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        return page.QuerySelectorAll("[data-testid=people] tbody a[href^='/People/Details/']").Any();
    }

    private static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string CheckStatus(JsonElement health, string check) => health.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;

    [Fact]
    public async Task Lists_read_the_replica_and_a_user_who_just_wrote_reads_the_primary()
    {
        await using var app = WithReadReplica(ReplicaConnectionString);
        await using var strict = WithReadReplica(ReplicaConnectionString, maxLagSeconds: 0);
        var reader = await SignInOnAsync(app, InChargeMp);
        var writer = await SignInOnAsync(app, PresidentBhopal);
        var strictReader = await SignInOnAsync(strict, InChargeMp);
        Assert.Equal("Healthy", CheckStatus(await HealthAsync(reader), "replica"));
        await CaughtUpAsync();

        await PauseReplayAsync();
        try
        {
            await RenameOnPrimaryAsync(Probe);
            await ReceivedAsync();

            // Replay is paused before the rename: the replica does not have it, the primary does.
            Assert.False(await ListShowsAsync(reader, Probe));
            // A replica behind the bound is left alone, and /healthz says so (the database itself stays Healthy).
            Assert.True(await ListShowsAsync(strictReader, Probe));
            var health = await HealthAsync(strictReader);
            Assert.Equal(("Degraded", "Healthy", "Degraded"), (health.GetProperty("status").GetString(), CheckStatus(health, "database"), CheckStatus(health, "replica")));
            Assert.True(health.GetProperty("checks").GetProperty("replica").GetProperty("data").GetProperty("lag_bytes").GetInt64() > 0);

            // The writer saves through a page: the write lands on the primary (and not on the paused replica) ...
            var block = await App.WithDbAsync(db => db.Territories.AsNoTracking()
                .Where(t => t.Level == TerritoryLevel.Block && db.Territories.Any(d => d.Id == t.DistrictId && d.NameEn == "Bhopal" && d.Level == TerritoryLevel.District))
                .OrderBy(t => t.Id).FirstAsync());
            var created = await PostFormAsync(writer, "/People/Create", new()
            {
                ["Input.NameEn"] = "Written Through", ["Input.NameHi"] = "लिखित", ["Input.Mobile"] = "9812345670",
                ["Input.Gender"] = "Female", ["Input.BirthYear"] = "1980", ["Input.AreaId"] = block.DistrictId!.Value.ToString(),
                ["Input.PlaceId"] = block.Id.ToString(), ["Input.FormerParty"] = "", ["Input.JoinedOn"] = "",
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            const string count = "SELECT count(*) FROM people WHERE mobile = '+919812345670'";
            Assert.Equal(1L, await ScalarAsync<long>(AppFactory.ConnectionString, count));
            Assert.Equal(0L, await ReplicaScalarAsync<long>(count));

            // ... and the writer's next lists come from the primary (read-your-writes): their own person, and the rename.
            Assert.True(await ListShowsAsync(writer, "Written Through"));
            Assert.True(await ListShowsAsync(writer, Probe));
            // The reader, who wrote nothing, still reads the paused replica.
            Assert.False(await ListShowsAsync(reader, Probe));
        }
        finally
        {
            await ReplicaScalarAsync<object>("SELECT pg_wal_replay_resume()");
        }

        await CaughtUpAsync();
        Assert.True(await ListShowsAsync(reader, Probe));
        Assert.True(await ListShowsAsync(reader, "Written Through"));
    }

    [Fact]
    public async Task An_unreachable_replica_leaves_reads_on_the_primary_and_healthz_degraded()
    {
        // A port nothing listens on: taken from the system, then released.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var nowhere = new NpgsqlConnectionStringBuilder(ReplicaConnectionString) { Port = port }.ConnectionString;

        await using var app = WithReadReplica(nowhere);
        var reader = await SignInOnAsync(app, InChargeMp);
        await RenameOnPrimaryAsync(Probe);

        Assert.True(await ListShowsAsync(reader, Probe));
        var health = await HealthAsync(reader);
        Assert.Equal(("Degraded", "Healthy", "Degraded"), (health.GetProperty("status").GetString(), CheckStatus(health, "database"), CheckStatus(health, "replica")));
    }

    [Fact]
    public async Task ReadDb_never_writes_on_the_replica_or_the_primary()
    {
        await using var app = WithReadReplica(ReplicaConnectionString);
        foreach (var replica in new[] { true, false })
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<ReadRoute>().Replica = replica;
            var db = scope.ServiceProvider.GetRequiredService<ReadDb>();
            static int Port(string? cs) => new NpgsqlConnectionStringBuilder(cs).Port;
            Assert.Equal(Port(replica ? ReplicaConnectionString : AppFactory.ConnectionString), Port(db.Database.GetConnectionString()));

            var person = await db.People.OrderBy(p => p.Id).FirstAsync();
            person.NameEn = Probe;
            db.Attach(person).Property(p => p.NameEn).IsModified = true;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            var refused = await Assert.ThrowsAsync<PostgresException>(() =>
                db.Database.ExecuteSqlRawAsync("UPDATE people SET name_en = {0} WHERE id = {1}", Probe, person.Id));
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
        }
        Assert.Equal(0L, await ScalarAsync<long>(AppFactory.ConnectionString, "SELECT count(*) FROM people WHERE name_en = @n", ("n", Probe)));
    }
}
