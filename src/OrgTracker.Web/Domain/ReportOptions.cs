namespace OrgTracker.Web.Domain;

/// <summary>
/// Settings of the monthly reports, from the "Reports" configuration section
/// (appsettings.json, or environment variables such as <c>ORGTRACKER_Reports__DueDay=15</c>).
/// </summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>A month's report is due by the end of this day of the next month (India time). 1–28.</summary>
    public int DueDay { get; set; } = 10;

    /// <summary>The earliest month a report may be made for ("yyyy-MM").</summary>
    public string FirstPeriod { get; set; } = "2020-01";

    /// <summary>Overrides of the indicator catalogue by key: switch one off, or change its limit, target or weight.</summary>
    public Dictionary<string, IndicatorSettings> Indicators { get; set; } = [];

    public DateOnly FirstPeriodDate => ReportPeriod.Parse(FirstPeriod) ?? new DateOnly(2020, 1, 1);

    /// <summary>The indicators in use, in catalogue order, with the configured overrides applied.</summary>
    public IReadOnlyList<Indicator> ActiveIndicators() =>
        ReportIndicators.Defaults
            .Select(i => Indicators.TryGetValue(i.Key, out var s)
                ? s.Enabled ? i with { Max = s.Max ?? i.Max, Target = s.Target ?? i.Target, Weight = s.Weight ?? i.Weight } : null
                : i)
            .OfType<Indicator>()
            .ToList();

    public DateTime DueUtc(DateOnly period) => ReportPeriod.DueUtc(period, DueDay);
}

public sealed class IndicatorSettings
{
    public bool Enabled { get; set; } = true;
    public int? Max { get; set; }
    public int? Target { get; set; }
    public int? Weight { get; set; }
}
