using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using Npgsql;
using NpgsqlTypes;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>Queries shared by the meeting pages: who sees which meeting, who is within a meeting's reach, carry-forward.</summary>
public static class MeetingQueries
{
    /// <summary>
    /// Meetings the user may see: those of their territory and below, and (for division- and district-scoped users)
    /// the state or division meetings to which someone of their area was invited. Anything else is not found (404).
    /// </summary>
    public static IQueryable<Meeting> Visible(this IQueryable<Meeting> meetings, AppDbContext db, ClaimsPrincipal user)
    {
        var scope = UserScope.From(user);
        if (scope is null) return meetings.Where(_ => false);
        var under = scope.Filter<Meeting>();
        if (scope.Level == TerritoryLevel.State) return meetings.Where(under);
        var state = scope.StateId;
        var invited = db.MeetingInvitees.Under(scope.Level, scope.TerritoryId);
        Expression<Func<Meeting, bool>> invitedFromAbove = m => m.StateId == state && invited.Any(i => i.MeetingId == m.Id);
        return meetings.Where(under.Or(TerritoryFilter.Above<Meeting>(scope.Level).And(invitedFromAbove)));
    }

    /// <summary>Programmes the user may see: in scope, or with a session they may see.</summary>
    public static IQueryable<MeetingProgramme> Visible(this IQueryable<MeetingProgramme> programmes, AppDbContext db, ClaimsPrincipal user)
    {
        var sessions = db.Meetings.Visible(db, user);
        var scope = UserScope.From(user);
        if (scope is null) return programmes.Where(_ => false);
        return programmes.Where(p => p.StateId == scope.StateId && sessions.Any(m => m.ProgrammeId == p.Id))
            .Union(programmes.InScope(user));
    }

    public sealed record TerritoryOption(int Id, TerritoryLevel Level, string Name, string Label);

    /// <summary>
    /// Territories to hold a meeting at, in tree order with indented labels: the state, divisions and districts of the
    /// user's area, and the blocks and wards of one district (<paramref name="focusDistrict"/>).
    /// </summary>
    public static async Task<List<TerritoryOption>> TerritoryOptionsAsync(this AppDbContext db, ClaimsPrincipal user, int? focusDistrict, CancellationToken ct)
    {
        var scope = UserScope.Required(user);
        var rows = await db.Territories.AsNoTracking().InScope(user)
            .Where(t => t.Level <= TerritoryLevel.District || (t.DistrictId == focusDistrict && t.Level <= TerritoryLevel.Ward))
            .Select(t => new { t.Id, t.Level, t.ParentId, t.NameEn, t.NameHi }).ToListAsync(ct);
        var children = rows.ToLookup(t => t.ParentId);
        var result = new List<TerritoryOption>();
        void Walk(int? parent, int depth)
        {
            foreach (var t in children[parent].OrderBy(t => t.NameEn))
            {
                var name = Localization.Pick(t.NameEn, t.NameHi);
                result.Add(new TerritoryOption(t.Id, t.Level, name, new string('\u00a0', depth * 3) + name));
                Walk(t.Id, depth + 1);
            }
        }
        var ids = rows.Select(r => r.Id).ToHashSet();
        foreach (var root in rows.Where(r => r.ParentId is null || !ids.Contains(r.ParentId.Value)).OrderBy(r => r.Level).ThenBy(r => r.NameEn))
        {
            var name = Localization.Pick(root.NameEn, root.NameHi);
            result.Add(new TerritoryOption(root.Id, root.Level, name, name));
            Walk(root.Id, 1);
        }
        return result;
    }

    /// <summary>Appointments within a territory's reach: at it or anywhere below it.</summary>
    public static Expression<Func<Appointment, bool>> AppointmentInReach(Territory reach)
    {
        var id = reach.Id;
        return reach.Level switch
        {
            // Appointments carry no ward column: a ward's reach is its own posts and its booths'.
            TerritoryLevel.Ward => a => a.TerritoryId == id || a.Territory!.WardId == id,
            TerritoryLevel.Booth => a => a.TerritoryId == id,
            _ => TerritoryFilter.Condition<Appointment>(reach.Level, id),
        };
    }

