using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Membership;

public static class MembershipPolicies
{
    /// <summary>State in-charge and state office: open and edit drives, set district targets, verify members.</summary>
    public const string RunDrives = nameof(RunDrives);
    /// <summary>Roles that enrol and import members (each within their scope; the per-record check decides where).</summary>
    public const string Enrol = nameof(Enrol);

    public static readonly string[] EnrolRoles = [Roles.StateInCharge, Roles.StateOffice, Roles.DistrictPresident];

    public static bool CanRunDrives(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.StateInCharge) || user.IsInRole(Roles.StateOffice);

    public static bool CanEnrol(System.Security.Claims.ClaimsPrincipal user) => EnrolRoles.Any(user.IsInRole);
}

public static class MembershipServices
{
    /// <summary>Policies, page conventions, the import pipeline and its background worker.</summary>
    public static IServiceCollection AddMembership(this IServiceCollection services, string connectionString)
    {
        services.AddAuthorization(o =>
        {
            o.AddPolicy(MembershipPolicies.RunDrives, p => p.RequireRole(Roles.StateInCharge, Roles.StateOffice));
            o.AddPolicy(MembershipPolicies.Enrol, p => p.RequireRole(MembershipPolicies.EnrolRoles));
        });
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Membership/Drive", MembershipPolicies.RunDrives);
            o.Conventions.AuthorizePage("/Membership/Enrol", MembershipPolicies.Enrol);
            o.Conventions.AuthorizePage("/Membership/Import", MembershipPolicies.Enrol);
        });
        services.TryAddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<MemberImportSignal>();
        services.AddSingleton<MemberImportQueue>();
        services.AddScoped<MemberImporter>();
        services.AddHostedService<MemberImportWorker>();
        return services;
    }
}
