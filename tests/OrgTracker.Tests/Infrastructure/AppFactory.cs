using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;
using Respawn;

namespace OrgTracker.Tests.Infrastructure;

/// <summary>
/// The application over the real PostgreSQL test database that test.sh prepares (ORGTRACKER_TEST_DB).
/// Migrated once per test run; <see cref="ResetAsync"/> empties it with Respawn and loads the demo data.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ORGTRACKER_TEST_DB")
        ?? throw new InvalidOperationException("ORGTRACKER_TEST_DB is not set: run the tests with ./test.sh.");

    private Respawner? _respawner;

    public AppFactory()
    {
        // Program reads its configuration before the host is built: the environment is the one reliable channel.
        Environment.SetEnvironmentVariable("ORGTRACKER_DB", ConnectionString);
        // Every read on the primary, whatever the shell says: only Data/ReadReplicaTests read a replica, on purpose.
        Environment.SetEnvironmentVariable("ORGTRACKER_DB_READ", null);
    }

    /// <summary>
    /// The one clock of the application under test, pinned: every test starts at <see cref="PinnedClock.Start"/>,
    /// whatever the machine's clock says, and moves it only on purpose (<see cref="PinnedClock.Advance"/>).
    /// </summary>
    public PinnedClock Clock { get; } = new();

    /// <summary>Everything the application logs (Serilog events), for tests that read the log.</summary>
    public LogCapture Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        // Tests fail to sign in many times within one (pinned) minute from one address; the limit itself has its own test.
        builder.UseEnvironment("Testing").UseSetting("LOGIN_FAILURES_PER_MINUTE", "100000")
            .ConfigureServices(s =>
            {
                s.AddSingleton<Serilog.Core.ILogEventSink>(Log);
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(Clock);
            });

    public async Task InitializeAsync()
    {
        using var scope = Services.CreateScope();
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

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "database";
}
