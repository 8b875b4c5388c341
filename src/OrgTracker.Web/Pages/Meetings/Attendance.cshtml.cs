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
/// The attendance checklist, made for a phone: each invitee present, absent or excused (with a reason), and the head
/// count. Only rows that changed are written, each guarded by its own version, so two people marking different
/// invitees do not collide. A training meeting attended by a leader who joined from another party records their
/// training. All or nothing.
/// </summary>
// Up to five form values per invitee (id, version, status twice, reason): above the default limit of 1,024 values.
[RequestFormLimits(ValueCountLimit = Meeting.MaxInvitees * 6 + 100)]
public class AttendanceModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    [BindProperty] public List<MarkInput> Marks { get; set; } = [];

    [BindProperty]
    [Range(0, 1_000_000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Head count")]
    public int? HeadCount { get; set; }

    [BindProperty] public uint MeetingVersion { get; set; }

    public class MarkInput
    {
        public long Id { get; set; }
        public uint Version { get; set; }
        public AttendanceStatus Status { get; set; }

        [StringLength(300, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        Marks = View.Invitees.Select(i => new MarkInput { Id = i.Id, Version = i.Version, Status = i.Attendance, Reason = i.Reason }).ToList();
        HeadCount = View.Meeting.HeadCount;
        MeetingVersion = View.Meeting.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id, ct);
        var invitees = await db.MeetingInvitees.Include(i => i.Person).Where(i => i.MeetingId == id).ToDictionaryAsync(i => i.Id, ct);
        var changed = new List<MeetingInvitee>();
        for (var n = 0; n < Marks.Count; n++)
        {
            var mark = Marks[n];
            if (!invitees.TryGetValue(mark.Id, out var invitee))
            {
                AddOnce("", L["This person was not invited to the meeting."]);
                continue;
            }
            if (!Enum.IsDefined(mark.Status))
            {
                ModelState.AddModelError($"Marks[{n}].Status", L["The value is not valid."]);
                continue;
            }
            var reason = ReportInput.CleanText(mark.Reason);
            if (invitee.Attendance == mark.Status && invitee.Reason == (mark.Status is AttendanceStatus.Absent or AttendanceStatus.Excused ? reason : null))
                continue;
            try
            {
                meeting.MarkAttendance(invitee, mark.Status, reason, now);
            }
            catch (DomainException e)
            {
                if (e.Message == "Give the reason for the excuse.") ModelState.AddModelError($"Marks[{n}].Reason", L[e.Message]);
                else AddOnce("", L[e.Message]);
                continue;
            }
            db.Entry(invitee).Property(i => i.Version).OriginalValue = mark.Version;
            changed.Add(invitee);
        }
        if (!ModelState.IsValid) return Page();
        // The head count is the meeting's own field: guard it with the meeting's version. Recording the meeting as held
        // (by marking attendance) is checked against the version just read.
        if (HeadCount != meeting.HeadCount)
        {
            meeting.HeadCount = HeadCount;
            db.Entry(meeting).Property(m => m.Version).OriginalValue = MeetingVersion;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RecordTrainingAsync(meeting, changed, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            // Several rows carry versions here: the marks are read again by opening the page again.
            await conflicts.ShowAsync(this, e, ct);
            return Page();
        }
        await tx.CommitAsync(ct);
        return RedirectToPage("Details", new { id });
    }

    private void AddOnce(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Any(e => e.ErrorMessage == message)) return;
        ModelState.AddModelError(key, message);
    }

    /// <summary>Keeps the trainings recorded from this meeting in step with who attended it.</summary>
    private async Task RecordTrainingAsync(Meeting meeting, List<MeetingInvitee> changed, CancellationToken ct)
    {
        if (changed.Count == 0) return;
        var people = changed.Select(i => i.PersonId).ToList();
        var recorded = await db.Trainings.Where(t => t.MeetingId == meeting.Id && people.Contains(t.PersonId)).ToListAsync(ct);
        foreach (var invitee in changed)
        {
            var existing = recorded.Where(t => t.PersonId == invitee.PersonId).ToList();
            if (AttendanceSignals.RecordsTraining(meeting, invitee.Person!, invitee.Attendance))
            {
                if (existing.Count == 0)
                    db.Trainings.Add(new Training
                    {
                        PersonId = invitee.PersonId, StateId = meeting.StateId, MeetingId = meeting.Id, On = IndiaTime.Day(meeting.StartsUtc),
                        Description = meeting.Title.Length > 300 ? meeting.Title[..300] : meeting.Title,
                    });
            }
            else
            {
                db.Trainings.RemoveRange(existing);
            }
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var view = await db.LoadMeetingViewAsync(User, id, ct);
        if (view is null) return NotFound();
        if (!(await auth.AuthorizeAsync(User, view.Meeting, Operations.Update)).Succeeded) return Forbid();
        View = view;
        return null;
    }
}
