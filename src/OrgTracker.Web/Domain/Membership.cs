namespace OrgTracker.Web.Domain;

public enum DriveStatus
{
    Planned = 1,
    Open = 2,
    Closed = 3,
}

public enum EnrolmentChannel
{
    PaperForm = 1,
    Online = 2,
    MissedCall = 3,
}

public enum Verification
{
    Unverified = 0,
    Verified = 1,
    Rejected = 2,
}

/// <summary>
/// A membership drive (सदस्यता अभियान) of one state, with a period and targets per district and optionally per block.
/// A drive belongs to the state as a whole: it is <see cref="IScoped"/> at state level, so only state-scoped roles
/// pass a write check on it, while everyone in the state may read it (<c>MembershipQueries.DrivesOf</c>).
/// </summary>
public class MembershipDrive : IScoped
{
    public int Id { get; set; }
    public int StateId { get; set; }
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public DriveStatus Status { get; set; } = DriveStatus.Planned;
    public DateTime CreatedUtc { get; set; }
    public uint Version { get; set; }

    public int? DivisionId => null;
    public int? DistrictId => null;

    public string Name(bool hindi) => hindi ? NameHi : NameEn;

    /// <summary>Members are enrolled only while the drive is open.</summary>
    public bool IsOpen => Status == DriveStatus.Open;

    /// <summary>An enrolment date must lie within the drive's period and not in the future.</summary>
    public bool AcceptsDate(DateOnly date, DateOnly today) => date >= StartDate && date <= EndDate && date <= today;
}

/// <summary>How many members a district (or a block) should enrol in a drive.</summary>
public class DriveTarget : IScoped
{
    public int DriveId { get; set; }
    /// <summary>A district or a block.</summary>
    public int TerritoryId { get; set; }
    public TerritoryLevel Level { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int? BlockId { get; set; }
    public int Target { get; set; }
    public uint Version { get; set; }

    public static DriveTarget For(int driveId, Territory t, int target) => new()
    {
        DriveId = driveId, TerritoryId = t.Id, Level = t.Level, StateId = t.StateId, DivisionId = t.DivisionId,
        DistrictId = t.Level == TerritoryLevel.District ? t.Id : t.DistrictId,
        BlockId = t.Level == TerritoryLevel.Block ? t.Id : null, Target = target,
    };
}

/// <summary>
/// A member enrolled in a drive. The mobile number is the key: one person is enrolled at most once per drive
/// (primary key drive + mobile). The booth decides block, district, division and state, which are copied onto the
/// row so that scope filters and roll-ups need no join. Mobile numbers are stored as E.164 digits (919876543210).
/// </summary>
public class Member : IRecordsActivity
{
    public int DriveId { get; set; }
    public long Mobile { get; set; }
    public string Name { get; set; } = "";
    public int BoothId { get; set; }
    public int BlockId { get; set; }
    public int? ActivityBlockId => BlockId;
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public Gender? Gender { get; set; }
    public short? BirthYear { get; set; }
    public EnrolmentChannel Channel { get; set; } = EnrolmentChannel.PaperForm;
    /// <summary>The date on the form (or of the call); progress by day counts this date.</summary>
    public DateOnly EnrolledOn { get; set; }
    /// <summary>The office-bearer or worker who enrolled the member, as written on the form.</summary>
    public string? EnrolledBy { get; set; }
    /// <summary>The user who recorded the enrolment (typed it in or imported the file).</summary>
    public string? RecordedByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public Verification Verification { get; set; }
    public DateTime? VerifiedUtc { get; set; }
    public string? VerifiedByUserId { get; set; }
    /// <summary>The import and line the member came from, when imported; lets a re-run of an import recognise its own rows.</summary>
    public long? ImportJobId { get; set; }
    public int? ImportLine { get; set; }
    public uint Version { get; set; }

    /// <summary>Copies the booth's place in the tree onto the member.</summary>
    public void PlaceAt(Territory booth)
    {
        if (booth.Level != TerritoryLevel.Booth) throw new ArgumentException("Members are enrolled at a booth.", nameof(booth));
        BoothId = booth.Id;
        BlockId = booth.BlockId ?? throw new ArgumentException("A booth lies in a block.", nameof(booth));
        StateId = booth.StateId;
        DivisionId = booth.DivisionId;
        DistrictId = booth.DistrictId;
    }
}

/// <summary>Members of a drive per booth, kept by every write to members in the same transaction (never counted per request).</summary>
public class MemberBoothCount : IScoped
{
    public int DriveId { get; set; }
    public int BoothId { get; set; }
    public int BlockId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int Enrolled { get; set; }
    public int Verified { get; set; }
    public int Rejected { get; set; }
}

/// <summary>
/// Members of a drive per block and month of enrolment (India's calendar), kept like <see cref="MemberBoothCount"/>;
/// the dashboard's totals and trend and the membership pages above booth level read this. Verified and rejected
/// members count in the month they were enrolled (a verification changes that month's row).
/// </summary>
public class MemberMonthCount : IScoped
{
    public int DriveId { get; set; }
    public int BlockId { get; set; }
    public DateOnly Month { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int Enrolled { get; set; }
    public int Verified { get; set; }
    public int Rejected { get; set; }
}

/// <summary>
/// Members of a drive per assembly constituency (by their booth's), kept like <see cref="MemberBoothCount"/> and
/// recounted when a booth moves to another constituency; the dashboard's focus seats read this.
/// </summary>
public class MemberSeatCount
{
    public int DriveId { get; set; }
    public int AssemblyConstituencyId { get; set; }
    public int StateId { get; set; }
    public int Enrolled { get; set; }
}

/// <summary>Members of a drive per block and enrolment day, kept like <see cref="MemberBoothCount"/>; progress by day and every roll-up read this.</summary>
public class MemberDailyCount : IScoped
{
    public int DriveId { get; set; }
    public int BlockId { get; set; }
    public DateOnly Day { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int Enrolled { get; set; }
}
