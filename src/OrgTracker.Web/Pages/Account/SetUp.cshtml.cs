using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Admin.Users;

namespace OrgTracker.Web.Pages.Account;

/// <summary>
/// Where a one-time set-password link (Authorization/PasswordLinks.cs) leads: the first administrator's link that
/// `setup` prints, an invitation an administrator issued on creating a user, or a new set-password link. The user
/// chooses their password, is signed in, and goes on to set up two-factor sign-in if their role must use it, else to
/// their start page. Setting the password changes the user's security stamp, so the link works once; it expires after
/// 72 hours. A wrong, used, replaced or expired link (and an unknown user) all get the same refusal, so the page
/// tells nobody whether an account exists.
/// </summary>
[AllowAnonymous]
public class SetUpModel(SignInManager<AppUser> signIn, PasswordLinks links, TwoFactorPolicy twoFactor,
    IStringLocalizer<SharedResource> L, ILogger<SetUpModel> log) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "token")] public string? Token { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>True when the link is expired, used or wrong: the page says so and shows no form.</summary>
    public bool Invalid { get; private set; }
    public string? Email { get; private set; }
    /// <summary>True when the user must set up two-factor sign-in next (their role requires it).</summary>
    public bool TwoFactorNext { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Enter a password.")]
        [StringLength(200, ErrorMessage = "{0} is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Enter the password again.")]
        [StringLength(200, ErrorMessage = "{0} is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm the password")]
        public string ConfirmPassword { get; set; } = "";
    }

    private UserManager<AppUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await ValidUserAsync();
        if (user is null) return Refused();
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await ValidUserAsync();
        if (user is null) return Refused();
        await ShowAsync(user);
        if (ModelState.IsValid && Input.Password != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", L["The two passwords differ."]);
        if (!ModelState.IsValid) return Page();

        // Saved through EF with the event "PasswordSetViaLink" (the audit trail records both); the new security stamp
        // spends the link.
        var result = await links.SetPasswordAsync(user, Token!, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return Refused();
            ModelState.AddIdentityErrors(result, "Input.Password");
            return Page();
        }
        log.LogInformation("User {UserId} set their password through a set-password link", user.Id);
        await signIn.SignInAsync(user, isPersistent: false);
        return TwoFactorNext ? Redirect(TwoFactorEnforcement.SetupPath + QueryString.Create("returnUrl", "/")) : Redirect("/");
    }

    private async Task ShowAsync(AppUser user)
    {
        Email = user.Email;
        TwoFactorNext = !user.TwoFactorEnabled && await twoFactor.IsRequiredForRoleAsync(user.Role);
    }

    /// <summary>The link's user if the token is still good for a password reset (not expired, not used).</summary>
    private async Task<AppUser?> ValidUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token)) return null;
        var user = await Users.FindByIdAsync(UserId);
        if (user is null) return null;
        return await links.IsValidAsync(user, Token) ? user : null;
    }

    private PageResult Refused()
    {
        log.LogWarning("Set-password link refused for user {UserId}: expired, used, replaced or wrong", UserId);
        Invalid = true;
        ModelState.Clear();
        return Page();
    }
}
