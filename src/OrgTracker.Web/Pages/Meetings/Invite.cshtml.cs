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
/// Who is invited: add the current office-bearers named by a rule, or one person found by name or mobile within the
/// meeting's reach (its territory and below); remove someone whose attendance is not yet taken.
/// </summary>
public class InviteModel(AppDbContext db, IAuthorizationService auth, SealedTerms terms, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int SearchLimit = 20;

    public MeetingView View { get; private set; } = null!;
    public Territory Reach { get; private set; } = null!;
    public List<SelectListItem> Wings { get; private set; } = [];
    public List<Match> Matches { get; private set; } = [];
    public string? Notice { get; private set; }

    /// <summary>A name or a mobile number; URLs carry it sealed (<see cref="SealedTerms"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public string? SealedQ => terms.Seal(Q);
    [BindProperty] public InviteRuleInput Rule { get; set; } = new();

    public sealed record Match(int PersonId, string Name, string Mobile, string Home, bool Invited);

    public async Task<IActionResult> OnGetAsync(int id, int? added, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        if (added is { } n) Notice = L["{0} invited.", Localization.Number(n)];
        await SearchAsync(ct);
        return Page();
    }

    /// <summary>The search form posts here: the page's URL then carries the term sealed, as it may be a mobile number.</summary>
    public async Task<IActionResult> OnPostSearchAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        return RedirectToPage(new { id, q = SealedQ });
    }

    public async Task<IActionResult> OnPostRuleAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        var rule = Rule.ToRule(Reach.Level);
        if (rule.Levels.Count == 0) return await InvalidAsync("Rule.Levels", "Choose at least one level to invite from.");
        if (!await db.IsKnownWingAsync(rule.WingId, ct)) return await InvalidAsync("Rule.WingId", "Choose a wing.");
        var candidates = await db.ResolveRuleAsync(Reach, rule, ct);
        var added = await InviteAndSaveAsync(candidates, InviteSource.Rule, ct);
        if (added is null) return await InvalidAsync("Rule.Levels", "This rule names more than {0} people; narrow it.", Meeting.MaxInvitees);
        return RedirectToPage(new { id, added });
    }

    public async Task<IActionResult> OnPostPersonAsync(int id, int personId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        var candidate = await db.CandidateAsync(Reach, personId, ct);
        if (candidate is null) return await InvalidAsync("", "This person is outside the meeting's reach: invite people of {0} and below.", View.TerritoryName);
        var added = await InviteAndSaveAsync([candidate], InviteSource.Name, ct);
        if (added is null) return await InvalidAsync("", "A meeting can have at most {0} invitees.", Meeting.MaxInvitees);
        return RedirectToPage(new { id, added, q = SealedQ });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, long inviteeId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        var invitee = await db.MeetingInvitees.SingleOrDefaultAsync(i => i.Id == inviteeId && i.MeetingId == id, ct);
        if (invitee is null) return await InvalidAsync("", "This person was not invited to the meeting.");
        if (invitee.Attendance != AttendanceStatus.Unmarked) return await InvalidAsync("", "Attendance is taken for this person; they stay on the list.");
        if (await db.ActionItems.AnyAsync(a => a.MeetingId == id && a.OwnerId == invitee.PersonId, ct))
            return await InvalidAsync("", "This person owns an action item of this meeting; they stay on the list.");
        db.MeetingInvitees.Remove(invitee);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    /// <summary>The unique index of (meeting, person): a person is invited to a meeting once.</summary>
    public const string InviteeIndex = "ix_meeting_invitees_meeting_id_person_id";

    /// <summary>
    /// Invites the candidates not yet invited and saves; null when the meeting would have too many invitees. Two
    /// people inviting the same person at the same moment both read "not invited"; the second save then meets the
    /// unique index: the person is invited, so the list is read again and only the others are added.
    /// </summary>
    private async Task<int?> InviteAndSaveAsync(IReadOnlyCollection<MeetingQueries.Candidate> candidates, InviteSource source, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var added = await db.InviteAsync(View.Meeting, candidates, source, ct);
            if (added is null) return null;
            try
            {
                await db.SaveChangesAsync(ct);
                return added;
            }
            catch (DbUpdateException e) when (attempt < 3 && DatabaseError.From(e).Is(DatabaseErrorKind.UniqueViolation, InviteeIndex))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IActionResult> InvalidAsync(string field, string message, params object[] args)
    {
        ModelState.AddModelError(field, L[message, args]);
        await SearchAsync(CancellationToken.None);
        return Page();
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        var q = ReportInput.CleanText(Q);
        if (q is null) return;
        var people = db.PeopleInReach(Reach).AsNoTracking();
        if (IndianMobile.Normalise(q) is { } mobile && q.Count(char.IsDigit) >= 10) people = people.Where(p => p.Mobile == mobile);
        else
        {
            var pattern = "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            people = people.Where(p => EF.Functions.ILike(p.NameEn, pattern) || EF.Functions.ILike(p.NameHi, pattern));
        }
        var invited = View.Invitees.Select(i => i.PersonId).ToHashSet();
        Matches = (await people.OrderBy(p => p.NameEn).Take(SearchLimit)
                .Select(p => new { p.Id, p.NameEn, p.NameHi, p.Mobile, HomeEn = db.Territories.Where(t => t.Id == p.HomeTerritoryId).Select(t => t.NameEn).First(),
                    HomeHi = db.Territories.Where(t => t.Id == p.HomeTerritoryId).Select(t => t.NameHi).First() })
                .ToListAsync(ct))
            .Select(p => new Match(p.Id, Localization.Pick(p.NameEn, p.NameHi), IndianMobile.Display(p.Mobile), Localization.Pick(p.HomeEn, p.HomeHi), invited.Contains(p.Id)))
            .ToList();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Q = terms.Open(Q);
        var view = await db.LoadMeetingViewAsync(User, id, ct);
        if (view is null) return NotFound();
        if (!(await auth.AuthorizeAsync(User, view.Meeting, Operations.Update)).Succeeded) return Forbid();
        View = view;
        Reach = view.Meeting.Territory!;
        Wings = await db.Wings.AsNoTracking().OrderBy(x => x.SortOrder)
            .Select(x => new SelectListItem(Localization.Pick(x.NameEn, x.NameHi), x.Id.ToString())).ToListAsync(ct);
        return null;
    }
}
