using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>The state's membership drives, each with its progress within the user's territory.</summary>
public class IndexModel(ReadDb db) : PageModel
{
    public sealed record DriveRow(MembershipDrive Drive, MembershipQueries.ProgressRow Progress);

    public List<DriveRow> Drives { get; private set; } = [];
    public Territory Scope { get; private set; } = null!;
    public bool CanRunDrives { get; private set; }
    public bool CanEnrol { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = UserScope.Required(User);
        var territory = await db.FindInScopeAsync(User, scope.TerritoryId, ct);
        if (territory is null) return NotFound();
        Scope = territory;
        CanRunDrives = User.Can(Capability.RunDrives);
        CanEnrol = User.Can(Capability.EnrolMembers);
        var drives = await db.DrivesOf(User).AsNoTracking().OrderByDescending(d => d.StartDate).ThenByDescending(d => d.Id).ToListAsync(ct);
        foreach (var d in drives)
            Drives.Add(new DriveRow(d, await db.TotalAsync(User, d.Id, territory, ct)));
        return Page();
    }
}
