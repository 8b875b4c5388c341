using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OrgTracker.Web.Platform;

/// <summary>
/// A POST (or any method but GET and HEAD) that selects no handler of the page — a page with only named handlers
/// (<c>OnPostSave</c>) posted without <c>?handler=</c>, or with a name it does not have — is answered 404. Razor Pages
/// would otherwise render the page without running any handler, so without the data its view draws: a 500.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        return next();
    }
}
