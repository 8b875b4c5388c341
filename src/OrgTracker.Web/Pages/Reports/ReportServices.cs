using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Reports;

public static class ReportServices
{
    /// <summary>The reports feature's services: its options (validated at start), recorded figures and the clock.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section)
            .Validate(o => o.DueDay is >= 1 and <= 28, "Reports:DueDay must be a day from 1 to 28.")
            .Validate(o => ReportPeriod.Parse(o.FirstPeriod) is not null, "Reports:FirstPeriod must be a month as yyyy-MM.")
            .Validate(o => o.Indicators.Values.All(s => s.Max is null or > 0 && s.Target is null or > 0 && s.Weight is null or >= 0),
                "Reports:Indicators: Max and Target must be positive, Weight not negative.")
            .ValidateOnStart();
        services.AddScoped<RecordedFigures>();
        return services;
    }
}
