using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace OrgTracker.Web.Data;

/// <summary>
/// The first data-protection key (sign-in cookies, antiforgery tokens, password links), made before any instance
/// serves. Instances started together on a new database would otherwise each make a key of their own on their first
/// request, and protect with it; another instance re-reads the key ring on an unknown key only in its first two
/// minutes (then once a day), so a user whose cookie one instance made is sent to the sign-in page when the proxy
/// sends them to the other (docs/reliability.md, "Many instances"). `migrate` — which the image, run.sh and the drills
/// run before serving — makes it, under a PostgreSQL advisory lock: two run at once make one. Later keys are made by
/// data protection itself, two days before they take over, which every instance learns in time.
/// </summary>
public static class DataProtectionKeys
{
    private const long LockId = 0x4F72_6754_4450_4B31; // "OrgTDPK1"

    /// <summary>Makes a key active at <paramref name="now"/> unless one is; true when it made one.</summary>
    public static async Task<bool> EnsureActiveKeyAsync(this AppDbContext db, IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("select pg_advisory_xact_lock({0})", [LockId], ct);
        // Read afresh under the lock (the key manager reads the table on each call; it writes on a connection of its own).
        var made = false;
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now + services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime);
            made = true;
        }
        await tx.CommitAsync(ct);
        return made;
    }
}
