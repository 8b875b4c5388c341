using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Account;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Startup.LoginRateLimit)]
public class LoginModel(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, IStringLocalizer<SharedResource> L, ILogger<LoginModel> log) : PageModel
{
    // A real hash of a random password: failures that skip the password check (unknown user, locked account) verify
    // against it, so that every failure costs the same time.
    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(null!, Guid.NewGuid().ToString());

    [BindProperty] public InputModel Input { get; set; } = new();
    public string? ReturnUrl { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        [StringLength(256, ErrorMessage = "{0} is too long.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        [StringLength(200, ErrorMessage = "{0} is too long.")]
        public string Password { get; set; } = "";
    }

    public IActionResult OnGet(string? returnUrl = null)
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl(returnUrl));
        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();
        var exists = await signIn.UserManager.FindByNameAsync(Input.Email.Trim()) is not null;
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (!exists || result.IsLockedOut) hasher.VerifyHashedPassword(null!, DummyHash, Input.Password);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserName} signed in", Input.Email.Trim());
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            // The password was right; the authenticator code comes next (a short-lived cookie carries the user there).
            log.LogInformation("User {UserName} passed the password step; asking for the authenticator code", Input.Email.Trim());
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = SafeReturnUrl(returnUrl) });
        }
        // One message for an unknown user, a wrong password and a locked account: nothing to learn from it.
        log.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut})", Input.Email.Trim(), result.IsLockedOut);
        ModelState.AddModelError(string.Empty, L["Invalid email or password."]);
        return Page();
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : Url.Content("~/");
}
