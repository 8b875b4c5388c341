using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages;

/// <summary>What OrgTracker is and what the user's area holds: one small query. Also the baseline of the dashboard benchmark.</summary>
public class AboutModel(AppDbContext db) : PageModel
{
    public int Districts { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Districts = await db.Territories.InScope(User).CountAsync(t => t.Level == TerritoryLevel.District, ct);
}
