namespace OrgTracker.Web.Domain;

/// <summary>Dashboard settings (section "Dashboard"; e.g. ORGTRACKER_Dashboard__SilentDays=45).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>A district or block that recorded nothing for this many days is a silent unit.</summary>
    public int SilentDays { get; set; } = 30;

    /// <summary>A seat lost by less than this many per cent of votes is a focus seat.</summary>
    public decimal FocusMarginPercent { get; set; } = 5m;

    /// <summary>
    /// Whether a territory's figures for a month are kept between requests until something they are read from changes
    /// (<see cref="Data.KeptFigures"/>); false computes them for every request (to measure what that costs).
    /// </summary>
    public bool KeepFigures { get; set; } = true;
}
