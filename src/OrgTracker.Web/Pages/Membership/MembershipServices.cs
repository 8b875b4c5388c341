using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Membership;

public static class MembershipServices
{
    /// <summary>The import pipeline and its background worker.</summary>
    public static IServiceCollection AddMembership(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<MemberImportSignal>();
        services.AddSingleton<MemberImportQueue>();
        services.AddScoped<MemberImporter>();
        services.AddHostedService<MemberImportWorker>();
        return services;
    }
}
