using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Meetings;

/// <summary>The meeting rules on their own: times, status, attendance, carry-forward, overdue, the absence signal, training.</summary>
public class MeetingRulesTests
{
    private static readonly DateTime Now = new(2026, 10, 15, 6, 0, 0, DateTimeKind.Utc);

    private static Meeting Held(int id = 1) => new()
    {
        Id = id, Title = "Review", Type = MeetingType.Review, TerritoryId = 10, StartsUtc = Now.AddDays(-1), EndsUtc = Now.AddDays(-1).AddHours(2),
        Status = MeetingStatus.Held,
    };

    [Fact]
    public void A_meeting_cannot_end_before_it_starts()
    {
        var m = Held();
        var e = Assert.Throws<DomainException>(() => m.Reschedule(Now, Now.AddMinutes(-30)));
        Assert.Equal("The meeting must end after it starts.", e.Message);
        Assert.Throws<DomainException>(() => m.Reschedule(Now, Now));
        m.Reschedule(Now, Now.AddHours(3));
        Assert.Equal(Now.AddHours(3), m.EndsUtc);
    }

    [Fact]
    public void A_meeting_in_the_future_cannot_be_recorded_as_held()
    {
        var m = Held();
        m.Reschedule(Now.AddDays(2), Now.AddDays(2).AddHours(1));
        Assert.Throws<DomainException>(() => m.SetStatus(MeetingStatus.Held, Now));
        m.SetStatus(MeetingStatus.Postponed, Now);
        Assert.Equal(MeetingStatus.Postponed, m.Status);
    }

    [Fact]
    public void Attendance_is_refused_for_someone_not_invited_and_an_excuse_needs_a_reason()
    {
        var m = Held();
        var stranger = new MeetingInvitee { MeetingId = 2, PersonId = 5 };
        Assert.Equal("This person was not invited to the meeting.", Assert.Throws<DomainException>(() => m.MarkAttendance(stranger, AttendanceStatus.Present, null, Now)).Message);
        var invitee = new MeetingInvitee { MeetingId = 1, PersonId = 6 };
        Assert.Throws<DomainException>(() => m.MarkAttendance(invitee, AttendanceStatus.Excused, "  ", Now));
        m.MarkAttendance(invitee, AttendanceStatus.Excused, " Unwell ", Now);
        Assert.Equal("Unwell", invitee.Reason);
        m.MarkAttendance(invitee, AttendanceStatus.Present, "ignored", Now);
        Assert.Null(invitee.Reason);
    }

    [Fact]
    public void Marking_attendance_records_a_scheduled_meeting_as_held_but_not_before_it_begins()
    {
        var m = Held();
        m.Status = MeetingStatus.Scheduled;
        var invitee = new MeetingInvitee { MeetingId = 1, PersonId = 6 };
        m.MarkAttendance(invitee, AttendanceStatus.Present, null, Now);
        Assert.Equal(MeetingStatus.Held, m.Status);

        var later = Held(2);
        later.Reschedule(Now.AddHours(1), Now.AddHours(2));
        later.Status = MeetingStatus.Scheduled;
        Assert.Throws<DomainException>(() => later.MarkAttendance(new MeetingInvitee { MeetingId = 2 }, AttendanceStatus.Present, null, Now));
        var cancelled = Held(3);
        cancelled.Status = MeetingStatus.Cancelled;
        Assert.Throws<DomainException>(() => cancelled.MarkAttendance(new MeetingInvitee { MeetingId = 3 }, AttendanceStatus.Present, null, Now));
    }

    [Fact]
    public void Items_carry_forward_within_a_programme_or_between_meetings_of_one_territory_type_and_wing()
    {
        var a = Held(1);
        var b = Held(2);
        Assert.True(a.SameBodyAs(b));
        b.Type = MeetingType.Training;
        Assert.False(a.SameBodyAs(b));
        b.Type = a.Type;
        b.WingId = 6;
        Assert.False(a.SameBodyAs(b));
        b.WingId = null;
        b.TerritoryId = 11;
        Assert.False(a.SameBodyAs(b));

        var s1 = Held(3);
        var s2 = Held(4);
        s1.ProgrammeId = s2.ProgrammeId = 7;
        s2.TerritoryId = 99;
        s2.Type = MeetingType.OneToOne;
        Assert.True(s1.SameBodyAs(s2));
        // A programme session and a stand-alone meeting are different bodies, even of one territory and type.
        Assert.False(s1.SameBodyAs(a));
        Assert.False(a.SameBodyAs(s1));
    }

