using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrgTracker.Web.Authorization;

namespace OrgTracker.Web.Pages;

/// <summary>The landing page: every user starts at the dashboard of their own territory (state, division or district).</summary>
public class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        var scope = UserScope.Required(User);
        return RedirectToPage("/Dashboard/Index", new { id = scope.TerritoryId });
    }
}
