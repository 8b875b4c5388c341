using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Admin.Users;

/// <summary>The users of the administrator's own state, searchable by name or email, filtered by role, paged.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "role")] public string? RoleFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [TempData] public string? StatusMessage { get; set; }

    public List<UserRow> Users { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record UserRow(string Id, string DisplayName, string? Email, string Role, string TerritoryEn, string TerritoryHi, bool IsLocked)
    {
        public string Territory => Localization.Pick(TerritoryEn, TerritoryHi);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var stateId = UserScope.Required(User).StateId;
        var now = clock.GetUtcNow();
        var users = db.Users.Where(u => u.StateId == stateId);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var term = Query.Trim();
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }
        if (RoleFilter is not null && Roles.All.Contains(RoleFilter))
            users = users.Where(u => u.Role == RoleFilter);
        else
            RoleFilter = null;

        Total = await users.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Users = await users.AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.Role, u.ScopeTerritory!.NameEn, u.ScopeTerritory.NameHi, u.LockoutEnd > now))
            .ToListAsync(ct);
    }
}
