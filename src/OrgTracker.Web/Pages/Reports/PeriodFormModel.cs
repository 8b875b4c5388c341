namespace OrgTracker.Web.Pages.Reports;

/// <summary>The month (and division) chooser above the status and ranking lists.</summary>
public sealed record PeriodFormModel(string? Period, bool Invalid, List<(int Id, string Name)> Divisions, int? Division, string? Show = null);
