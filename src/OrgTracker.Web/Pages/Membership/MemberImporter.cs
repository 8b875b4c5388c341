using System.Buffers.Binary;
using System.Diagnostics;
using System.Threading.Channels;
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
/// table, which is merged into <c>members</c> by a set-based <c>INSERT … SELECT … ON CONFLICT (drive_id, mobile,
/// state_id) DO NOTHING</c>; what it added goes to the summary tables in the same transaction; rows it skipped are sorted out set-based: this import's own row (a re-run),
/// the same mobile number earlier in the file, the same member already present (not an error: importing a file twice
/// adds nothing), or the number enrolled elsewhere in the drive.
/// The rows are spread over <see cref="Lanes"/> connections by range of mobile number, each with its own staging
/// table and one transaction, so that the merges (the costly part) run side by side on separate parts of the key
/// index. The file is not read first and merged after: the reader hands each lane chunks of <see cref="ChunkRows"/>
/// rows, which the lane copies and merges while the reader parses the next ones; the summaries and the sort-out run
/// once per lane at the end, and each lane commits only then (a cancelled or failed import saves nothing).
/// Memory stays flat: a few chunks per lane, the booth table of the uploader's scope, and the drivers' buffers.
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

    /// <summary>Rows a lane takes at a time: copied to its staging table and merged while the reader fills the next.</summary>
    public int ChunkRows { get; } = Math.Clamp(config.GetValue<int?>("IMPORT_CHUNK_ROWS") ?? 16_384, 1, 1 << 20);

    /// <summary>Chunks of rows in memory per lane (being filled, waiting, being merged): memory stays flat.</summary>
    private const int ChunksPerLane = 3;

    private const string StagingDdl =
        """
        SET temp_buffers = '128MB';
        CREATE TEMP TABLE IF NOT EXISTS member_staging (
            line int NOT NULL, mobile bigint NOT NULL, name text NOT NULL, booth_id int NOT NULL, block_id int NOT NULL,
            district_id int NOT NULL, division_id int NOT NULL, state_id int NOT NULL, gender smallint, birth_year smallint,
            channel smallint NOT NULL, enrolled_on date NOT NULL, enrolled_by text);
        CREATE TEMP TABLE IF NOT EXISTS member_skipped (LIKE member_staging);
        CREATE TEMP TABLE IF NOT EXISTS member_tally_booths (
            booth_id int NOT NULL, block_id int NOT NULL, state_id int NOT NULL, division_id int NOT NULL, district_id int NOT NULL, seat_id int NOT NULL,
            n int NOT NULL);
        CREATE TEMP TABLE IF NOT EXISTS member_tally_days (
            block_id int NOT NULL, day date NOT NULL, state_id int NOT NULL, division_id int NOT NULL, district_id int NOT NULL, n int NOT NULL);
        TRUNCATE member_staging, member_skipped, member_tally_booths, member_tally_days;
        """;

    private const string StagingCopy =
        "COPY member_staging (line, mobile, name, booth_id, block_id, district_id, division_id, state_id, gender, birth_year, channel, enrolled_on, enrolled_by) FROM STDIN (FORMAT BINARY)";

    private const string ErrorCopy =
        "COPY member_import_errors (job_id, state_id, line, problems, name, mobile, ac_number, part_number, gender, birth_year, channel, enrolled_on, enrolled_by) FROM STDIN (FORMAT BINARY)";

    // The merge of one chunk, in the lane's transaction. Rows go in sorted by mobile number (the first line of a number
    // repeated in the chunk wins; a number from an earlier chunk is already there). The rows the insert skipped are set
    // aside: the summaries take them off what the lane was given, and the sort-out tells why each was skipped.
    private const string ChunkMergeSql =
        """
        WITH ins AS (
            INSERT INTO members (drive_id, mobile, name, booth_id, block_id, state_id, division_id, district_id, gender, birth_year,
                                 channel, enrolled_on, enrolled_by, recorded_by_user_id, created_utc, verification, import_job_id, import_line)
            SELECT @drive, mobile, name, booth_id, block_id, state_id, division_id, district_id, gender, birth_year,
                   channel, enrolled_on, enrolled_by, @user, @now, 0, @job, line
            FROM member_staging ORDER BY mobile, line
            ON CONFLICT (drive_id, mobile, state_id) DO NOTHING
            RETURNING import_line
        ), skipped AS (
            -- The rows the insert skipped, so that only they are looked up afterwards.
            INSERT INTO member_skipped
            SELECT s.* FROM member_staging s WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.import_line = s.line)
        )
        SELECT count(*) FROM ins;
        """;

    // The import's added members into the summary tables, once, in key order (concurrent writers never deadlock): what
    // the reader gave the lanes, counted by booth and by block and day in memory (Tally), less the rows the merges
    // skipped that were not added by an earlier attempt of the import.
    private const string TallyBoothCopy = "COPY member_tally_booths (booth_id, block_id, state_id, division_id, district_id, seat_id, n) FROM STDIN (FORMAT BINARY)";
    private const string TallyDayCopy = "COPY member_tally_days (block_id, day, state_id, division_id, district_id, n) FROM STDIN (FORMAT BINARY)";

    private const string SummarySql =
        """
        WITH bo AS MATERIALIZED (
            SELECT booth_id, block_id, state_id, division_id, district_id, seat_id, n::bigint AS n FROM member_tally_booths
        ), dy AS MATERIALIZED (
            SELECT block_id, day AS enrolled_on, state_id, division_id, district_id, n::bigint AS n FROM member_tally_days
        ), booths AS (
            INSERT INTO member_booth_counts AS c (drive_id, booth_id, block_id, state_id, division_id, district_id, enrolled, verified, rejected)
            SELECT @drive, booth_id, block_id, state_id, division_id, district_id, n, 0, 0
            FROM bo ORDER BY booth_id
            ON CONFLICT (drive_id, booth_id, state_id) DO UPDATE SET enrolled = c.enrolled + excluded.enrolled
        ), days AS (
            INSERT INTO member_daily_counts AS c (drive_id, block_id, day, state_id, division_id, district_id, enrolled)
            SELECT @drive, block_id, enrolled_on, state_id, division_id, district_id, n
            FROM dy ORDER BY block_id, enrolled_on
            ON CONFLICT (drive_id, block_id, day, state_id) DO UPDATE SET enrolled = c.enrolled + excluded.enrolled
        ), months AS (
            INSERT INTO member_month_counts AS c (drive_id, block_id, month, state_id, division_id, district_id, enrolled)
            SELECT @drive, block_id, date_trunc('month', enrolled_on)::date, state_id, division_id, district_id, sum(n)
            FROM dy GROUP BY 2, 3, 4, 5, 6 ORDER BY 2, 3
            ON CONFLICT (drive_id, block_id, month, state_id) DO UPDATE SET enrolled = c.enrolled + excluded.enrolled
        ), seats AS (
            INSERT INTO member_seat_counts AS c (drive_id, assembly_constituency_id, state_id, enrolled)
            SELECT @drive, seat_id, min(state_id), sum(n) FROM bo GROUP BY seat_id ORDER BY seat_id
            ON CONFLICT (drive_id, assembly_constituency_id, state_id) DO UPDATE SET enrolled = c.enrolled + excluded.enrolled
        ), activity AS (
            -- Enrolment is work recorded today: the blocks and districts concerned are not silent (dashboard).
            INSERT INTO unit_activities AS u (territory_id, state_id, division_id, district_id, last_on)
            SELECT t, min(state_id), min(division_id), min(district_id), @today
            FROM (SELECT block_id AS t, state_id, division_id, district_id FROM dy
                  UNION SELECT district_id, state_id, division_id, district_id FROM dy) x
            GROUP BY t ORDER BY t
            ON CONFLICT (territory_id, state_id) DO UPDATE SET last_on = GREATEST(u.last_on, excluded.last_on)
        )
        SELECT 1;
        """;


    // Rows the merge skipped, each against the member that holds its number. A number repeated in the file is
    // reported as such even when its first line was already in the drive (a re-run reports what the first run did).
    // A row this import added in an earlier attempt (a re-run after a crash) counts as added.
    private const string KeyLookup =
        """
        CROSS JOIN LATERAL (
                SELECT m.booth_id, m.name, m.import_job_id, m.import_line FROM members m
                WHERE m.drive_id = (SELECT @drive) AND m.mobile = s.mobile AND m.state_id = s.state_id LIMIT 1) m
        """;
    private const string DriveJoin = "JOIN members m ON m.drive_id = @drive AND m.mobile = s.mobile AND m.state_id = s.state_id";
    private const int LookupLimit = 50_000;

    private const string SortOutSql =
        """
        WITH cls AS (
            SELECT s.*, m.booth_id AS other_booth,
                   CASE WHEN m.import_job_id = @job THEN m.import_line ELSE min(s.line) OVER (PARTITION BY s.mobile) END AS other_line,
                   CASE WHEN m.import_job_id = @job AND m.import_line = s.line THEN 'added'
                        WHEN m.import_job_id = @job OR min(s.line) OVER (PARTITION BY s.mobile) < s.line THEN 'duplicate_in_file'
                        WHEN m.booth_id = s.booth_id AND m.name = s.name THEN 'present'
                        ELSE 'duplicate_in_drive' END AS kind
            -- Each skipped row looks its number up by the key. The statistics of a drive filled a moment ago say it
            -- is empty: given the drive as a constant, the planner read and hashed the whole drive for a join (4.4 s
            -- for 667 rows in a drive of 10 lakh) or, for this lookup, walked the drive in the booth index (14 s). As
            -- a sub-select's value it is estimated like any drive, and only the key answers "this drive, this number".
            -- Past LookupLimit skipped rows (a file imported again), one pass over the drive is cheaper: a join instead.
            FROM member_skipped s {0}
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
        SELECT kind, booth_id, block_id, enrolled_on, count(*)::int FROM cls GROUP BY 1, 2, 3, 4;
        """;

    /// <summary>
    /// Reads every row of <paramref name="source"/> into the drive. Returns when all merges are committed.
    /// <paramref name="beforeCommit"/> runs in the transaction that commits last, the one with the summaries (the job's
    /// queue marks the job done there, so that a job whose summaries are saved is never run again).
    /// </summary>
    public async Task RunAsync(MemberImportJob job, MembershipDrive drive, ImportReader source, ImportProgress progress, DateTime nowUtc, CancellationToken ct,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>? beforeCommit = null)
    {
        var clock = Stopwatch.StartNew();
        var today = IndiaTime.Day(nowUtc);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The booth table, the error table's clean-up and the lanes' connections, side by side.
        var boothsTask = LoadBoothsAsync(job, cancel.Token);
        var errorConnTask = OpenErrorConnectionAsync(job, cancel.Token);
        var lanes = new List<Lane>();
        NpgsqlConnection? errorConn = null;
        try
        {
            var opening = Enumerable.Range(0, Lanes)
                .Select(_ => Lane.OpenAsync(dataSource, job, drive, progress, nowUtc, ChunkRows, log, cancel)).ToList();
            try { await Task.WhenAll(opening); }
            finally { lanes.AddRange(opening.Where(o => o.IsCompletedSuccessfully).Select(o => o.Result)); }
            errorConn = await errorConnTask;
            var booths = await boothsTask;
            var rules = new MemberRowRules(drive, booths, today);
            var places = new BoothPlace[booths.Count];
            foreach (var b in booths.Values) places[b.Index] = b;
            var started = clock.Elapsed;
            foreach (var l in lanes) l.Start(places);
            // The reading loop is synchronous (millions of small writes); it runs on a thread of its own while each
            // lane copies and merges the chunks it is given.
            try
            {
                await Task.Factory.StartNew(() => ReadAll(source, rules, errorConn, lanes, job, progress),
                    cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            catch (Exception) when (lanes.FirstOrDefault(l => l.Failure is not null) is { } failed)
            {
                // A lane failed and stopped the reader: its error is the one that matters.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Failure!);
            }
            var read = clock.Elapsed;
            progress.Merging = true;
            await Task.WhenAll(lanes.Select(l => l.Worker));
            var merged = clock.Elapsed;
            await Task.WhenAll(lanes.Select(l => l.SortOutAsync()));
            var sorted = clock.Elapsed;
            // One lane writes the summaries of what every lane added, and commits last: the others' rows never meet in
            // the summary tables' row locks (each lane writing its own waited for the one before to commit), and the
            // summaries commit only with the last of the members. A failure in between leaves members of this job
            // uncounted and the job not done; its next attempt finds them as added by an earlier attempt and counts them.
            var writer = lanes[0];
            foreach (var other in lanes.Skip(1)) writer.Tally.Add(other.Tally);
            await writer.WriteSummariesAsync(nowUtc);
            var summed = clock.Elapsed;
            await Task.WhenAll(lanes.Skip(1).Select(l => l.CommitAsync()));
            if (beforeCommit is not null) await writer.RunAsync(beforeCommit);
            await writer.CommitAsync();
            log.LogInformation(
                "Import {Job}: started in {Start:0.0} s, read, staged and merged in {Read:0.0} s, last chunks merged in {Merge:0.0} s, sort-out in {SortOut:0.0} s, summaries in {Summary:0.0} s, committed in {Commit:0.0} s over {Lanes} lanes",
                job.Id, started.TotalSeconds, (read - started).TotalSeconds, (merged - read).TotalSeconds, (sorted - merged).TotalSeconds,
                (summed - sorted).TotalSeconds, (clock.Elapsed - summed).TotalSeconds, lanes.Count);
        }
        catch
        {
            await cancel.CancelAsync();
            throw;
        }
        finally
        {
            foreach (var lane in lanes) await lane.DisposeAsync();
            try { await (errorConn ?? await errorConnTask).DisposeAsync(); } catch { /* it never opened */ }
            try { await boothsTask; } catch { /* reported above, or not needed */ }
        }
        log.LogInformation("Import {Job}: {Rows} rows in {Seconds:0.0} s: {Added} added, {Present} already present, {Errors} bad rows",
            job.Id, progress.RowsRead, clock.Elapsed.TotalSeconds, progress.Added, progress.AlreadyPresent, progress.ErrorRows);
    }

    /// <summary>The connection of the error table, with the bad rows of an earlier attempt of this job removed.</summary>
    private async Task<NpgsqlConnection> OpenErrorConnectionAsync(MemberImportJob job, CancellationToken ct)
    {
        var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var clear = new NpgsqlCommand("DELETE FROM member_import_errors WHERE job_id = @job AND state_id = @state", conn) { CommandTimeout = 0 };
            clear.Parameters.AddWithValue("job", job.Id);
            clear.Parameters.AddWithValue("state", job.StateId);
            await clear.ExecuteNonQueryAsync(ct);
            return conn;
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
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
            foreach (var l in lanes) l.EndOfRows();
            return;
        }

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
            lanes[LaneOf(row.Mobile, lanes.Count)].Add(in row);
        }
        Interlocked.Exchange(ref progress.RowsRead, rows);
        foreach (var l in lanes) l.EndOfRows();
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

    /// <summary>The booths the uploader may name, by assembly constituency number and part number, numbered in order of id.</summary>
    private async Task<Dictionary<long, BoothPlace>> LoadBoothsAsync(MemberImportJob job, CancellationToken ct)
    {
        var (level, id) = job.Scope;
        var scope = TerritorySql.Under("b", level, id, "scope");
        await using var cmd = dataSource.CreateCommand(
            $"""
            SELECT b.id, b.block_id, b.district_id, b.division_id, b.state_id, a.id, a.number, b.part_number
            FROM territories b JOIN assembly_constituencies a ON a.id = b.assembly_constituency_id
            WHERE b.level = @booth AND b.state_id = @state AND {scope}
            ORDER BY b.id
            """);
        cmd.Parameters.AddWithValue("booth", (int)TerritoryLevel.Booth);
        cmd.Parameters.AddWithValue("state", job.StateId);
        cmd.Parameters.Add(scope.Parameter);
        var booths = new Dictionary<long, BoothPlace>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            booths.TryAdd(MemberRowRules.BoothKey(reader.GetInt32(6), reader.GetInt32(7)),
                new BoothPlace(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), booths.Count));
        return booths;
    }

    /// <summary>
    /// One connection with its staging table and one transaction for the whole import: the reader hands it chunks of
    /// rows, which it copies to its staging table and merges while the reader moves on; at the end it adds what it
    /// added to the summary tables, sorts out the skipped rows and commits. A cancelled or failed import saves nothing.
    /// </summary>
    private sealed class Lane : IAsyncDisposable
    {
        private readonly NpgsqlConnection _conn;
        private readonly NpgsqlTransaction _tx;
        private readonly MemberImportJob _job;
        private readonly MembershipDrive _drive;
        private readonly ImportProgress _progress;
        private readonly DateTime _nowUtc;
        private readonly ILogger _log;
        private readonly CancellationTokenSource _abort;
        private readonly int _chunkRows;
        private readonly Channel<StagingChunk> _full = Channel.CreateUnbounded<StagingChunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        private readonly Channel<StagingChunk> _free = Channel.CreateUnbounded<StagingChunk>();
        private StagingChunk? _current;
        /// <summary>What the lane was given, less (after the sort-out) the skipped rows that were not added.</summary>
        public Tally Tally { get; private set; } = null!;
        private long _staged;
        private long _inserted;
        private TimeSpan _copying, _merging;

        private Lane(NpgsqlConnection conn, NpgsqlTransaction tx, MemberImportJob job, MembershipDrive drive, ImportProgress progress, DateTime nowUtc,
            int chunkRows, ILogger log, CancellationTokenSource abort)
        {
            _conn = conn; _tx = tx; _job = job; _drive = drive; _progress = progress; _nowUtc = nowUtc; _chunkRows = chunkRows; _log = log; _abort = abort;
        }

        public Task Worker { get; private set; } = Task.CompletedTask;

        /// <summary>The error that stopped this lane (it also stops the reader).</summary>
        public Exception? Failure { get; private set; }

        public static async Task<Lane> OpenAsync(NpgsqlDataSource ds, MemberImportJob job, MembershipDrive drive, ImportProgress progress, DateTime nowUtc,
            int chunkRows, ILogger log, CancellationTokenSource abort)
        {
            var conn = await ds.OpenConnectionAsync(abort.Token);
            try
            {
                await using (var cmd = new NpgsqlCommand(StagingDdl, conn) { CommandTimeout = 0 }) await cmd.ExecuteNonQueryAsync(abort.Token);
                var tx = await conn.BeginTransactionAsync(abort.Token);
                // The sort by mobile number is worth memory; JIT compilation costs more than it saves on these plans.
                await using (var settings = new NpgsqlCommand("SET LOCAL work_mem = '256MB'; SET LOCAL jit = off; SET LOCAL statement_timeout = 0", conn, tx))
                    await settings.ExecuteNonQueryAsync(abort.Token);
                return new Lane(conn, tx, job, drive, progress, nowUtc, chunkRows, log, abort);
            }
            catch
            {
                await conn.DisposeAsync();
                throw;
            }
        }

        public void Start(BoothPlace[] places)
        {
            Tally = new Tally(places);
            for (var i = 0; i < ChunksPerLane; i++) _free.Writer.TryWrite(new StagingChunk());
            Worker = Task.Run(WorkAsync);
        }

        /// <summary>Called by the reader: the row joins the current chunk; a full chunk goes to the lane.</summary>
        public void Add(in StagedMember row)
        {
            if (_current is null)
            {
                _current = TakeFree();
                _current.Begin();
            }
            Tally.Add(in row);
            if (_current.Add(in row) >= _chunkRows || _current.Full)
            {
                _current.End();
                _full.Writer.TryWrite(_current);
                _current = null;
            }
        }

        /// <summary>Called by the reader at the end of the file.</summary>
        public void EndOfRows()
        {
            if (_current is { Rows: > 0 })
            {
                _current.End();
                _full.Writer.TryWrite(_current);
            }
            _current = null;
            _full.Writer.TryComplete();
        }

        private StagingChunk TakeFree()
        {
            var free = _free.Reader;
            if (free.TryRead(out var list)) return list;
            // The lane is behind: the reader waits for it (memory stays flat).
            return free.ReadAsync(_abort.Token).AsTask().GetAwaiter().GetResult();
        }

        private async Task WorkAsync()
        {
            try
            {
                await foreach (var chunk in _full.Reader.ReadAllAsync(_abort.Token))
                {
                    var clock = Stopwatch.StartNew();
                    await CopyAsync(chunk);
                    _copying += clock.Elapsed;
                    _staged += chunk.Rows;
                    _free.Writer.TryWrite(chunk);
                    clock.Restart();
                    await MergeChunkAsync();
                    _merging += clock.Elapsed;
                }
            }
            catch (Exception e)
            {
                Failure = e;
                // Stop the reader (it may be waiting for this lane) and the other lanes.
                try { await _abort.CancelAsync(); } catch (ObjectDisposedException) { }
                throw;
            }
        }

        private async Task CopyAsync(StagingChunk chunk)
        {
            var ct = _abort.Token;
            await using (var truncate = new NpgsqlCommand("TRUNCATE member_staging", _conn, _tx)) await truncate.ExecuteNonQueryAsync(ct);
            // The reader has already written the chunk in COPY's binary format: the bytes go as they are.
            await using var copy = await _conn.BeginRawBinaryCopyAsync(StagingCopy, ct);
            await copy.WriteAsync(chunk.Bytes, ct);
        }

        private async Task MergeChunkAsync()
        {
            await using var merge = new NpgsqlCommand(ChunkMergeSql, _conn, _tx) { CommandTimeout = 0 };
            merge.Parameters.AddWithValue("drive", _drive.Id);
            merge.Parameters.AddWithValue("job", _job.Id);
            merge.Parameters.AddWithValue("user", NpgsqlDbType.Varchar, (object?)_job.CreatedByUserId ?? DBNull.Value);
            merge.Parameters.AddWithValue("now", _nowUtc);
            _inserted += (long)(await merge.ExecuteScalarAsync(_abort.Token))!;
        }

        /// <summary>
        /// After the last chunk: the skipped rows, each told apart (added by an earlier attempt of this import, already
        /// present, or a duplicate, reported); those not added come off the tally.
        /// </summary>
        public async Task SortOutAsync()
        {
            var ct = _abort.Token;
            var clock = Stopwatch.StartNew();
            long added = _inserted, present = 0, bad = 0;
            if (_inserted < _staged)
            {
                // The planner must know the skipped rows are few, and look each one up by key.
                await using (var analyze = new NpgsqlCommand("ANALYZE member_skipped", _conn, _tx) { CommandTimeout = 0 }) await analyze.ExecuteNonQueryAsync(ct);
                var sql = SortOutSql.Replace("{0}", _staged - _inserted > LookupLimit ? DriveJoin : KeyLookup);
                await using var sort = new NpgsqlCommand(sql, _conn, _tx) { CommandTimeout = 0 };
                sort.Parameters.AddWithValue("drive", _drive.Id);
                sort.Parameters.AddWithValue("job", _job.Id);
                sort.Parameters.AddWithValue("state", _job.StateId);
                await using var reader = await sort.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var n = reader.GetInt32(4);
                    switch (reader.GetString(0))
                    {
                        // Added by an earlier attempt, which did not commit its summaries (it would have been done): counted now.
                        case "added": added += n; continue;
                        case "present": present += n; break;
                        default: bad += n; break;
                    }
                    Tally.Remove(reader.GetInt32(1), reader.GetInt32(2), reader.GetFieldValue<DateOnly>(3), n);
                }
            }
            Interlocked.Add(ref _progress.Added, added);
            Interlocked.Add(ref _progress.AlreadyPresent, present);
            Interlocked.Add(ref _progress.ErrorRows, bad);
            _log.LogInformation(
                "Import {Job}: lane of {Staged} rows: copied in {Copy:0.0} s, merged in {Merge:0.0} s, {Skipped} skipped rows sorted out in {SortOut:0.0} s",
                _job.Id, _staged, _copying.TotalSeconds, _merging.TotalSeconds, _staged - _inserted, clock.Elapsed.TotalSeconds);
        }

        /// <summary>The summaries of <see cref="Tally"/> (every lane's, added to this one), in this lane's transaction.</summary>
        public async Task WriteSummariesAsync(DateTime nowUtc)
        {
            var ct = _abort.Token;
            if (!await Tally.CopyAsync(_conn, ct)) return;
            await using var summary = new NpgsqlCommand(SummarySql, _conn, _tx) { CommandTimeout = 0 };
            summary.Parameters.AddWithValue("drive", _drive.Id);
            summary.Parameters.AddWithValue("today", IndiaTime.Day(nowUtc));
            await summary.ExecuteNonQueryAsync(ct);
        }

        public Task RunAsync(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> work) => work(_conn, _tx, _abort.Token);

        public Task CommitAsync() => _tx.CommitAsync(_abort.Token);

        public async ValueTask DisposeAsync()
        {
            try { await Worker; } catch { /* reported by the import */ }
            await _tx.DisposeAsync();
            await _conn.DisposeAsync();
        }
    }

    /// <summary>
    /// What the reader gave a lane, counted by booth and by block and day as it goes (a few hundred kilobytes for a
    /// state's booths): at the end these counts, less the rows the merge skipped, are what the lane added to the summary
    /// tables, so that the added rows are never read back or grouped in the database.
    /// </summary>
    private sealed class Tally(BoothPlace[] places)
    {
        private readonly int[] _byBooth = new int[places.Length];
        /// <summary>The booths' ids, ascending (the booths are loaded in order of id).</summary>
        private readonly int[] _boothIds = places.Select(p => p.BoothId).ToArray();
        /// <summary>By block and day (block id in the high half, day number in the low): the rows, and a booth of the block.</summary>
        private readonly Dictionary<long, (int Booth, int Rows)> _byBlockDay = [];

        public void Add(in StagedMember row)
        {
            _byBooth[row.Booth.Index]++;
            ref var day = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                _byBlockDay, Key(row.Booth.BlockId, row.EnrolledOn), out var seen);
            if (!seen) day.Booth = row.Booth.Index;
            day.Rows++;
        }

        /// <summary>Rows of a booth and day the merge skipped and did not add.</summary>
        public void Remove(int boothId, int blockId, DateOnly day, int rows)
        {
            var i = Array.BinarySearch(_boothIds, boothId);
            if (i >= 0) _byBooth[i] -= rows;
            ref var d = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_byBlockDay, Key(blockId, day));
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref d)) d.Rows -= rows;
        }

        /// <summary>Another lane's counts, added to these.</summary>
        public void Add(Tally other)
        {
            for (var i = 0; i < _byBooth.Length; i++) _byBooth[i] += other._byBooth[i];
            foreach (var (key, (booth, rows)) in other._byBlockDay)
            {
                ref var d = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byBlockDay, key, out var seen);
                if (!seen) d.Booth = booth;
                d.Rows += rows;
            }
        }

        /// <summary>The counts into the lane's tally tables; false when nothing was added.</summary>
        public async Task<bool> CopyAsync(NpgsqlConnection conn, CancellationToken ct)
        {
            if (!_byBooth.Any(n => n > 0)) return false;
            await using (var booths = await conn.BeginBinaryImportAsync(TallyBoothCopy, ct))
            {
                booths.Timeout = NoTimeout;
                for (var i = 0; i < _byBooth.Length; i++)
                {
                    if (_byBooth[i] == 0) continue;
                    var b = places[i];
                    await booths.StartRowAsync(ct);
                    await booths.WriteAsync(b.BoothId, NpgsqlDbType.Integer, ct);
                    await booths.WriteAsync(b.BlockId, NpgsqlDbType.Integer, ct);
                    await booths.WriteAsync(b.StateId, NpgsqlDbType.Integer, ct);
                    await booths.WriteAsync(b.DivisionId, NpgsqlDbType.Integer, ct);
                    await booths.WriteAsync(b.DistrictId, NpgsqlDbType.Integer, ct);
                    await booths.WriteAsync(b.SeatId, NpgsqlDbType.Integer, ct);
                    await booths.WriteAsync(_byBooth[i], NpgsqlDbType.Integer, ct);
                }
                await booths.CompleteAsync(ct);
            }
            await using var days = await conn.BeginBinaryImportAsync(TallyDayCopy, ct);
            days.Timeout = NoTimeout;
            foreach (var (key, (booth, rows)) in _byBlockDay)
            {
                if (rows <= 0) continue;
                var b = places[booth];
                await days.StartRowAsync(ct);
                await days.WriteAsync(b.BlockId, NpgsqlDbType.Integer, ct);
                await days.WriteAsync(DateOnly.FromDayNumber((int)(key & 0xffff_ffff)), NpgsqlDbType.Date, ct);
                await days.WriteAsync(b.StateId, NpgsqlDbType.Integer, ct);
                await days.WriteAsync(b.DivisionId, NpgsqlDbType.Integer, ct);
                await days.WriteAsync(b.DistrictId, NpgsqlDbType.Integer, ct);
                await days.WriteAsync(rows, NpgsqlDbType.Integer, ct);
            }
            await days.CompleteAsync(ct);
            return true;
        }

        private static long Key(int blockId, DateOnly day) => ((long)blockId << 32) | (uint)day.DayNumber;
    }

    /// <summary>
    /// A chunk of staged rows, written by the reader in COPY's binary format (PostgreSQL's documented "binary copy
    /// file format") straight into a buffer that is reused: no object per row outlives its row, so the garbage
    /// collector has nothing to promote and memory stays flat.
    /// </summary>
    private sealed class StagingChunk
    {
        private const int Size = 1 << 20;
        /// <summary>Room a row may need at most: two texts of 200 characters of up to 3 UTF-8 bytes, and the rest.</summary>
        private const int RowRoom = 2 * MemberRowRules.MaxName * 3 + 256;
        private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
        private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;
        private readonly byte[] _buffer = new byte[Size];
        private int _length;

        public int Rows { get; private set; }
        public bool Full => _length > Size - RowRoom;
        public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, _length);

        public void Begin()
        {
            Header.CopyTo(_buffer, 0);
            _length = Header.Length;
            Rows = 0;
        }

        public void End()
        {
            BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), -1);
            _length += 2;
        }

        /// <summary>Appends a row in the column order of <see cref="StagingCopy"/>; returns the rows in the chunk.</summary>
        public int Add(in StagedMember r)
        {
            Int16(13);
            Int32Field(r.Line);
            Field(8); BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), r.Mobile); _length += 8;
            Text(r.Name);
            Int32Field(r.Booth.BoothId);
            Int32Field(r.Booth.BlockId);
            Int32Field(r.Booth.DistrictId);
            Int32Field(r.Booth.DivisionId);
            Int32Field(r.Booth.StateId);
            if (r.Gender is { } g) Int16Field((short)g); else Field(-1);
            if (r.BirthYear is { } y) Int16Field(y); else Field(-1);
            Int16Field((short)r.Channel);
            Int32Field(r.EnrolledOn.DayNumber - PostgresEpoch);
            if (r.EnrolledBy is { } by) Text(by); else Field(-1);
            return ++Rows;
        }

        private void Field(int length)
        {
            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), length);
            _length += 4;
        }

        private void Int16(short value)
        {
            BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
            _length += 2;
        }

        private void Int16Field(short value)
        {
            Field(2);
            Int16(value);
        }

        private void Int32Field(int value)
        {
            Field(4);
            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
            _length += 4;
        }

        private void Text(string value)
        {
            var n = System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
            Field(n);
            _length += n;
        }
    }
}
