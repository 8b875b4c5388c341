using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Srijan;

/// <summary>
/// A district in the campaign: its stage, its observers (existing people, central or state) and its consultations
/// (held meetings at the district, with their attendance). State users assign observers and link consultations;
/// anyone whose scope holds the district reads this page. The panel is confidential and lives on its own page.
/// </summary>
public class DistrictModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public SrijanDistrict District { get; private set; } = null!;
    public List<ObserverRow> Observers { get; private set; } = [];
    public List<ConsultationRow> Consultations { get; private set; } = [];
    public List<MeetingChoice> Meetings { get; private set; } = [];
    public string? AppointedName { get; private set; }
    public DateOnly Today { get; private set; }
    public bool MayRun => User.Can(Capability.RunCampaign);

    public sealed record ObserverRow(int Id, string NameEn, string NameHi, string Mobile, ObserverLevel Level, DateTime AssignedUtc)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
    }

    public sealed record ConsultationRow(int MeetingId, string Title, DateTime StartsUtc, int Present, int Invited, int? HeadCount);

    public sealed record MeetingChoice(int Id, string Title, DateTime StartsUtc);

    [BindProperty] public ObserverInput Observer { get; set; } = new();
    [BindProperty] public ConsultationInput Consultation { get; set; } = new();

    public class ObserverInput
    {
        [Display(Name = "Observer's mobile")]
        [StringLength(20, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? Mobile { get; set; }

        [Display(Name = "Observer from")]
        public ObserverLevel? Level { get; set; }
    }

    public class ConsultationInput
    {
        [Display(Name = "Meeting")]
        public int? MeetingId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignObserverAsync(int id, CancellationToken ct)
    {
        if (!MayRun || !await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        if (Observer.Level is not { } level || !Enum.IsDefined(level)) return Invalid("Observer.Level", "Choose central or state.");
        var person = await db.PersonByMobileAsync(User, District.StateId, Observer.Mobile, ct);
        if (person is null) return Invalid("Observer.Mobile", "No person in your area has this mobile number.");
        if (Observers.Any(o => o.Id == person.Id)) return Invalid("Observer.Mobile", "This person is already an observer here.");
        var now = clock.UtcNow();
        db.SrijanObservers.Add(new SrijanObserver
        {
            SrijanDistrictId = District.Id, PersonId = person.Id, Level = level, StateId = District.StateId, DivisionId = District.DivisionId,
            DistrictId = District.DistrictId, AssignedUtc = now, AssignedBy = User.Identity?.Name ?? "",
        });
        District.Reach(SrijanStage.ObserversAssigned, now);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLinkConsultationAsync(int id, CancellationToken ct)
    {
        if (!MayRun || !await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        if (Observers.Count == 0) return Invalid("Consultation.MeetingId", "Assign the observers first.");
        if (Consultation.MeetingId is not { } meetingId || Meetings.All(m => m.Id != meetingId))
            return Invalid("Consultation.MeetingId", "Choose a meeting held at this district.");
        var now = clock.UtcNow();
        db.SrijanConsultations.Add(new SrijanConsultation
        {
            SrijanDistrictId = District.Id, MeetingId = meetingId, StateId = District.StateId, DivisionId = District.DivisionId,
            DistrictId = District.DistrictId, LinkedUtc = now, LinkedBy = User.Identity?.Name ?? "",
        });
        District.Reach(SrijanStage.ConsultationsHeld, now);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    private IActionResult Invalid(string field, string message)
    {
        ModelState.AddModelError(field, L[message]);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = clock.TodayInIndia();
        var district = await db.DistrictInScopeAsync(User, id, ct);
        if (district is null) return false;
        District = district;
        Observers = await db.SrijanObservers.AsNoTracking().Where(o => o.SrijanDistrictId == id).OrderBy(o => o.AssignedUtc)
            .Select(o => new ObserverRow(o.PersonId, o.Person!.NameEn, o.Person.NameHi, o.Person.Mobile, o.Level, o.AssignedUtc)).ToListAsync(ct);
        Consultations = await db.SrijanConsultations.AsNoTracking().Where(c => c.SrijanDistrictId == id).OrderBy(c => c.Meeting!.StartsUtc)
            .Select(c => new ConsultationRow(c.MeetingId, c.Meeting!.Title, c.Meeting.StartsUtc,
                db.MeetingInvitees.Count(i => i.MeetingId == c.MeetingId && i.Attendance == AttendanceStatus.Present),
                db.MeetingInvitees.Count(i => i.MeetingId == c.MeetingId), c.Meeting.HeadCount)).ToListAsync(ct);
        if (MayRun)
        {
            var linked = Consultations.Select(c => c.MeetingId).ToList();
            var since = IndiaTime.DayStartUtc(District.Campaign!.StartedOn.AddDays(-30));
            Meetings = await db.Meetings.AsNoTracking().InScope(User)
                .Where(m => m.TerritoryId == District.TerritoryId && m.Status == MeetingStatus.Held && m.StartsUtc >= since && !linked.Contains(m.Id))
                .OrderByDescending(m => m.StartsUtc).Take(50).Select(m => new MeetingChoice(m.Id, m.Title, m.StartsUtc)).ToListAsync(ct);
        }
        if (District.AppointmentId is { } appointmentId)
        {
            var names = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId)
                .Select(a => new { a.Person!.NameEn, a.Person.NameHi }).SingleOrDefaultAsync(ct);
            AppointedName = names is null ? null : Localization.Pick(names.NameEn, names.NameHi);
        }
        return true;
    }
}