    /// <summary>Territories within a territory's reach (itself and below).</summary>
    public static Expression<Func<Territory, bool>> TerritoryInReach(Territory reach) => TerritoryFilter.Subtree(reach.Level, reach.Id);

    /// <summary>People within a meeting's reach: living there, or holding a current office there.</summary>
    public static IQueryable<Person> PeopleInReach(this AppDbContext db, Territory reach)
    {
        var homes = db.Territories.Where(TerritoryInReach(reach));
        var offices = db.Appointments.Where(a => a.To == null).Where(AppointmentInReach(reach));
        return db.People.Where(p => homes.Any(t => t.Id == p.HomeTerritoryId) || offices.Any(a => a.PersonId == p.Id));
    }

    /// <summary>An invitee-to-be: the person, the office through which they are invited, and its scope.</summary>
    public sealed record Candidate(int PersonId, int? AppointmentId, int StateId, int? DivisionId, int? DistrictId, int TerritoryId);

    /// <summary>
    /// The current office-bearers that a rule names within a meeting's reach: posts (by code; none = all) at the
    /// chosen levels, in a wing (or any). Each person once, through their highest office.
    /// </summary>
    public static async Task<List<Candidate>> ResolveRuleAsync(this AppDbContext db, Territory reach, InviteRule rule, CancellationToken ct)
    {
        var levels = rule.Levels.ToList();
        var codes = rule.PostCodes.ToList();
        var query = db.Appointments.AsNoTracking().Where(a => a.To == null).Where(AppointmentInReach(reach))
            .Where(a => levels.Contains(a.Post!.Level));
        if (codes.Count > 0) query = query.Where(a => codes.Contains(a.Post!.Code));
        if (rule.WingId is { } w) query = query.Where(a => a.WingId == w);
        var rows = await query.OrderBy(a => a.Post!.Level).ThenBy(a => a.Post!.SortOrder).ThenBy(a => a.Id)
            .Select(a => new Candidate(a.PersonId, a.Id, a.StateId, a.DivisionId, a.DistrictId, a.TerritoryId))
            .Take(Meeting.MaxInvitees * 2).ToListAsync(ct);
        return rows.DistinctBy(r => r.PersonId).ToList();
    }

    /// <summary>A person invited by name: through a current office within reach if they hold one, else their home.</summary>
    public static async Task<Candidate?> CandidateAsync(this AppDbContext db, Territory reach, int personId, CancellationToken ct)
    {
        var office = await db.Appointments.AsNoTracking().Where(a => a.PersonId == personId && a.To == null).Where(AppointmentInReach(reach))
            .OrderBy(a => a.Post!.Level).ThenBy(a => a.Post!.SortOrder)
            .Select(a => new Candidate(a.PersonId, a.Id, a.StateId, a.DivisionId, a.DistrictId, a.TerritoryId)).FirstOrDefaultAsync(ct);
        if (office is not null) return office;
        return await db.PeopleInReach(reach).AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new Candidate(p.Id, null, p.StateId, p.DivisionId, p.DistrictId, p.HomeTerritoryId)).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Adds the candidates not yet invited; returns how many were added. The caller saves. Refuses (null) when the
    /// meeting would have more than <see cref="Meeting.MaxInvitees"/>.
    /// </summary>
    public static async Task<int?> InviteAsync(this AppDbContext db, Meeting meeting, IReadOnlyCollection<Candidate> candidates, InviteSource source, CancellationToken ct)
    {
        var already = (await db.MeetingInvitees.Where(i => i.MeetingId == meeting.Id).Select(i => i.PersonId).ToListAsync(ct)).ToHashSet();
        var fresh = candidates.Where(c => !already.Contains(c.PersonId)).ToList();
        if (already.Count + fresh.Count > Meeting.MaxInvitees) return null;
        foreach (var c in fresh)
            db.MeetingInvitees.Add(new MeetingInvitee
            {
                MeetingId = meeting.Id, PersonId = c.PersonId, AppointmentId = c.AppointmentId, Source = source,
                StateId = c.StateId, DivisionId = c.DivisionId, DistrictId = c.DistrictId,
            });
        return fresh.Count;
    }

