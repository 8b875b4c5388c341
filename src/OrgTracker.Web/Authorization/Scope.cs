using System.Linq.Expressions;
using System.Security.Claims;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Authorization;

/// <summary>The claim types that carry a user's territory scope, set at sign-in from <see cref="AppUser"/>.</summary>
public static class ScopeClaims
{
    public const string StateId = "ot:state";
    public const string Level = "ot:scope-level";
    public const string TerritoryId = "ot:scope";
    public const string DisplayName = "ot:name";
    public const string ScopeNameEn = "ot:scope-en";
    public const string ScopeNameHi = "ot:scope-hi";
    /// <summary>"true" when the user has two-factor sign-in turned on (see <see cref="TwoFactorEnforcement"/>).</summary>
    public const string TwoFactor = "ot:2fa";
}

/// <summary>A user's role and territory scope, read from their claims.</summary>
public sealed record UserScope(string Role, int StateId, TerritoryLevel Level, int TerritoryId)
{
    public static UserScope? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var role = user.FindFirstValue(ClaimTypes.Role);
        if (role is null
            || !int.TryParse(user.FindFirstValue(ScopeClaims.StateId), out var state)
            || !Enum.TryParse<TerritoryLevel>(user.FindFirstValue(ScopeClaims.Level), out var level)
            || !int.TryParse(user.FindFirstValue(ScopeClaims.TerritoryId), out var id))
            return null;
        return new UserScope(role, state, level, id);
    }

    public static UserScope Required(ClaimsPrincipal user) =>
        From(user) ?? throw new InvalidOperationException("The signed-in user has no territory scope.");

    /// <summary>True when the record lies within this scope.</summary>
    public bool Covers(IScoped record) => Level switch
    {
        TerritoryLevel.State => record.StateId == TerritoryId,
        TerritoryLevel.Division => record.DivisionId == TerritoryId,
        TerritoryLevel.District => record.DistrictId == TerritoryId,
        _ => false,
    };

    /// <summary>True when the territory itself lies within this scope (a division-scoped user covers the division node too).</summary>
    public bool Covers(Territory t) => Covers((IScoped)t) || t.Id == TerritoryId;

    /// <summary>A scope is a state, a division or a district (<see cref="Roles.ScopeLevel"/>); anything else covers nothing.</summary>
    private bool IsValid => Level is TerritoryLevel.State or TerritoryLevel.Division or TerritoryLevel.District;

    /// <summary>The scope filter as an expression, for <see cref="ScopeQueryExtensions.InScope{T}"/>: <see cref="TerritoryFilter"/> at the scope territory.</summary>
    public Expression<Func<T, bool>> Filter<T>() where T : IScoped =>
        IsValid ? TerritoryFilter.Condition<T>(Level, TerritoryId) : _ => false;

    /// <summary>The territories of the scope: the scope node and everything under it.</summary>
    public Expression<Func<Territory, bool>> Territories() =>
        IsValid ? TerritoryFilter.Subtree(Level, TerritoryId) : _ => false;

    /// <summary>The scope filter for hand-written SQL, over the rows of <paramref name="alias"/>.</summary>
    public SqlCondition Sql(string alias, string parameterName) =>
        IsValid ? TerritorySql.Under(alias, Level, TerritoryId, parameterName) : throw new InvalidOperationException("The scope is not a state, division or district.");
}

public static class ScopeQueryExtensions
{
    /// <summary>Keeps only the records inside the user's territory scope. Every list of scoped data goes through this.</summary>
    public static IQueryable<T> InScope<T>(this IQueryable<T> query, ClaimsPrincipal user) where T : IScoped
    {
        var scope = UserScope.From(user);
        return scope is null ? query.Where(_ => false) : query.Where(scope.Filter<T>());
    }

    /// <summary>
    /// Territories the user may see: everything below their scope node, the node itself, and (for navigation)
    /// nothing above it.
    /// </summary>
    public static IQueryable<Territory> InScope(this IQueryable<Territory> query, ClaimsPrincipal user)
    {
        var scope = UserScope.From(user);
        return scope is null ? query.Where(_ => false) : query.Where(scope.Territories());
    }
}
