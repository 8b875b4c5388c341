using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>
/// <c>./run.sh import members FILE.csv|FILE.xlsx --drive ID [--district NAME]</c>: the same job and the same code as an
/// upload, run in this process. Bad rows are written to FILE.errors.csv. Prints the time taken, rows per second and
/// the process's peak resident memory, for scripts/bench-member-import.sh.
/// </summary>
public static class MemberImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var path = args[2];
        if (!File.Exists(path)) { Console.Error.WriteLine($"No file {path}."); return 2; }
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().UtcNow();
        var driveId = int.TryParse(Option(args, "--drive"), out var d) ? d : (int?)null;
        var drive = driveId is null
            ? await db.MembershipDrives.AsNoTracking().Where(x => x.Status == DriveStatus.Open).OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct)
            : await db.MembershipDrives.AsNoTracking().SingleOrDefaultAsync(x => x.Id == driveId, ct);
        if (drive is null) { Console.Error.WriteLine("No such drive (give --drive ID of an open drive)."); return 2; }
        Territory? district = null;
        if (Option(args, "--district") is { } name)
        {
            district = await db.Territories.AsNoTracking().SingleOrDefaultAsync(t => t.StateId == drive.StateId && t.Level == TerritoryLevel.District && t.NameEn == name, ct);
            if (district is null) { Console.Error.WriteLine($"No district {name} in the drive's state."); return 2; }
        }

        var job = new MemberImportJob
        {
            DriveId = drive.Id, StateId = drive.StateId, DivisionId = district?.DivisionId, DistrictId = district?.Id,
            FileName = Path.GetFileName(path), Format = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Excel : ImportFormat.Csv,
            BytesTotal = new FileInfo(path).Length, Status = ImportStatus.Running, Attempts = 1, Worker = "command line",
            CreatedByName = "command line", CreatedUtc = now, StartedUtc = now, HeartbeatUtc = now,
        };
        db.MemberImportJobs.Add(job);
        await db.SaveChangesAsync(ct);

        var elapsed = Stopwatch.StartNew();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var queue = services.GetRequiredService<MemberImportQueue>();
        var p = await queue.RunAsync(job.Id, "command line", file, ct);
        var seconds = elapsed.Elapsed.TotalSeconds;
        var status = await db.MemberImportJobs.Where(j => j.Id == job.Id).Select(j => new { j.Status, j.Failure }).SingleAsync(ct);

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"Import {job.Id} into drive {drive.Id}: {status.Status}{(status.Failure is null ? "" : " (" + status.Failure + ")")}"));
        Console.WriteLine(string.Create(inv, $"  rows {p.RowsRead}, added {p.Added}, already present {p.AlreadyPresent}, bad rows {p.ErrorRows}"));
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Console.WriteLine(string.Create(inv, $"  seconds {seconds:0.00}, rows/s {p.RowsRead / Math.Max(seconds, 0.001):0}, peak RSS MB {PeakRssMegabytes():0}, process CPU seconds {cpu:0.00}"));
        if (p.ErrorRows > 0)
        {
            var report = Path.ChangeExtension(path, ".errors.csv");
            await using var output = File.Create(report);
            var L = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            await Tabular.WriteCsvAsync(output, MemberImportReport.Header, MemberImportReport.RowsAsync(db, job.Id, null, L, ct), ct);
            Console.WriteLine($"  bad rows with line numbers and reasons: {report}");
        }
        return status.Status == ImportStatus.Done ? 0 : 1;
    }

    /// <summary>VmHWM: the most resident memory this process has had.</summary>
    private static double PeakRssMegabytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException) { return 0; }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
