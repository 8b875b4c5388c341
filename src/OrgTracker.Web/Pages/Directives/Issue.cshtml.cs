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
/// A new directive (निर्देश): its text in Hindi and/or English, the due date, an optional attachment (a photo or a
/// PDF of the circular) and the units it goes to. A state's users send it to all districts, to the districts of
/// chosen divisions or to chosen districts; a district president sends it to all or chosen blocks of the district.
/// Directive, targets and attachment are saved together or not at all.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public class IssueModel(AppDbContext db, TimeProvider clock, PhotoProcessor photos, IStringLocalizer<SharedResource> L) : PageModel
{
    public const long MaxUploadBytes = (PhotoProcessor.MaxMegabytes + 2) * 1024L * 1024L;

    public Territory Issuer { get; private set; } = null!;
    public List<TerritoryChoice> Divisions { get; private set; } = [];
    public List<TerritoryChoice> Units { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed record TerritoryChoice(int Id, string NameEn, string NameHi, int? DivisionId)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
    }

    [BindProperty] public IssueInput Input { get; set; } = new();

    public class IssueInput
    {
        [StringLength(Directive.MaxTextLength, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Directive in Hindi")]
        public string? TextHi { get; set; }

        [StringLength(Directive.MaxTextLength, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Directive in English")]
        public string? TextEn { get; set; }

        [Required(ErrorMessage = "Enter the due date.")]
        [Display(Name = "Due on")]
        public DateOnly? DueOn { get; set; }

        /// <summary>all (every district, or every block of a district), divisions, or units (chosen districts or blocks).</summary>
        public string Send { get; set; } = "all";
        public List<int> DivisionIds { get; set; } = [];
        public List<int> UnitIds { get; set; } = [];

        [Display(Name = "Attachment")] public IFormFile? Attachment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        Input.DueOn = Today.AddDays(7);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var textEn = Clean(Input.TextEn);
        var textHi = Clean(Input.TextHi);
        try
        {
            Directive.Check(textEn, textHi, Input.DueOn!.Value, Today);
        }
        catch (DomainException e)
        {
            return Invalid(e.Message.Contains("due", StringComparison.Ordinal) ? "Input.DueOn" : "Input.TextHi", e.Message);
        }

        var chosen = Input.Send switch
        {
            "all" => Units,
            "divisions" when Issuer.Level == TerritoryLevel.State => Units.Where(u => u.DivisionId is { } d && Input.DivisionIds.Contains(d)).ToList(),
            "units" => Units.Where(u => Input.UnitIds.Contains(u.Id)).ToList(),
            _ => [],
        };
        if (chosen.Count == 0)
            return Invalid("Input.Send", Issuer.Level == TerritoryLevel.State ? "Choose the districts or divisions to send it to." : "Choose the blocks to send it to.");

        DirectiveFile? attachment = null;
        if (Input.Attachment is { } file && (file.Length > 0 || !string.IsNullOrEmpty(file.FileName)))
        {
            var (made, error) = await DirectiveFiles.AttachmentAsync(file, photos, ct);
            if (error is not null) return Invalid("Input.Attachment", error.Value.Message, error.Value.Args);
            attachment = made;
        }

        var now = clock.UtcNow();
        var directive = new Directive
        {
            TextEn = textEn, TextHi = textHi, DueOn = Input.DueOn!.Value, IssuedUtc = now,
            IssuedByUser = User.Identity?.Name ?? "", IssuedByName = User.FindFirst(ScopeClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "",
        };
        directive.PlaceAt(Issuer);
        var territories = await db.Territories.Where(t => chosen.Select(c => c.Id).Contains(t.Id)).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Directives.Add(directive);
        await db.SaveChangesAsync(ct);
        foreach (var t in territories)
        {
            var target = new DirectiveTarget { DirectiveId = directive.Id, CreatedUtc = now };
            target.PlaceAt(t);
            db.DirectiveTargets.Add(target);
        }
        if (attachment is not null)
        {
            attachment.DirectiveId = directive.Id;
            attachment.StateId = directive.StateId;
            attachment.DivisionId = directive.DivisionId;
            attachment.DistrictId = directive.DistrictId;
            attachment.UploadedUtc = now;
            attachment.UploadedBy = User.Identity?.Name ?? "";
            db.DirectiveFiles.Add(attachment);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RedirectToPage("Details", new { id = directive.Id });
    }

    private static string? Clean(string? s) => InputText.Clean(s) is { Length: > 0 } c ? c : null;

    private IActionResult Invalid(string field, string message, params object[] args)
    {
        ModelState.AddModelError(field, L[message, args]);
        return Page();
    }

    /// <summary>The issuing unit is the user's own: a state, or a district (for its blocks); a division issues none.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Today = clock.TodayInIndia();
        var scope = UserScope.Required(User);
        var issuer = await db.FindInScopeAsync(User, scope.TerritoryId, ct);
        if (issuer is null || issuer.Level is not (TerritoryLevel.State or TerritoryLevel.District)) return Forbid();
        Issuer = issuer;
        if (issuer.Level == TerritoryLevel.State)
        {
            Divisions = await db.Territories.AsNoTracking().Where(t => t.StateId == issuer.Id && t.Level == TerritoryLevel.Division)
                .OrderBy(t => t.NameEn).Select(t => new TerritoryChoice(t.Id, t.NameEn, t.NameHi, t.Id)).ToListAsync(ct);
            Units = await db.Territories.AsNoTracking().Where(t => t.StateId == issuer.Id && t.Level == TerritoryLevel.District)
                .OrderBy(t => t.NameEn).Select(t => new TerritoryChoice(t.Id, t.NameEn, t.NameHi, t.DivisionId)).ToListAsync(ct);
        }
        else
        {
            Units = await db.Territories.AsNoTracking().Where(t => t.ParentId == issuer.Id && t.Level == TerritoryLevel.Block)
                .OrderBy(t => t.NameEn).Select(t => new TerritoryChoice(t.Id, t.NameEn, t.NameHi, t.DivisionId)).ToListAsync(ct);
        }
        return null;
    }
}
