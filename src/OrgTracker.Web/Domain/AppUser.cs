using Microsoft.AspNetCore.Identity;

namespace OrgTracker.Web.Domain;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string StateInCharge = nameof(StateInCharge);
    public const string StateOffice = nameof(StateOffice);
    public const string DivisionInCharge = nameof(DivisionInCharge);
    public const string DistrictPresident = nameof(DistrictPresident);

    public static readonly string[] All = [Administrator, StateInCharge, StateOffice, DivisionInCharge, DistrictPresident];

    /// <summary>The territory level a role's scope must be at.</summary>
    public static TerritoryLevel ScopeLevel(string role) => role switch
    {
        DivisionInCharge => TerritoryLevel.Division,
        DistrictPresident => TerritoryLevel.District,
        _ => TerritoryLevel.State,
    };
}

/// <summary>A user has one role and one territory scope (a state, a division or a district).</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.StateOffice;
    public int ScopeTerritoryId { get; set; }
    public Territory? ScopeTerritory { get; set; }
    /// <summary>Denormalised from the scope territory so that every query can filter by state without a join.</summary>
    public int StateId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public uint Version { get; set; }

    /// <summary>
    /// The last set-password link event (Authorization/PasswordLinks.cs): <c>InvitationIssued</c>,
    /// <c>SetPasswordLinkIssued</c> or <c>PasswordSetViaLink</c>, and when. Kept on the user so that each event is an
    /// audited change of the user (the audit trail never holds the link itself).
    /// </summary>
    public string? PasswordLink { get; set; }
    public DateTime? PasswordLinkAtUtc { get; set; }
}
