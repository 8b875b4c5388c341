using System.Diagnostics;
using Npgsql;
using OrgTracker.Tests.Infrastructure;

namespace OrgTracker.Tests.Security;

/// <summary>
/// The backup and restore of docs/operations.md, round-tripped: pg_dump of the seeded database, pg_restore into a
/// new database, and the same rows in every table (counts and content), the audit trail still append-only.
/// </summary>
public class BackupRestoreTests(AppFactory app) : IntegrationTest(app)
{
    private static string Tool(string name)
    {
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(p.Split('/')[4], out var v) ? v : 0).FirstOrDefault()
            : null;
        return found ?? name;
    }

    private static async Task RunAsync(string tool, string arguments, NpgsqlConnectionStringBuilder cs)
    {
        var start = new ProcessStartInfo(Tool(tool), arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }

    /// <summary>Per table: the row count and a digest of all rows in a fixed order.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} t", conn);
            result[table] = (string)(await cmd.ExecuteScalarAsync())!;
        }
        return result;
    }

    [Fact]
    public async Task A_pg_dump_of_the_seeded_database_restores_with_the_same_rows_in_every_table()
    {
        var source = new NpgsqlConnectionStringBuilder(AppFactory.ConnectionString);
        var restoredName = $"{source.Database}_restore_{Environment.ProcessId}";
        var restored = new NpgsqlConnectionStringBuilder(AppFactory.ConnectionString) { Database = restoredName, Pooling = false };
        var admin = new NpgsqlConnectionStringBuilder(AppFactory.ConnectionString) { Database = "postgres", Pooling = false };
        var dump = Path.Combine(Path.GetTempPath(), $"orgtracker-{Guid.NewGuid():N}.dump");
        async Task AdminAsync(string sql)
        {
            await using var conn = new NpgsqlConnection(admin.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        string Connect(NpgsqlConnectionStringBuilder cs) => $"-h {cs.Host} -p {cs.Port} -U {cs.Username}";

        try
        {
            await RunAsync("pg_dump", $"{Connect(source)} -Fc -f {dump} {source.Database}", source);
            await AdminAsync($"DROP DATABASE IF EXISTS \"{restoredName}\"");
            await AdminAsync($"CREATE DATABASE \"{restoredName}\"");
            await RunAsync("pg_restore", $"{Connect(source)} -d {restoredName} --exit-on-error {dump}", source);

            var before = await SnapshotAsync(AppFactory.ConnectionString);
            var after = await SnapshotAsync(restored.ConnectionString);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            var differ = before.Where(t => after[t.Key] != t.Value).Select(t => t.Key).ToList();
            Assert.True(differ.Count == 0, "tables that differ after the restore: " + string.Join(", ", differ));
            Assert.True(int.Parse(before["people"].Split(':')[0]) > 100 && int.Parse(before["audit_entries"].Split(':')[0]) > 0);

            // The restored trail is still append-only.
            await using var conn = new NpgsqlConnection(restored.ConnectionString);
            await conn.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE audit_entries SET user_name = 'forged'", conn);
            await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        }
        finally
        {
            File.Delete(dump);
            await AdminAsync($"DROP DATABASE IF EXISTS \"{restoredName}\" WITH (FORCE)");
        }
    }
}
