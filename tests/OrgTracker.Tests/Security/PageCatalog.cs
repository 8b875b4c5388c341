using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrgTracker.Tests.Security;

/// <summary>One handler of one Razor Page: GET or POST, with the handler name of <c>On{Verb}{Name}Async</c> if any.</summary>
public sealed record PageHandler(string Page, string Verb, string? Name)
{
    public string Key => Name is null ? $"{Verb} {Page}" : $"{Verb} {Page} handler={Name}";
    public override string ToString() => Key;
}

/// <summary>Every page handler the running application serves, read from its endpoint data source.</summary>
public static class PageCatalog
{
    public static async Task<List<PageHandler>> DiscoverAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints;
        var loader = services.GetRequiredService<PageLoader>();
        var result = new List<PageHandler>();
        var pages = endpoints
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Descriptor is not null)
            .GroupBy(x => x.Descriptor!.ViewEnginePath)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var (endpoint, descriptor) = page.First();
            var compiled = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor!, endpoint.Metadata);
            var handlers = compiled.HandlerMethods
                .Select(h => new PageHandler(page.Key, h.HttpMethod.ToUpperInvariant(), string.IsNullOrEmpty(h.Name) ? null : h.Name))
                .Distinct()
                .ToList();
            // A page answers GET (it renders) even without an OnGet method.
            if (!handlers.Any(h => h is { Verb: "GET", Name: null })) handlers.Insert(0, new PageHandler(page.Key, "GET", null));
            result.AddRange(handlers.OrderBy(h => h.Verb).ThenBy(h => h.Name, StringComparer.Ordinal));
        }
        return result;
    }
}
