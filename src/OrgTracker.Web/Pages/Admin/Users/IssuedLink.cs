using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;

namespace OrgTracker.Web.Pages.Admin.Users;

/// <summary>
/// A set-password link just issued (Authorization/PasswordLinks.cs), as the administrator sees it once, after
/// creating a user or sending a new link: the link to copy, and WhatsApp messages with it in Hindi and English.
/// It travels from the post to the page after it in TempData (a data-protected cookie), and is never stored or logged.
/// </summary>
public sealed record IssuedLink(string Url, bool Invitation, string ExpiresIndia, string WhatsAppHi, string WhatsAppEn)
{
    private const string UserKey = "IssuedLink.User", UrlKey = "IssuedLink.Url";

    /// <summary>Keeps the link for the next page, which shows it if it is that user's.</summary>
    public static void Keep(ITempDataDictionary tempData, string userId, string url)
    {
        tempData[UserKey] = userId;
        tempData[UrlKey] = url;
    }

    /// <summary>The link kept for this user by the post before, with its texts (the event and its time are on the user).</summary>
    public static IssuedLink? Take(ITempDataDictionary tempData, string userId, string displayName, string? passwordLink, DateTime? issuedUtc, IStringLocalizer L)
    {
        // (TempData hands a string that looks like a GUID back as a Guid.)
        if (tempData[UserKey]?.ToString() != userId || tempData[UrlKey] is not string url || issuedUtc is null) return null;
        var invitation = passwordLink == PasswordLinks.InvitationIssued;
        var expires = Localization.IndiaDateTime(issuedUtc.Value + PasswordLinks.Lifespan);
        return new IssuedLink(url, invitation, expires, WhatsApp(Text(L, "hi-IN", invitation, displayName, url)), WhatsApp(Text(L, "en-IN", invitation, displayName, url)));
    }

    private static string WhatsApp(string text) => "https://wa.me/?text=" + Uri.EscapeDataString(text);

    /// <summary>The message in one language, whatever the administrator's own.</summary>
    private static string Text(IStringLocalizer L, string culture, bool invitation, string name, string url)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return invitation
                ? L["Namaste {0}, you have an account on OrgTracker. Open this link to choose your password (it works once, within 72 hours): {1}", name, url]
                : L["Namaste {0}, here is your link to choose a new OrgTracker password (it works once, within 72 hours): {1}", name, url];
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
