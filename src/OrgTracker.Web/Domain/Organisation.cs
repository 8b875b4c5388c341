namespace OrgTracker.Web.Domain;

public enum Gender
{
    Male = 1,
    Female = 2,
    Other = 3,
}

/// <summary>
/// One person (worker, office-bearer, leader). The mobile number, normalised to +91…, is unique.
/// A person belongs to the territory they live and work in (their home), which scopes who may see them.
/// </summary>
public class Person : IScoped
{
    public int Id { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int HomeTerritoryId { get; set; }
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
    /// <summary>E.164, e.g. +919876543210.</summary>
    public string Mobile { get; set; } = "";
    public string? Email { get; set; }
    public Gender? Gender { get; set; }
    public int? BirthYear { get; set; }
    public string? Address { get; set; }
    /// <summary>The party they came from, if any; such leaders need training.</summary>
    public string? FormerParty { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public uint Version { get; set; }

    public List<Training> Trainings { get; set; } = [];

    public bool NeedsTraining => !string.IsNullOrWhiteSpace(FormerParty) && Trainings.Count == 0;

    public void PlaceIn(Territory home)
    {
        HomeTerritoryId = home.Id;
        StateId = home.StateId;
        DivisionId = home.Level == TerritoryLevel.Division ? home.Id : home.DivisionId;
        DistrictId = home.Level == TerritoryLevel.District ? home.Id : home.DistrictId;
    }
}

/// <summary>A training a person attended (a date and what it was).</summary>
public class Training
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    /// <summary>The person's state (the distribution column when sharded by state, docs/scaling.md).</summary>
    public int StateId { get; set; }
    public DateOnly On { get; set; }
    public string Description { get; set; } = "";
    /// <summary>The training meeting, once meetings record it.</summary>
    public int? MeetingId { get; set; }
}

public enum WingKind
{
    Main = 1,
    Frontal = 2,
    Department = 3,
    Cell = 4,
}

/// <summary>The main organisation, a frontal organisation, a department or a cell (प्रकोष्ठ).</summary>
public class Wing
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public WingKind Kind { get; set; }
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>
/// A post at one level of the tree (a state vice-president is a different post from a district vice-president),
/// with the number sanctioned for each territory of that level, if fixed, so that vacancies show.
/// </summary>
public class Post
{
    public const string BoothAgentCode = "BLA";

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public TerritoryLevel Level { get; set; }
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
    public int? Sanctioned { get; set; }
    public int SortOrder { get; set; }
}

public enum CommitteeKind
{
    StateExecutive = 1,
    ElectionManagement = 2,
    District = 3,
    Block = 4,
    Ward = 5,
    Booth = 6,
}

/// <summary>A named set of appointments at a territory (state executive, booth committee …).</summary>
public class Committee : IRecordsActivity
{
    public int Id { get; set; }
    public int TerritoryId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public CommitteeKind Kind { get; set; }
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
    public DateOnly FormedOn { get; set; }
    public DateOnly? DissolvedOn { get; set; }
    public uint Version { get; set; }
    /// <summary>Set for committees below district level, so that forming one counts as the block's activity.</summary>
    public int? BlockId { get; set; }
    public int? ActivityBlockId => BlockId;
}

public enum AppointmentEnd
{
    Ended = 1,
    Resigned = 2,
    Transferred = 3,
    Replaced = 4,
    Removed = 5,
}

/// <summary>
/// An office-bearer: a person holds a post in a wing at a territory from a date. Appointments are never
/// deleted; they end (with a reason) and the history stays.
/// </summary>
public class Appointment : IRecordsActivity
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    public int WingId { get; set; }
    public Wing? Wing { get; set; }
    public int TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int? BlockId { get; set; }
    public int? CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public AppointmentEnd? EndReason { get; set; }
    public string? EndNote { get; set; }
    /// <summary>The appointment that took this one's place (replace, transfer).</summary>
    public int? SuccessorId { get; set; }
    public DateOnly? InactiveSince { get; set; }
    public string? InactiveReason { get; set; }
    public uint Version { get; set; }

    public bool IsActive => To is null;

    public int? ActivityBlockId => BlockId;

    public void PlaceAt(Territory t)
    {
        TerritoryId = t.Id;
        StateId = t.StateId;
        DivisionId = t.Level == TerritoryLevel.Division ? t.Id : t.DivisionId;
        DistrictId = t.Level == TerritoryLevel.District ? t.Id : t.DistrictId;
        BlockId = t.Level == TerritoryLevel.Block ? t.Id : t.BlockId;
    }

    /// <summary>Ends the appointment; the record stays as history.</summary>
    public void End(DateOnly on, AppointmentEnd reason, string? note = null)
    {
        if (!IsActive) throw new DomainException("This appointment has already ended.");
        if (on < From) throw new DomainException("The end date cannot be before the start date.");
        To = on;
        EndReason = reason;
        EndNote = note;
    }

    public void FlagInactive(DateOnly since, string reason)
    {
        if (!IsActive) throw new DomainException("Only a current appointment can be flagged inactive.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give a reason.");
        InactiveSince = since;
        InactiveReason = reason.Trim();
    }

    public void ClearInactive()
    {
        InactiveSince = null;
        InactiveReason = null;
    }
}

/// <summary>A rule of the domain was broken; the message is an English resource key shown to the user.</summary>
public sealed class DomainException(string message) : Exception(message);

/// <summary>
/// Booth coverage summary for one block × assembly constituency cell: how many booths, how many have an active
/// booth agent, how many a booth committee. Roll-ups by block, district, division, state and constituency sum
/// these few thousand rows instead of scanning every booth. Refreshed for a block whenever its booths or
/// their agents and committees change, in the same transaction.
/// </summary>
public class CoverageCell : IScoped
{
    public int BlockId { get; set; }
    public int AssemblyConstituencyId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int Booths { get; set; }
    public int WithAgent { get; set; }
    public int WithCommittee { get; set; }
}
