using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
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
/// The monthly report form of one district and month: save a draft, submit, or revise a returned report and
/// resubmit. District presidents fill in their own district's; state office staff may enter one on their behalf.
/// A repeated post (double click, retry) is applied once by the global idempotency filter (Data/Idempotency.cs);
/// a save over someone else's newer save is refused (xmin concurrency token) and shown as a conflict.
/// </summary>
public class EditModel(
    AppDbContext db, IAuthorizationService auth, IOptions<ReportOptions> options, RecordedFigures recorded,
    TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L, ILogger<EditModel> log) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public DistrictRef DistrictInfo { get; private set; } = null!;
    public DateOnly? Period { get; private set; }
    public string? PeriodError { get; private set; }
    public Report? Existing { get; private set; }
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public Dictionary<string, RecordedFigure> Recorded { get; private set; } = [];
    public DateOnly DueDate { get; private set; }
    /// <summary>The reviewer's comment when the report was returned, shown above the form.</summary>
    public string? ReturnComment { get; private set; }
    public bool OnBehalf => User.Can(Capability.ReportOnBehalf);
    public string MaxPeriod => ReportPeriod.Format(clock.ThisMonthInIndia());
    public string MinPeriod => ReportPeriod.Format(options.Value.FirstPeriodDate);

    public class InputModel
    {
        /// <summary>As typed, by indicator key; parsed by <see cref="ReportInput.ParseCount"/>.</summary>
        public Dictionary<string, string?> Figures { get; set; } = [];

        [Display(Name = "Achievements")]
        [StringLength(4000, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? Achievements { get; set; }

        [Display(Name = "Problems faced")]
        [StringLength(4000, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? Problems { get; set; }

        [Display(Name = "Help needed from the state")]
        [StringLength(4000, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? HelpNeeded { get; set; }

        [Display(Name = "Note to the reviewer")]
        [StringLength(2000, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? Note { get; set; }

        public string? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early) return early;
        if (Period is null) return Page();
        if (Existing is { IsEditable: false }) return RedirectToPage("View", new { id = Existing.Id });
        if (!(await auth.AuthorizeAsync(User, Existing ?? Prospective(), Existing is null ? Operations.Create : Operations.Update)).Succeeded)
            return Forbid();
        FillInput();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(submit: true, ct);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early) return early;
        if (Period is not { } period) return Page();
        var figures = ReadFigures(submit);
        if (Existing is { IsEditable: false })
            ModelState.AddModelError("", L[ReportRules.NotEditable]);
        if (!ModelState.IsValid) return Page();

        var report = Existing;
        if (!(await auth.AuthorizeAsync(User, report ?? Prospective(), report is null ? Operations.Create : Operations.Update)).Succeeded)
            return Forbid();

        var actor = User.Actor();
        var now = clock.GetUtcNow().UtcDateTime;
        if (report is null)
        {
            var district = await db.Territories.AsNoTracking().SingleAsync(t => t.Id == DistrictInfo.Id, ct);
            report = Report.Start(district, period, actor, now);
            db.Reports.Add(report);
        }
        else
        {
            db.Attach(report);
            db.Entry(report).Property(r => r.Version).OriginalValue = ReportInput.ParseVersion(Input.Version) ?? 0;
        }
        report.Edit(figures, ReportInput.CleanText(Input.Achievements), ReportInput.CleanText(Input.Problems),
            ReportInput.CleanText(Input.HelpNeeded), actor, now);
        if (submit) report.Submit(actor, now, ReportInput.CleanText(Input.Note));

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseError.From(e) is { Kind: DatabaseErrorKind.Concurrency } or { Constraint: "ix_reports_district_id_period_revision" })
        {
            // Someone saved first (or started the same month's report a moment earlier): their values beside these.
            await conflicts.ShowAsync(this, e, ct);
            Existing = await LatestAsync(period, ct);
            log.LogInformation("Report save conflict for district {DistrictId} {Period}", DistrictInfo.Id, ReportPeriod.Format(period));
            // The form must carry the new version, not the one posted.
            ModelState.Remove("Input.Version");
            Input.Version = Existing?.Version.ToString();
            return Page();
        }
        log.LogInformation("Report {ReportId} ({DistrictId} {Period} v{Revision}) {Action} by {UserName}",
            report.Id, DistrictInfo.Id, ReportPeriod.Format(period), report.Revision, submit ? "submitted" : "saved", actor.Name);
        return Done(report, submit);
    }

    private IActionResult Done(Report report, bool submit)
    {
        TempData["Notice"] = submit ? ReportNotices.Submitted : ReportNotices.DraftSaved;
        return submit || !report.IsEditable
            ? RedirectToPage("View", new { id = report.Id })
            : RedirectToPage("Edit", new { district = DistrictInfo.Id, period = PeriodText });
    }

    /// <summary>The district (404 outside scope), the month (a message when it is not a valid one), the newest version and the recorded figures.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var district = await db.DistrictInScopeAsync(User, District, ct);
        if (district is null) return NotFound();
        DistrictInfo = district;
        Indicators = options.Value.ActiveIndicators();
        // A post that leaves out a figure (or all of them) still shows every field again, empty.
        foreach (var indicator in Indicators) Input.Figures.TryAdd(indicator.Key, null);

        var parsed = ReportPeriod.Parse(PeriodText?.Trim());
        var current = clock.ThisMonthInIndia();
        if (string.IsNullOrWhiteSpace(PeriodText)) PeriodError = null;
        else if (parsed is null) PeriodError = L["Choose a month (yyyy-MM)."];
        else if (parsed > current) PeriodError = L["A report can be made only for a month that has begun."];
        else if (parsed < options.Value.FirstPeriodDate) PeriodError = L["Reports start from {0}.", ReportText.Month(options.Value.FirstPeriodDate)];
        else Period = parsed;
        if (PeriodError is not null) ModelState.AddModelError(nameof(PeriodText), PeriodError);
        if (Period is not { } period) return null;

        PeriodText = ReportPeriod.Format(period);
        DueDate = ReportPeriod.DueDate(period, options.Value.DueDay);
        Existing = await LatestAsync(period, ct);
        Recorded = await recorded.ForAsync(district.Id, period, Indicators, ct);
        if (Existing?.Status == ReportStatus.Returned)
            ReturnComment = await db.ReportEvents.AsNoTracking()
                .Where(e => e.ReportId == Existing.Id && e.Kind == ReportEventKind.Returned)
                .OrderByDescending(e => e.AtUtc).Select(e => e.Text).FirstOrDefaultAsync(ct);
        return null;
    }

    private Task<Report?> LatestAsync(DateOnly period, CancellationToken ct) =>
        db.Reports.AsNoTracking().InScope(User)
            .Where(r => r.DistrictId == DistrictInfo.Id && r.Period == period)
            .OrderByDescending(r => r.Revision)
            .FirstOrDefaultAsync(ct);

    /// <summary>A report not yet saved, for the authorization check on creating one.</summary>
    private Report Prospective() => new() { StateId = DistrictInfo.StateId, DivisionId = DistrictInfo.DivisionId, DistrictId = DistrictInfo.Id };

    private void FillInput()
    {
        Input = new InputModel
        {
            Figures = Indicators.ToDictionary(i => i.Key, i => Existing?.Figures.TryGetValue(i.Key, out var v) == true ? (string?)v.ToString() : null),
            Achievements = Existing?.Achievements,
            Problems = Existing?.Problems,
            HelpNeeded = Existing?.HelpNeeded,
            Version = Existing?.Version.ToString(),
        };
    }

    /// <summary>Checks every figure, adding a message next to each bad one. A submitted report needs them all.</summary>
    private Dictionary<string, int> ReadFigures(bool submit)
    {
        var figures = new Dictionary<string, int>();
        foreach (var indicator in Indicators)
        {
            var field = $"{nameof(Input)}.{nameof(InputModel.Figures)}[{indicator.Key}]";
            var value = ReportInput.ParseCount(Input.Figures.GetValueOrDefault(indicator.Key), out var valid);
            if (!valid) ModelState.AddModelError(field, L["Enter a whole number."]);
            else if (value is null && submit) ModelState.AddModelError(field, L["Enter a number (0 if none)."]);
            else if (value < 0) ModelState.AddModelError(field, L["A count cannot be negative."]);
            else if (value > indicator.Max) ModelState.AddModelError(field, L["More than {0} in a month is not believable; check the number.", Localization.Number(indicator.Max)]);
            else if (value is { } v) figures[indicator.Key] = (int)v;
        }
        return figures;
    }
}
