using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Srijan;

/// <summary>
/// A district's panel (confidential): the candidates — age, gender, social category, years in the party, posts held
/// (the post register), the observer's remarks — its composition against <see cref="SrijanOptions"/>, submitting it
/// (at least <see cref="SrijanOptions.MinPanelSize"/> names), the one-to-one with each candidate and the appointment
/// of the chosen one as district president (Platform/Appointing.cs: the previous president's tenure ends, replaced).
/// Only state roles (<see cref="Capability.RunCampaign"/>) see it; anyone else gets 404. Every read (GET) is audited
/// (<see cref="AuditInterceptor.RecordReadAsync"/>).
/// </summary>
public class PanelModel(AppDbContext db, TimeProvider clock, IOptions<SrijanOptions> options, IStringLocalizer<SharedResource> L) : PageModel
{
    public const string AppointmentNote = "Sangathan Srijan";

    public SrijanOptions Rules { get; } = options.Value;
    public SrijanDistrict District { get; private set; } = null!;
    public List<CandidateRow> Candidates { get; private set; } = [];
    public ILookup<int, PostRow> Posts { get; private set; } = Array.Empty<PostRow>().ToLookup(p => p.PersonId);
    public DateOnly Today { get; private set; }
    public string? PresidentName { get; private set; }

