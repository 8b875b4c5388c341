using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Account;

/// <summary>
/// The second step of signing in for a user with two-factor sign-in: the 6-digit code of their authenticator app,
/// or one of their recovery codes. Reached only with the short-lived cookie the password step sets; failures count
/// towards the account's one-minute lock-out and towards the client's failures per minute (Authorization/LoginThrottle.cs).
/// </summary>
public class LoginWith2faModel(SignInManager<AppUser> signIn, Authorization.LoginThrottle throttle, IStringLocalizer<SharedResource> L, ILogger<LoginWith2faModel> log) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty] public RecoveryInput Recovery { get; set; } = new();
    public string? ReturnUrl { get; set; }

    public class CodeInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
        [Display(Name = "Authenticator code")]
        public string Code { get; set; } = "";
    }

    public class RecoveryInput
    {
        [Required(ErrorMessage = "Enter one of your recovery codes.")]
        [StringLength(20, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Recovery code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/Login");
        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        if (!IsValid(nameof(Input))) return Page();
        if (await ClientThrottledAsync() is { } throttled) return throttled;
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        return await FinishAsync(result, user, "authenticator code");
    }

    public async Task<IActionResult> OnPostRecoveryAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        if (!IsValid(nameof(Recovery))) return Page();
        if (await ClientThrottledAsync() is { } throttled) return throttled;
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Recovery.Code.Replace(" ", "", StringComparison.Ordinal));
        return await FinishAsync(result, user, "recovery code");
    }

    /// <summary>429 with the page while the client has used up its failures of the minute.</summary>
    private async Task<IActionResult?> ClientThrottledAsync()
    {
        if (await throttle.ClientWaitAsync(HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted) is not { } wait) return null;
        ModelState.AddModelError(string.Empty, L["Too many failed sign-ins from your network: try again in {0} seconds.", Authorization.LoginThrottle.Wait.Seconds(wait)]);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }

    private async Task<IActionResult> FinishAsync(Microsoft.AspNetCore.Identity.SignInResult result, AppUser user, string method)
    {
        if (result.Succeeded)
        {
            log.LogInformation("User {UserName} signed in with an {Method}", user.UserName, method);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Content("~/"));
        }
        // The same message for a wrong code and a locked account, as on the password step.
        log.LogWarning("Wrong {Method} for {UserName} (locked out: {LockedOut})", method, user.UserName, result.IsLockedOut);
        await throttle.ClientFailedAsync(HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted);
        ModelState.AddModelError(string.Empty, L["The code is not valid. Try the newest code from your app."]);
        return Page();
    }

    /// <summary>Only the form that was posted is validated.</summary>
    private bool IsValid(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
        return ModelState.IsValid;
    }
}
