using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Data;

namespace OrgTracker.Web.Platform;

/// <summary>
/// The safety net under every page: a unique, foreign-key, check or not-null violation, a serialization failure
/// or deadlock, or a concurrency conflict that the page did not handle itself is never a 500. A posted form is
/// shown again with the message beside its field (<see cref="ConstraintMessages"/>) or above it; anything else,
/// and a form that cannot be shown again, gets the 409 page with the same message. Nothing of the refused
/// submission was saved (the save's transaction rolled back), so the user may simply try again.
/// </summary>
public sealed class DatabaseErrorFilter(IStringLocalizer<SharedResource> L, ILogger<DatabaseErrorFilter> log) : IAsyncPageFilter, IAsyncResultFilter
{
    private static readonly object MessageItem = new();
    private static readonly object ShownAgainItem = new();

    /// <summary>The message for the 409 page, when this filter answered the request with one.</summary>
    public static string? MessageOf(HttpContext http) => http.Items[MessageItem] as string;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) return;
        var error = DatabaseError.From(executed.Exception);
        if (error.Kind == DatabaseErrorKind.None) return;

        var http = context.HttpContext;
        log.LogWarning(executed.Exception, "{Kind} ({Constraint}) on {Method} {Path} answered without saving",
            error.Kind, error.Constraint, http.Request.Method, http.Request.Path.Value);
        executed.ExceptionHandled = true;
        http.RequestServices.GetRequiredService<AppDbContext>().ChangeTracker.Clear();

        var mapped = error.IsConstraintViolation ? ConstraintMessages.For(error.Constraint) : null;
        var message = L[mapped?.Message ?? ConstraintMessages.General(error.Kind == DatabaseErrorKind.Concurrency ? DatabaseErrorKind.SerializationFailure : error.Kind)].Value;
        http.Items[MessageItem] = message;
        if (HttpMethods.IsPost(http.Request.Method) && executed.HandlerInstance is PageModel page)
        {
            // The field's message goes beside it when this form posted that field; otherwise above the form.
            var field = mapped is { Field: not "" } m && page.ModelState.ContainsKey(m.Field) ? m.Field : string.Empty;
            page.ModelState.AddModelError(field, message);
            http.Items[ShownAgainItem] = true;
            executed.Result = new PageResult { StatusCode = field == string.Empty ? StatusCodes.Status409Conflict : StatusCodes.Status200OK };
            return;
        }
        executed.Result = new StatusCodeResult(StatusCodes.Status409Conflict);
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        // The form shown again could not be drawn (the handler failed before loading what the page shows):
        // the 409 page with the same message instead (status code pages draw it for an empty 409).
        if (executed.Exception is not null && !executed.ExceptionHandled && http.Items.ContainsKey(ShownAgainItem) && !http.Response.HasStarted)
        {
            log.LogWarning(executed.Exception, "The form of {Path} could not be shown again after a database error", http.Request.Path.Value);
            executed.ExceptionHandled = true;
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status409Conflict;
        }
    }
}
