using OrgTracker.Web.Authorization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Authorization;

/// <summary>Role × operation × territory (own, sibling, parent, other state) for the per-record handler.</summary>
public class TerritoryAuthorizationHandlerTests
{
    // Two states; state 1 has division 10 with districts 100 (own) and 101 (sibling); state 2 has division 20, district 200.
    private static readonly Dictionary<string, IScoped> Places = new()
    {
        ["own"] = new Territory { Id = 1000, Level = TerritoryLevel.Block, StateId = 1, DivisionId = 10, DistrictId = 100 },
        ["sibling"] = new Territory { Id = 1010, Level = TerritoryLevel.Block, StateId = 1, DivisionId = 10, DistrictId = 101 },
        ["parent"] = new Territory { Id = 10, Level = TerritoryLevel.Division, StateId = 1, DivisionId = 10 },
        ["state"] = new Territory { Id = 1, Level = TerritoryLevel.State, StateId = 1 },
        ["other-state"] = new Territory { Id = 2000, Level = TerritoryLevel.Block, StateId = 2, DivisionId = 20, DistrictId = 200 },
    };

    private static UserScope Scope(string role) => Roles.ScopeLevel(role) switch
    {
        TerritoryLevel.District => new UserScope(role, 1, TerritoryLevel.District, 100),
        TerritoryLevel.Division => new UserScope(role, 1, TerritoryLevel.Division, 10),
        _ => new UserScope(role, 1, TerritoryLevel.State, 1),
    };

    // Expected: which places each role may touch, and which operations it may perform there.
    private static readonly Dictionary<string, (string[] Places, string[] Operations)> Expected = new()
    {
        [Roles.StateInCharge] = (["own", "sibling", "parent", "state"], ["Read", "Create", "Update", "Delete", "Approve"]),
        [Roles.StateOffice] = (["own", "sibling", "parent", "state"], ["Read", "Create", "Update", "Delete"]),
        [Roles.Administrator] = (["own", "sibling", "parent", "state"], ["Read"]),
        [Roles.DivisionInCharge] = (["own", "sibling", "parent"], ["Read"]),
        [Roles.DistrictPresident] = (["own"], ["Read", "Create", "Update", "Delete"]),
    };

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var role in Roles.All)
            foreach (var place in Places.Keys)
                foreach (var op in new[] { "Read", "Create", "Update", "Delete", "Approve" })
                    data.Add(role, place, op);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Handler_allows_exactly_the_documented_cells(string role, string place, string operation)
    {
        var (places, operations) = Expected[role];
        var expected = places.Contains(place) && operations.Contains(operation);
        Assert.Equal(expected, TerritoryAuthorizationHandler.Allows(Scope(role), operation, Places[place]));
    }

    [Fact]
    public void Nobody_without_a_scope_is_allowed_anything() =>
        Assert.False(TerritoryAuthorizationHandler.Allows(null, "Read", Places["own"]));

    [Fact]
    public void A_district_president_can_read_their_own_district_node()
    {
        var district = new Territory { Id = 100, Level = TerritoryLevel.District, StateId = 1, DivisionId = 10, DistrictId = null };
        Assert.True(TerritoryAuthorizationHandler.Allows(Scope(Roles.DistrictPresident), "Read", district));
    }
}
