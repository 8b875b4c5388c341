using Npgsql;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;

namespace OrgTracker.Tests.Data;

/// <summary>
/// Ready to shard by state (docs/scaling.md): reads the migrated schema from pg_catalog and fails on any table that
/// Citus could not place as <see cref="Sharding"/> says — an unclassified table, a distributed table without a
/// NOT NULL state_id, a primary key or unique index of a distributed table without state_id, a foreign key between
/// distributed tables that does not match state_id, and a foreign key from a reference or local table into a
/// distributed one.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class ShardReadinessTests(AppFactory app)
{
    // The fixture migrates the test database once per run; these tests only read its catalog.
    private readonly AppFactory _app = app;

    private static async Task<List<string[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AppFactory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i))!;
            rows.Add(row);
        }
        return rows;
    }

    private static Task<List<string[]>> TablesAsync() => QueryAsync("""
        SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY 1
        """);

    private static void AssertNone(IEnumerable<string> problems, string rule)
    {
        var list = problems.Order().ToList();
        Assert.True(list.Count == 0, $"{rule} ({list.Count}):\n  " + string.Join("\n  ", list));
    }

    [Fact]
    public async Task Every_table_is_classified_once_and_every_classified_table_exists()
    {
        Assert.NotNull(_app);
        var tables = (await TablesAsync()).Select(r => r[0]).ToHashSet();
        Assert.Contains("members", tables);
        var classes = new[] { Sharding.Reference, Sharding.Distributed, Sharding.Local };
        var problems = tables.Where(t => classes.Count(c => c.Contains(t)) != 1)
            .Select(t => $"{t}: classified {classes.Count(c => c.Contains(t))} times in Data/Sharding.cs (decide: reference, distributed or local)")
            .Concat(classes.SelectMany(c => c).Where(t => !tables.Contains(t)).Select(t => $"{t}: classified but not in the schema"));
        AssertNone(problems, "Tables not classified exactly once");
    }

    [Fact]
    public async Task Every_distributed_table_has_a_not_null_state_id()
    {
        var columns = (await QueryAsync($"""
            SELECT c.relname, a.attnotnull FROM pg_class c
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = '{Sharding.Column}' AND NOT a.attisdropped
            WHERE c.relnamespace = 'public'::regnamespace
            """)).ToDictionary(r => r[0], r => r[1]);
        var problems = Sharding.Distributed.Where(t => !columns.TryGetValue(t, out var notNull) || notNull != "True")
            .Select(t => columns.ContainsKey(t) ? $"{t}: state_id is nullable" : $"{t}: no state_id column");
        AssertNone(problems, "Distributed tables without a NOT NULL state_id");
    }

    [Fact]
    public async Task Every_primary_key_and_unique_index_of_a_distributed_table_includes_state_id()
    {
        var indexes = await QueryAsync($"""
            SELECT t.relname, i.relname, x.indisprimary,
                   EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = '{Sharding.Column}'
                           AND a.attnum = ANY (x.indkey::int2[])) AS has_state
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relnamespace = 'public'::regnamespace AND x.indisunique
            """);
        var problems = indexes.Where(r => Sharding.Distributed.Contains(r[0]) && r[3] != "True")
            .Select(r => $"{r[0]}: {(r[2] == "True" ? "primary key" : "unique index")} {r[1]} lacks state_id")
            .Concat(Sharding.Distributed.Where(t => !indexes.Any(r => r[0] == t && r[2] == "True")).Select(t => $"{t}: no primary key"));
        AssertNone(problems, "Distributed tables whose keys lack state_id");
    }

    [Fact]
    public async Task Every_foreign_key_between_distributed_tables_matches_state_id_and_none_points_into_one_from_outside()
    {
        var keys = await QueryAsync($"""
            SELECT s.relname, d.relname, k.conname,
                   EXISTS (SELECT 1 FROM unnest(k.conkey, k.confkey) AS p(src, dst)
                           JOIN pg_attribute sa ON sa.attrelid = k.conrelid AND sa.attnum = p.src
                           JOIN pg_attribute da ON da.attrelid = k.confrelid AND da.attnum = p.dst
                           WHERE sa.attname = '{Sharding.Column}' AND da.attname = '{Sharding.Column}') AS matches_state
            FROM pg_constraint k
            JOIN pg_class s ON s.oid = k.conrelid
            JOIN pg_class d ON d.oid = k.confrelid
            WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace
            """);
        var problems = keys.Where(r => Sharding.Distributed.Contains(r[1]))
            .Where(r => !Sharding.Distributed.Contains(r[0]) || r[3] != "True")
            .Select(r => Sharding.Distributed.Contains(r[0])
                ? $"{r[0]} -> {r[1]}: foreign key {r[2]} does not match state_id"
                : $"{r[0]} -> {r[1]}: foreign key {r[2]} points from a non-distributed table into a distributed one");
        AssertNone(problems, "Foreign keys Citus could not keep");
    }
}
