using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>
/// One action item: its owner's area (or whoever may change the meeting) updates its status, due date and note.
/// A save over someone else's newer save is refused.
/// </summary>
public class ActionItemModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L) : PageModel
{
    public ActionItem Item { get; private set; } = null!;
    public string OwnerName { get; private set; } = "";
    public bool MeetingVisible { get; private set; }
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Required(ErrorMessage = "Write what is to be done.")]
        [StringLength(1000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Action item")]
        public string? Text { get; set; }

        [Display(Name = "Status")] public ActionItemStatus Status { get; set; }

        [Required(ErrorMessage = "Enter the due date.")]
        [Display(Name = "Due on")]
        public DateOnly? DueOn { get; set; }

        [StringLength(1000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Note")]
        public string? Note { get; set; }

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        Input = new InputModel { Text = Item.Text, Status = Item.Status, DueOn = Item.DueOn, Note = Item.Note, Version = Item.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        if (!CanEdit) return Forbid();
        if (!Enum.IsDefined(Input.Status)) ModelState.AddModelError("Input.Status", L["The value is not valid."]);
        if (Input.DueOn is { Year: < 2000 or > 2100 }) ModelState.AddModelError("Input.DueOn", L["Enter a date between 2000 and 2100."]);
        var text = ReportInput.CleanText(Input.Text);
        if (text is null) ModelState.AddModelError("Input.Text", L["Write what is to be done."]);
        if (!ModelState.IsValid) return Page();
        Item.Text = text!;
        Item.DueOn = Input.DueOn!.Value;
        Item.Note = ReportInput.CleanText(Input.Note);
        Item.SetStatus(Input.Status, Today);
        db.Entry(Item).Property(a => a.Version).OriginalValue = Input.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var conflict = await conflicts.ShowAsync(this, e, ct);
            ModelState.Remove("Input.Version");
            if (conflict.CurrentVersion is { } version) Input.Version = version;
            return Page();
        }
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.TodayInIndia();
        var meetings = db.Meetings.Visible(db, User);
        var ownItems = db.ActionItems.InScope(User).Select(a => a.Id);
        var item = await db.ActionItems.Include(a => a.Meeting).Include(a => a.Owner)
            .Where(a => a.Id == id && (ownItems.Contains(a.Id) || meetings.Any(m => m.Id == a.MeetingId)))
            .SingleOrDefaultAsync(ct);
        if (item is null) return NotFound();
        Item = item;
        OwnerName = Localization.Pick(item.Owner!.NameEn, item.Owner.NameHi);
        MeetingVisible = await meetings.AnyAsync(m => m.Id == item.MeetingId, ct);
        CanEdit = User.Can(Capability.RecordMeetings)
                  && ((await auth.AuthorizeAsync(User, item, Operations.Update)).Succeeded
                      || (await auth.AuthorizeAsync(User, item.Meeting!, Operations.Update)).Succeeded);
        return null;
    }
}
