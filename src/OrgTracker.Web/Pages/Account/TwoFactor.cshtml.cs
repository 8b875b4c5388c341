using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Account;

/// <summary>
/// The user's own two-factor sign-in: whether it is on, how many recovery codes are left, new recovery codes (only
/// after the user proves again who they are, with their password or a current authenticator code: a session left open
/// on a shared computer must not hand out codes that sign in without the phone), and turning it off (with the
/// password, and never for a role that must use it).
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TwoFactorPolicy twoFactor,
    IStringLocalizer<SharedResource> L, ILogger<TwoFactorModel> log) : PageModel
{
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool Required => twoFactor.IsRequiredFor(User);
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    // Each form binds only its own fields through a handler parameter, so one form's rules never fail another's post.
    public DisableInput Disable { get; set; } = new();
    public ConfirmInput Confirm { get; set; } = new();

    public class ConfirmInput
    {
        [Required(ErrorMessage = "Enter your password or a code from your authenticator app.")]
        [StringLength(200, ErrorMessage = "{0} is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Your password or a current authenticator code")]
        public string Secret { get; set; } = "";
    }

    public class DisableInput
    {
        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(200, ErrorMessage = "{0} is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync([Bind(Prefix = nameof(Confirm))] ConfirmInput confirm)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage("/Account/EnableAuthenticator");
        if (ModelState.IsValid && !await ReauthenticatedAsync(user, confirm.Secret))
        {
            log.LogWarning("User {UserName} asked for new recovery codes with a wrong password or code", user.UserName);
            ModelState.AddModelError("Confirm.Secret", await users.IsLockedOutAsync(user)
                ? L["Too many wrong attempts. Wait a minute and try again."]
                : L["Incorrect password or code."]);
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount) ?? []).ToList();
        log.LogInformation("User {UserName} made new recovery codes", user.UserName);
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync([Bind(Prefix = nameof(Disable))] DisableInput disable)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (Required) ModelState.AddModelError(string.Empty, L["Your role must use two-factor sign-in; it cannot be turned off."]);
        else if (ModelState.IsValid && !await users.CheckPasswordAsync(user, disable.Password))
            ModelState.AddModelError("Disable.Password", L["Incorrect password."]);
        if (!ModelState.IsValid || !user.TwoFactorEnabled)
        {
            await ShowAsync(user);
            return Page();
        }
        // A new key too, so that the old app's codes are worthless; both renew the stamp and end the other sessions.
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        log.LogInformation("User {UserName} turned off two-factor sign-in", user.UserName);
        StatusMessage = L["Two-factor sign-in is off."];
        return RedirectToPage();
    }

    /// <summary>
    /// The password, or a current code from the authenticator app (each code counts once). Wrong answers count towards
    /// the one-minute lock-out, as wrong codes at sign-in do, so the field cannot be used to guess codes; while locked
    /// out nothing is accepted.
    /// </summary>
    private async Task<bool> ReauthenticatedAsync(AppUser user, string secret)
    {
        if (await users.IsLockedOutAsync(user)) return false;
        var code = secret.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var ok = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : await users.CheckPasswordAsync(user, secret);
        if (ok) await users.ResetAccessFailedCountAsync(user);
        else await users.AccessFailedAsync(user);
        return ok;
    }

    private async Task ShowAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
