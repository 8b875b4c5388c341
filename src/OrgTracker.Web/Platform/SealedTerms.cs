using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OrgTracker.Web.Platform;

/// <summary>
/// Search terms and keys that can be mobile numbers travel in URLs sealed (encrypted and signed with the app's
/// data-protection keys), never as typed: browser history, a proxy's access log and the Referer header see only
/// an opaque string. The search forms post their terms and are redirected to the sealed URL, so a result page can
/// still be reloaded, paged and bookmarked. A plain value typed into a URL by hand is still understood.
/// </summary>
public sealed class SealedTerms(IDataProtectionProvider provider)
{
    // Every data-protection payload starts with the same magic header, which base64url writes as "CfDJ8".
    private const string Prefix = "CfDJ8";
    private readonly IDataProtector _protector = provider.CreateProtector("OrgTracker.SealedTerms.v1");

    public string? Seal(string? value) => string.IsNullOrWhiteSpace(value) ? null : _protector.Protect(value.Trim());

    public string? Seal(long? value) => value is { } v ? Seal(v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

    /// <summary>The term a URL carried: unsealed, or as it was when it was not sealed; null when its seal is broken or its key gone.</summary>
    public string? Open(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !value.StartsWith(Prefix, StringComparison.Ordinal)) return value;
        try { return _protector.Unprotect(value); }
        catch (CryptographicException) { return null; }
    }
}
