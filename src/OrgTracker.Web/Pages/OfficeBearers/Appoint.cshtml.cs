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

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>
/// Appoints an office-bearer at a territory, or replaces one (<c>?replace=id</c>): the person is found by mobile
/// within the user's area, or created from the names given. Nothing is saved unless everything is valid.
/// </summary>
public class AppointModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new() { From = clock.TodayInIndia() };

    public Territory Territory { get; private set; } = null!;
    public List<TerritoryRef> Breadcrumb { get; private set; } = [];
    public Appointment? Replacing { get; private set; }
    public string? ReplacingName { get; private set; }
    public List<SelectListItem> Posts { get; private set; } = [];
    public List<SelectListItem> Wings { get; private set; } = [];
    public List<SelectListItem> Committees { get; private set; } = [];

    public class InputModel
    {
        [Required(ErrorMessage = "Enter the mobile number.")]
        [Display(Name = "Mobile")]
        [StringLength(25, ErrorMessage = "{0} is too long.")]
        public string Mobile { get; set; } = "";

        [Display(Name = "Name (English)")]
        [StringLength(200, ErrorMessage = "{0} is too long.")]
        public string? NameEn { get; set; }

        [Display(Name = "Name (Hindi)")]
        [StringLength(200, ErrorMessage = "{0} is too long.")]
        public string? NameHi { get; set; }

        [Display(Name = "Post")]
        public int PostId { get; set; }

        [Display(Name = "Wing")]
        public int WingId { get; set; } = Data.Configurations.ReferenceData.MainWingId;

        [Display(Name = "From")]
        [DataType(DataType.Date)]
        public DateOnly From { get; set; }

        [Display(Name = "Committee")]
        public int? CommitteeId { get; set; }

        public uint ReplacingVersion { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int territory, int? post, int? wing, int? replace, int? committee, CancellationToken ct)
    {
        if (await LoadAsync(territory, replace, ct) is { } failure) return failure;
        if (post is { } p) Input.PostId = p;
        if (wing is { } w) Input.WingId = w;
        Input.CommitteeId = committee;
        if (Replacing is not null)
        {
            Input.PostId = Replacing.PostId;
            Input.WingId = Replacing.WingId;
            Input.CommitteeId = Replacing.CommitteeId;
            Input.ReplacingVersion = Replacing.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int territory, int? replace, CancellationToken ct)
    {
        if (await LoadAsync(territory, replace, ct) is { } failure) return failure;
        if (Replacing is not null)
        {
            // A replacement keeps the post, wing and committee of the appointment it replaces.
            Input.PostId = Replacing.PostId;
            Input.WingId = Replacing.WingId;
            Input.CommitteeId = Replacing.CommitteeId;
        }
        if (!ModelState.IsValid) return Page();

        var mobile = IndianMobile.Normalise(Input.Mobile);
        if (mobile is null)
        {
            ModelState.AddModelError("Input.Mobile", L["Enter a valid Indian mobile number."]);
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await db.People.Where(p => p.Mobile == mobile)
            .Select(p => new { p.Id, p.StateId, InScope = db.People.InScope(User).Any(s => s.Id == p.Id) })
            // A number is unique within a state; the person of the post's state first (docs/scaling.md).
            .OrderBy(p => p.StateId == Territory.StateId ? 0 : 1).FirstOrDefaultAsync(ct);
        int personId;
        if (person is { InScope: false })
        {
            // Never reveal who holds a number outside the user's area.
            ModelState.AddModelError("Input.Mobile", L[Platform.PeopleQueries.MobileUnavailable]);
            return Page();
        }
        if (person is not null && person.StateId != Territory.StateId)
        {
            // An office is held in one's own state: every row of a state points only at that state's people.
            ModelState.AddModelError("Input.Mobile", L["This person belongs to another state; appoint them in their own state."]);
            return Page();
        }
        if (person is not null)
        {
            personId = person.Id;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(Input.NameEn)) ModelState.AddModelError("Input.NameEn", L["Nobody has this mobile number yet: enter the new person's name."]);
            if (string.IsNullOrWhiteSpace(Input.NameHi)) ModelState.AddModelError("Input.NameHi", L["Enter the name in Hindi too."]);
            if (!ModelState.IsValid) return Page();
            var created = new Person { NameEn = Input.NameEn!.Trim(), NameHi = Input.NameHi!.Trim(), Mobile = mobile, JoinedOn = Input.From };
            created.PlaceIn(Territory);
            db.People.Add(created);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (Platform.DatabaseError.From(e).Is(Platform.DatabaseErrorKind.UniqueViolation, "ix_people_mobile"))
            {
                ModelState.AddModelError("Input.Mobile", L["Someone else just added this mobile number. Try again."]);
                return Page();
            }
            personId = created.Id;
        }

        var request = new AppointmentRequest(personId, Input.PostId, Input.WingId, Territory.Id, Input.From, Input.CommitteeId);
        (Appointment? Appointment, AppointmentProblem? Problem) result;
        if (Replacing is not null)
        {
            db.Entry(Replacing).Property(a => a.Version).OriginalValue = Input.ReplacingVersion;
            try
            {
                result = await Appointing.SucceedAsync(db, User, Replacing, request, AppointmentEnd.Replaced, clock.TodayInIndia(), ct);
            }
            catch (DbUpdateConcurrencyException e)
            {
                var conflict = await conflicts.ShowAsync(this, e, ct);
                ModelState.Remove("Input.ReplacingVersion");
                if (conflict.CurrentVersion is { } version) Input.ReplacingVersion = version;
                return Page();
            }
        }
        else
        {
            result = await Appointing.AppointAsync(db, User, request, clock.TodayInIndia(), ct);
        }
        if (result.Problem is { } problem)
        {
            ModelState.AddModelError(problem.Field == "" ? "" : "Input." + problem.Field, L[problem.Message, problem.Arguments]);
            return Page();
        }
        await tx.CommitAsync(ct);
        return RedirectToPage("/OfficeBearers/Territory", new { id = Territory.Id });
    }

    private async Task<IActionResult?> LoadAsync(int territoryId, int? replace, CancellationToken ct)
    {
        var territory = await db.Territories.InScope(User).SingleOrDefaultAsync(t => t.Id == territoryId, ct);
        if (territory is null) return NotFound();
        if (!(await auth.AuthorizeAsync(User, territory, Operations.Create)).Succeeded) return Forbid();
        Territory = territory;
        Breadcrumb = await db.BreadcrumbAsync(User, territory, ct);
        if (replace is { } id)
        {
            Replacing = await db.Appointments.InScope(User).Include(a => a.Person)
                .SingleOrDefaultAsync(a => a.Id == id && a.TerritoryId == territoryId, ct);
            if (Replacing is null) return NotFound();
            if (!Replacing.IsActive) return RedirectToPage("/OfficeBearers/Appointment", new { id });
            ReplacingName = Localization.Pick(Replacing.Person!.NameEn, Replacing.Person.NameHi);
        }
        Posts = await db.Posts.AsNoTracking().Where(p => p.Level == territory.Level).OrderBy(p => p.SortOrder)
            .Select(p => new SelectListItem(Localization.Pick(p.NameEn, p.NameHi), p.Id.ToString())).ToListAsync(ct);
        Wings = await db.Wings.AsNoTracking().OrderBy(w => w.SortOrder)
            .Select(w => new SelectListItem(Localization.Pick(w.NameEn, w.NameHi), w.Id.ToString())).ToListAsync(ct);
        Committees = await db.Committees.AsNoTracking().Where(c => c.TerritoryId == territory.Id && c.DissolvedOn == null)
            .Select(c => new SelectListItem(Localization.Pick(c.NameEn, c.NameHi), c.Id.ToString())).ToListAsync(ct);
        return null;
    }
}
