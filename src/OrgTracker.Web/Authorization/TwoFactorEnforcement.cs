using System.Security.Claims;
using Microsoft.AspNetCore.Http.Extensions;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// Two-factor sign-in required for some roles (<see cref="TwoFactorPolicy"/>). A signed-in user of such a role who has
/// not yet set up an authenticator app is sent to the set-up page from every page but the few needed to do it (and to
/// sign out or switch language), until they have.
/// </summary>
public static class TwoFactorEnforcement
{
    public const string SetupPath = "/Account/EnableAuthenticator";

    private static readonly string[] Open = [SetupPath, "/Account/TwoFactor", "/Account/Logout", "/Account/Login", "/Account/LoginWith2fa", "/Culture", "/Error", "/healthz"];

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            // Decided once per process; resolved here so that the pages after this can ask without waiting.
            var policy = context.RequestServices.GetRequiredService<TwoFactorPolicy>();
            var roles = await policy.RequiredRolesAsync();
            if (user.FindFirstValue(ScopeClaims.TwoFactor) != "true"
                && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && roles.Any(user.IsInRole))
            {
                var returnUrl = HttpMethods.IsGet(context.Request.Method) ? context.Request.GetEncodedPathAndQuery() : "/";
                context.Response.Redirect(SetupPath + QueryString.Create("returnUrl", returnUrl));
                return;
            }
        }
        await next();
    }
}

/// <summary>
/// Which roles must use two-factor sign-in. <c>ORGTRACKER_REQUIRE_2FA_ROLES</c> decides when it is given
/// (comma-separated role names, e.g. <c>Administrator,StateInCharge</c>; <c>none</c> for no role). When it is not given:
/// administrators must, in a real deployment; nobody must in the demo, that is a database holding the demo data
/// (<c>./run.sh</c>), or the test hosts (environment <c>Testing</c>). Decided once, when the first signed-in request
/// arrives (one query for the demo users), and kept for the life of the process.
/// </summary>
public sealed class TwoFactorPolicy(IConfiguration configuration, IHostEnvironment environment, IServiceScopeFactory scopes, ILogger<TwoFactorPolicy> log)
{
    public const string Setting = "REQUIRE_2FA_ROLES";

    private Task<string[]>? _roles;

    /// <summary>The rule itself: the setting when given; else none for the demo or the tests, else administrators.</summary>
    public static string[] Decide(string? setting, bool testing, bool demoData)
    {
        if (!string.IsNullOrWhiteSpace(setting))
        {
            var roles = setting.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return roles.Any(r => r.Equals("none", StringComparison.OrdinalIgnoreCase)) ? [] : roles;
        }
        return testing || demoData ? [] : [Roles.Administrator];
    }

    /// <summary>The roles that must use two-factor sign-in (decided on the first call).</summary>
    public Task<string[]> RequiredRolesAsync()
    {
        var roles = _roles;
        // A failed decision (database unreachable) is tried again by the next request.
        if (roles is null || roles.IsFaulted || roles.IsCanceled) _roles = roles = DecideAsync();
        return roles;
    }

    /// <summary>True when a user of this role must use two-factor sign-in.</summary>
    public async Task<bool> IsRequiredForRoleAsync(string role) => (await RequiredRolesAsync()).Contains(role);

    /// <summary>True when the signed-in user's role must use two-factor sign-in (already decided by the middleware).</summary>
    public bool IsRequiredFor(ClaimsPrincipal user) => RequiredRolesAsync().GetAwaiter().GetResult().Any(user.IsInRole);

    private async Task<string[]> DecideAsync()
    {
        var setting = configuration[Setting];
        var testing = environment.IsEnvironment("Testing");
        var demo = false;
        if (string.IsNullOrWhiteSpace(setting) && !testing)
        {
            await using var scope = scopes.CreateAsyncScope();
            demo = await ProductionSetup.HoldsDemoDataAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
        }
        var roles = Decide(setting, testing, demo);
        log.LogInformation("Two-factor sign-in required for: {Roles} ({Why})", roles.Length == 0 ? "no role" : string.Join(", ", roles),
            !string.IsNullOrWhiteSpace(setting) ? "ORGTRACKER_REQUIRE_2FA_ROLES" : testing ? "test environment" : demo ? "demo data" : "default for a real deployment");
        return roles;
    }
}
