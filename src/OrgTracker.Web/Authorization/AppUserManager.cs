using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// Identity's user manager, plus one rule: whenever a user's security stamp changes (new password, lock-out,
/// new role or territory), every session of that user ends at once.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    AppDbContext db)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(CancellationToken);
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded && stored is not null && stored != user.SecurityStamp)
            await AuthSessionStore.EndAllAsync(db, user.Id, CancellationToken);
        return result;
    }
}