    /// <summary>Open action items of earlier meetings of the same body (<see cref="Meeting.SameBodyAs"/>), carried forward to this one.</summary>
    public static IQueryable<ActionItem> CarriedForwardTo(this AppDbContext db, Meeting m)
    {
        var items = db.ActionItems.Where(a => a.MeetingId != m.Id && (a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress)
                                              && a.Meeting!.StartsUtc < m.StartsUtc);
        if (m.ProgrammeId is { } p) return items.Where(a => a.Meeting!.ProgrammeId == p);
        return items.Where(a => a.Meeting!.ProgrammeId == null && a.Meeting.TerritoryId == m.TerritoryId && a.Meeting.Type == m.Type
                                && a.Meeting.WingId == m.WingId);
    }

    /// <summary>Office-bearers suggested for the inactive list: absent from each of their last three invited meetings that took attendance.</summary>
    public sealed record Absentee(int PersonId, string NameEn, string NameHi, string Mobile, int AppointmentId, string PostEn, string PostHi,
        string TerritoryEn, string TerritoryHi, int? DistrictId, DateTime LastMeetingUtc);

    /// <summary>
    /// The absent-three-times signal for the current office-bearers in the user's scope (optionally one district),
    /// not already flagged inactive. One window over the attendance of the state's held meetings of the last
    /// <see cref="AttendanceSignals.WindowMonths"/> months (found by the (state, start) index); see
    /// <see cref="AttendanceSignals.AbsentFromLastThree"/> for the rule.
    /// </summary>
    public static async Task<List<Absentee>> AbsenteesAsync(this AppDbContext db, ClaimsPrincipal user, int? districtId, DateTime nowUtc, CancellationToken ct)
    {
        var scope = UserScope.From(user);
        if (scope is null) return [];
        var since = nowUtc.AddMonths(-AttendanceSignals.WindowMonths);
        // The user's scope over the appointments, and the district chosen (a district user has theirs).
        var appointments = new List<SqlCondition> { scope.Sql("a", "scope") };
        if (districtId is { } d && scope.Level != TerritoryLevel.District)
            appointments.Add(TerritorySql.Under("a", TerritoryLevel.District, d, "district"));
        // The runs of absences are kept by the summary refresher (AbsenceRun); the window keeps the recent ones.
        var sql = $"""
            SELECT DISTINCT ON (p.id) p.id AS person_id, p.name_en, p.name_hi, p.mobile, a.id AS appointment_id,
                   po.name_en AS post_en, po.name_hi AS post_hi, t.name_en AS territory_en, t.name_hi AS territory_hi,
                   a.district_id, r.latest_utc AS last_utc
            FROM absence_runs r
            JOIN people p ON p.id = r.person_id AND p.state_id = r.state_id
            JOIN appointments a ON a.person_id = p.id AND a.state_id = p.state_id AND a."to" IS NULL AND a.inactive_since IS NULL
            JOIN posts po ON po.id = a.post_id
            JOIN territories t ON t.id = a.territory_id
            WHERE r.state_id = @state AND r.oldest_utc >= @since AND r.latest_utc <= @now AND {string.Join(" AND ", appointments)}
            ORDER BY p.id, po.level, po.sort_order
            """;
        var rows = await db.Database.SqlQueryRaw<AbsenteeRow>(sql,
            [
                new NpgsqlParameter("state", NpgsqlDbType.Integer) { Value = scope.StateId },
                new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = since },
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = nowUtc },
                .. appointments.Select(c => c.Parameter),
            ]).ToListAsync(ct);
        return rows.Select(r => new Absentee(r.PersonId, r.NameEn, r.NameHi, r.Mobile, r.AppointmentId, r.PostEn, r.PostHi,
                r.TerritoryEn, r.TerritoryHi, r.DistrictId, r.LastUtc))
            .OrderBy(r => r.DistrictId).ThenBy(r => r.NameEn).ToList();
    }

    public sealed class AbsenteeRow
    {
        public int PersonId { get; set; }
        public string NameEn { get; set; } = "";
        public string NameHi { get; set; } = "";
        public string Mobile { get; set; } = "";
        public int AppointmentId { get; set; }
        public string PostEn { get; set; } = "";
        public string PostHi { get; set; } = "";
        public string TerritoryEn { get; set; } = "";
        public string TerritoryHi { get; set; } = "";
        public int? DistrictId { get; set; }
        public DateTime LastUtc { get; set; }
    }

    /// <summary>One line of a person's attendance history.</summary>
    public sealed record HistoryRow(int MeetingId, string Title, MeetingType Type, MeetingStatus Status, DateTime StartsUtc,
        AttendanceStatus Attendance, string? Reason);

    /// <summary>A person's invited meetings, latest first, among the meetings the user may see (null: the person is not visible).</summary>
    public static async Task<(List<HistoryRow> Rows, int Present, int Absent, int Excused)?> AttendanceHistoryAsync(
        this AppDbContext db, ClaimsPrincipal user, int personId, int take, CancellationToken ct)
    {
        var visiblePerson = await db.People.AsNoTracking().InScope(user).AnyAsync(p => p.Id == personId, ct)
                            || await db.MeetingInvitees.AsNoTracking().InScope(user).AnyAsync(i => i.PersonId == personId, ct);
        if (!visiblePerson) return null;
        var meetings = db.Meetings.AsNoTracking().Visible(db, user);
        var invited = db.MeetingInvitees.AsNoTracking().Where(i => i.PersonId == personId && meetings.Any(m => m.Id == i.MeetingId));
        var counts = await invited.GroupBy(i => i.Attendance).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var rows = await invited.Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { i, m })
            .OrderByDescending(x => x.m.StartsUtc).Take(take)
            .Select(x => new HistoryRow(x.m.Id, x.m.Title, x.m.Type, x.m.Status, x.m.StartsUtc, x.i.Attendance, x.i.Reason))
            .ToListAsync(ct);
        int N(AttendanceStatus s) => counts.FirstOrDefault(c => c.Key == s)?.N ?? 0;
        return (rows, N(AttendanceStatus.Present), N(AttendanceStatus.Absent), N(AttendanceStatus.Excused));
    }

    /// <summary>True when no wing is named (any wing) or the wing exists: a posted wing id is checked, never trusted.</summary>
    public static async Task<bool> IsKnownWingAsync(this AppDbContext db, int? wingId, CancellationToken ct) =>
        wingId is not { } w || await db.Wings.AnyAsync(x => x.Id == w, ct);

    /// <summary>The people whose email is the signed-in user's: users are not people, so "my" items are matched by email.</summary>
    public static IQueryable<Person> SignedInPeople(this AppDbContext db, ClaimsPrincipal user)
    {
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;
        if (string.IsNullOrWhiteSpace(email)) return db.People.Where(_ => false);
        var normalised = email.Trim().ToLower();
        // Only people of the user's own scope: an email is not unique across states.
        return db.People.InScope(user).Where(p => p.Email != null && p.Email.ToLower() == normalised);
    }
}

