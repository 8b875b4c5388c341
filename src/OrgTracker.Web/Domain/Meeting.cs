namespace OrgTracker.Web.Domain;

public enum MeetingType
{
    Review = 1,
    Training = 2,
    Strategy = 3,
    OneToOne = 4,
    Coordination = 5,
    Campaign = 6,
}

public enum MeetingStatus
{
    Scheduled = 1,
    Held = 2,
    Postponed = 3,
    Cancelled = 4,
}

public enum AttendanceStatus
{
    Unmarked = 0,
    Present = 1,
    Absent = 2,
    Excused = 3,
}

public enum InviteSource
{
    Rule = 1,
    Name = 2,
}

public enum ActionItemStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Dropped = 4,
}

/// <summary>
/// A group of meetings run as one: "3-day meeting of district presidents, two divisions a day" is one programme of
/// six sessions. Action items of one session carry forward to the later sessions of the same programme.
/// </summary>
public class MeetingProgramme : IScoped
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int TerritoryId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public uint Version { get; set; }

    public void PlaceAt(Territory t)
    {
        TerritoryId = t.Id;
        StateId = t.StateId;
        DivisionId = t.Level == TerritoryLevel.Division ? t.Id : t.DivisionId;
        DistrictId = t.Level == TerritoryLevel.District ? t.Id : t.DistrictId;
    }
}

/// <summary>
/// A meeting of a territory's organisation (a state review, a district committee, a block training …). Times are
/// stored in UTC and shown in India time (<see cref="MeetingTime"/>). The meeting lies in its territory's scope;
/// users below that territory see it when someone of their area was invited (<see cref="MeetingInvitee"/>).
/// </summary>
public class Meeting : IRecordsActivity
{
    /// <summary>Most invitees a meeting takes (its attendance is one form); more is a mistake in the rule.</summary>
    public const int MaxInvitees = 1000;

