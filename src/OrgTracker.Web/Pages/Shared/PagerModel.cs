namespace OrgTracker.Web.Pages.Shared;

/// <summary>Page links that keep the current query string (search, filters) and change only <c>p</c>.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total);
