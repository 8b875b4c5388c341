using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// Identity's user manager, plus one rule: whenever a user's security stamp changes (new password, lock-out,
/// new role or territory, two-factor turned on or off), every other session of that user ends at once. The session
/// of the request that made the change survives when it is the user's own (they changed their own password or
/// set up two-factor sign-in); the page then refreshes its sign-in with the new stamp.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    AppDbContext db, IHttpContextAccessor http)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(CancellationToken);
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded && stored is not null && stored != user.SecurityStamp)
        {
            var own = http.HttpContext is { } context && GetUserId(context.User) == user.Id;
            await AuthSessionStore.EndAllAsync(db, user.Id, CancellationToken, own ? AuthSessionStore.CurrentKey(http.HttpContext) : null);
        }
        return result;
    }
}
