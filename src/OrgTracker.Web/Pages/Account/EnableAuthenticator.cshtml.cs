using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Account;

/// <summary>
/// Sets up two-factor sign-in with an authenticator app: shows the shared key as text (and as an otpauth:// link
/// that a phone opens in its authenticator app), checks one code from the app, turns two-factor sign-in on and
/// shows ten recovery codes once. No QR code: it would need script or an image library, and the key typed or
/// the link tapped does the same.
/// </summary>
public class EnableAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Authorization.TwoFactorPolicy twoFactor,
    IStringLocalizer<SharedResource> L, ILogger<EnableAuthenticatorModel> log) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public InputModel Input { get; set; } = new();
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? ReturnUrl { get; set; }
    /// <summary>True when the user's role must use two-factor sign-in (Authorization/TwoFactorEnforcement.cs).</summary>
    public bool Required => twoFactor.IsRequiredFor(User);

    public class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
        [Display(Name = "Authenticator code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage("/Account/TwoFactor");
        ReturnUrl = returnUrl;
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage("/Account/TwoFactor");
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", L["The code is not valid. Try the newest code from your app."]);
            await LoadKeyAsync(user);
            return Page();
        }
        // Turning it on renews the security stamp: the user's other sessions end, this one is refreshed.
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []).ToList();
        await signIn.RefreshSignInAsync(user);
        log.LogInformation("User {UserName} turned on two-factor sign-in", user.UserName);
        return Page();
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp; refresh this session's ticket so that it stays valid.
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        SharedKey = FormatKey(key!);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("OrgTracker:" + user.Email)}?secret={key}&issuer=OrgTracker&digits=6";
    }

    /// <summary>The key in groups of four, easier to type into an app.</summary>
    public static string FormatKey(string key)
    {
        var s = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) s.Append(' ');
            s.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return s.ToString().ToLowerInvariant();
    }
}
