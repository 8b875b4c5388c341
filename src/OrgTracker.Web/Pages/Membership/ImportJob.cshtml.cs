using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>One import: its progress while it runs (polled by the page's script), its totals, and its error report.</summary>
public class ImportJobModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public MemberImportJob Job { get; private set; } = null!;
    public MembershipDrive Drive { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        return Page();
    }

    /// <summary>Progress for the page's script; the same scope check as the page.</summary>
    public async Task<IActionResult> OnGetStatusAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        return new JsonResult(Status(Job, L));
    }

    /// <summary>The bad rows with line numbers and reasons, as CSV in the reader's language.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        return new TabularFile(TabularFormat.Csv, $"errors-{Job.Id}", MemberImportReport.Header,
            MemberImportReport.RowsAsync(db, Job.Id, UserScope.Required(User), L, ct));
    }

    /// <summary>
    /// Stops a job that has not finished: a queued one never starts, a running one stops at its next heartbeat while it
    /// reads the file (nothing is saved); once its rows are being saved it completes. Only someone who could have
    /// started it, in its scope, may stop it.
    /// </summary>
    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!(await auth.AuthorizeAsync(User, Job, Operations.Create)).Succeeded) return Forbid();
        // The running worker writes its progress every second: on a conflict with it, read the job again and retry.
        for (var attempt = 1; ; attempt++)
        {
            var job = await db.MemberImportJobs.SingleAsync(j => j.Id == id, ct);
            if (job.IsFinished) break;
            var wasQueued = job.Status == ImportStatus.Queued;
            job.Status = ImportStatus.Cancelled;
            job.FinishedUtc = clock.UtcNow();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                continue;
            }
            // A queued job's file is no longer needed; a running job's worker drops it when it stops.
            if (wasQueued) await db.MemberImportChunks.Where(c => c.JobId == id).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
            break;
        }
        return RedirectToPage(new { id });
    }

    public sealed record JobStatus(string Status, bool Finished, double Percent, string Text, string Rows, string Added, string Present, string Errors, bool HasErrors);

    public static JobStatus Status(MemberImportJob j, IStringLocalizer L)
    {
        var reading = j.BytesTotal > 0 ? Math.Min(100.0, j.BytesRead * 100.0 / j.BytesTotal) : 0;
        var saving = j.Status == ImportStatus.Running && j.BytesTotal > 0 && j.BytesRead >= j.BytesTotal;
        return new JobStatus(
            j.Status.ToString(),
            j.IsFinished,
            j.Status == ImportStatus.Done ? 100 : Math.Round(reading * 0.9, 1),
            j.Status switch
            {
                ImportStatus.Queued => L["Waiting for its turn…"].Value,
                ImportStatus.Running when saving => L["Saving the members…"].Value,
                ImportStatus.Running => L["Reading row {0}…", Localization.Number(j.RowsRead)].Value,
                ImportStatus.Done => L["Done."].Value,
                ImportStatus.Cancelled => L["Cancelled: nothing from this file was saved."].Value,
                _ => MembershipText.Failure(j.Failure, L),
            },
            Localization.Number(j.RowsRead), Localization.Number(j.Added), Localization.Number(j.AlreadyPresent), Localization.Number(j.ErrorRows),
            j.ErrorRows > 0);
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var job = await db.MemberImportJobs.AsNoTracking().InScope(User).SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return NotFound();
        var drive = await db.FindDriveAsync(User, job.DriveId, ct);
        if (drive is null) return NotFound();
        Job = job;
        Drive = drive;
        return null;
    }
}
