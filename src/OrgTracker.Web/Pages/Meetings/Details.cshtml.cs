using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>
/// The meeting page: details, who was invited and who came, agenda and minutes, decisions, action items (with the
/// open ones carried forward from earlier meetings of the same body) and evidence photos. Those who may change the
/// meeting add decisions, action items and photos here.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public class DetailsModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, PhotoProcessor photos,
    IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>A whole upload of several phone photos; each photo is limited to <see cref="PhotoProcessor.MaxMegabytes"/>.</summary>
    public const long MaxUploadBytes = 120L * 1024 * 1024;

    public MeetingView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }
    public List<SelectListItem> Owners { get; private set; } = [];
    public List<SelectListItem> DecisionOptions { get; private set; } = [];

    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public ActionInput Action { get; set; } = new();
    [BindProperty] public PhotoInput Photo { get; set; } = new();

    public class DecisionInput
    {
        [Required(ErrorMessage = "Write the decision.")]
        [StringLength(2000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Decision")]
        public string? Text { get; set; }
    }

    public class ActionInput
    {
        [Required(ErrorMessage = "Write what is to be done.")]
        [StringLength(1000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Action item")]
        public string? Text { get; set; }

        [Required(ErrorMessage = "Choose the owner from the invitees.")]
        [Display(Name = "Owner")]
        public long? OwnerInviteeId { get; set; }

        [Required(ErrorMessage = "Enter the due date.")]
        [Display(Name = "Due on")]
        public DateOnly? DueOn { get; set; }

        [Display(Name = "Decision")] public int? DecisionId { get; set; }
    }

    public class PhotoInput
    {
        [Display(Name = "Photos")] public List<IFormFile> Files { get; set; } = [];

        [StringLength(300, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Caption")]
        public string? Caption { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostDecisionAsync(int id, CancellationToken ct)
    {
        if (await LoadForWriteAsync(id, ct) is { } failure) return failure;
        if (!IsValid("Decision")) return Page();
        var text = ReportInput.CleanText(Decision.Text);
        if (text is null) return Invalid("Decision.Text", "Write the decision.");
        var m = View.Meeting;
        db.MeetingDecisions.Add(new MeetingDecision
        {
            MeetingId = m.Id, StateId = m.StateId, DivisionId = m.DivisionId, DistrictId = m.DistrictId, Text = text,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return Redirect(Url.Page("Details", new { id })! + "#decisions");
    }

    public async Task<IActionResult> OnPostActionAsync(int id, CancellationToken ct)
    {
        if (await LoadForWriteAsync(id, ct) is { } failure) return failure;
        if (!IsValid("Action")) return Page();
        var text = ReportInput.CleanText(Action.Text);
        if (text is null) return Invalid("Action.Text", "Write what is to be done.");
        var owner = await db.MeetingInvitees.AsNoTracking().Where(i => i.Id == Action.OwnerInviteeId && i.MeetingId == id)
            .Select(i => new { i.PersonId, i.StateId, i.DivisionId, i.DistrictId, Territory = i.Appointment != null ? i.Appointment.TerritoryId : i.Person!.HomeTerritoryId })
            .SingleOrDefaultAsync(ct);
        if (owner is null) return Invalid("Action.OwnerInviteeId", "Choose the owner from the invitees.");
        try
        {
            ActionItem.CheckNewDueDate(Action.DueOn!.Value, Today);
        }
        catch (DomainException e)
        {
            return Invalid("Action.DueOn", e.Message);
        }
        if (Action.DecisionId is { } d && !View.Decisions.Any(x => x.Id == d)) return Invalid("Action.DecisionId", "Choose a decision of this meeting.");
        db.ActionItems.Add(new ActionItem
        {
            MeetingId = id, DecisionId = Action.DecisionId, Text = text, OwnerId = owner.PersonId, TerritoryId = owner.Territory,
            StateId = owner.StateId, DivisionId = owner.DivisionId, DistrictId = owner.DistrictId, DueOn = Action.DueOn!.Value,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return Redirect(Url.Page("Details", new { id })! + "#actions");
    }

    public async Task<IActionResult> OnPostPhotosAsync(int id, CancellationToken ct)
    {
        if (await LoadForWriteAsync(id, ct) is { } failure) return failure;
        if (!IsValid("Photo")) return Page();
        var m = View.Meeting;
        if (m.Status != MeetingStatus.Held) return Invalid("Photo.Files", "Photos can be added once the meeting is recorded as held.");
        var files = Photo.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (files.Count == 0) return Invalid("Photo.Files", "Choose one or more photos.");
        if (View.Photos.Count + files.Count > MeetingPhoto.MaxPerMeeting)
            return Invalid("Photo.Files", "A meeting can have at most {0} photos.", MeetingPhoto.MaxPerMeeting);
        var now = clock.GetUtcNow().UtcDateTime;
        var caption = ReportInput.CleanText(Photo.Caption);
        var added = new List<MeetingPhoto>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName ?? "");
            if (file.Length > PhotoProcessor.MaxBytes)
                return Invalid("Photo.Files", "{0} is larger than {1} MB. Nothing was saved.", name, PhotoProcessor.MaxMegabytes);
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var processed = photos.Process(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var tooManyPixels);
            if (tooManyPixels)
                return Invalid("Photo.Files", "{0} has more than {1} megapixels: send a smaller photo. Nothing was saved.", name, PhotoProcessor.MaxMegapixels);
            if (processed is null) return Invalid("Photo.Files", "{0} is not a photo (JPEG, PNG or WebP). Nothing was saved.", name);
            added.Add(new MeetingPhoto
            {
                MeetingId = m.Id, StateId = m.StateId, DivisionId = m.DivisionId, DistrictId = m.DistrictId, Caption = caption,
                Image = processed.Image, Thumbnail = processed.Thumbnail, Width = processed.Width, Height = processed.Height,
                UploadedUtc = now, UploadedBy = User.Identity?.Name ?? "",
            });
        }
        db.MeetingPhotos.AddRange(added);
        await db.SaveChangesAsync(ct);
        return Redirect(Url.Page("Details", new { id })! + "#photos");
    }

    private IActionResult Invalid(string field, string message, params object[] args)
    {
        ModelState.AddModelError(field, L[message, args]);
        return Page();
    }

    /// <summary>Only the form that was posted is validated; the others on the page keep their defaults.</summary>
    private bool IsValid(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".")).ToList()) ModelState.Remove(key);
        return ModelState.IsValid;
    }

    private async Task<IActionResult?> LoadForWriteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        return CanEdit ? null : Forbid();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.TodayInIndia();
        var view = await db.LoadMeetingViewAsync(User, id, ct);
        if (view is null) return NotFound();
        View = view;
        CanEdit = User.Can(Capability.RecordMeetings) && (await auth.AuthorizeAsync(User, view.Meeting, Operations.Update)).Succeeded;
        if (CanEdit)
        {
            Owners = view.Invitees.OrderBy(i => i.Name).Select(i => new SelectListItem(i.Name + (i.Post is null ? "" : " – " + i.Post), i.Id.ToString())).ToList();
            DecisionOptions = view.Decisions.Select((d, n) => new SelectListItem($"{n + 1}. {Shorten(d.Text)}", d.Id.ToString())).ToList();
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
