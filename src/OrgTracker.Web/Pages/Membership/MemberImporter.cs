using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>Running totals of an import, read by the heartbeat while the import runs.</summary>
public sealed class ImportProgress
{
    public long RowsRead;
    public long Added;
    public long AlreadyPresent;
    public long ErrorRows;
    /// <summary>The file is read; the merge is running.</summary>
    public volatile bool Merging;
    public Func<long> BytesRead = () => 0;
}

/// <summary>
/// Imports member rows into a drive. The file is read as a stream and checked row by row (<see cref="MemberRowRules"/>);
/// bad rows go straight to <c>member_import_errors</c> with their line numbers, good rows by binary COPY to a staging
/// table. When the file is read, the staging table is merged into <c>members</c> by one set-based
/// <c>INSERT … SELECT … ON CONFLICT (drive_id, mobile, state_id) DO NOTHING</c> that also adds the new members to the summary
/// tables, in one transaction; rows the merge skipped are then sorted out set-based: this import's own row (a re-run),
/// the same mobile number earlier in the file, the same member already present (not an error: importing a file twice
/// adds nothing), or the number enrolled elsewhere in the drive.
/// The rows are spread over <see cref="Lanes"/> connections by range of mobile number, each with its own staging
/// table and merge, so that the merges (the costly part) run side by side on separate parts of the key index.
/// Memory stays flat: one row at a time, the booth table of the uploader's scope, and the drivers' buffers.
/// See docs/adr/0003-membership-import.md.
/// </summary>
public sealed class MemberImporter(NpgsqlDataSource dataSource, IConfiguration config, ILogger<MemberImporter> log)
{
    /// <summary>
    /// A state's drive in one file (UP: about 50 lakh members). Rows past <see cref="ImportLimits.MaxRows"/> are not read
    /// and reported; every other limit refuses the file before anything is saved.
    /// </summary>
    public static readonly ImportLimits Limits = new()
    {
        MaxBytes = 500L << 20, MaxRows = 5_000_000, MaxColumns = 50, MaxCellLength = 1_000, MaxUncompressedBytes = 4L << 30,
        MaxSharedStrings = 5_000_000, MaxRunTime = TimeSpan.FromHours(1),
    };

    /// <summary>The upload request: the file and a little more, so that a file just too large gets its message beside the field.</summary>
    public const long MaxRequestBytes = (500L << 20) + (1 << 20);

    /// <summary>A merge of millions of rows takes as long as it takes; the job's cancellation stops it, not a timer.</summary>
    private static readonly TimeSpan NoTimeout = TimeSpan.Zero;

    /// <summary>Connections that stage and merge side by side (ORGTRACKER_IMPORT_LANES; by default one per core, at most 4).</summary>
    public int Lanes { get; } = Math.Clamp(config.GetValue<int?>("IMPORT_LANES") ?? Environment.ProcessorCount, 1, 8);

    private const string StagingDdl =
        """
        SET temp_buffers = '128MB';
        CREATE TEMP TABLE IF NOT EXISTS member_staging (
            line int NOT NULL, mobile bigint NOT NULL, name text NOT NULL, booth_id int NOT NULL, block_id int NOT NULL,
            district_id int NOT NULL, division_id int NOT NULL, state_id int NOT NULL, gender smallint, birth_year smallint,
            channel smallint NOT NULL, enrolled_on date NOT NULL, enrolled_by text);
        CREATE TEMP TABLE IF NOT EXISTS member_skipped (LIKE member_staging);
        TRUNCATE member_staging, member_skipped;
        """;

    private const string StagingCopy =
        "COPY member_staging (line, mobile, name, booth_id, block_id, district_id, division_id, state_id, gender, birth_year, channel, enrolled_on, enrolled_by) FROM STDIN (FORMAT BINARY)";

    private const string ErrorCopy =
        "COPY member_import_errors (job_id, state_id, line, problems, name, mobile, ac_number, part_number, gender, birth_year, channel, enrolled_on, enrolled_by) FROM STDIN (FORMAT BINARY)";

