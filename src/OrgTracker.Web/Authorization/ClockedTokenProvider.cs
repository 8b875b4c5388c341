using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// Identity's data-protection token provider (password-reset tokens: the one-time set-up links of `setup`), reading
/// the time from the application's one clock (TimeProvider) instead of the machine's, so that a token's lifespan
/// (<see cref="DataProtectionTokenProviderOptions.TokenLifespan"/>, 72 hours) is the app's and can be tested.
/// A token holds its creation time, the user id, the purpose and the user's security stamp, protected by data
/// protection: it stops working once the stamp changes (a password set) or the lifespan has passed.
/// </summary>
public sealed class ClockedTokenProvider(
    IDataProtectionProvider dataProtection, IOptions<DataProtectionTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger, TimeProvider clock)
    : DataProtectorTokenProvider<AppUser>(dataProtection, options, logger)
{
    public override async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var stream = new MemoryStream();
        await using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose ?? "");
            writer.Write(manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) ?? "" : "");
        }
        return Convert.ToBase64String(Protector.Protect(stream.ToArray()));
    }

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        try
        {
            var bytes = Protector.Unprotect(Convert.FromBase64String(token));
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            if (created + Options.TokenLifespan < clock.GetUtcNow()) return false;
            if (reader.ReadString() != await manager.GetUserIdAsync(user)) return false;
            if (reader.ReadString() != purpose) return false;
            var stamp = reader.ReadString();
            if (reader.BaseStream.Position != reader.BaseStream.Length) return false;
            return !manager.SupportsUserSecurityStamp || stamp == (await manager.GetSecurityStampAsync(user) ?? "");
        }
        catch (Exception e) when (e is FormatException or CryptographicException or EndOfStreamException or ArgumentException)
        {
            return false;
        }
    }
}
