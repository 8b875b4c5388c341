using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>A programme: its sessions (those the user may see) with attendance, and its action items.</summary>
public class ProgrammeModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public MeetingProgramme Programme { get; private set; } = null!;
    public List<Session> Sessions { get; private set; } = [];
    public List<MeetingView.ItemRow> Items { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }

    public sealed record Session(int Id, string Title, DateTime StartsUtc, DateTime EndsUtc, MeetingStatus Status, int Invited, int Present, int Absent);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var programme = await db.MeetingProgrammes.AsNoTracking().Visible(db, User).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return NotFound();
        Programme = programme;
        Today = clock.TodayInIndia();
        CanEdit = User.Can(Capability.RecordMeetings) && (await auth.AuthorizeAsync(User, programme, Operations.Update)).Succeeded;
        var sessions = db.Meetings.AsNoTracking().Visible(db, User).Where(m => m.ProgrammeId == id);
        Sessions = await sessions.OrderBy(m => m.StartsUtc).ThenBy(m => m.Id)
            .Select(m => new Session(m.Id, m.Title, m.StartsUtc, m.EndsUtc, m.Status,
                db.MeetingInvitees.Count(i => i.MeetingId == m.Id),
                db.MeetingInvitees.Count(i => i.MeetingId == m.Id && i.Attendance == AttendanceStatus.Present),
                db.MeetingInvitees.Count(i => i.MeetingId == m.Id && i.Attendance == AttendanceStatus.Absent)))
            .ToListAsync(ct);
        Items = (await db.ActionItems.AsNoTracking().Where(a => sessions.Any(m => m.Id == a.MeetingId))
                .OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(500)
                .Select(a => new { a.Id, a.MeetingId, a.Text, a.OwnerId, a.Owner!.NameEn, a.Owner.NameHi, a.DueOn, a.Status, a.DecisionId, a.Meeting!.Title, a.Meeting.StartsUtc })
                .ToListAsync(ct))
            .Select(a => new MeetingView.ItemRow(a.Id, a.MeetingId, a.Text, a.OwnerId, Localization.Pick(a.NameEn, a.NameHi), a.DueOn, a.Status,
                a.DecisionId, a.Title, a.StartsUtc)).ToList();
        return Page();
    }
}
