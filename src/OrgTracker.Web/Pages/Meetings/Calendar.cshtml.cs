using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>A month of meetings as a calendar (a table on wide screens, a list of days on a phone), with the list's filters.</summary>
public class CalendarModel(ReadDb db, TimeProvider clock) : PageModel
{
    /// <summary>Meetings named in a day's cell; the rest are a link to that day's list.</summary>
    public const int PerDay = 4;

    [BindProperty(SupportsGet = true)] public MeetingFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "month")] public string? MonthText { get; set; }

    public DateOnly Month { get; private set; }
    public DateOnly Today { get; private set; }
    public List<DateOnly> Days { get; private set; } = [];
    public ILookup<DateOnly, Item> ByDay { get; private set; } = Array.Empty<Item>().ToLookup(i => i.Day);
    public Dictionary<DateOnly, int> Counts { get; private set; } = [];
    public List<SelectListItem> Territories { get; private set; } = [];

    public sealed record Item(int Id, string Title, DateOnly Day, string Time, MeetingStatus Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) Filter = new MeetingFilter();
        Today = clock.TodayInIndia();
        Month = OrgTracker.Web.Domain.ReportPeriod.Parse(MonthText) is { Year: >= 2000 and <= 2100 } m ? m : new DateOnly(Today.Year, Today.Month, 1);
        Filter.From = null;
        Filter.To = null;
        var start = IndiaTime.DayStartUtc(Month);
        var end = IndiaTime.DayStartUtc(Month.AddMonths(1));
        var meetings = (await Filter.ApplyAsync(db, User, db.Meetings.AsNoTracking().Visible(db, User), ct))
            .Where(x => x.StartsUtc >= start && x.StartsUtc < end);
        var rows = await meetings.OrderBy(x => x.StartsUtc).ThenBy(x => x.Id).Take(20_000)
            .Select(x => new { x.Id, x.Title, x.StartsUtc, x.Status }).ToListAsync(ct);
        var items = rows.Select(r => new Item(r.Id, r.Title, IndiaTime.Day(r.StartsUtc),
            IndiaTime.ToIndia(r.StartsUtc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), r.Status)).ToList();
        Counts = items.GroupBy(i => i.Day).ToDictionary(g => g.Key, g => g.Count());
        ByDay = items.GroupBy(i => i.Day).SelectMany(g => g.Take(PerDay)).ToLookup(i => i.Day);
        // Whole weeks, Monday first.
        var first = Month.AddDays(-(((int)Month.DayOfWeek + 6) % 7));
        var last = Month.AddMonths(1).AddDays(-1);
        for (var d = first; d <= last || Days.Count % 7 != 0; d = d.AddDays(1)) Days.Add(d);
        Territories = (await db.TerritoryOptionsAsync(User, null, ct)).Select(t => new SelectListItem(t.Label, t.Id.ToString())).ToList();
        return Page();
    }

    /// <summary>Route values of the list for one day with the same filters.</summary>
    public Dictionary<string, string> DayLink(DateOnly day)
    {
        var values = new Dictionary<string, string> { ["from"] = day.ToString("yyyy-MM-dd"), ["to"] = day.ToString("yyyy-MM-dd") };
        if (Filter.Territory is { } t) values["territory"] = t.ToString();
        if (Filter.Type is { } ty) values["type"] = ty.ToString();
        if (Filter.Status is { } s) values["status"] = s.ToString();
        if (Filter.Programme is { } p) values["programme"] = p.ToString();
        return values;
    }

    public Dictionary<string, string> MonthLink(DateOnly month)
    {
        var values = DayLink(month);
        values.Remove("from");
        values.Remove("to");
        values["month"] = OrgTracker.Web.Domain.ReportPeriod.Format(month);
        return values;
    }
}