    [Fact]
    public void An_open_item_is_overdue_after_its_due_date_and_closing_it_records_the_day()
    {
        var today = new DateOnly(2026, 10, 15);
        var item = new ActionItem { DueOn = today.AddDays(-1) };
        Assert.True(item.IsOverdue(today));
        Assert.False(new ActionItem { DueOn = today }.IsOverdue(today));
        item.SetStatus(ActionItemStatus.InProgress, today);
        Assert.True(item.IsOverdue(today));
        item.SetStatus(ActionItemStatus.Done, today);
        Assert.False(item.IsOverdue(today));
        Assert.Equal(today, item.ClosedOn);
        item.SetStatus(ActionItemStatus.Open, today);
        Assert.Null(item.ClosedOn);
    }

    [Fact]
    public void A_new_item_may_not_be_due_in_the_past()
    {
        var today = new DateOnly(2026, 10, 15);
        Assert.Throws<DomainException>(() => ActionItem.CheckNewDueDate(today.AddDays(-1), today));
        ActionItem.CheckNewDueDate(today, today);
    }

    [Fact]
    public void Absent_from_the_last_three_meetings_with_attendance_is_the_signal()
    {
        (DateTime, AttendanceStatus) At(int day, AttendanceStatus a) => (Now.AddDays(day), a);
        Assert.True(AttendanceSignals.AbsentFromLastThree([At(-30, AttendanceStatus.Present), At(-20, AttendanceStatus.Absent), At(-10, AttendanceStatus.Absent), At(-5, AttendanceStatus.Absent)]));
        // Attendance not taken does not count; an excuse breaks the run; two absences are not enough.
        Assert.True(AttendanceSignals.AbsentFromLastThree([At(-20, AttendanceStatus.Absent), At(-10, AttendanceStatus.Absent), At(-7, AttendanceStatus.Unmarked), At(-5, AttendanceStatus.Absent)]));
        Assert.False(AttendanceSignals.AbsentFromLastThree([At(-20, AttendanceStatus.Absent), At(-10, AttendanceStatus.Excused), At(-5, AttendanceStatus.Absent)]));
        Assert.False(AttendanceSignals.AbsentFromLastThree([At(-10, AttendanceStatus.Absent), At(-5, AttendanceStatus.Absent)]));
        Assert.False(AttendanceSignals.AbsentFromLastThree([At(-30, AttendanceStatus.Absent), At(-20, AttendanceStatus.Absent), At(-10, AttendanceStatus.Absent), At(-5, AttendanceStatus.Present)]));
    }

    [Fact]
    public void A_training_meeting_attended_by_a_leader_from_another_party_is_their_training()
    {
        var training = Held();
        training.Type = MeetingType.Training;
        var joined = new Person { FormerParty = "BJP" };
        var lifelong = new Person();
        Assert.True(AttendanceSignals.RecordsTraining(training, joined, AttendanceStatus.Present));
        Assert.False(AttendanceSignals.RecordsTraining(training, joined, AttendanceStatus.Absent));
        Assert.False(AttendanceSignals.RecordsTraining(training, lifelong, AttendanceStatus.Present));
        Assert.False(AttendanceSignals.RecordsTraining(Held(), joined, AttendanceStatus.Present));
    }

    [Fact]
    public void Meeting_times_are_entered_in_india_time_and_stored_in_utc()
    {
        var ist = new DateTime(2026, 10, 5, 11, 0, 0);
        var utc = IndiaTime.ToUtc(ist);
        Assert.Equal(new DateTime(2026, 10, 5, 5, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(ist, IndiaTime.ToIndia(utc));
        // 00:30 in India is still the previous day in UTC.
        Assert.Equal(new DateOnly(2026, 10, 6), IndiaTime.Day(IndiaTime.ToUtc(new DateTime(2026, 10, 6, 0, 30, 0))));
    }
}