    // The merge. Rows go in sorted by mobile number: the index is then written in order (and the first line of a
    // repeated number wins). The summary rows are written in key order, so concurrent merges never deadlock.
    private const string MergeSql =
        """
        WITH ins AS (
            INSERT INTO members (drive_id, mobile, name, booth_id, block_id, state_id, division_id, district_id, gender, birth_year,
                                 channel, enrolled_on, enrolled_by, recorded_by_user_id, created_utc, verification, import_job_id, import_line)
            SELECT @drive, mobile, name, booth_id, block_id, state_id, division_id, district_id, gender, birth_year,
                   channel, enrolled_on, enrolled_by, @user, @now, 0, @job, line
            FROM member_staging ORDER BY mobile, line
            ON CONFLICT (drive_id, mobile, state_id) DO NOTHING
            RETURNING import_line, booth_id, block_id, state_id, division_id, district_id, enrolled_on
        ), booths AS (
            INSERT INTO member_booth_counts AS c (drive_id, booth_id, block_id, state_id, division_id, district_id, enrolled, verified, rejected)
            SELECT @drive, booth_id, block_id, state_id, division_id, district_id, count(*), 0, 0
            FROM ins GROUP BY booth_id, block_id, state_id, division_id, district_id ORDER BY booth_id
            ON CONFLICT (drive_id, booth_id, state_id) DO UPDATE SET enrolled = c.enrolled + excluded.enrolled
        ), days AS (
            INSERT INTO member_daily_counts AS c (drive_id, block_id, day, state_id, division_id, district_id, enrolled)
            SELECT @drive, block_id, enrolled_on, state_id, division_id, district_id, count(*)
            FROM ins GROUP BY block_id, enrolled_on, state_id, division_id, district_id ORDER BY block_id, enrolled_on
            ON CONFLICT (drive_id, block_id, day, state_id) DO UPDATE SET enrolled = c.enrolled + excluded.enrolled
        ), months AS (
            INSERT INTO member_month_counts AS c (drive_id, block_id, month, state_id, division_id, district_id, enrolled)
            SELECT @drive, block_id, date_trunc('month', enrolled_on)::date, state_id, division_id, district_id, count(*)
            FROM ins GROUP BY 2, 3, 4, 5, 6 ORDER BY 2, 3
            ON CONFLICT (drive_id, block_id, month, state_id) DO UPDATE SET enrolled = c.enrolled + excluded.enrolled
        ), seats AS (
            INSERT INTO member_seat_counts AS c (drive_id, assembly_constituency_id, state_id, enrolled)
            SELECT @drive, b.assembly_constituency_id, min(b.state_id), count(*)
            FROM ins JOIN territories b ON b.id = ins.booth_id WHERE b.assembly_constituency_id IS NOT NULL
            GROUP BY b.assembly_constituency_id ORDER BY b.assembly_constituency_id
            ON CONFLICT (drive_id, assembly_constituency_id, state_id) DO UPDATE SET enrolled = c.enrolled + excluded.enrolled
        ), skipped AS (
            -- The rows the insert skipped, so that only they are looked up afterwards.
            INSERT INTO member_skipped
            SELECT s.* FROM member_staging s WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.import_line = s.line)
        ), activity AS (
            -- Enrolment is work recorded today: the blocks and districts concerned are not silent (dashboard).
            INSERT INTO unit_activities AS u (territory_id, state_id, division_id, district_id, last_on)
            SELECT t, min(state_id), min(division_id), min(district_id), @today
            FROM (SELECT block_id AS t, state_id, division_id, district_id FROM ins
                  UNION SELECT district_id, state_id, division_id, district_id FROM ins) x
            GROUP BY t ORDER BY t
            ON CONFLICT (territory_id, state_id) DO UPDATE SET last_on = GREATEST(u.last_on, excluded.last_on)
        )
        SELECT count(*) FROM ins;
        """;

