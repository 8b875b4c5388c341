using System.Globalization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web;

/// <summary>Helpers for showing domain values in the user's language.</summary>
public static class Localization
{
    public static bool IsHindi => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "hi";

    /// <summary>The English or Hindi form of a name, by the current UI culture.</summary>
    public static string Pick(string en, string hi) => IsHindi && !string.IsNullOrEmpty(hi) ? hi : en;

    /// <summary>The English resource key for a role; its Hindi text is in SharedResource.hi.resx.</summary>
    public static string RoleKey(string role) => role switch
    {
        Roles.Administrator => "Administrator",
        Roles.StateInCharge => "State in-charge",
        Roles.StateOffice => "State office staff",
        Roles.DivisionInCharge => "Division in-charge",
        Roles.DistrictPresident => "District president",
        _ => role,
    };

    public static string LevelKey(TerritoryLevel level) => level switch
    {
        TerritoryLevel.State => "State",
        TerritoryLevel.Division => "Division",
        TerritoryLevel.District => "District",
        TerritoryLevel.Block => "Block",
        TerritoryLevel.Ward => "Ward",
        _ => "Booth",
    };

    public static string PluralKey(TerritoryLevel level) => level switch
    {
        TerritoryLevel.State => "States",
        TerritoryLevel.Division => "Divisions",
        TerritoryLevel.District => "Districts",
        TerritoryLevel.Block => "Blocks",
        TerritoryLevel.Ward => "Wards",
        _ => "Booths",
    };

    /// <summary>Indian grouping (12,34,567) in either language.</summary>
    public static string Number(long n) => n.ToString("N0", CultureInfo.CurrentCulture);

    public static string Date(DateTime d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>A UTC moment as Indian date and time, dd-MM-yyyy HH:mm.</summary>
    public static string IndiaDateTime(DateTime utc) => Platform.IndiaTime.ToIndia(utc).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);
}
