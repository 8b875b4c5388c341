namespace OrgTracker.Web.Domain;

/// <summary>
/// A record of organisational work (a meeting, an appointment, an enrolment, a report). Saving one marks its
/// district and block as active today (<see cref="UnitActivity"/>), which is how silent units are found.
/// </summary>
public interface IRecordsActivity : IScoped
{
    /// <summary>The block the work happened in, if below district level.</summary>
    int? ActivityBlockId { get; }
}

/// <summary>The last day a district or block recorded any work. Kept by the audit interceptor on every save.</summary>
public class UnitActivity : IScoped
{
    public int TerritoryId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public DateOnly LastOn { get; set; }
}

/// <summary>
/// The standing figures of one unit, summed from the summaries above and the current appointments, so that a
/// dashboard reads a row per block (about 1,100 rows for Uttar Pradesh) instead of every coverage cell, vacancy
/// cell, unit and inactive office-bearer: a unit is a block with its wards and booths, or the own territory of a
/// district, division or state (its own posts). Its ancestor columns are those of the unit, its own id at its level.
/// Refreshed with the coverage, vacancies and unit counts of its blocks and territories, with appointments
/// ended or marked inactive there, and with the action items that open, close or move there.
/// </summary>
public class UnitFigure : IScoped
{
    public int UnitId { get; set; }
    public int StateId { get; set; }
    public TerritoryLevel Level { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int? BlockId { get; set; }
    public int Booths { get; set; }
    public int WithAgent { get; set; }
    public int WithCommittee { get; set; }
    /// <summary>Wards in the unit: a block's, or a district's that lie in no block.</summary>
    public int Wards { get; set; }
    /// <summary>Sanctioned main-organisation posts filled in the unit's territories (each post up to its sanction).</summary>
    public int Filled { get; set; }
    /// <summary>Office-bearers in post in the unit's territories flagged inactive.</summary>
    public int Inactive { get; set; }
    /// <summary>
    /// Action items still open (open or in progress) that belong to the unit: a district's, or a division's or
    /// state's own (an action item belongs to a district at most, so a block has none). Those overdue are these less
    /// the ones not yet due, a short range of an index (most open items are overdue).
    /// </summary>
    public int OpenActionItems { get; set; }
}

/// <summary>
/// For one territory above booth level: how many of its sanctioned main-organisation posts are filled (each post
/// counted up to its sanction). Vacancies of an area = Σ territories × sanctioned posts of their level − Σ filled.
/// Refreshed with the appointments of the territory.
/// </summary>
public class VacancyCell : IScoped
{
    public int TerritoryId { get; set; }
    public TerritoryLevel Level { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int? BlockId { get; set; }
    public int Filled { get; set; }
}

/// <summary>
/// For one territory above booth level: how many territories of each level sit directly under it (by parent), and
/// how many people have it as their nearest unit (their district, else division, else state). Counts below an area
/// = Σ of the rows of the area and of everything under it, a few thousand rows for a state instead of every booth
/// and person. Refreshed for the old and new parent whenever a territory or a person is added, moved or removed.
/// </summary>
public class UnitCount : IScoped
{
    public int TerritoryId { get; set; }
    public TerritoryLevel Level { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int? BlockId { get; set; }
    public int Divisions { get; set; }
    public int Districts { get; set; }
    public int Blocks { get; set; }
    public int Wards { get; set; }
    public int Booths { get; set; }
    public int People { get; set; }
}

/// <summary>
/// A person whose last <see cref="AttendanceSignals.AbsencesInARow"/> meetings with attendance taken (held meetings,
/// latest first by start) all found them absent: the absentees list reads these rows instead of ranking every
/// invitation of the last months. <see cref="OldestUtc"/> and <see cref="LatestUtc"/> are the starts of the oldest
/// and latest of those meetings, so the list keeps only runs inside its window. Refreshed for every person whose
/// invitation, attendance or meeting (status, start) changes.
/// </summary>
public class AbsenceRun
{
    public int PersonId { get; set; }
    public int StateId { get; set; }
    public DateTime OldestUtc { get; set; }
    public DateTime LatestUtc { get; set; }
}

/// <summary>
/// Held meetings per unit and month (India's calendar). The unit is the meeting's district, else its division, else
/// its state; meetings of blocks and below count in their district. Dashboards of a state, division or district read
/// their trend here. Refreshed for the unit and month of a meeting, before and after each change to it.
/// </summary>
public class MeetingMonth : IScoped
{
    public int UnitId { get; set; }
    public DateOnly Month { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int Held { get; set; }
}

/// <summary>
/// A person who came from another party and has no training recorded yet: the training list reads these rows
/// instead of testing every person. Refreshed for every person whose former party, place or trainings change.
/// </summary>
public class TrainingNeed : IScoped
{
    public int PersonId { get; set; }
    /// <summary>The person's English name, the list's order within a district.</summary>
    public string NameEn { get; set; } = "";
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
}

/// <summary>
/// A district's report month as the dashboards read it, kept from the month's versions so that a year of months
/// is a few hundred short rows, not every version with its figures: the newest version's status, the first
/// submission, and the figures of the effective version (the newest accepted one, else the newest awaiting review;
/// null when there is none), one column per indicator of <see cref="ReportIndicators.Defaults"/>, named after it
/// (a figure the version lacks is 0, as the score reads it). Plain columns, not an array: reading 800 short
/// <c>integer[]</c> values took Npgsql 4–6 ms, the same numbers as columns well under 1 ms.
/// Refreshed for the district and month of a version, before and after each change to it. A change to the catalogue
/// needs a migration with its column and a rebuild (<c>Summaries.RebuildReportMonthsSql</c>).
/// </summary>
public class ReportMonth
{
    public int DistrictId { get; set; }
    public DateOnly Period { get; set; }
    public int StateId { get; set; }
    public int DivisionId { get; set; }
    public ReportStatus LatestStatus { get; set; }
    public DateTime? FirstSubmittedUtc { get; set; }
    public int? MeetingsHeld { get; set; }
    public int? BlockCommitteesFormed { get; set; }
    public int? BoothCommitteesFormed { get; set; }
    public int? BoothAgentsAppointed { get; set; }
    public int? MembersEnrolled { get; set; }
    public int? TrainingSessionsHeld { get; set; }
    public int? PublicProgrammes { get; set; }
    public int? SocialMediaPosts { get; set; }
    public int? InactiveIdentified { get; set; }

    // The column of each indicator of the catalogue, in its order (a catalogue entry without one fails here, at start).
    private static readonly Func<ReportMonth, int?>[] Columns = ReportIndicators.Defaults
        .Select(i => typeof(ReportMonth).GetProperty(i.Key)?.GetMethod?.CreateDelegate<Func<ReportMonth, int?>>()
                     ?? throw new InvalidOperationException($"ReportMonth has no column for the indicator {i.Key}."))
        .ToArray();

    /// <summary>The effective version's figures in the order of the catalogue (null when there is none).</summary>
    public int[]? Figures => MeetingsHeld is null ? null : Columns.Select(c => c(this) ?? 0).ToArray();

    /// <summary>The effective version's figures by indicator key (null when there is none).</summary>
    public Dictionary<string, int>? FiguresByKey() =>
        Figures?.Zip(ReportIndicators.Defaults).ToDictionary(x => x.Second.Key, x => x.First);
}