    public int Id { get; set; }
    public int? ProgrammeId { get; set; }
    public MeetingProgramme? Programme { get; set; }
    public string Title { get; set; } = "";
    public MeetingType Type { get; set; }
    public int TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public TerritoryLevel Level { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int? BlockId { get; set; }
    public int? ActivityBlockId => BlockId;
    public int? WingId { get; set; }
    public Wing? Wing { get; set; }
    public DateTime StartsUtc { get; set; }
    public DateTime EndsUtc { get; set; }
    public string? Venue { get; set; }
    public string? Chair { get; set; }
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    /// <summary>
    /// A one-to-one review of a district (<see cref="MeetingType.OneToOne"/>): the in-charge studies the district's
    /// arrangements and challenges and they settle its strategy; the agreed points become decisions with action items.
    /// </summary>
    public string? Arrangements { get; set; }
    public string? Challenges { get; set; }
    public string? Strategy { get; set; }
    public MeetingStatus Status { get; set; } = MeetingStatus.Scheduled;
    /// <summary>Everyone present, invited or not (workers come too): the figure a district's report cites.</summary>
    public int? HeadCount { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public uint Version { get; set; }

    public List<MeetingInvitee> Invitees { get; set; } = [];

    public void PlaceAt(Territory t)
    {
        TerritoryId = t.Id;
        Level = t.Level;
        StateId = t.StateId;
        DivisionId = t.Level == TerritoryLevel.Division ? t.Id : t.DivisionId;
        DistrictId = t.Level == TerritoryLevel.District ? t.Id : t.DistrictId;
        BlockId = t.Level == TerritoryLevel.Block ? t.Id : t.BlockId;
    }

    /// <summary>Sets start and end; the end must come after the start, within a week.</summary>
    public void Reschedule(DateTime startsUtc, DateTime endsUtc)
    {
        if (endsUtc <= startsUtc) throw new DomainException("The meeting must end after it starts.");
        if (endsUtc - startsUtc > TimeSpan.FromDays(7)) throw new DomainException("A meeting lasts at most a week; make a programme of several sessions.");
        StartsUtc = startsUtc;
        EndsUtc = endsUtc;
    }

    /// <summary>A meeting can be recorded as held only once it has begun.</summary>
    public void SetStatus(MeetingStatus status, DateTime nowUtc)
    {
        if (status == MeetingStatus.Held && StartsUtc > nowUtc) throw new DomainException("A meeting that has not begun cannot be recorded as held.");
        Status = status;
    }

    /// <summary>
    /// Marks one invitee present, absent or excused (with a reason). Attendance is taken once the meeting has begun
    /// and not for a postponed or cancelled one; marking it records a scheduled meeting as held.
    /// </summary>
    public void MarkAttendance(MeetingInvitee invitee, AttendanceStatus status, string? reason, DateTime nowUtc)
    {
        if (invitee.MeetingId != Id) throw new DomainException("This person was not invited to the meeting.");
        if (Status is MeetingStatus.Postponed or MeetingStatus.Cancelled) throw new DomainException("Attendance cannot be taken for a postponed or cancelled meeting.");
        if (StartsUtc > nowUtc) throw new DomainException("Attendance can be taken once the meeting has begun.");
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (status == AttendanceStatus.Excused && reason is null) throw new DomainException("Give the reason for the excuse.");
        if (invitee.Attendance != status || invitee.Reason != reason) invitee.MarkedUtc = nowUtc;
        invitee.Attendance = status;
        invitee.Reason = status is AttendanceStatus.Excused or AttendanceStatus.Absent ? reason : null;
        if (status != AttendanceStatus.Unmarked && Status == MeetingStatus.Scheduled) Status = MeetingStatus.Held;
    }

    /// <summary>
    /// The "body" a meeting belongs to, for carrying open action items forward: the sessions of one programme, or
    /// else the meetings of one territory, type and wing that belong to no programme.
    /// </summary>
    public bool SameBodyAs(Meeting other) =>
        ProgrammeId is { } p
            ? other.ProgrammeId == p
            : other.ProgrammeId is null && other.TerritoryId == TerritoryId && other.Type == Type && other.WingId == WingId;
}

/// <summary>
/// Someone invited to a meeting, resolved when invited (by a rule over posts, wing and levels, or by name) and
/// stored, so later appointments do not change who was invited. Carries the scope of the office (or home) through
/// which they were invited, so that their district sees the meeting. Holds their attendance.
/// </summary>
public class MeetingInvitee : IScoped
{
    public long Id { get; set; }
    public int MeetingId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The office through which they were invited, if any: the inactive signal points at it.</summary>
    public int? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public InviteSource Source { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public AttendanceStatus Attendance { get; set; }
    public string? Reason { get; set; }
    public DateTime? MarkedUtc { get; set; }
    public uint Version { get; set; }
}

/// <summary>A decision recorded in a meeting's minutes.</summary>
public class MeetingDecision : IScoped
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// Something a person owes by a date, decided in a meeting. It lies in the scope of its owner's territory, so the
/// owner's district sees it (even from a state meeting) and can close it. Open items show again at every later
/// meeting of the same body (<see cref="Meeting.SameBodyAs"/>) until done or dropped.
/// </summary>
public class ActionItem : IScoped
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? DecisionId { get; set; }
    public string Text { get; set; } = "";
    public int OwnerId { get; set; }
    public Person? Owner { get; set; }
    /// <summary>The owner's territory (of the office they were invited through, else home): overdue items group by it.</summary>
    public int TerritoryId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionItemStatus Status { get; set; } = ActionItemStatus.Open;
    public DateOnly? ClosedOn { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedUtc { get; set; }
    public uint Version { get; set; }

    public static readonly ActionItemStatus[] OpenStatuses = [ActionItemStatus.Open, ActionItemStatus.InProgress];

    public bool IsOpen => Status is ActionItemStatus.Open or ActionItemStatus.InProgress;

    /// <summary>Overdue: still open after its due date (India time).</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    /// <summary>A new item may not be due in the past.</summary>
    public static void CheckNewDueDate(DateOnly dueOn, DateOnly today)
    {
        if (dueOn < today) throw new DomainException("The due date of a new action item cannot be in the past.");
    }

    public void SetStatus(ActionItemStatus status, DateOnly today)
    {
        if (status == Status) return;
        Status = status;
        ClosedOn = IsOpen ? null : today;
    }
}

/// <summary>An evidence photo of a held meeting, re-encoded as JPEG (metadata such as location dropped) with a thumbnail.</summary>
public class MeetingPhoto : IScoped
{
    public const int MaxPerMeeting = 20;

    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public string? Caption { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public byte[] Image { get; set; } = [];
    public byte[] Thumbnail { get; set; } = [];
    public DateTime UploadedUtc { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>Signals drawn from attendance.</summary>
public static class AttendanceSignals
{
    /// <summary>How many of an office-bearer's latest invited meetings they must have missed to be suggested as inactive.</summary>
    public const int AbsencesInARow = 3;

    /// <summary>Only meetings of the last months count: the signal is about being inactive now.</summary>
    public const int WindowMonths = 6;

    /// <summary>
    /// True when the last three meetings with attendance taken (latest first by start) all found the person absent.
    /// An excused absence breaks the run; meetings with attendance not taken do not count.
    /// </summary>
    public static bool AbsentFromLastThree(IEnumerable<(DateTime StartsUtc, AttendanceStatus Attendance)> invited) =>
        invited.Where(i => i.Attendance != AttendanceStatus.Unmarked).OrderByDescending(i => i.StartsUtc).Take(AbsencesInARow)
            .Select(i => i.Attendance).ToList() is { Count: AbsencesInARow } last && last.All(a => a == AttendanceStatus.Absent);

    /// <summary>A training meeting attended by a leader who joined from another party is their training.</summary>
    public static bool RecordsTraining(Meeting meeting, Person person, AttendanceStatus attendance) =>
        meeting.Type == MeetingType.Training && attendance == AttendanceStatus.Present && !string.IsNullOrWhiteSpace(person.FormerParty);
}
