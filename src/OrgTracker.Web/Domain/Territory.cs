namespace OrgTracker.Web.Domain;

/// <summary>The levels of the organisational tree, top to bottom.</summary>
public enum TerritoryLevel
{
    State = 1,
    Division = 2,
    District = 3,
    Block = 4,
    Ward = 5,
    Booth = 6,
}

/// <summary>
/// One node of the organisational tree (state → division → district → block → ward → booth).
/// Every node carries the ids of its ancestors (<see cref="StateId"/>, <see cref="DivisionId"/>,
/// <see cref="DistrictId"/>, <see cref="BlockId"/>), so that scope checks, drill-down and roll-ups
/// are equality filters on indexed columns; see docs/adr/0001-territory-tree.md.
/// </summary>
public class Territory : IScoped
{
    public int Id { get; set; }
    public TerritoryLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Territory? Parent { get; set; }

    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int? BlockId { get; set; }

    /// <summary>Short code: the state code ("MP"), otherwise optional.</summary>
    public string? Code { get; set; }
    public string NameEn { get; set; } = "";
    public string NameHi { get; set; } = "";

    /// <summary>Urban blocks (cities, towns) have wards.</summary>
    public bool IsUrban { get; set; }

    // Booth-only fields: a booth is a polling station, numbered by its part number within its assembly constituency.
    public int? WardId { get; set; }
    public int? AssemblyConstituencyId { get; set; }
    public AssemblyConstituency? AssemblyConstituency { get; set; }
    public int? PartNumber { get; set; }

    public uint Version { get; set; }

    public string Name(bool hindi) => hindi ? NameHi : NameEn;

    /// <summary>The child level that drill-down shows below this one (wards are listed beside booths of a block).</summary>
    public static TerritoryLevel? ChildLevel(TerritoryLevel level) => level switch
    {
        TerritoryLevel.State => TerritoryLevel.Division,
        TerritoryLevel.Division => TerritoryLevel.District,
        TerritoryLevel.District => TerritoryLevel.Block,
        TerritoryLevel.Block => TerritoryLevel.Booth,
        TerritoryLevel.Ward => TerritoryLevel.Booth,
        _ => null,
    };

    /// <summary>Sets the ancestor columns from the parent; the parent must already carry its own.</summary>
    public void PlaceUnder(Territory parent)
    {
        ParentId = parent.Id;
        StateId = parent.StateId;
        DivisionId = parent.Level == TerritoryLevel.Division ? parent.Id : parent.DivisionId;
        DistrictId = parent.Level == TerritoryLevel.District ? parent.Id : parent.DistrictId;
        BlockId = parent.Level == TerritoryLevel.Block ? parent.Id : parent.BlockId;
    }
}

/// <summary>Anything that lives inside a territory and is filtered by a user's scope.</summary>
public interface IScoped
{
    int StateId { get; }
    int? DivisionId { get; }
    int? DistrictId { get; }
}
