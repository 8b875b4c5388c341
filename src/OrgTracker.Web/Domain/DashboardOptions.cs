namespace OrgTracker.Web.Domain;

/// <summary>Dashboard settings (section "Dashboard"; e.g. ORGTRACKER_Dashboard__SilentDays=45).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>A district or block that recorded nothing for this many days is a silent unit.</summary>
    public int SilentDays { get; set; } = 30;

    /// <summary>A seat lost by less than this many per cent of votes is a focus seat.</summary>
    public decimal FocusMarginPercent { get; set; } = 5m;

    /// <summary>Seconds that computed figures of a territory and month are shared between requests (0: never).</summary>
    public int CacheSeconds { get; set; } = 15;
}
