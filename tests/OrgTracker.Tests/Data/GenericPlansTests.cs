using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;

namespace OrgTracker.Tests.Data;

/// <summary>
/// Pages marked <see cref="GenericPlansAttribute"/> (the dashboard) read through a pool of their own whose statements
/// keep their plans across requests; every other page reads with plans made for its values. (The dashboard's own
/// tests, which compare its figures with direct counts, run through that pool.)
/// </summary>
public class GenericPlansTests(AppFactory app) : IntegrationTest(app)
{
    private static async Task<string> PlanCacheModeAsync(IServiceProvider services, Endpoint? endpoint)
    {
        using var scope = services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (endpoint is not null) http.SetEndpoint(endpoint);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<ReadDb>();
            return await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();
        }
        finally
        {
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = null;
        }
    }

    private Endpoint PageEndpoint(string route) =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == route);

    [Fact]
    public async Task The_dashboard_reads_with_generic_plans_and_other_pages_with_plans_for_their_values()
    {
        Assert.NotNull(PageEndpoint("Dashboard/{id:int?}").Metadata.GetMetadata<GenericPlansAttribute>());
        Assert.Null(PageEndpoint("People").Metadata.GetMetadata<GenericPlansAttribute>());

        Assert.Equal("force_generic_plan", await PlanCacheModeAsync(App.Services, PageEndpoint("Dashboard/{id:int?}")));
        Assert.Equal("auto", await PlanCacheModeAsync(App.Services, PageEndpoint("People")));
        Assert.Equal("auto", await PlanCacheModeAsync(App.Services, null));
    }
}