    // Rows the merge skipped, each against the member that holds its number. A number repeated in the file is
    // reported as such even when its first line was already in the drive (a re-run reports what the first run did).
    // A row this import added in an earlier attempt (a re-run after a crash) counts as added.
    private const string SortOutSql =
        """
        WITH cls AS (
            SELECT s.*, m.booth_id AS other_booth,
                   CASE WHEN m.import_job_id = @job THEN m.import_line ELSE min(s.line) OVER (PARTITION BY s.mobile) END AS other_line,
                   CASE WHEN m.import_job_id = @job AND m.import_line = s.line THEN 'added'
                        WHEN m.import_job_id = @job OR min(s.line) OVER (PARTITION BY s.mobile) < s.line THEN 'duplicate_in_file'
                        WHEN m.booth_id = s.booth_id AND m.name = s.name THEN 'present'
                        ELSE 'duplicate_in_drive' END AS kind
            FROM member_skipped s JOIN members m ON m.drive_id = @drive AND m.mobile = s.mobile AND m.state_id = s.state_id
        ), errs AS (
            INSERT INTO member_import_errors (job_id, state_id, line, problems, other_line, other_booth_id, name, mobile, ac_number, part_number,
                                              gender, birth_year, channel, enrolled_on, enrolled_by)
            SELECT @job, @state, c.line, c.kind, CASE WHEN c.kind = 'duplicate_in_file' THEN c.other_line END,
                   CASE WHEN c.kind = 'duplicate_in_drive' THEN c.other_booth END,
                   c.name, c.mobile::text, a.number::text, b.part_number::text,
                   CASE c.gender WHEN 1 THEN 'M' WHEN 2 THEN 'F' WHEN 3 THEN 'O' END, c.birth_year::text,
                   CASE c.channel WHEN 1 THEN 'paper' WHEN 2 THEN 'online' WHEN 3 THEN 'missed_call' END,
                   to_char(c.enrolled_on, 'YYYY-MM-DD'), c.enrolled_by
            FROM cls c JOIN territories b ON b.id = c.booth_id LEFT JOIN assembly_constituencies a ON a.id = b.assembly_constituency_id
            WHERE c.kind IN ('duplicate_in_file', 'duplicate_in_drive')
        )
        SELECT count(*) FILTER (WHERE kind = 'added'), count(*) FILTER (WHERE kind = 'present'),
               count(*) FILTER (WHERE kind IN ('duplicate_in_file', 'duplicate_in_drive'))
        FROM cls;
        """;

