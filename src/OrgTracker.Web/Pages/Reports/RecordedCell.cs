namespace OrgTracker.Web.Pages.Reports;

/// <summary>The model of the _Recorded partial: a claimed figure and the recorded one, if OrgTracker holds it.</summary>
public sealed record RecordedCell(int? Claimed, RecordedFigure? Recorded);
