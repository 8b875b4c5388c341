using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Admin.Users;

/// <summary>A territory a user may be scoped to: the state, one of its divisions or one of its districts.</summary>
public sealed record ScopeOption(int Id, TerritoryLevel Level, string NameEn, string NameHi)
{
    public string Name => Localization.Pick(NameEn, NameHi);
}

/// <summary>What the Create and Edit pages share: the scope choices and their server-side checks.</summary>
public static class UserQueries
{
    /// <summary>The state itself, its divisions and its districts, in that order.</summary>
    public static Task<List<ScopeOption>> ScopeOptionsAsync(this AppDbContext db, int stateId, CancellationToken ct) =>
        db.Territories.AsNoTracking()
            .Where(t => t.StateId == stateId && t.Level <= TerritoryLevel.District)
            .OrderBy(t => t.Level).ThenBy(t => t.NameEn)
            .Select(t => new ScopeOption(t.Id, t.Level, t.NameEn, t.NameHi))
            .ToListAsync(ct);

    /// <summary>
    /// The territory when it is at the level the role needs and inside the administrator's state; otherwise null,
    /// with a message beside the field that was wrong.
    /// </summary>
    public static async Task<Territory?> ValidScopeAsync(this AppDbContext db, int stateId, string? role, int? territoryId,
        string prefix, ModelStateDictionary modelState, IStringLocalizer L, CancellationToken ct)
    {
        // An empty role or territory already has its "required" message.
        if (string.IsNullOrEmpty(role) || territoryId is null) return null;
        if (!Roles.All.Contains(role))
        {
            modelState.AddModelError($"{prefix}.Role", L["Choose a role."]);
            return null;
        }
        var level = Roles.ScopeLevel(role);
        var territory = await db.Territories.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == territoryId && t.StateId == stateId && t.Level == level, ct);
        if (territory is null)
            modelState.AddModelError($"{prefix}.TerritoryId", level switch
            {
                TerritoryLevel.State => L["This role is scoped to the whole state: choose the state."],
                TerritoryLevel.Division => L["This role is scoped to a division: choose a division of your state."],
                _ => L["This role is scoped to a district: choose a district of your state."],
            });
        return territory;
    }

    /// <summary>Puts each Identity error beside the field it concerns (password or email); others go to the summary.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string passwordKey, string? emailKey = null)
    {
        foreach (var e in result.Errors)
        {
            var key = e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordKey
                : emailKey is not null && e.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" ? emailKey
                : string.Empty;
            if (modelState[key]?.Errors.Any(x => x.ErrorMessage == e.Description) != true)
                modelState.AddModelError(key, e.Description);
        }
    }
}
