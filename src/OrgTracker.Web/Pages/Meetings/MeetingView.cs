using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>Everything the meeting page and its printable form show, read in a few queries.</summary>
public sealed class MeetingView
{
    public required Meeting Meeting { get; init; }
    public required List<InviteeRow> Invitees { get; init; }
    public required List<MeetingDecision> Decisions { get; init; }
    public required List<ItemRow> Items { get; init; }
    public required List<ItemRow> CarriedForward { get; init; }
    public required List<PhotoRow> Photos { get; init; }

    public string TerritoryName => Localization.Pick(Meeting.Territory!.NameEn, Meeting.Territory.NameHi);
    public string? WingName => Meeting.Wing is { } w ? Localization.Pick(w.NameEn, w.NameHi) : null;
    public int Count(AttendanceStatus s) => Invitees.Count(i => i.Attendance == s);

    public sealed record InviteeRow(long Id, int PersonId, string Name, string? Post, string? Territory, AttendanceStatus Attendance,
        string? Reason, uint Version, bool FromOtherParty);

    public sealed record ItemRow(int Id, int MeetingId, string Text, int OwnerId, string Owner, DateOnly DueOn, ActionItemStatus Status,
        int? DecisionId, string MeetingTitle, DateTime MeetingStartsUtc)
    {
        public bool IsOverdue(DateOnly today) => Status is ActionItemStatus.Open or ActionItemStatus.InProgress && DueOn < today;
    }

    public sealed record PhotoRow(int Id, string? Caption, int Width, int Height);
}

public static class MeetingViewQueries
{
    /// <summary>The meeting as the user may see it, or null (404).</summary>
    public static async Task<MeetingView?> LoadMeetingViewAsync(this AppDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Visible(db, user).Include(m => m.Territory).Include(m => m.Wing).Include(m => m.Programme)
            .SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return null;
        // A meeting above the user's scope (a state meeting a district president is invited to) is seen for the
        // invitation; its invitees and action items are shown only as far as they lie in the user's own scope.
        var fromAbove = UserScope.From(user)?.Covers(meeting) != true;
        var inviteeRows = db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == id);
        if (fromAbove) inviteeRows = inviteeRows.InScope(user);
        var invitees = (await inviteeRows
                .Select(i => new
                {
                    i.Id, i.PersonId, i.Person!.NameEn, i.Person.NameHi, PostEn = i.Appointment!.Post!.NameEn, PostHi = i.Appointment.Post.NameHi,
                    TerritoryEn = i.Appointment.Territory!.NameEn, TerritoryHi = i.Appointment.Territory.NameHi,
                    i.Attendance, i.Reason, i.Version, i.Person.FormerParty,
                }).ToListAsync(ct))
            .Select(i => new MeetingView.InviteeRow(i.Id, i.PersonId, Localization.Pick(i.NameEn, i.NameHi),
                i.PostEn is null ? null : Localization.Pick(i.PostEn, i.PostHi),
                i.TerritoryEn is null ? null : Localization.Pick(i.TerritoryEn, i.TerritoryHi),
                i.Attendance, i.Reason, i.Version, !string.IsNullOrWhiteSpace(i.FormerParty)))
            .OrderBy(i => i.Name).ToList();
        var decisions = await db.MeetingDecisions.AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.Id).ToListAsync(ct);
        var itemRows = db.ActionItems.Where(a => a.MeetingId == id);
        var carriedRows = db.CarriedForwardTo(meeting);
        if (fromAbove)
        {
            itemRows = itemRows.InScope(user);
            carriedRows = carriedRows.InScope(user);
        }
        var items = await Items(itemRows).ToListAsync(ct);
        var carried = await Items(carriedRows).ToListAsync(ct);
        var photos = await db.MeetingPhotos.AsNoTracking().Where(p => p.MeetingId == id).OrderBy(p => p.Id)
            .Select(p => new MeetingView.PhotoRow(p.Id, p.Caption, p.Width, p.Height)).ToListAsync(ct);
        return new MeetingView
        {
            Meeting = meeting, Invitees = invitees, Decisions = decisions, Items = Localise(items), CarriedForward = Localise(carried), Photos = photos,
        };
    }

    private sealed record RawItem(int Id, int MeetingId, string Text, int OwnerId, string OwnerEn, string OwnerHi, DateOnly DueOn,
        ActionItemStatus Status, int? DecisionId, string MeetingTitle, DateTime MeetingStartsUtc);

    private static IQueryable<RawItem> Items(IQueryable<ActionItem> items) => items.AsNoTracking()
        .OrderBy(a => a.Meeting!.StartsUtc).ThenBy(a => a.DueOn).ThenBy(a => a.Id).Take(500)
        .Select(a => new RawItem(a.Id, a.MeetingId, a.Text, a.OwnerId, a.Owner!.NameEn, a.Owner.NameHi, a.DueOn, a.Status, a.DecisionId,
            a.Meeting!.Title, a.Meeting.StartsUtc));

    private static List<MeetingView.ItemRow> Localise(List<RawItem> rows) => rows.Select(a => new MeetingView.ItemRow(a.Id, a.MeetingId, a.Text,
        a.OwnerId, Localization.Pick(a.OwnerEn, a.OwnerHi), a.DueOn, a.Status, a.DecisionId, a.MeetingTitle, a.MeetingStartsUtc)).ToList();
}

/// <summary>Model of the _ActionItems partial: the items, today's date (India) and whether to name each item's meeting.</summary>
public sealed record ActionItemsView(IReadOnlyList<MeetingView.ItemRow> Items, DateOnly Today, bool ShowMeeting);

/// <summary>Model of the _Filters partial (list and calendar); the calendar keeps its month and has no date range.</summary>
public sealed record FiltersView(MeetingFilter Filter, IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Territories, string? Month);
