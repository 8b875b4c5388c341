using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>
/// Enrols one member, on a phone: first the booth (searched within the user's scope; it stays chosen for the next
/// member), then name, mobile and the rest. A mobile number already in the drive is refused, naming where it was
/// enrolled when that place is in the user's scope and saying only that it is enrolled when it is not.
/// </summary>
public class EnrolModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int SearchResults = 20;

    public MembershipDrive Drive { get; private set; } = null!;
    public MembershipQueries.BoothOption? Booth { get; private set; }
    public List<MembershipQueries.BoothOption> Found { get; private set; } = [];
    public MembershipQueries.ProgressRow? Progress { get; private set; }
    public long BoothEnrolled { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "booth")] public int? BoothId { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        [Required(ErrorMessage = "Enter the member's name.")]
        [StringLength(MemberRowRules.MaxName, ErrorMessage = "{0} may have at most 200 characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the mobile number.")]
        [StringLength(30, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Mobile number")]
        public string Mobile { get; set; } = "";

        [Display(Name = "Gender")]
        public Gender? Gender { get; set; }

        [Range(1800, 2200, ErrorMessage = "Enter the year of birth as four digits.")]
        [Display(Name = "Year of birth")]
        public int? BirthYear { get; set; }

        [Display(Name = "Channel")]
        public EnrolmentChannel Channel { get; set; } = EnrolmentChannel.PaperForm;

        [Required(ErrorMessage = "Enter the date of enrolment.")]
        [Display(Name = "Date of enrolment")]
        public DateOnly? EnrolledOn { get; set; }

        [StringLength(MemberRowRules.MaxName, ErrorMessage = "{0} may have at most 200 characters.")]
        [Display(Name = "Enrolled by")]
        public string? EnrolledBy { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } result) return result;
        Input.EnrolledOn = clock.TodayInIndia();
        Input.EnrolledBy = User.FindFirst(ScopeClaims.DisplayName)?.Value;
        if (Booth is null && !string.IsNullOrWhiteSpace(Query))
            Found = await db.SearchBoothsAsync(User, Query, SearchResults, ct);
        return Page();
    }

    /// <summary>Booths matching a search, for the live search on the page (same scope and rules as the form).</summary>
    public async Task<IActionResult> OnGetBoothsAsync(int id, CancellationToken ct)
    {
        if (await db.FindDriveAsync(User, id, ct) is null) return NotFound();
        var booths = await db.SearchBoothsAsync(User, Query, SearchResults, ct);
        return new JsonResult(booths.Select(b => new { id = b.Id, label = b.Label, url = Url.Page("/Membership/Enrol", new { id, booth = b.Id }) }));
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } result) return result;
        if (!Drive.IsOpen) return Page();
        if (Booth is null)
        {
            ModelState.AddModelError(string.Empty, L["Choose the member's booth."]);
            return Page();
        }
        var today = clock.TodayInIndia();
        long mobile = 0;
        if (!string.IsNullOrWhiteSpace(Input.Mobile) && !MobileNumber.TryParse(Input.Mobile, out mobile))
            ModelState.AddModelError("Input.Mobile", L["Enter a valid Indian mobile number: ten digits starting with 6, 7, 8 or 9."]);
        if (Input.BirthYear is { } year && !MemberRowRules.IsPlausibleBirthYear(year, today))
            ModelState.AddModelError("Input.BirthYear", L["A member must be 18 to 110 years old."]);
        if (Input.EnrolledOn is { } date && !Drive.AcceptsDate(date, today))
            ModelState.AddModelError("Input.EnrolledOn", L["The date must lie within the drive ({0} to {1}) and not in the future.",
                Localization.Date(Drive.StartDate.ToDateTime(TimeOnly.MinValue)), Localization.Date(Drive.EndDate.ToDateTime(TimeOnly.MinValue))]);
        if (Input.Gender is { } g && !Enum.IsDefined(g)) ModelState.AddModelError("Input.Gender", L["Choose a gender."]);
        if (!Enum.IsDefined(Input.Channel)) ModelState.AddModelError("Input.Channel", L["Choose a channel."]);
        if (!ModelState.IsValid) return Page();

        var booth = await db.Territories.AsNoTracking().InScope(User).SingleAsync(t => t.Id == Booth.Id, ct);
        var member = new Member
        {
            DriveId = Drive.Id, Mobile = mobile, Name = Input.Name.Trim(), Gender = Input.Gender, BirthYear = (short?)Input.BirthYear,
            Channel = Input.Channel, EnrolledOn = Input.EnrolledOn!.Value, EnrolledBy = string.IsNullOrWhiteSpace(Input.EnrolledBy) ? null : Input.EnrolledBy.Trim(),
            RecordedByUserId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, CreatedUtc = clock.UtcNow(),
        };
        member.PlaceAt(booth);
        if (!(await auth.AuthorizeAsync(User, member, Operations.Create)).Succeeded) return Forbid();

        if (await DuplicateMessageAsync(member, ct) is { } duplicate)
        {
            ModelState.AddModelError("Input.Mobile", duplicate);
            return Page();
        }
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Members.Add(member);
            await db.SaveChangesAsync(ct);
            await MemberCounts.AddedAsync(db, member, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseError.From(e).IsUniqueViolation)
        {
            // Enrolled by someone else a moment ago.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Mobile", await DuplicateMessageAsync(member, ct) ?? L["This mobile number is already enrolled in this drive."]);
            return Page();
        }
        TempData["Enrolled"] = L["{0} ({1}) is enrolled.", member.Name, MobileNumber.Display(member.Mobile)].Value;
        return RedirectToPage(new { id, booth = Booth.Id });
    }

    /// <summary>The refusal for a mobile number already in the drive: the place only when the user may see it.</summary>
    private async Task<string?> DuplicateMessageAsync(Member member, CancellationToken ct)
    {
        var boothId = await db.Members.AsNoTracking().Where(m => m.DriveId == member.DriveId && m.Mobile == member.Mobile)
            .Select(m => (int?)m.BoothId).SingleOrDefaultAsync(ct);
        if (boothId is null) return null;
        var place = await db.BoothPlaceAsync(boothId.Value, ct);
        var scope = UserScope.Required(User);
        return place is not null && scope.Covers(place)
            ? L["This mobile number is already enrolled in this drive at {0}.", MembershipQueries.Describe(place, L)]
            : L["This mobile number is already enrolled in this drive."];
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var drive = await db.FindDriveAsync(User, id, ct);
        if (drive is null) return NotFound();
        Drive = drive;
        if (BoothId is { } boothId)
        {
            Booth = await db.BoothOptionAsync(User, boothId, ct);
            // A booth outside the user's scope is not found, as everywhere else.
            if (Booth is null) return NotFound();
            BoothEnrolled = await db.MemberBoothCounts.AsNoTracking().InScope(User)
                .Where(c => c.DriveId == id && c.BoothId == boothId).Select(c => (long)c.Enrolled).SingleOrDefaultAsync(ct);
        }
        var scope = UserScope.Required(User);
        if (await db.Territories.AsNoTracking().SingleOrDefaultAsync(t => t.Id == scope.TerritoryId, ct) is { } own)
            Progress = await db.TotalAsync(User, id, own, ct);
        return null;
    }
}