    public sealed record CandidateRow(int Id, int PersonId, string NameEn, string NameHi, string Mobile, int? BirthYear, Gender? Gender, DateOnly? JoinedOn,
        SocialCategory Category, string? Remarks, DateOnly? HeardOn, string? HeardBy, string? HeardNotes)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
        public int? Age(DateOnly today) => BirthYear is { } y ? today.Year - y : null;
        public int? YearsInParty(DateOnly today) => JoinedOn is { } j ? Math.Max(0, (today.DayNumber - j.DayNumber) / 365) : null;
    }

    public sealed record PostRow(int PersonId, string PostEn, string PostHi, string PlaceEn, string PlaceHi, DateOnly From, DateOnly? To)
    {
        public string Text => $"{Localization.Pick(PostEn, PostHi)}, {Localization.Pick(PlaceEn, PlaceHi)}";
    }

    /// <summary>The panel's composition against the rules.</summary>
    public int Reserved => Candidates.Count(c => SrijanCandidate.IsReserved(c.Category));
    public int Young => Candidates.Count(c => c.Age(Today) is { } a && a < Rules.YoungAge);
    public int Women => Candidates.Count(c => c.Gender == Domain.Gender.Female);
    public int Needed(decimal share) => (int)Math.Ceiling(share * Candidates.Count);

    [BindProperty] public CandidateInput Candidate { get; set; } = new();
    [BindProperty] public OneToOneInput OneToOne { get; set; } = new();
    [BindProperty] public AppointInput Appoint { get; set; } = new();

    public class CandidateInput
    {
        [Display(Name = "Candidate's mobile")]
        [StringLength(20, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? Mobile { get; set; }

        [Display(Name = "Social category")]
        public SocialCategory? Category { get; set; }

        [Display(Name = "Observer's remarks")]
        [StringLength(SrijanCandidate.MaxText, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? Remarks { get; set; }
    }

    public class OneToOneInput
    {
        public int? CandidateId { get; set; }

        [Display(Name = "Held on")]
        public DateOnly? On { get; set; }

        [Display(Name = "Heard by")]
        [StringLength(200, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? HeardBy { get; set; }

        [Display(Name = "Notes")]
        [StringLength(SrijanCandidate.MaxText, ErrorMessage = "{0} may have at most {1} characters.")]
        public string? Notes { get; set; }
    }

    public class AppointInput
    {
        [Display(Name = "Candidate to appoint")]
        public int? CandidateId { get; set; }

        [Display(Name = "From")]
        public DateOnly? From { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await AuditInterceptor.RecordReadAsync(db, User, clock.UtcNow(), "SrijanPanel", District.Id.ToString(), District.StateId, District.DistrictId,
            new { District = District.TerritoryId, Candidates = Candidates.Select(c => c.PersonId).ToArray() }, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddCandidateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (District.PanelSubmitted) return Invalid("Candidate.Mobile", "The panel has been submitted; it can no longer change.");
        var person = await db.PersonByMobileAsync(User, District.StateId, Candidate.Mobile, ct);
        if (person is null) return Invalid("Candidate.Mobile", "No person in your area has this mobile number.");
        if (Candidates.Any(c => c.PersonId == person.Id)) return Invalid("Candidate.Mobile", "This person is already on the panel.");
        if (Candidate.Category is not { } category || !Enum.IsDefined(category)) return Invalid("Candidate.Category", "Choose the social category.");
        db.SrijanCandidates.Add(new SrijanCandidate
        {
            SrijanDistrictId = District.Id, PersonId = person.Id, Category = category, Remarks = Clean(Candidate.Remarks),
            StateId = District.StateId, DivisionId = District.DivisionId, DistrictId = District.DistrictId,
            AddedUtc = clock.UtcNow(), AddedBy = User.Identity?.Name ?? "",
        });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveCandidateAsync(int id, int candidate, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        if (District.PanelSubmitted) return Invalid("Candidate.Mobile", "The panel has been submitted; it can no longer change.");
        var row = await db.SrijanCandidates.SingleOrDefaultAsync(c => c.Id == candidate && c.SrijanDistrictId == District.Id, ct);
        if (row is null) return Invalid("Candidate.Mobile", "Choose a candidate of this panel.");
        db.SrijanCandidates.Remove(row);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        try
        {
            District.SubmitPanel(Candidates.Count, Math.Max(1, Rules.MinPanelSize), clock.UtcNow(), User.Identity?.Name ?? "");
        }
        catch (DomainException e)
        {
            return Invalid("Panel", e.Message, Rules.MinPanelSize);
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostOneToOneAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!District.PanelSubmitted) return Invalid("OneToOne.CandidateId", "Submit the panel first.");
        var candidate = OneToOne.CandidateId is { } cid
            ? await db.SrijanCandidates.SingleOrDefaultAsync(c => c.Id == cid && c.SrijanDistrictId == District.Id, ct)
            : null;
        if (candidate is null) return Invalid("OneToOne.CandidateId", "Choose a candidate of this panel.");
        if (OneToOne.On is not { } on || on < District.Campaign!.StartedOn) return Invalid("OneToOne.On", "Enter the day of the one-to-one, within the campaign.");
        try
        {
            candidate.RecordOneToOne(on, InputText.Clean(OneToOne.HeardBy), Clean(OneToOne.Notes), Today);
        }
        catch (DomainException e)
        {
            return Invalid(e.Message.Contains("future", StringComparison.Ordinal) ? "OneToOne.On" : "OneToOne.HeardBy", e.Message);
        }
        District.Reach(SrijanStage.OneToOnesHeld, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAppointAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (District.AppointmentId is not null) return Invalid("Appoint.CandidateId", "This district's president has already been appointed in this campaign.");
        if (!District.PanelSubmitted) return Invalid("Appoint.CandidateId", "Submit the panel first: a president is appointed from a submitted panel.");
        var chosen = Candidates.SingleOrDefault(c => c.Id == Appoint.CandidateId);
        if (chosen is null) return Invalid("Appoint.CandidateId", "Choose a candidate of this panel.");
        if (chosen.HeardOn is null) return Invalid("Appoint.CandidateId", "Hold the one-to-one with this candidate first.");
        if (Appoint.From is not { } from || from < District.Campaign!.StartedOn || from > Today)
            return Invalid("Appoint.From", "Enter a day from the campaign's start to today.");

        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.Code == "PRES" && p.Level == TerritoryLevel.District, ct);
        var request = new AppointmentRequest(chosen.PersonId, post.Id, Data.Configurations.ReferenceData.MainWingId, District.TerritoryId, from);
        var previous = await db.Appointments.Where(a => a.TerritoryId == District.TerritoryId && a.PostId == post.Id
                                                        && a.WingId == Data.Configurations.ReferenceData.MainWingId && a.To == null)
            .OrderBy(a => a.From).FirstOrDefaultAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (appointment, problem) = previous is null
            ? await Appointing.AppointAsync(db, User, request, Today, ct)
            : await Appointing.SucceedAsync(db, User, previous, request, AppointmentEnd.Replaced, Today, ct, AppointmentNote);
        if (problem is not null || appointment is null)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var field = problem?.Field == "From" ? "Appoint.From" : "Appoint.CandidateId";
            return Invalid(field, problem?.Message ?? "Choose a candidate of this panel.", problem?.Arguments ?? []);
        }
        District.AppointmentId = appointment.Id;
        District.ChosenCandidateId = chosen.Id;
        District.Reach(SrijanStage.Appointed, clock.UtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RedirectToPage(new { id });
    }

    private static string? Clean(string? s) => InputText.Clean(s) is { Length: > 0 } c ? c : null;

    private IActionResult Invalid(string field, string message, params object[] args)
    {
        ModelState.AddModelError(field, L[message, args]);
        return Page();
    }

    /// <summary>The district, in scope, for a state role; false (404) for anyone else.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (!User.Can(Capability.RunCampaign)) return false;
        Today = clock.TodayInIndia();
        var district = await db.DistrictInScopeAsync(User, id, ct);
        if (district is null) return false;
        District = district;
        Candidates = await db.SrijanCandidates.AsNoTracking().Where(c => c.SrijanDistrictId == id).OrderBy(c => c.AddedUtc).ThenBy(c => c.Id)
            .Select(c => new CandidateRow(c.Id, c.PersonId, c.Person!.NameEn, c.Person.NameHi, c.Person.Mobile, c.Person.BirthYear, c.Person.Gender,
                c.Person.JoinedOn, c.Category, c.Remarks, c.HeardOn, c.HeardBy, c.HeardNotes)).ToListAsync(ct);
        var people = Candidates.Select(c => c.PersonId).ToList();
        Posts = (await db.Appointments.AsNoTracking().InScope(User).Where(a => people.Contains(a.PersonId))
            .OrderByDescending(a => a.From)
            .Select(a => new PostRow(a.PersonId, a.Post!.NameEn, a.Post.NameHi, a.Territory!.NameEn, a.Territory.NameHi, a.From, a.To))
            .ToListAsync(ct)).ToLookup(p => p.PersonId);
        if (District.AppointmentId is { } appointmentId)
        {
            var names = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId).Select(a => new { a.Person!.NameEn, a.Person.NameHi }).SingleOrDefaultAsync(ct);
            PresidentName = names is null ? null : Localization.Pick(names.NameEn, names.NameHi);
        }
        Appoint.From ??= Today;
        OneToOne.On ??= Today;
        return true;
    }
}
