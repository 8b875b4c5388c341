using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>The meeting on one printable page: details, attendance register, agenda, minutes, decisions and action items.</summary>
public class PrintModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await db.LoadMeetingViewAsync(User, id, ct);
        if (view is null) return NotFound();
        View = view;
        Today = clock.TodayInIndia();
        return Page();
    }
}
