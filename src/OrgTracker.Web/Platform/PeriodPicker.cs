using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Platform;

/// <summary>The month a list shows: the one asked for if it is a valid past or current month, else the month whose reports are being collected now.</summary>
public static class PeriodPicker
{
    public static (DateOnly Period, bool Invalid) Pick(string? text, TimeProvider clock, ReportOptions options)
    {
        var current = clock.ThisMonthInIndia();
        var fallback = current.AddMonths(-1);
        if (string.IsNullOrWhiteSpace(text)) return (fallback, false);
        var parsed = ReportPeriod.Parse(text.Trim());
        return parsed is { } p && p <= current && p >= options.FirstPeriodDate ? (p, false) : (fallback, true);
    }
}
