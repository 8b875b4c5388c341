using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform.Imports;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>
/// Upload of digitised paper forms (CSV or Excel) into a drive. The file is stored with a queued job and imported in
/// the background (<see cref="MemberImportWorker"/>); the job's page shows its progress and its error report.
/// </summary>
[RequestSizeLimit(MemberImporter.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MemberImporter.MaxRequestBytes)]
public class ImportModel(AppDbContext db, IAuthorizationService auth, MemberImportQueue queue, IStringLocalizer<SharedResource> L) : PageModel
{
    public MembershipDrive Drive { get; private set; } = null!;
    public List<MemberImportJob> Jobs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        return Page();
    }

    /// <summary>An empty file with the columns, and one example row.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(int id, CancellationToken ct)
    {
        // The sample belongs to a drive the user may import into, like the page itself.
        if (await db.FindDriveAsync(User, id, ct) is null) return NotFound();
        return new TabularFile(TabularFormat.Csv, "members-template", MemberColumns.Headers,
            [["Ramesh Kumar", "98765 43210", "152", "12", "M", "1980", "paper", "2026-10-02", "Suresh Patel"]]);
    }

    public async Task<IActionResult> OnPostAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!Drive.IsOpen)
        {
            ModelState.AddModelError("file", L["The drive is not open for enrolment."]);
            return Page();
        }
        var format = ImportReader.FormatOf(file?.FileName);
        if (file is null || file.Length == 0) ModelState.AddModelError("file", L["Choose a file to import."]);
        else if (format is null) ModelState.AddModelError("file", L["The file must be CSV (.csv) or Excel (.xlsx)."]);
        else if (file.Length > MemberImporter.Limits.MaxBytes)
            ModelState.AddModelError("file", ImportRefused.Describe(ImportRefusal.TooLarge, L, MemberImporter.Limits));
        if (!ModelState.IsValid) return Page();

        var scope = UserScope.Required(User);
        var own = await db.Territories.AsNoTracking().SingleAsync(t => t.Id == scope.TerritoryId, ct);
        var job = new MemberImportJob
        {
            DriveId = id, StateId = own.StateId,
            DivisionId = own.Level == TerritoryLevel.Division ? own.Id : own.DivisionId,
            DistrictId = own.Level == TerritoryLevel.District ? own.Id : own.DistrictId,
            FileName = Path.GetFileName(file!.FileName) is { Length: > 0 and <= 200 } n ? n : "file" + Path.GetExtension(file.FileName),
            Format = format!.Value, BytesTotal = file.Length,
            CreatedByUserId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, CreatedByName = User.Identity?.Name,
        };
        // The uploader's own scope: a district president imports into their district only.
        if (!(await auth.AuthorizeAsync(User, job, Operations.Create)).Succeeded) return Forbid();
        await using var upload = file.OpenReadStream();
        if (await queue.EnqueueAsync(db, job, upload, ct) is not { } jobId)
        {
            ModelState.AddModelError("file", L["You already have {0} imports waiting or running. Wait for one to finish, or cancel it on its page, then upload again.", MemberImportQueue.MaxPendingPerUser]);
            return Page();
        }
        return RedirectToPage("/Membership/ImportJob", new { id = jobId });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var drive = await db.FindDriveAsync(User, id, ct);
        if (drive is null) return NotFound();
        Drive = drive;
        Jobs = await db.MemberImportJobs.AsNoTracking().InScope(User).Where(j => j.DriveId == id)
            .OrderByDescending(j => j.Id).Take(20).ToListAsync(ct);
        return null;
    }
}
