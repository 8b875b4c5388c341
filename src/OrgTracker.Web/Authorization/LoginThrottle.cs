using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Data;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// Failed sign-ins counted under one key: an account (the hash of the email as typed, whether or not such a user
/// exists) or a client (its address after forwarding; an IPv6 address by its /64). Kept in PostgreSQL so that every
/// instance behind a load balancer sees the same counts.
/// </summary>
public class LoginThrottleEntry
{
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    /// <summary>When the count started (the client's one-minute window).</summary>
    public DateTime WindowStartUtc { get; set; }
    public DateTime LastFailureUtc { get; set; }
}

/// <summary>
/// Sign-in throttling per account and per client, instead of a long lock-out that a stranger could set off at will:
/// <list type="bullet">
/// <item>per account: <see cref="FreeFailures"/> failures are free; after that each attempt waits 2, 4, 8 … seconds
/// from the last failure, never more than <see cref="MaxDelay"/>; a success forgets the failures, and so does a
/// quarter of an hour without one. An attempt made while waiting is answered without checking the password and does
/// not count, so a stranger cannot keep an account closed for longer than <see cref="MaxDelay"/> after their last
/// counted attempt.</item>
/// <item>per client: at most <c>LOGIN_FAILURES_PER_MINUTE</c> (default 30) failures per address and minute, then 429
/// until the minute is over. Failures only: a whole office behind one address signing in is not limited.</item>
/// </list>
/// An unknown email is counted and delayed exactly like a known one: the answers never tell whether an account exists.
/// </summary>
public sealed class LoginThrottle(AppDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);
    /// <summary>An account's failures are forgotten this long after the last one.</summary>
    public static readonly TimeSpan AccountMemory = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ClientWindow = TimeSpan.FromMinutes(1);

    private int ClientLimit => Math.Max(1, configuration.GetValue("LOGIN_FAILURES_PER_MINUTE", 30));

    public static string AccountKey(string email) =>
        "a:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    /// <summary>The client's address; an IPv6 address by its /64 (one household or phone holds a whole /64).</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null) return "c:unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "c:" + new IPAddress(bytes) + "/64";
        }
        return "c:" + address;
    }

    /// <summary>The delay after <paramref name="failures"/> consecutive failures of one account: 0, then 2, 4, 8 … s up to <see cref="MaxDelay"/>.</summary>
    public static TimeSpan AccountDelay(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(30, failures - FreeFailures + 1))));

    public sealed record Wait(TimeSpan? Client, TimeSpan? Account)
    {
        /// <summary>Whole seconds, rounded up, for the message.</summary>
        public static int Seconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);
    }

    /// <summary>How long the client must still wait before an attempt of any kind is looked at (null: not at all).</summary>
    public async Task<TimeSpan?> ClientWaitAsync(IPAddress? client, CancellationToken ct) =>
        (await CheckAsync("", client, ct)).Client;

    /// <summary>How long the client, and the account, must still wait before an attempt is looked at (null: not at all).</summary>
    public async Task<Wait> CheckAsync(string email, IPAddress? client, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        string accountKey = AccountKey(email), clientKey = ClientKey(client);
        var rows = await db.LoginThrottles.AsNoTracking().Where(t => t.Key == accountKey || t.Key == clientKey).ToListAsync(ct);
        TimeSpan? clientWait = null, accountWait = null;
        if (rows.FirstOrDefault(r => r.Key == clientKey) is { } c && c.Failures >= ClientLimit && c.WindowStartUtc + ClientWindow > now)
            clientWait = c.WindowStartUtc + ClientWindow - now;
        if (rows.FirstOrDefault(r => r.Key == accountKey) is { } a && a.LastFailureUtc + AccountMemory > now
            && a.LastFailureUtc + AccountDelay(a.Failures) is var allowed && allowed > now)
            accountWait = allowed - now;
        return new Wait(clientWait, accountWait);
    }

    /// <summary>Counts a failed attempt against the account and the client (one statement each, safe under concurrency).</summary>
    public async Task FailedAsync(string email, IPAddress? client, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await ClientFailedAsync(client, ct);
        // The account: consecutive failures, forgotten a quarter of an hour after the last one.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO login_throttles (key, failures, window_start_utc, last_failure_utc) VALUES ({AccountKey(email)}, 1, {now}, {now})
            ON CONFLICT (key) DO UPDATE SET
              failures = CASE WHEN login_throttles.last_failure_utc <= {now - AccountMemory} THEN 1 ELSE login_throttles.failures + 1 END,
              window_start_utc = CASE WHEN login_throttles.last_failure_utc <= {now - AccountMemory} THEN {now} ELSE login_throttles.window_start_utc END,
              last_failure_utc = {now}
            """, ct);
    }

    /// <summary>Counts a failure against the client only (a wrong authenticator code: the account has Identity's short lock-out).</summary>
    public async Task ClientFailedAsync(IPAddress? client, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The client: failures in a fixed one-minute window.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO login_throttles (key, failures, window_start_utc, last_failure_utc) VALUES ({ClientKey(client)}, 1, {now}, {now})
            ON CONFLICT (key) DO UPDATE SET
              failures = CASE WHEN login_throttles.window_start_utc <= {now - ClientWindow} THEN 1 ELSE login_throttles.failures + 1 END,
              window_start_utc = CASE WHEN login_throttles.window_start_utc <= {now - ClientWindow} THEN {now} ELSE login_throttles.window_start_utc END,
              last_failure_utc = {now}
            """, ct);
    }

    /// <summary>A right password: the account's failures are forgotten (the client's are not); stale rows are removed.</summary>
    public async Task SucceededAsync(string email, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM login_throttles WHERE key = {AccountKey(email)} OR last_failure_utc <= {now - AccountMemory}", ct);
    }
}
