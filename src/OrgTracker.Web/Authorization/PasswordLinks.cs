using Microsoft.AspNetCore.Identity;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// The one way a user gets a password: a one-time link to /Account/SetUp where they choose it themselves. Used by
/// the production set-up (the first administrator, Data/ProductionSetup.cs), by an administrator creating a user
/// (an invitation) and by an administrator's "send a new set-password link" (Pages/Admin/Users). Nobody else ever
/// chooses or sees a user's password.
/// <para>
/// The link is Identity's password-reset token from <see cref="ClockedTokenProvider"/>: it holds the user's security
/// stamp and its creation time on the app's clock. Issuing a link renews the stamp, so earlier links and the user's
/// open sessions end; setting the password renews it again, so the link works once; after
/// <see cref="Lifespan"/> it is refused. Each event is written on the user (<see cref="AppUser.PasswordLink"/>,
/// <see cref="AppUser.PasswordLinkAtUtc"/>), so the audit trail shows it; the link itself is never stored or logged.
/// </para>
/// </summary>
public sealed class PasswordLinks(UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>How long a link stays valid (also every password-reset token's lifespan).</summary>
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(72);

    /// <summary>The audited events, as <see cref="AppUser.PasswordLink"/> records them.</summary>
    public const string InvitationIssued = nameof(InvitationIssued);
    public const string SetPasswordLinkIssued = nameof(SetPasswordLinkIssued);
    public const string PasswordSetViaLink = nameof(PasswordSetViaLink);

    public const string Path = "/Account/SetUp";

    /// <summary>The link: <c>BASE/Account/SetUp?user=…&amp;token=…</c>.</summary>
    public static string Url(string baseUrl, string userId, string token) =>
        $"{baseUrl.TrimEnd('/')}{Path}?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    /// <summary>
    /// The base of links given out in a request: ORGTRACKER_PUBLIC_URL when set, else the address the request came to
    /// (scheme and host as forwarded by a known proxy).
    /// </summary>
    public static string BaseUrl(HttpRequest request, IConfiguration configuration) =>
        configuration["PUBLIC_URL"] is { Length: > 0 } publicUrl ? publicUrl : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>Marks a user about to be created (without a password) as invited; <see cref="TokenAsync"/> after creating.</summary>
    public void MarkInvited(AppUser user)
    {
        user.PasswordLink = InvitationIssued;
        user.PasswordLinkAtUtc = clock.UtcNow();
    }

    /// <summary>A token for the user as they are now (after creating them, or after <see cref="ReissueAsync"/>).</summary>
    public Task<string> TokenAsync(AppUser user) => users.GeneratePasswordResetTokenAsync(user);

    /// <summary>
    /// A new link for an existing user: an invitation again while they have never set a password, otherwise a
    /// set-password link, and their password (if they have one) is removed. Either way the security stamp is renewed in the same save:
    /// their earlier links and open sessions end. Returns the token, or the failure (nothing saved).
    /// </summary>
    public async Task<(IdentityResult Result, string? Token)> ReissueAsync(AppUser user)
    {
        var hadPassword = await users.HasPasswordAsync(user);
        // Once a user has had a password, a new link stays a set-password link even before they use it.
        user.PasswordLink = hadPassword || user.PasswordLink == SetPasswordLinkIssued ? SetPasswordLinkIssued : InvitationIssued;
        user.PasswordLinkAtUtc = clock.UtcNow();
        // Both renew the stamp and save the user once (with the event above); the audit records "Password: removed".
        var result = hadPassword ? await users.RemovePasswordAsync(user) : await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? (result, await TokenAsync(user)) : (result, null);
    }

    /// <summary>True while the token is good: not expired, not used, not replaced by a newer link.</summary>
    public Task<bool> IsValidAsync(AppUser user, string token) =>
        users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);

    /// <summary>
    /// Sets the password through the link (checked again here), recording the event in the same save. Fails with
    /// <c>InvalidToken</c> for a bad link, or with the password rules; then nothing is saved.
    /// </summary>
    public async Task<IdentityResult> SetPasswordAsync(AppUser user, string token, string password)
    {
        var (before, beforeAt) = (user.PasswordLink, user.PasswordLinkAtUtc);
        user.PasswordLink = PasswordSetViaLink;
        user.PasswordLinkAtUtc = clock.UtcNow();
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) (user.PasswordLink, user.PasswordLinkAtUtc) = (before, beforeAt);
        return result;
    }
}
