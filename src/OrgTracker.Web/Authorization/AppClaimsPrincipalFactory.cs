using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Authorization;

/// <summary>Puts the user's one role and territory scope into their sign-in cookie.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var scope = await db.Territories.Where(t => t.Id == user.ScopeTerritoryId)
            .Select(t => new { t.Level, t.NameEn, t.NameHi }).SingleAsync();
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(ScopeClaims.StateId, user.StateId.ToString()));
        identity.AddClaim(new Claim(ScopeClaims.Level, scope.Level.ToString()));
        identity.AddClaim(new Claim(ScopeClaims.ScopeNameEn, scope.NameEn));
        identity.AddClaim(new Claim(ScopeClaims.ScopeNameHi, scope.NameHi));
        identity.AddClaim(new Claim(ScopeClaims.TerritoryId, user.ScopeTerritoryId.ToString()));
        identity.AddClaim(new Claim(ScopeClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ScopeClaims.TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