/// <summary>Invite by rule: posts (codes; none = every post) at the chosen levels, in a wing (null = any).</summary>
public sealed record InviteRule(IReadOnlyCollection<TerritoryLevel> Levels, IReadOnlyCollection<string> PostCodes, int? WingId);

/// <summary>English resource keys for meeting values chosen in code.</summary>
public static class MeetingText
{
    /// <summary>"05-10-2026 11:00" in India time.</summary>
    public static string When(DateTime utc) =>
        IndiaTime.ToIndia(utc).ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"05-10-2026 11:00–13:30", or both full moments when the meeting runs over days.</summary>
    public static string Span(DateTime startsUtc, DateTime endsUtc) =>
        IndiaTime.Day(startsUtc) == IndiaTime.Day(endsUtc)
            ? When(startsUtc) + "–" + IndiaTime.ToIndia(endsUtc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : When(startsUtc) + " – " + When(endsUtc);

    public static string TypeKey(MeetingType t) => t switch
    {
        MeetingType.Review => "Review",
        MeetingType.Training => "Training",
        MeetingType.Strategy => "Strategy",
        MeetingType.OneToOne => "One-to-one",
        MeetingType.Coordination => "Coordination",
        _ => "Campaign",
    };

    public static string StatusKey(MeetingStatus s) => s switch
    {
        MeetingStatus.Scheduled => "Scheduled",
        MeetingStatus.Held => "Held",
        MeetingStatus.Postponed => "Postponed",
        _ => "Cancelled",
    };

    public static string StatusBadge(MeetingStatus s) => s switch
    {
        MeetingStatus.Scheduled => "text-bg-info",
        MeetingStatus.Held => "text-bg-success",
        MeetingStatus.Postponed => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    public static string AttendanceKey(AttendanceStatus a) => a switch
    {
        AttendanceStatus.Present => "Present",
        AttendanceStatus.Absent => "Absent",
        AttendanceStatus.Excused => "Excused",
        _ => "Not marked",
    };

    public static string ActionStatusKey(ActionItemStatus s) => s switch
    {
        ActionItemStatus.Open => "Open",
        ActionItemStatus.InProgress => "In progress",
        ActionItemStatus.Done => "Done",
        _ => "Dropped",
    };

    /// <summary>Post codes offered by the invite rule, with a label that fits every level.</summary>
    public static readonly (string Code, string Key)[] PostCodes =
    [
        ("PRES", "President"), ("WPRES", "Working president"), ("VP", "Vice-president"), ("GS", "General secretary"),
        ("SEC", "Secretary"), ("TRE", "Treasurer"), ("SPOKES", "Spokesperson"), ("INCH", "In-charge"), ("COINCH", "Co-in-charge"),
        ("MEMBER", "Committee member"), (Post.BoothAgentCode, "Booth agent (BLA)"),
    ];

    /// <summary>Messages chosen in code (resource keys), checked for Hindi by a test.</summary>
    public static readonly string[] Messages =
    [
        "The meeting must end after it starts.", "A meeting lasts at most a week; make a programme of several sessions.",
        "A meeting that has not begun cannot be recorded as held.", "This person was not invited to the meeting.",
        "Attendance cannot be taken for a postponed or cancelled meeting.", "Attendance can be taken once the meeting has begun.",
        "Give the reason for the excuse.", "The due date of a new action item cannot be in the past.",
        // Passed to the localizer by the pages' Invalid helpers.
        "Photos can be added once the meeting is recorded as held.", "Choose one or more photos.", "A meeting can have at most {0} photos.",
        "{0} is larger than {1} MB. Nothing was saved.", "{0} is not a photo (JPEG, PNG or WebP). Nothing was saved.",
        "Choose a decision of this meeting.", "Someone else changed this meeting while you were working. Nothing was saved; open it again.",
        "This person is outside the meeting's reach: invite people of {0} and below.", "A meeting can have at most {0} invitees.",
        "Attendance is taken for this person; they stay on the list.", "This person owns an action item of this meeting; they stay on the list.",
        "This rule names more than {0} people; narrow it.", "Enter the title.", "Write the decision.", "Write what is to be done.",
        "Choose the owner from the invitees.",
    ];
}

/// <summary>What the invite-rule partial needs: the meeting's level (the levels below it are offered), the values and the wings.</summary>
public sealed record InviteRuleView(TerritoryLevel MeetingLevel, InviteRuleInput Rule, IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Wings);
