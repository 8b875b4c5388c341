using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Data;

namespace OrgTracker.Web.Authorization;

/// <summary>A signed-in session, kept server-side: the cookie carries only its key.</summary>
public class AuthSession
{
    public string Key { get; set; } = "";
    public string UserId { get; set; } = "";
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
}

/// <summary>
/// Keeps authentication tickets in PostgreSQL (so any number of app instances share them) and enforces the
/// session limits: 30 minutes idle (the cookie's sliding expiry, checked here too) and 12 hours absolute from
/// sign-in. Signing out deletes the session, so a copied cookie stops working at once; ending every session of a
/// user (password change, lock-out, new role) is one delete.
/// </summary>
public sealed class AuthSessionStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    private static readonly object CurrentKeyItem = new();

    /// <summary>The key of the session the current request was authenticated with (or signed in to), if any.</summary>
    public static string? CurrentKey(HttpContext? http) => http?.Items[CurrentKeyItem] as string;

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = await StoreAsync(ticket);
        httpContext.Items[CurrentKeyItem] = key;
        return key;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var ticket = await RetrieveAsync(key);
        if (ticket is not null) httpContext.Items[CurrentKeyItem] = key;
        return ticket;
    }

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new AuthSession
        {
            Key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            UserId = ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedUtc = now,
            ExpiresUtc = Expiry(ticket, now, now),
        };
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuthSessions.Add(session);
        await db.SaveChangesAsync();
        // Abandoned sessions are swept at each sign-in (indexed on expiry).
        await db.AuthSessions.Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync();
        return session.Key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = TicketSerializer.Default.Serialize(ticket);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var created = await db.AuthSessions.Where(s => s.Key == key).Select(s => (DateTime?)s.CreatedUtc).SingleOrDefaultAsync();
        if (created is null) return;
        var expires = Expiry(ticket, now, created.Value);
        await db.AuthSessions.Where(s => s.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresUtc, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.AuthSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key);
        if (session is null) return null;
        if (session.ExpiresUtc <= now || session.CreatedUtc + Absolute <= now)
        {
            await db.AuthSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
            return null;
        }
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuthSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    /// <summary>
    /// Ends every session of a user (after a password change, a lock-out or a change of role or territory), except
    /// <paramref name="keep"/>: the session of the user's own request that made the change, which is then refreshed.
    /// </summary>
    public static Task EndAllAsync(AppDbContext db, string userId, CancellationToken ct, string? keep = null) =>
        db.AuthSessions.Where(s => s.UserId == userId && s.Key != keep).ExecuteDeleteAsync(ct);

    private static DateTime Expiry(AuthenticationTicket ticket, DateTime now, DateTime created)
    {
        var idle = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + Idle;
        var absolute = created + Absolute;
        return idle < absolute ? idle : absolute;
    }
}

/// <summary>Wires the session store into the Identity cookie once the service provider exists.</summary>
public sealed class AuthSessionCookieSetup(AuthSessionStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme) options.SessionStore = store;
    }
}
