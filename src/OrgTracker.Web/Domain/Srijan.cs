namespace OrgTracker.Web.Domain;

/// <summary>Where a district stands in the Sangathan Srijan campaign; a district only moves forward.</summary>
public enum SrijanStage
{
    AwaitingObservers = 0,
    ObserversAssigned = 1,
    ConsultationsHeld = 2,
    PanelSubmitted = 3,
    OneToOnesHeld = 4,
    Appointed = 5,
}

/// <summary>Who sent an observer (पर्यवेक्षक): the central organisation or the state.</summary>
public enum ObserverLevel
{
    Central = 1,
    State = 2,
}

/// <summary>A candidate's social category, as the observer records it.</summary>
public enum SocialCategory
{
    General = 1,
    Obc = 2,
    Sc = 3,
    St = 4,
    Minority = 5,
}

/// <summary>The panel's composition rules (section "Srijan"; e.g. ORGTRACKER_Srijan__MinPanelSize=6).</summary>
public sealed class SrijanOptions
{
    public const string Section = "Srijan";

    /// <summary>A panel is submitted with at least this many names.</summary>
    public int MinPanelSize { get; set; } = 6;

    /// <summary>At least this share of the names from SC, ST, OBC or minorities.</summary>
    public decimal MinReservedShare { get; set; } = 0.5m;

    /// <summary>At least this share of the names under <see cref="YoungAge"/>.</summary>
    public decimal MinYoungShare { get; set; } = 0.5m;

    /// <summary>"Young": younger than this many years.</summary>
    public int YoungAge { get; set; } = 50;
}

/// <summary>
/// The Sangathan Srijan Abhiyan (संगठन सृजन अभियान) of a state: district presidents chosen afresh. Every district of
/// the state has one <see cref="SrijanDistrict"/>. A campaign lies in its state's scope.
/// </summary>
public class SrijanCampaign : IScoped
{
    public int Id { get; set; }
    public int StateId { get; set; }
    /// <summary>Always null: a campaign is the state's.</summary>
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
    public DateOnly StartedOn { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>
/// One district in a campaign: observers assigned → consultations held → panel submitted → one-to-ones held →
/// president appointed. The stage and the instant it was reached are kept for the board (days in stage).
/// </summary>
public class SrijanDistrict : IScoped
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public SrijanCampaign? Campaign { get; set; }
    public int TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public SrijanStage Stage { get; set; }
    public DateTime StageSinceUtc { get; set; }
    public DateTime? PanelSubmittedUtc { get; set; }
    public string? PanelSubmittedBy { get; set; }
    public int? ChosenCandidateId { get; set; }
    public int? AppointmentId { get; set; }
    public uint Version { get; set; }

    public bool PanelSubmitted => PanelSubmittedUtc is not null;

    public void PlaceAt(Territory district)
    {
        TerritoryId = district.Id;
        StateId = district.StateId;
        DivisionId = district.DivisionId;
        DistrictId = district.Id;
    }

    /// <summary>Moves to <paramref name="stage"/> when it is further than the present one; never back.</summary>
    public void Reach(SrijanStage stage, DateTime nowUtc)
    {
        if (stage <= Stage) return;
        Stage = stage;
        StageSinceUtc = nowUtc;
    }

    /// <summary>Days in the present stage, by India's days.</summary>
    public int DaysInStage(DateOnly today) => Math.Max(0, today.DayNumber - IndiaTime.Day(StageSinceUtc).DayNumber);

    /// <summary>Submits the panel: it needs at least <paramref name="minimum"/> names, and is submitted once.</summary>
    public void SubmitPanel(int candidates, int minimum, DateTime nowUtc, string user)
    {
        if (PanelSubmitted) throw new DomainException("The panel has already been submitted.");
        if (candidates < minimum) throw new DomainException("A panel needs at least {0} candidates.");
        PanelSubmittedUtc = nowUtc;
        PanelSubmittedBy = user;
        Reach(SrijanStage.PanelSubmitted, nowUtc);
    }
}

/// <summary>An observer (पर्यवेक्षक) assigned to a campaign district: an existing person, central or state.</summary>
public class SrijanObserver : IScoped
{
    public int Id { get; set; }
    public int SrijanDistrictId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public ObserverLevel Level { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public DateTime AssignedUtc { get; set; }
    public string AssignedBy { get; set; } = "";
}

/// <summary>A consultation: a meeting held at the district, linked to its campaign district.</summary>
public class SrijanConsultation : IScoped
{
    public int Id { get; set; }
    public int SrijanDistrictId { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public DateTime LinkedUtc { get; set; }
    public string LinkedBy { get; set; } = "";
}

/// <summary>
/// A name on a district's panel: a person, their social category and the observer's remarks; the one-to-one
/// (when, who heard, notes) once held. Confidential: read by state roles only, every read audited.
/// </summary>
public class SrijanCandidate : IScoped
{
    public const int MaxText = 2000;

    public int Id { get; set; }
    public int SrijanDistrictId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public SocialCategory Category { get; set; }
    public string? Remarks { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public DateTime AddedUtc { get; set; }
    public string AddedBy { get; set; } = "";
    public DateOnly? HeardOn { get; set; }
    public string? HeardBy { get; set; }
    public string? HeardNotes { get; set; }
    public uint Version { get; set; }

    public bool Heard => HeardOn is not null;

    /// <summary>Records the one-to-one; a later record replaces it (the audit trail keeps the earlier).</summary>
    public void RecordOneToOne(DateOnly on, string heardBy, string? notes, DateOnly today)
    {
        if (on > today) throw new DomainException("The one-to-one cannot be in the future.");
        if (string.IsNullOrWhiteSpace(heardBy)) throw new DomainException("Enter who heard the candidate.");
        HeardOn = on;
        HeardBy = heardBy;
        HeardNotes = notes;
    }

    public static bool IsReserved(SocialCategory c) => c is SocialCategory.Obc or SocialCategory.Sc or SocialCategory.St or SocialCategory.Minority;
}
