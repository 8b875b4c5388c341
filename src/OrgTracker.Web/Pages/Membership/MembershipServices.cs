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
        // App-wide: the model binder's own messages ("'abc' is not a number") in the user's language too.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var L = factory.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => L["The value '{0}' is not valid for {1}.", value, field]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => L["The value '{0}' is not valid.", value]);
            m.SetUnknownValueIsInvalidAccessor(field => L["The value is not valid for {0}.", field]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["The value is not valid."]);
            m.SetValueIsInvalidAccessor(value => L["The value '{0}' is not valid.", value]);
            m.SetValueMustBeANumberAccessor(field => L["{0} must be a number.", field]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => L["This must be a number."]);
            m.SetValueMustNotBeNullAccessor(value => L["The value '{0}' is not valid.", value]);
            m.SetMissingBindRequiredValueAccessor(field => L["{0} is required.", field]);
            m.SetMissingKeyOrValueAccessor(() => L["A value is required."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => L["A value is required."]);
        });
        services.TryAddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<MemberImportSignal>();
        services.AddSingleton<MemberImportQueue>();
        services.AddScoped<MemberImporter>();
        services.AddHostedService<MemberImportWorker>();
        return services;
    }
}
