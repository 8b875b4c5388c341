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
/// The one-time set-up link that `setup` prints (Data/ProductionSetup.cs): the new administrator chooses a password,
/// is signed in and sent on to set up two-factor sign-in. The link is Identity's password-reset token: setting the
/// password changes the user's security stamp, so the link works once; it expires after 72 hours.
/// </summary>
[AllowAnonymous]
public class SetUpModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> L, ILogger<SetUpModel> log) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "token")] public string? Token { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>True when the link is expired, used or wrong: the page says so and shows no form.</summary>
    public bool Invalid { get; private set; }
    public string? Email { get; private set; }

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
        Email = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await ValidUserAsync();
        if (user is null) return Refused();
        Email = user.Email;
        if (ModelState.IsValid && Input.Password != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", L["The two passwords differ."]);
        if (!ModelState.IsValid) return Page();

        // Saved through EF (the audit trail records the change); the new security stamp spends the link.
        var result = await Users.ResetPasswordAsync(user, Token!, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return Refused();
            ModelState.AddIdentityErrors(result, "Input.Password");
            return Page();
        }
        log.LogInformation("User {UserId} set their password through the set-up link", user.Id);
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect(TwoFactorEnforcement.SetupPath + QueryString.Create("returnUrl", "/"));
    }

    /// <summary>The link's user if the token is still good for a password reset (not expired, not used).</summary>
    private async Task<AppUser?> ValidUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token)) return null;
        var user = await Users.FindByIdAsync(UserId);
        if (user is null) return null;
        var valid = await Users.VerifyUserTokenAsync(user, Users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, Token);
        return valid ? user : null;
    }

    private PageResult Refused()
    {
        log.LogWarning("Set-up link refused for user {UserId}: expired, used or wrong", UserId);
        Invalid = true;
        ModelState.Clear();
        return Page();
    }
}
