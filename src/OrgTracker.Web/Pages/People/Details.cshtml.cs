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

namespace OrgTracker.Web.Pages.People;

/// <summary>
/// One person: their record, every post they have held (current first, within the user's scope) with its history,
/// and their trainings, with a form to record one; recording a training takes them off the training-needed list.
/// </summary>
public class DetailsModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public Person Person { get; private set; } = null!;
    public string Home { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public List<PostRow> Posts { get; private set; } = [];
    public List<Training> Trainings { get; private set; } = [];

    [BindProperty] public TrainingInput NewTraining { get; set; } = new();

    public sealed record PostRow(int Id, string PostEn, string PostHi, int WingId, string WingEn, string WingHi,
        int TerritoryId, TerritoryLevel Level, string TerritoryEn, string TerritoryHi, DateOnly From, DateOnly? To,
        AppointmentEnd? EndReason, string? EndNote, DateOnly? InactiveSince, string? InactiveReason,
        int? SuccessorPersonId, string? SuccessorEn, string? SuccessorHi, bool SuccessorInScope);

    public class TrainingInput
    {
        [Required(ErrorMessage = "Enter the date of the training.")]
        [StringLength(20, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Date of the training")]
        public string? On { get; set; }

        [Required(ErrorMessage = "Say what the training was.")]
        [StringLength(300, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "What it was")]
        public string? Description { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        NewTraining.On = clock.TodayInIndia().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostTrainingAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanEdit) return Forbid();

        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(NewTraining.On))
        {
            on = PersonFormModel.ParseDate(NewTraining.On);
            if (on is null || on.Value.Year < 1950)
                ModelState.AddModelError("NewTraining.On", L["Enter a date from 1950 to today, as dd-MM-yyyy."]);
            else if (on > clock.TodayInIndia())
                ModelState.AddModelError("NewTraining.On", L["The training date cannot be in the future."]);
        }
        if (!ModelState.IsValid) return Page();

        db.Trainings.Add(new Training { PersonId = id, StateId = Person.StateId, On = on!.Value, Description = InputText.Clean(NewTraining.Description) });
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/People/Details", null, new { id }, "trainings");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().InScope(User).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return false;
        Person = person;
        CanEdit = (await auth.AuthorizeAsync(User, person, Operations.Update)).Succeeded;
        Home = await db.PlaceNameAsync(person.HomeTerritoryId, ct);
        Trainings = await db.Trainings.AsNoTracking().Where(t => t.PersonId == id)
            .OrderByDescending(t => t.On).ThenByDescending(t => t.Id).ToListAsync(ct);
        person.Trainings = Trainings;
        var scoped = db.Appointments.InScope(User);
        var people = db.People.InScope(User);
        Posts = await db.Appointments.AsNoTracking().InScope(User)
            .Where(a => a.PersonId == id)
            .OrderBy(a => a.To == null ? 0 : 1).ThenByDescending(a => a.From).ThenBy(a => a.Id)
            .Select(a => new PostRow(a.Id, a.Post!.NameEn, a.Post.NameHi, a.WingId, a.Wing!.NameEn, a.Wing.NameHi,
                a.TerritoryId, a.Territory!.Level, a.Territory.NameEn, a.Territory.NameHi, a.From, a.To,
                a.EndReason, a.EndNote, a.InactiveSince, a.InactiveReason,
                scoped.Where(s => s.Id == a.SuccessorId).Select(s => (int?)s.PersonId).FirstOrDefault(),
                scoped.Where(s => s.Id == a.SuccessorId).Select(s => s.Person!.NameEn).FirstOrDefault(),
                scoped.Where(s => s.Id == a.SuccessorId).Select(s => s.Person!.NameHi).FirstOrDefault(),
                scoped.Where(s => s.Id == a.SuccessorId).Any(s => people.Any(p => p.Id == s.PersonId))))
            .ToListAsync(ct);
        return true;
    }
}
