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

namespace OrgTracker.Web.Pages.Membership;

/// <summary>Opens a new drive or edits one (state in-charge and state office; policy on the page).</summary>
public class DriveModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNew => Input.Id == 0;

    public class InputModel
    {
        public int Id { get; set; }

        [Required(ErrorMessage = "Enter the drive's name in English.")]
        [StringLength(200, ErrorMessage = "{0} may have at most 200 characters.")]
        [Display(Name = "Name (English)")]
        public string NameEn { get; set; } = "";

        [Required(ErrorMessage = "Enter the drive's name in Hindi.")]
        [StringLength(200, ErrorMessage = "{0} may have at most 200 characters.")]
        [Display(Name = "Name (Hindi)")]
        public string NameHi { get; set; } = "";

        [Required(ErrorMessage = "Enter the first day of the drive.")]
        [Display(Name = "Starts on")]
        public DateOnly? StartDate { get; set; }

        [Required(ErrorMessage = "Enter the last day of the drive.")]
        [Display(Name = "Ends on")]
        public DateOnly? EndDate { get; set; }

        [Display(Name = "Status")]
        public DriveStatus Status { get; set; } = DriveStatus.Planned;

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            var today = clock.TodayInIndia();
            Input = new InputModel { StartDate = today, EndDate = today.AddMonths(3) };
            return Page();
        }
        var drive = await db.FindDriveAsync(User, id.Value, ct);
        if (drive is null) return NotFound();
        if (!(await auth.AuthorizeAsync(User, drive, Operations.Update)).Succeeded) return Forbid();
        Input = new InputModel
        {
            Id = drive.Id, NameEn = drive.NameEn, NameHi = drive.NameHi, StartDate = drive.StartDate, EndDate = drive.EndDate,
            Status = drive.Status, Version = drive.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Input.Id = id ?? 0;
        // The drive is found (in the user's state) and authorized before anything else: another state's drive is 404
        // even for a form that would not validate.
        MembershipDrive? found = null;
        if (id is not null)
        {
            found = await db.DrivesOf(User).SingleOrDefaultAsync(d => d.Id == id, ct);
            if (found is null) return NotFound();
            if (!(await auth.AuthorizeAsync(User, found, Operations.Update)).Succeeded) return Forbid();
        }
        if (Input.StartDate is { } start && Input.EndDate is { } end && end < start)
            ModelState.AddModelError("Input.EndDate", L["The drive cannot end before it starts."]);
        if (!Enum.IsDefined(Input.Status)) ModelState.AddModelError("Input.Status", L["Choose a status."]);
        if (!ModelState.IsValid) return Page();

        MembershipDrive drive;
        if (id is null)
        {
            drive = new MembershipDrive { StateId = UserScope.Required(User).StateId, CreatedUtc = clock.UtcNow() };
            if (!(await auth.AuthorizeAsync(User, drive, Operations.Create)).Succeeded) return Forbid();
            db.MembershipDrives.Add(drive);
        }
        else
        {
            drive = found!;
            db.Entry(drive).Property(d => d.Version).OriginalValue = Input.Version;
        }
        drive.NameEn = Input.NameEn.Trim();
        drive.NameHi = Input.NameHi.Trim();
        drive.StartDate = Input.StartDate!.Value;
        drive.EndDate = Input.EndDate!.Value;
        drive.Status = Input.Status;
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
        return id is null ? RedirectToPage("/Membership/Targets", new { id = drive.Id }) : RedirectToPage("/Membership/Index");
    }
}
