using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Account;

/// <summary>
/// The user's own two-factor sign-in: whether it is on, how many recovery codes are left, new recovery codes, and
/// turning it off (with the password, and never for a role that must use it).
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IConfiguration configuration,
    IStringLocalizer<SharedResource> L, ILogger<TwoFactorModel> log) : PageModel
{
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool Required => TwoFactorEnforcement.IsRequiredFor(User, configuration);
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    [BindProperty] public DisableInput Disable { get; set; } = new();

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

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Clear();
        if (!user.TwoFactorEnabled) return RedirectToPage("/Account/EnableAuthenticator");
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount) ?? []).ToList();
        log.LogInformation("User {UserName} made new recovery codes", user.UserName);
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (Required) ModelState.AddModelError(string.Empty, L["Your role must use two-factor sign-in; it cannot be turned off."]);
        else if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Disable.Password))
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

    private async Task ShowAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
