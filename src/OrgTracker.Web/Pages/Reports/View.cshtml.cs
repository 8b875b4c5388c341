using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Reports;

/// <summary>
/// One version of a report: the claimed figures beside the recorded ones, the texts, the thread of the month and
/// its versions. The state in-charge accepts or returns it here; the district (or the state office) comments,
/// revises a returned report or starts an amendment of an accepted one.
/// </summary>
public class ViewModel(
    AppDbContext db, IAuthorizationService auth, IOptions<ReportOptions> options, RecordedFigures recorded,
    TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L, ILogger<ViewModel> log) : PageModel
{
    public Report Report { get; private set; } = null!;
    public DistrictRef DistrictInfo { get; private set; } = null!;
    public List<VersionRow> Versions { get; private set; } = [];
    public List<(ReportEvent Event, int Revision)> Thread { get; private set; } = [];
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public Dictionary<string, RecordedFigure> Recorded { get; private set; } = [];
    public int Score { get; private set; }
    public DateOnly DueDate { get; private set; }
    public bool IsLate { get; private set; }
    public bool IsLatest { get; private set; }
    public bool CanReview { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanComment => Report.Status != ReportStatus.Draft && (CanReview || CanWrite || IsReviewer);
    private bool IsReviewer => User.Can(Capability.ApproveReports);
    private bool IsAuthor => User.Can(Capability.WriteReports);

    [BindProperty] public ReviewInput Input { get; set; } = new();

    public class ReviewInput
    {
        [Display(Name = "Comment")]
        [StringLength(2000, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? Comment { get; set; }
        public string? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new ReviewInput { Version = Report.Version.ToString() };
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        StepAsync(id, Operations.Approve, (r, a, now) => r.Accept(a, now, ReportInput.CleanText(Input.Comment)), ReportNotices.Accepted, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        StepAsync(id, Operations.Approve, (r, a, now) => r.Return(a, now, ReportInput.CleanText(Input.Comment)), ReportNotices.Returned, ct);

    public Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct) =>
        StepAsync(id, IsReviewer ? Operations.Approve : Operations.Update,
            (r, a, now) => r.Comment(a, now, ReportInput.CleanText(Input.Comment)), ReportNotices.Commented, ct);

    public async Task<IActionResult> OnPostAmendAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!IsAuthor || !(await auth.AuthorizeAsync(User, Report, Operations.Update)).Succeeded) return Forbid();
        if (!IsLatest) return RedirectToEditOfLatest();
        try
        {
            var next = Report.Amend(User.Actor(), clock.GetUtcNow().UtcDateTime);
            db.Reports.Add(next);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Report {ReportId} amended: version {Revision} started", Report.Id, next.Revision);
        }
        catch (ReportWorkflowException e)
        {
            ModelState.AddModelError("", L[e.Message]);
            return Page();
        }
        catch (DbUpdateException e) when (DatabaseError.From(e).Is(DatabaseErrorKind.UniqueViolation, "ix_reports_district_id_period_revision"))
        {
            // Someone started the amendment a moment earlier: theirs is the one to edit.
        }
        TempData["Notice"] = ReportNotices.AmendmentStarted;
        return RedirectToEditOfLatest();
    }

    private IActionResult RedirectToEditOfLatest() =>
        RedirectToPage("Edit", new { district = DistrictInfo.Id, period = ReportPeriod.Format(Report.Period) });

    /// <summary>
    /// Applies one workflow step to this version: authorized per record, refused with a message when the status
    /// does not allow it, and refused when someone changed the report meanwhile (a repeated post is answered by the
    /// global idempotency filter).
    /// </summary>
    private async Task<IActionResult> StepAsync(int id, OperationAuthorizationRequirement operation, Action<Report, ReportActor, DateTime> step,
        string notice, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (operation == Operations.Approve && !IsReviewer) return Forbid();
        if (operation == Operations.Update && !IsAuthor) return Forbid();
        if (!(await auth.AuthorizeAsync(User, Report, operation)).Succeeded) return Forbid();

        if (!ModelState.IsValid) return Page();

        var report = await db.Reports.SingleAsync(r => r.Id == id, ct);
        db.Entry(report).Property(r => r.Version).OriginalValue = ReportInput.ParseVersion(Input.Version) ?? 0;
        try
        {
            step(report, User.Actor(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (ReportWorkflowException e)
        {
            var field = e.Message is ReportRules.ReturnNeedsComment or ReportRules.CommentNeedsText ? "Input.Comment" : "";
            ModelState.AddModelError(field, L[e.Message]);
            return Page();
        }
        catch (DbUpdateConcurrencyException e)
        {
            await conflicts.ShowAsync(this, e, ct);
            await LoadAsync(id, ct);
            // The form must carry the new version, not the one posted.
            ModelState.Remove("Input.Version");
            Input.Version = Report.Version.ToString();
            return Page();
        }
        log.LogInformation("Report {ReportId}: {Step} by {UserName}", id, notice, User.Identity?.Name);
        return Done(notice);
    }

    private IActionResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage("View", new { id = Report.Id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().InScope(User).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return false;
        var district = await db.DistrictInScopeAsync(User, report.DistrictId, ct);
        if (district is null) return false;
        Report = report;
        DistrictInfo = district;
        Indicators = options.Value.ActiveIndicators();

        Versions = await db.Reports.AsNoTracking().InScope(User)
            .Where(r => r.DistrictId == report.DistrictId && r.Period == report.Period)
            .OrderBy(r => r.Revision).Rows().ToListAsync(ct);
        IsLatest = Versions.Count == 0 || Versions[^1].Id == report.Id;
        var ids = Versions.Select(v => v.Id).ToList();
        var revisions = Versions.ToDictionary(v => v.Id, v => v.Revision);
        Thread = (await db.ReportEvents.AsNoTracking().InScope(User)
                .Where(e => ids.Contains(e.ReportId) && e.Kind != ReportEventKind.Created)
                .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct))
            .Select(e => (e, revisions.GetValueOrDefault(e.ReportId))).ToList();

        var month = DistrictMonth.Build(district, report.Period, Versions, options.Value, Indicators, clock.GetUtcNow().UtcDateTime);
        Score = month.Score;
        IsLate = month.IsLate || month.IsMissing;
        DueDate = ReportPeriod.DueDate(report.Period, options.Value.DueDay);
        Recorded = await recorded.ForAsync(district.Id, report.Period, Indicators, ct);

        CanReview = IsReviewer && report.IsAwaitingReview && (await auth.AuthorizeAsync(User, report, Operations.Approve)).Succeeded;
        CanWrite = IsAuthor && (await auth.AuthorizeAsync(User, report, Operations.Update)).Succeeded;
        return true;
    }
}
