using Npgsql;
using NpgsqlTypes;

namespace OrgTracker.Web.Data.Seeding;

/// <summary>Binary COPY of rows given as value arrays (null writes NULL), for bulk generation.</summary>
internal static class Copy
{
    public static async Task RowsAsync(NpgsqlConnection conn, string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var cols = string.Join(", ", columns.Select(c => "\"" + c + "\""));
        await using var w = await conn.BeginBinaryImportAsync($"COPY {table} ({cols}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await w.StartRowAsync(ct);
            foreach (var v in row)
            {
                switch (v)
                {
                    case null: await w.WriteNullAsync(ct); break;
                    case int i: await w.WriteAsync(i, NpgsqlDbType.Integer, ct); break;
                    case long l: await w.WriteAsync(l, NpgsqlDbType.Bigint, ct); break;
                    case string s: await w.WriteAsync(s, NpgsqlDbType.Varchar, ct); break;
                    case bool b: await w.WriteAsync(b, NpgsqlDbType.Boolean, ct); break;
                    case DateOnly d: await w.WriteAsync(d, NpgsqlDbType.Date, ct); break;
                    case DateTime t: await w.WriteAsync(t, NpgsqlDbType.TimestampTz, ct); break;
                    case decimal m: await w.WriteAsync(m, NpgsqlDbType.Numeric, ct); break;
                    case Enum e: await w.WriteAsync(Convert.ToInt32(e), NpgsqlDbType.Integer, ct); break;
                    default: throw new NotSupportedException(v.GetType().Name);
                }
            }
        }
        await w.CompleteAsync(ct);
    }

    public static async Task ResetSequenceAsync(NpgsqlConnection conn, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT max(id) FROM {table}), 1)); ANALYZE {table};", conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
