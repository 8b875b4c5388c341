using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>A failure that is the file's or the drive's, not the machine's: the job fails at once, with this code.</summary>
public sealed class ImportFailure(string code, Exception? inner = null) : Exception(code, inner)
{
    public string Code { get; } = code;
    public const string FileUnreadable = "file_unreadable";
    public const string DriveClosed = "drive_closed";
    public const string GaveUp = "gave_up";
}

/// <summary>Wakes the local worker when a job is queued here; other instances find it by polling.</summary>
public sealed class MemberImportSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try { _semaphore.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}

/// <summary>
/// The queue of member imports, in PostgreSQL: the uploaded file is stored in 1 MB chunks with its job; any
/// instance's worker claims the oldest queued job with <c>FOR UPDATE SKIP LOCKED</c>, writes a heartbeat with its
/// progress every second, and a job whose heartbeat has stopped for <see cref="Abandoned"/> is claimed again (a
/// re-run is safe: the merge recognises the rows the earlier attempt already added).
/// </summary>
public sealed class MemberImportQueue(
    NpgsqlDataSource dataSource, IServiceScopeFactory scopes, MemberImportSignal signal, TimeProvider clock, ILogger<MemberImportQueue> log)
{
    public const int ChunkBytes = 1 << 20;
    public const int MaxAttempts = 3;
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Imports one user may have waiting or running at a time: each holds up to 500 MB in the database until it ends,
    /// so one user (or one stolen session) cannot fill the disk or the queue.
    /// </summary>
    public const int MaxPendingPerUser = 2;

    /// <summary>
    /// Saves a new job and its file in one transaction; the job is visible to workers only when complete. Null when
    /// the uploader already has <see cref="MaxPendingPerUser"/> imports waiting or running (nothing is stored).
    /// </summary>
    public async Task<long?> EnqueueAsync(AppDbContext db, MemberImportJob job, Stream upload, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One uploader's enqueues take turns, so two uploads at once cannot both pass the count.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended('member-import:' || {job.CreatedByUserId ?? ""}, 0))", ct);
        var pending = await db.MemberImportJobs.CountAsync(j => j.CreatedByUserId == job.CreatedByUserId
            && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running), ct);
        if (pending >= MaxPendingPerUser) return null;
        job.Status = ImportStatus.Queued;
        job.CreatedUtc = clock.UtcNow();
        db.MemberImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        job.BytesTotal = await StoreFileAsync(conn, job.Id, job.StateId, upload, ct);
        await using (var size = new NpgsqlCommand("UPDATE member_import_jobs SET bytes_total = @bytes WHERE id = @id", conn))
        {
            size.Parameters.AddWithValue("bytes", job.BytesTotal);
            size.Parameters.AddWithValue("id", job.Id);
            await size.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        signal.Notify();
        return job.Id;
    }

    private static async Task<long> StoreFileAsync(NpgsqlConnection conn, long jobId, int stateId, Stream upload, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync("COPY member_import_chunks (job_id, state_id, seq, data) FROM STDIN (FORMAT BINARY)", ct);
        var buffer = new byte[ChunkBytes];
        long total = 0;
        for (var seq = 0; ; seq++)
        {
            var filled = 0;
            int n;
            while (filled < buffer.Length && (n = await upload.ReadAsync(buffer.AsMemory(filled), ct)) > 0) filled += n;
            if (filled == 0) break;
            total += filled;
            if (total > MemberImporter.Limits.MaxBytes) throw new ImportRefused(ImportRefusal.TooLarge, 1);
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(jobId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(stateId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(seq, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(new ArraySegment<byte>(buffer, 0, filled), NpgsqlDbType.Bytea, ct);
            if (filled < buffer.Length) break;
        }
        await copy.CompleteAsync(ct);
        return total;
    }

    /// <summary>Takes the oldest queued job, or one whose worker has stopped answering. Null when there is none.</summary>
    /// <remarks>
    /// Heartbeats are a lease between workers that may run on different machines: they are stamped and compared on
    /// the database server's clock, the one clock every instance shares. Times shown to users come from the app's clock.
    /// </remarks>
    public async Task<long?> ClaimAsync(string worker, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            """
            UPDATE member_import_jobs SET status = @running, worker = @worker, attempts = attempts + 1,
                   started_utc = coalesce(started_utc, @now), heartbeat_utc = now()
            WHERE id = (SELECT id FROM member_import_jobs
                        WHERE status = @queued OR (status = @running AND heartbeat_utc < now() - @abandoned)
                        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """);
        cmd.Parameters.AddWithValue("running", (int)ImportStatus.Running);
        cmd.Parameters.AddWithValue("queued", (int)ImportStatus.Queued);
        cmd.Parameters.AddWithValue("worker", worker);
        cmd.Parameters.AddWithValue("abandoned", Abandoned);
        cmd.Parameters.AddWithValue("now", clock.UtcNow());
        return await cmd.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    /// <summary>
    /// Runs a claimed job to its end: Done (with one summary audit row), Failed (the file's or the drive's fault, or
    /// too many attempts), or back to Queued when the application stops. <paramref name="file"/> is given by the
    /// command line; otherwise the stored chunks are read.
    /// </summary>
    public async Task<ImportProgress> RunAsync(long jobId, string worker, Stream? file, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var importer = scope.ServiceProvider.GetRequiredService<MemberImporter>();
        var job = await db.MemberImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        var drive = await db.MembershipDrives.AsNoTracking().SingleAsync(d => d.Id == job.DriveId, ct);
        var progress = new ImportProgress();
        using var jobCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(job.Id, worker, progress, jobCancel, beat.Token);
        var elapsed = Stopwatch.StartNew();
        try
        {
            if (job.Attempts > MaxAttempts) throw new ImportFailure(ImportFailure.GaveUp);
            if (!drive.IsOpen) throw new ImportFailure(ImportFailure.DriveClosed);
            await using var input = file ?? new ChunkReadStream(dataSource, job.Id);
            using var source = ImportReader.Open(input, job.Format, MemberImporter.Limits, clock, jobCancel.Token);
            progress.BytesRead = () => source.BytesRead;
            // Done is recorded in the import's last transaction, with its summaries: a job done is never run again.
            await importer.RunAsync(job, drive, source, progress, clock.UtcNow(), jobCancel.Token,
                (conn, tx, token) => RecordDoneAsync(conn, tx, job, progress, elapsed.Elapsed, token));
            await beat.CancelAsync();
            await heartbeat;
        }
        catch (ImportRefused r)
        {
            log.LogWarning(r.InnerException, "Import {Job} refused: {Reason} at line {Line}", job.Id, r.Reason, r.Line);
            await StopAsync(beat, heartbeat);
            await EndAsync(job.Id, ImportStatus.Failed, r.Code, progress);
        }
        catch (OperationCanceledException) when (jobCancel.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Someone cancelled the job on its page (the heartbeat saw it): nothing was merged, so nothing was saved.
            log.LogInformation("Import {Job} cancelled", job.Id);
            await StopAsync(beat, heartbeat);
            await EndAsync(job.Id, ImportStatus.Cancelled, null, progress);
        }
        catch (ImportFailure f)
        {
            log.LogWarning(f.InnerException, "Import {Job} failed: {Code}", job.Id, f.Code);
            await StopAsync(beat, heartbeat);
            await EndAsync(job.Id, ImportStatus.Failed, f.Code, progress);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The application is stopping: give the job back; this or another instance takes it up again.
            await StopAsync(beat, heartbeat);
            await EndAsync(job.Id, ImportStatus.Queued, null, progress);
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Import {Job} attempt {Attempt} failed", job.Id, job.Attempts);
            await StopAsync(beat, heartbeat);
            await EndAsync(job.Id, job.Attempts >= MaxAttempts ? ImportStatus.Failed : ImportStatus.Queued,
                job.Attempts >= MaxAttempts ? ImportFailure.GaveUp : null, progress);
        }
        return progress;
    }

    private static async Task StopAsync(CancellationTokenSource beat, Task heartbeat)
    {
        await beat.CancelAsync();
        try { await heartbeat; } catch { /* a heartbeat failure does not matter any more */ }
    }

    /// <summary>
    /// Every second: the job's progress for its page, and a look at whether someone has cancelled it there. A
    /// cancellation stops the job while it reads the file; once the merge has begun, the import completes.
    /// </summary>
    private async Task HeartbeatAsync(long jobId, string worker, ImportProgress progress, CancellationTokenSource jobCancel, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await using var cmd = dataSource.CreateCommand(
                    """
                    UPDATE member_import_jobs SET heartbeat_utc = now(), bytes_read = @bytes, rows_read = @rows,
                           added = @added, already_present = @present, error_rows = @errors
                    WHERE id = @id AND worker = @worker
                    RETURNING status
                    """);
                AddProgress(cmd, jobId, progress);
                cmd.Parameters.AddWithValue("worker", worker);
                if (await cmd.ExecuteScalarAsync(ct) is (int)ImportStatus.Cancelled && !progress.Merging)
                    await jobCancel.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private static void AddProgress(NpgsqlCommand cmd, long jobId, ImportProgress p)
    {
        cmd.Parameters.AddWithValue("id", jobId);
        cmd.Parameters.AddWithValue("bytes", p.BytesRead());
        cmd.Parameters.AddWithValue("rows", Interlocked.Read(ref p.RowsRead));
        cmd.Parameters.AddWithValue("added", Interlocked.Read(ref p.Added));
        cmd.Parameters.AddWithValue("present", Interlocked.Read(ref p.AlreadyPresent));
        cmd.Parameters.AddWithValue("errors", Interlocked.Read(ref p.ErrorRows));
    }

    /// <summary>Done: the totals, one audit row for the whole import (not one per member), and the stored file dropped.</summary>
    private async Task RecordDoneAsync(NpgsqlConnection conn, NpgsqlTransaction tx, MemberImportJob job, ImportProgress p, TimeSpan elapsed, CancellationToken ct)
    {
        var changes = JsonSerializer.Serialize(new
        {
            job.DriveId, job.FileName, Rows = p.RowsRead, p.Added, p.AlreadyPresent, p.ErrorRows,
            Seconds = Math.Round(elapsed.TotalSeconds, 1),
        });
        await using var cmd = new NpgsqlCommand(
            """
            UPDATE member_import_jobs SET status = @done, finished_utc = @now, heartbeat_utc = now(), bytes_read = @bytes,
                   rows_read = @rows, added = @added, already_present = @present, error_rows = @errors
            WHERE id = @id;
            INSERT INTO audit_entries (at_utc, user_id, user_name, entity, entity_id, action, state_id, district_id, changes)
            VALUES (@now, @user, @username, 'MemberImport', @id::text, 'Import', @state, @district, @changes::jsonb);
            DELETE FROM member_import_chunks WHERE job_id = @id;
            """, conn, tx);
        AddProgress(cmd, job.Id, p);
        cmd.Parameters.AddWithValue("done", (int)ImportStatus.Done);
        cmd.Parameters.AddWithValue("user", NpgsqlDbType.Text, (object?)job.CreatedByUserId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("username", NpgsqlDbType.Varchar, (object?)job.CreatedByName ?? DBNull.Value);
        cmd.Parameters.AddWithValue("state", job.StateId);
        cmd.Parameters.AddWithValue("district", NpgsqlDbType.Integer, (object?)job.DistrictId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("changes", changes);
        cmd.Parameters.AddWithValue("now", clock.UtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task EndAsync(long jobId, ImportStatus status, string? failure, ImportProgress p)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand(
                """
                UPDATE member_import_jobs SET status = @status, failure = @failure, heartbeat_utc = now(), bytes_read = @bytes,
                       rows_read = @rows, added = @added, already_present = @present, error_rows = @errors,
                       finished_utc = CASE WHEN @status IN (@failed, @cancelled) THEN @now END
                WHERE id = @id;
                DELETE FROM member_import_chunks WHERE job_id = @id AND @status IN (@failed, @cancelled);
                """);
            AddProgress(cmd, jobId, p);
            cmd.Parameters.AddWithValue("status", (int)status);
            cmd.Parameters.AddWithValue("failed", (int)ImportStatus.Failed);
            cmd.Parameters.AddWithValue("cancelled", (int)ImportStatus.Cancelled);
            cmd.Parameters.AddWithValue("failure", NpgsqlDbType.Varchar, (object?)failure ?? DBNull.Value);
            cmd.Parameters.AddWithValue("now", clock.UtcNow());
            await cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The heartbeat stops with us, so another worker takes the job over after a while.
            log.LogError(e, "Import {Job}: could not record its end", jobId);
        }
    }
}

/// <summary>Polls the queue and runs jobs, one at a time per instance.</summary>
public sealed class MemberImportWorker(MemberImportQueue queue, MemberImportSignal signal, ILogger<MemberImportWorker> log) : BackgroundService
{
    public static string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await queue.ClaimAsync(Name, stoppingToken) is { } id)
                {
                    await queue.RunAsync(id, Name, null, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // Not migrated yet (first start): try again shortly.
            }
            catch (Exception e)
            {
                log.LogError(e, "Member import worker: cannot reach the queue");
            }
            try { await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}

/// <summary>Reads a job's stored file chunk by chunk (1 MB in memory at a time).</summary>
internal sealed class ChunkReadStream(NpgsqlDataSource dataSource, long jobId) : ForwardOnlyStream
{
    private byte[] _chunk = [];
    private int _offset;
    private int _seq;
    private bool _end;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset == _chunk.Length && !Next()) return 0;
        var n = Math.Min(count, _chunk.Length - _offset);
        Array.Copy(_chunk, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    private bool Next()
    {
        while (!_end)
        {
            using var cmd = dataSource.CreateCommand("SELECT data FROM member_import_chunks WHERE job_id = @job AND seq = @seq");
            cmd.Parameters.AddWithValue("job", jobId);
            cmd.Parameters.AddWithValue("seq", _seq++);
            if (cmd.ExecuteScalar() is not byte[] data) { _end = true; break; }
            _chunk = data;
            _offset = 0;
            if (data.Length > 0) return true;
        }
        return false;
    }
}
