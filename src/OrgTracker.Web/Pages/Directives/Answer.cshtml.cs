using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Directives;

/// <summary>
/// A unit's page for one directive: the directive, the unit's acknowledgement (पावती) and every compliance report
/// (अनुपालन) it has made, latest first, with its evidence photos. The district president acknowledges and answers
/// for their district and its blocks; every answer is a new row (never overwritten) and becomes the unit's latest.
/// Anyone whose scope covers the unit reads the page.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public class AnswerModel(AppDbContext db, TimeProvider clock, PhotoProcessor photos, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>A whole upload of several phone photos; each is limited to <see cref="PhotoProcessor.MaxMegabytes"/>.</summary>
    public const long MaxUploadBytes = 120L * 1024 * 1024;

    public DirectiveTarget Target { get; private set; } = null!;
    public Directive Directive { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public int? AttachmentId { get; private set; }
    public List<DirectiveAnswer> Answers { get; private set; } = [];
    public ILookup<long, int> Photos { get; private set; } = Enumerable.Empty<int>().ToLookup(_ => 0L);
    public bool CanAnswer { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public AnswerInput Input { get; set; } = new();

    public class AnswerInput
    {
        [Required(ErrorMessage = "Choose done, partly done or not done.")]
        [Display(Name = "Compliance")]
        public ComplianceStatus? Status { get; set; }

        [StringLength(2000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Note")]
        public string? Note { get; set; }

        [Display(Name = "Evidence photos")] public List<IFormFile> Photos { get; set; } = [];

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, track: true) is { } failure) return failure;
        if (!CanAnswer) return Forbid();
        Target.Acknowledge(clock.UtcNow(), User.Identity?.Name ?? "");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("Answer", new { id });
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, track: true) is { } failure) return failure;
        if (!CanAnswer) return Forbid();
        if (!ModelState.IsValid) return Page();
        var files = Input.Photos.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (files.Count > DirectiveFile.MaxPhotosPerAnswer)
            return Invalid("Input.Photos", "At most {0} photos with one answer.", DirectiveFile.MaxPhotosPerAnswer);
        var evidence = new List<DirectiveFile>();
        foreach (var file in files)
        {
            var (made, error) = await DirectiveFiles.EvidenceAsync(file, photos, ct);
            if (error is not null) return Invalid("Input.Photos", error.Value.Message, error.Value.Args);
            evidence.Add(made!);
        }
        // Someone else answered for the unit since this form was opened: show theirs, save nothing.
        db.Entry(Target).Property(t => t.Version).OriginalValue = Input.Version;
        DirectiveAnswer answer;
        try
        {
            answer = Target.Answer(Input.Status!.Value, Clean(Input.Note), clock.UtcNow(), User.Identity?.Name ?? "",
                User.FindFirst(ScopeClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "");
        }
        catch (DomainException e)
        {
            return Invalid(e.Message.StartsWith("Write a note", StringComparison.Ordinal) ? "Input.Note" : "Input.Status", e.Message);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.DirectiveAnswers.Add(answer);
            await db.SaveChangesAsync(ct);
            Target.LatestAnswerId = answer.Id;
            var now = clock.UtcNow();
            foreach (var f in evidence)
            {
                f.DirectiveId = Target.DirectiveId;
                f.AnswerId = answer.Id;
                f.StateId = Target.StateId;
                f.DivisionId = Target.DivisionId;
                f.DistrictId = Target.DistrictId;
                f.UploadedUtc = now;
                f.UploadedBy = User.Identity?.Name ?? "";
                db.DirectiveFiles.Add(f);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.Remove("Input.Version");
            Input.Version = Target.Version;
            ModelState.AddModelError("", L["Someone else answered for {0} meanwhile; their answer is shown below. Nothing was saved: answer again if needed.", UnitName]);
            return Page();
        }
        await tx.CommitAsync(ct);
        return RedirectToPage("Answer", new { id });
    }

    private static string? Clean(string? s) => InputText.Clean(s) is { Length: > 0 } c ? c : null;

    private IActionResult Invalid(string field, string message, params object[] args)
    {
        ModelState.AddModelError(field, L[message, args]);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct, bool track = false)
    {
        Today = clock.TodayInIndia();
        var targets = track ? db.DirectiveTargets : db.DirectiveTargets.AsNoTracking();
        var target = await targets.InScope(User).Include(x => x.Directive).Include(x => x.Territory).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (target is null) return NotFound();
        Target = target;
        Directive = target.Directive!;
        UnitName = Localization.Pick(target.Territory!.NameEn, target.Territory.NameHi);
        // The district president answers for their district and its blocks (their scope covers both).
        CanAnswer = User.Can(Capability.AnswerDirectives);
        if (!IsPost) Input.Version = target.Version;
        AttachmentId = await db.DirectiveFiles.Where(f => f.DirectiveId == target.DirectiveId && f.AnswerId == null).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
        Answers = await db.DirectiveAnswers.AsNoTracking().Where(a => a.TargetId == id).OrderByDescending(a => a.Id).ToListAsync(ct);
        var answerIds = Answers.Select(a => (long?)a.Id).ToList();
        Photos = (await db.DirectiveFiles.AsNoTracking().Where(f => answerIds.Contains(f.AnswerId)).OrderBy(f => f.Id)
            .Select(f => new { AnswerId = f.AnswerId!.Value, f.Id }).ToListAsync(ct)).ToLookup(f => f.AnswerId, f => f.Id);
        return null;
    }

    private bool IsPost => HttpMethods.IsPost(Request.Method);
}
