using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Account;

/// <summary>
/// The password step of signing in. Throttled per account and per client (Authorization/LoginThrottle.cs) rather than
/// locked: a stranger's wrong passwords delay the account by at most a minute, and do not lock its user out.
/// </summary>
public class LoginModel(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, LoginThrottle throttle, IStringLocalizer<SharedResource> L, ILogger<LoginModel> log) : PageModel
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
        var email = Input.Email.Trim();
        var client = HttpContext.Connection.RemoteIpAddress;
        var ct = HttpContext.RequestAborted;
        // Waits come before the password is looked at, and are the same for an unknown email as for a known one.
        var wait = await throttle.CheckAsync(email, client, ct);
        if (wait.Client is { } clientWait)
        {
            log.LogWarning("Sign-in refused: too many failures from client {Client}", LoginThrottle.ClientKey(client));
            ModelState.AddModelError(string.Empty, L["Too many failed sign-ins from your network: try again in {0} seconds.", LoginThrottle.Wait.Seconds(clientWait)]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (wait.Account is { } accountWait)
        {
            log.LogWarning("Sign-in of {UserName} delayed by {Seconds} s after failures", email, LoginThrottle.Wait.Seconds(accountWait));
            ModelState.AddModelError(string.Empty, L["Too many attempts for this account: try again in {0} seconds.", LoginThrottle.Wait.Seconds(accountWait)]);
            return Page();
        }
        var exists = await signIn.UserManager.FindByNameAsync(email) is not null;
        // No lock-out on the password step (the throttle delays instead); a locked account (an administrator's lock,
        // or the authenticator step's one-minute lock) still answers IsLockedOut.
        var result = await signIn.PasswordSignInAsync(email, Input.Password, isPersistent: false, lockoutOnFailure: false);
        if (!exists || result.IsLockedOut) hasher.VerifyHashedPassword(null!, DummyHash, Input.Password);
        if (result.Succeeded || result.RequiresTwoFactor) await throttle.SucceededAsync(email, ct);
        else await throttle.FailedAsync(email, client, ct);
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
