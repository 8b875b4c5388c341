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
