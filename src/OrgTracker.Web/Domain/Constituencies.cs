namespace OrgTracker.Web.Domain;

public class LokSabhaConstituency
{
    public int Id { get; set; }
    public int StateId { get; set; }
    public int Number { get; set; }
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
}

public enum ElectionOutcome
{
    Won = 1,
    Lost = 2,
}

/// <summary>An assembly (Vidhan Sabha) constituency with the party's last result there.</summary>
public class AssemblyConstituency : IScoped
{
    public int Id { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    /// <summary>The district the constituency lies in (most of its booths).</summary>
    public int? DistrictId { get; set; }
    /// <summary>Null until the state office records it: a production set-up knows the assembly seats, not the Lok Sabha seats.</summary>
    public int? LokSabhaConstituencyId { get; set; }
    public LokSabhaConstituency? LokSabhaConstituency { get; set; }
    public int Number { get; set; }
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";
    /// <summary>General, SC or ST.</summary>
    public string Reservation { get; set; } = "GEN";

    public int? ResultYear { get; set; }
    public string? WinningParty { get; set; }
    public ElectionOutcome? PartyOutcome { get; set; }
    public int? MarginVotes { get; set; }
    public decimal? MarginPercent { get; set; }
}
