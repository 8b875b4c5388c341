using System.Security.Claims;
using Microsoft.AspNetCore.Http.Extensions;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// Two-factor sign-in required by configuration for some roles: <c>ORGTRACKER_REQUIRE_2FA_ROLES=Administrator,StateInCharge</c>.
/// A signed-in user of such a role who has not yet set up an authenticator app is sent to the set-up page from
/// every page but the few needed to do it (and to sign out or switch language), until they have.
/// </summary>
public static class TwoFactorEnforcement
{
    public const string SetupPath = "/Account/EnableAuthenticator";

    private static readonly string[] Open = [SetupPath, "/Account/TwoFactor", "/Account/Logout", "/Account/Login", "/Account/LoginWith2fa", "/Culture", "/Error", "/healthz"];

    /// <summary>The roles that must use two-factor sign-in, from configuration (comma-separated role names).</summary>
    public static string[] RequiredRoles(IConfiguration configuration) =>
        (configuration["REQUIRE_2FA_ROLES"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when the user's role must use two-factor sign-in.</summary>
    public static bool IsRequiredFor(ClaimsPrincipal user, IConfiguration configuration) =>
        RequiredRoles(configuration).Any(user.IsInRole);

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && user.FindFirstValue(ScopeClaims.TwoFactor) != "true"
            && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && IsRequiredFor(user, context.RequestServices.GetRequiredService<IConfiguration>()))
        {
            var returnUrl = HttpMethods.IsGet(context.Request.Method) ? context.Request.GetEncodedPathAndQuery() : "/";
            context.Response.Redirect(SetupPath + QueryString.Create("returnUrl", returnUrl));
            return;
        }
        await next();
    }
}
