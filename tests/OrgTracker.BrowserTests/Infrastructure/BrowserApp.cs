using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgTracker.Tests.Infrastructure;
using Npgsql;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;
using Respawn;

namespace OrgTracker.BrowserTests.Infrastructure;

/// <summary>
/// The application on Kestrel at a free loopback port, over a database of its own (the test database's name with
/// "_browser" added, orgtracker_browser under test.sh), so that these tests and OrgTracker.Tests can run side by
/// side under <c>dotnet test OrgTracker.sln</c>, and two checkouts with their own test databases never share one.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly NpgsqlConnectionStringBuilder TestDb = new(
        Environment.GetEnvironmentVariable("ORGTRACKER_TEST_DB")
        ?? throw new InvalidOperationException("ORGTRACKER_TEST_DB is not set: run the tests with ./test.sh."));

    public static string DatabaseName { get; } =
        (TestDb.Database is { Length: > 0 } name && name.EndsWith("_test") ? name[..^"_test".Length] : TestDb.Database)
        + "_browser";

    public static string ConnectionString { get; } =
        new NpgsqlConnectionStringBuilder(TestDb.ConnectionString) { Database = DatabaseName }.ConnectionString;

    private Respawner? _respawner;

    public BrowserApp()
    {
        // Program reads its configuration before the host is built: the environment is the one reliable channel.
        Environment.SetEnvironmentVariable("ORGTRACKER_DB", ConnectionString);
        UseKestrel(0);
    }

    /// <summary>The application's clock, pinned as in the HTTP tests (<see cref="PinnedClock"/>).</summary>
    public PinnedClock Clock { get; } = new();

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        // Tests sign in many times a minute from one address; the limit itself has its own test.
        builder.UseEnvironment("Testing").UseSetting("LOGIN_FAILURES_PER_MINUTE", "100000")
            .ConfigureServices(s =>
            {
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(Clock);
            });

    public async Task InitializeAsync()
    {
        await CreateDatabaseIfMissingAsync();
        StartServer();
        using (var scope = Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        _respawner = await Respawner.CreateAsync(conn, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = Seeder.PreservedTables.Select(t => new Respawn.Graph.Table(t)).ToArray(),
            WithReseed = true,
        });
    }

    /// <summary>Empties every table and loads the demo profile (real divisions and districts, demo users).</summary>
    public async Task ResetAsync()
    {
        Clock.Reset();
        await using (var conn = new NpgsqlConnection(ConnectionString))
        {
            await conn.OpenAsync();
            await _respawner!.ResetAsync(conn);
        }
        using var scope = Services.CreateScope();
        var seeder = ActivatorUtilities.CreateInstance<Seeder>(scope.ServiceProvider);
        await seeder.SeedAsync(SeedProfile.Find("demo")!, 2026, CancellationToken.None, truncate: false);
    }

    /// <summary>A scope with the application's services, for arranging and asserting on the database.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task CreateDatabaseIfMissingAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(server.ConnectionString);
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", conn);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync() is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"create database \"{DatabaseName}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another test run created it between the check and here.
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
