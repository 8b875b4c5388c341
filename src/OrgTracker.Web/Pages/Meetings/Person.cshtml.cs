using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>A person's meetings: attendance history and the action items they own (among what the user may see).</summary>
public class PersonModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public int PersonId { get; private set; }
    public string Name { get; private set; } = "";
    public string? FormerParty { get; private set; }
    public List<Training> Trainings { get; private set; } = [];
    public List<MeetingView.ItemRow> Items { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var invitedHere = db.MeetingInvitees.InScope(User).Select(i => i.PersonId);
        var person = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Where(p => db.People.InScope(User).Any(s => s.Id == p.Id) || invitedHere.Contains(p.Id))
            .Select(p => new { p.Id, p.NameEn, p.NameHi, p.FormerParty }).SingleOrDefaultAsync(ct);
        if (person is null) return NotFound();
        PersonId = person.Id;
        Name = Localization.Pick(person.NameEn, person.NameHi);
        FormerParty = person.FormerParty;
        Today = clock.TodayInIndia();
        Trainings = await db.Trainings.AsNoTracking().Where(t => t.PersonId == id).OrderByDescending(t => t.On).ToListAsync(ct);
        var meetings = db.Meetings.Visible(db, User);
        Items = (await db.ActionItems.AsNoTracking().Where(a => a.OwnerId == id)
                .Where(a => db.ActionItems.InScope(User).Any(s => s.Id == a.Id) || meetings.Any(m => m.Id == a.MeetingId))
                .OrderBy(a => a.DueOn).Take(200)
                .Select(a => new { a.Id, a.MeetingId, a.Text, a.DueOn, a.Status, a.DecisionId, a.Meeting!.Title, a.Meeting.StartsUtc }).ToListAsync(ct))
            .Select(a => new MeetingView.ItemRow(a.Id, a.MeetingId, a.Text, id, Name, a.DueOn, a.Status, a.DecisionId, a.Title, a.StartsUtc)).ToList();
        return Page();
    }
}