    /// <summary>Reads every row of <paramref name="source"/> into the drive. Returns when all merges are committed.</summary>
    public async Task RunAsync(MemberImportJob job, MembershipDrive drive, ImportReader source, ImportProgress progress, DateTime nowUtc, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var today = IndiaTime.Day(nowUtc);
        var booths = await LoadBoothsAsync(job, ct);
        var rules = new MemberRowRules(drive, booths, today);

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await using var errorConn = await dataSource.OpenConnectionAsync(ct);
        await using (var clear = new NpgsqlCommand("DELETE FROM member_import_errors WHERE job_id = @job", errorConn) { CommandTimeout = 0 })
        {
            clear.Parameters.AddWithValue("job", job.Id);
            await clear.ExecuteNonQueryAsync(ct);
        }
        var lanes = new List<Lane>();
        try
        {
            for (var i = 0; i < Lanes; i++) lanes.Add(await Lane.OpenAsync(dataSource, job, drive, progress, nowUtc, log, cancel.Token));
            // The reading loop is synchronous (millions of small writes); it runs on a thread of its own.
            await Task.Factory.StartNew(() => ReadAll(source, rules, errorConn, lanes, job, progress),
                cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var read = clock.Elapsed;
            progress.Merging = true;
            await Task.WhenAll(lanes.Select(l => l.MergeAsync()));
            log.LogInformation("Import {Job}: read and staged in {Read:0.0} s, merged in {Merge:0.0} s over {Lanes} lanes",
                job.Id, read.TotalSeconds, (clock.Elapsed - read).TotalSeconds, lanes.Count);
        }
        catch
        {
            await cancel.CancelAsync();
            throw;
        }
        finally
        {
            foreach (var lane in lanes) await lane.DisposeAsync();
        }
        log.LogInformation("Import {Job}: {Rows} rows in {Seconds:0.0} s: {Added} added, {Present} already present, {Errors} bad rows",
            job.Id, progress.RowsRead, clock.Elapsed.TotalSeconds, progress.Added, progress.AlreadyPresent, progress.ErrorRows);
    }

    private void ReadAll(ImportReader source, MemberRowRules rules, NpgsqlConnection errorConn, List<Lane> lanes,
        MemberImportJob job, ImportProgress progress)
    {
        using var errors = errorConn.BeginBinaryImport(ErrorCopy);
        errors.Timeout = NoTimeout;
        var map = MemberColumns.Map(source.Header);
        if (map.Take(MemberColumns.Required).Any(i => i < 0))
        {
            WriteError(errors, job, 1, ImportProblems.MissingColumns, null, map);
            Interlocked.Increment(ref progress.ErrorRows);
            errors.Complete();
            return;
        }

        foreach (var l in lanes) l.BeginCopy();
        long rows = 0;
        while (true)
        {
            try
            {
                if (!source.Read()) break;
            }
            catch (ImportRefused e) when (e.Reason == ImportRefusal.TooManyRows)
            {
                WriteError(errors, job, e.Line, ImportProblems.TooManyRows, null, map);
                Interlocked.Increment(ref progress.ErrorRows);
                break;
            }
            if ((++rows & 1023) == 0) Interlocked.Exchange(ref progress.RowsRead, rows);
            var problems = rules.Check(source, map, out var row);
            if (problems is not null)
            {
                WriteError(errors, job, source.Line, string.Join(';', problems), source, map);
                Interlocked.Increment(ref progress.ErrorRows);
                continue;
            }
            lanes[LaneOf(row.Mobile, lanes.Count)].Write(in row);
        }
        Interlocked.Exchange(ref progress.RowsRead, rows);
        foreach (var l in lanes) l.EndCopy();
        errors.Complete();
    }

    /// <summary>
    /// The lane of a mobile number: ranges of the ten national digits, so that one number always meets itself in the
    /// same lane and each lane's merge writes its own part of the index.
    /// </summary>
    public static int LaneOf(long mobile, int lanes)
    {
        var national = mobile % 10_000_000_000L - 6_000_000_000L;
        return (int)Math.Clamp(national * lanes / 4_000_000_000L, 0, lanes - 1);
    }

    private static void WriteError(NpgsqlBinaryImporter w, MemberImportJob job, int line, string problems, ImportReader? source, int[] map)
    {
        w.StartRow();
        w.Write(job.Id, NpgsqlDbType.Bigint);
        w.Write(job.StateId, NpgsqlDbType.Integer);
        w.Write(line, NpgsqlDbType.Integer);
        w.Write(problems, NpgsqlDbType.Varchar);
        for (var c = 0; c < MemberColumns.Count; c++)
        {
            var value = source?.Field(map[c]);
            if (value is null) w.WriteNull();
            else w.Write(value.Length > 500 ? value[..500] : value, NpgsqlDbType.Text);
        }
    }

    /// <summary>The booths the uploader may name, by assembly constituency number and part number.</summary>
    private async Task<Dictionary<long, BoothPlace>> LoadBoothsAsync(MemberImportJob job, CancellationToken ct)
    {
        var (level, id) = job.Scope;
        var scope = TerritorySql.Under("b", level, id, "scope");
        await using var cmd = dataSource.CreateCommand(
            $"""
            SELECT b.id, b.block_id, b.district_id, b.division_id, b.state_id, a.number, b.part_number
            FROM territories b JOIN assembly_constituencies a ON a.id = b.assembly_constituency_id
            WHERE b.level = @booth AND b.state_id = @state AND {scope}
            """);
        cmd.Parameters.AddWithValue("booth", (int)TerritoryLevel.Booth);
        cmd.Parameters.AddWithValue("state", job.StateId);
        cmd.Parameters.Add(scope.Parameter);
        var booths = new Dictionary<long, BoothPlace>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            booths[MemberRowRules.BoothKey(reader.GetInt32(5), reader.GetInt32(6))] =
                new BoothPlace(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
        return booths;
    }

    /// <summary>One connection with its staging table: filled by the reader, then merged on its own while the reader moves on.</summary>
    private sealed class Lane : IAsyncDisposable
    {
        private readonly NpgsqlConnection _conn;
        private readonly MemberImportJob _job;
        private readonly MembershipDrive _drive;
        private readonly ImportProgress _progress;
        private readonly DateTime _nowUtc;
        private readonly ILogger _log;
        private readonly CancellationToken _ct;
        private NpgsqlBinaryImporter? _copy;

        private Lane(NpgsqlConnection conn, MemberImportJob job, MembershipDrive drive, ImportProgress progress, DateTime nowUtc, ILogger log, CancellationToken ct)
        {
            _conn = conn; _job = job; _drive = drive; _progress = progress; _nowUtc = nowUtc; _log = log; _ct = ct;
        }

        public int Staged { get; private set; }

        public static async Task<Lane> OpenAsync(NpgsqlDataSource ds, MemberImportJob job, MembershipDrive drive, ImportProgress progress, DateTime nowUtc, ILogger log, CancellationToken ct)
        {
            var conn = await ds.OpenConnectionAsync(ct);
            await using (var cmd = new NpgsqlCommand(StagingDdl, conn) { CommandTimeout = 0 }) await cmd.ExecuteNonQueryAsync(ct);
            return new Lane(conn, job, drive, progress, nowUtc, log, ct);
        }

        public void BeginCopy()
        {
            Staged = 0;
            _copy = _conn.BeginBinaryImport(StagingCopy);
            _copy.Timeout = NoTimeout;
        }

        public void Write(in StagedMember r)
        {
            var w = _copy!;
            w.StartRow();
            w.Write(r.Line, NpgsqlDbType.Integer);
            w.Write(r.Mobile, NpgsqlDbType.Bigint);
            w.Write(r.Name, NpgsqlDbType.Text);
            w.Write(r.Booth.BoothId, NpgsqlDbType.Integer);
            w.Write(r.Booth.BlockId, NpgsqlDbType.Integer);
            w.Write(r.Booth.DistrictId, NpgsqlDbType.Integer);
            w.Write(r.Booth.DivisionId, NpgsqlDbType.Integer);
            w.Write(r.Booth.StateId, NpgsqlDbType.Integer);
            if (r.Gender is { } g) w.Write((short)g, NpgsqlDbType.Smallint); else w.WriteNull();
            if (r.BirthYear is { } y) w.Write(y, NpgsqlDbType.Smallint); else w.WriteNull();
            w.Write((short)r.Channel, NpgsqlDbType.Smallint);
            w.Write(r.EnrolledOn, NpgsqlDbType.Date);
            if (r.EnrolledBy is { } by) w.Write(by, NpgsqlDbType.Text); else w.WriteNull();
            Staged++;
        }

        public void EndCopy()
        {
            _copy!.Complete();
            _copy.Dispose();
            _copy = null;
        }

        /// <summary>Merges the lane's staging table; retried when PostgreSQL picks it as a deadlock victim.</summary>
        public async Task MergeAsync()
        {
            if (Staged == 0) return;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (added, present, bad) = await MergeOnceAsync(Staged);
                    Interlocked.Add(ref _progress.Added, added);
                    Interlocked.Add(ref _progress.AlreadyPresent, present);
                    Interlocked.Add(ref _progress.ErrorRows, bad);
                    return;
                }
                catch (PostgresException e) when (Platform.DatabaseError.From(e).Kind == Platform.DatabaseErrorKind.SerializationFailure && attempt < 3)
                {
                    _log.LogWarning("Import {Job}: merge retried after {SqlState}", _job.Id, e.SqlState);
                }
            }
        }

        private async Task<(long Added, long Present, long Bad)> MergeOnceAsync(int staged)
        {
            await using var tx = await _conn.BeginTransactionAsync(_ct);
            // The sort by mobile number is worth memory; JIT compilation costs more than it saves on these plans.
            await using (var settings = new NpgsqlCommand("SET LOCAL work_mem = '256MB'; SET LOCAL jit = off; SET LOCAL statement_timeout = 0", _conn, tx))
                await settings.ExecuteNonQueryAsync(_ct);
            long inserted;
            var clock = Stopwatch.StartNew();
            await using (var merge = new NpgsqlCommand(MergeSql, _conn, tx) { CommandTimeout = 0 })
            {
                merge.Parameters.AddWithValue("drive", _drive.Id);
                merge.Parameters.AddWithValue("job", _job.Id);
                merge.Parameters.AddWithValue("user", NpgsqlDbType.Varchar, (object?)_job.CreatedByUserId ?? DBNull.Value);
                merge.Parameters.AddWithValue("now", _nowUtc);
                merge.Parameters.AddWithValue("today", IndiaTime.Day(_nowUtc));
                inserted = (long)(await merge.ExecuteScalarAsync(_ct))!;
            }
            var result = (inserted, 0L, 0L);
            var merged = clock.Elapsed;
            if (inserted < staged)
            {
                // The planner must know the skipped rows are few, and look each one up by key.
                await using (var analyze = new NpgsqlCommand("ANALYZE member_skipped", _conn, tx) { CommandTimeout = 0 }) await analyze.ExecuteNonQueryAsync(_ct);
                await using var sort = new NpgsqlCommand(SortOutSql, _conn, tx) { CommandTimeout = 0 };
                sort.Parameters.AddWithValue("drive", _drive.Id);
                sort.Parameters.AddWithValue("job", _job.Id);
                sort.Parameters.AddWithValue("state", _job.StateId);
                await using var reader = await sort.ExecuteReaderAsync(_ct);
                await reader.ReadAsync(_ct);
                // Added here: this merge's rows, and rows an earlier attempt of this import added.
                result = (inserted + reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            }
            await tx.CommitAsync(_ct);
            _log.LogInformation("Import {Job}: {Staged} rows merged in {Merge:0.0} s, {Skipped} skipped rows sorted out in {SortOut:0.0} s",
                _job.Id, staged, merged.TotalSeconds, staged - inserted, (clock.Elapsed - merged).TotalSeconds);
            return result;
        }

        public async ValueTask DisposeAsync()
        {
            _copy?.Dispose();
            await _conn.DisposeAsync();
        }
    }
}
