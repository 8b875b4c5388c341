using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;

namespace OrgTracker.Web.Data;

/// <summary>
/// A form submission already applied: the key the form carried (one per rendered form) and where the user was sent
/// afterwards. Written in the same transaction as the first change the submission saves, so a submission that is
/// posted again — a double click, a browser retry after a dropped connection, a user pressing Back and Submit —
/// is recognised and answered with the first answer instead of being applied twice.
/// </summary>
public class IdempotencyKey
{
    public string UserId { get; set; } = "";
    public Guid Key { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? Location { get; set; }
}

/// <summary>The idempotency key of the current request, while its first save has not yet recorded it.</summary>
public sealed class IdempotencyScope(string userId, Guid key)
{
    public const string FormField = "__IdempotencyKey";
    private static readonly object Item = new();

    public string UserId { get; } = userId;
    public Guid Key { get; } = key;
    public bool Recorded { get; set; }

    public static IdempotencyScope? Current(HttpContext? http) => http?.Items[Item] as IdempotencyScope;
    public static void Set(HttpContext http, IdempotencyScope scope) => http.Items[Item] = scope;

    /// <summary>Adds the key to the changes about to be saved (called by the audit interceptor before each save).</summary>
    public static void AddTo(DbContext db, HttpContext? http, DateTime nowUtc)
    {
        if (Current(http) is not { Recorded: false } scope) return;
        db.Add(new IdempotencyKey { UserId = scope.UserId, Key = scope.Key, CreatedUtc = nowUtc });
        scope.Recorded = true;
    }

    /// <summary>The save failed: the key was not recorded (a retry of the whole submission may record it).</summary>
    public static void Failed(DbContext db, HttpContext? http)
    {
        if (Current(http) is not { Recorded: true } scope) return;
        scope.Recorded = false;
        foreach (var entry in db.ChangeTracker.Entries<IdempotencyKey>().Where(e => e.State == EntityState.Added).ToList())
            entry.State = EntityState.Detached;
    }
}

/// <summary>Every POST form carries a fresh idempotency key, as it carries an antiforgery token.</summary>
[HtmlTargetElement("form")]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var method = output.Attributes["method"]?.Value?.ToString() ?? context.AllAttributes["method"]?.Value?.ToString();
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase)) return;
        output.PostContent.AppendHtml($"<input name=\"{IdempotencyScope.FormField}\" type=\"hidden\" value=\"{Guid.NewGuid()}\" />");
    }
}

/// <summary>
/// Applies a signed-in user's form submission once: a key seen before is answered with a redirect to where the first
/// submission led (or the page again). Copies arriving at once (a double click) wait for the first on this
/// instance and are then answered the same way; across instances the key's primary key still lets only one commit.
/// Sign-in pages are left out (a failed sign-in saves a counter, and must not block the next try).
/// </summary>
public sealed class IdempotencyFilter(AppDbContext db, TimeProvider clock, ILogger<IdempotencyFilter> log) : IAsyncPageFilter
{
    // Striped locks: copies of one submission take the same one; unrelated submissions rarely share one, briefly.
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!HttpMethods.IsPost(http.Request.Method) || userId is null || !http.Request.HasFormContentType
            || http.Request.Path.StartsWithSegments("/Account") || http.Request.Path.StartsWithSegments("/Culture"))
        {
            await next();
            return;
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // A form that cannot be read (a NUL in a value, too many fields): refused as MVC's own binding refuses it.
            context.Result = new BadRequestResult();
            return;
        }
        if (!Guid.TryParse(form.TryGetValue(IdempotencyScope.FormField, out var v) ? v.ToString() : null, out var formKey))
        {
            await next();
            return;
        }
        var key = SubmissionKey(formKey, http.Request, form);
        var gate = Stripes[(key.GetHashCode() & int.MaxValue) % Stripes.Length];
        await gate.WaitAsync(http.RequestAborted);
        try
        {
            if (await ReplayAsync(http, userId, key) is { } replay)
            {
                context.Result = replay;
                return;
            }
            var scope = new IdempotencyScope(userId, key);
            IdempotencyScope.Set(http, scope);
            var executed = await next();
            if (Platform.DatabaseError.From(executed.Exception).Is(Platform.DatabaseErrorKind.UniqueViolation, "pk_idempotency_keys")
                && await ReplayAsync(http, userId, key) is { } raced)
            {
                executed.ExceptionHandled = true;
                executed.Result = raced;
            }
            else if (scope.Recorded && executed.Exception is null)
            {
                // A page shown again after saving (no redirect) is where a repeat is sent too: no key is left without
                // an answer but that of a request that died between its commit and this (ReplayAsync).
                var location = LocationOf(context, executed.Result) ?? SamePage(http.Request);
                // Where the applied submission led is what a repeat of it is shown; recorded even when the client has
                // gone (a timed-out browser retries, and must be sent there, not to an empty form).
                await db.IdempotencyKeys.Where(k => k.UserId == userId && k.Key == key)
                    .ExecuteUpdateAsync(u => u.SetProperty(k => k.Location, location), CancellationToken.None);
                if (Random.Shared.Next(200) == 0)
                {
                    // Keys are needed for as long as a browser might retry; a week is plenty. Swept now and then.
                    var old = clock.UtcNow().AddDays(-7);
                    await db.IdempotencyKeys.Where(k => k.CreatedUtc < old).ExecuteDeleteAsync(CancellationToken.None);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static string? LocationOf(PageHandlerExecutingContext context, IActionResult? result)
    {
        var url = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory>().GetUrlHelper(context);
        return result switch
        {
            RedirectToPageResult r => url.Page(r.PageName, r.PageHandler, r.RouteValues, r.Protocol, r.Host, r.Fragment),
            LocalRedirectResult r => r.Url,
            RedirectResult r => r.Url,
            _ => null,
        };
    }

    /// <summary>
    /// The form's key combined with what was submitted: the same form posted again with the same values is the same
    /// submission; the same form changed and posted again (Back, edit, Submit) is a new one, judged on its own
    /// (its version check then tells of any conflict).
    /// </summary>
    private static Guid SubmissionKey(Guid formKey, HttpRequest request, IFormCollection form)
    {
        var text = new System.Text.StringBuilder().Append(formKey).Append('\n').Append(request.Path).Append(request.QueryString).Append('\n');
        foreach (var field in form.Where(f => f.Key is not "__RequestVerificationToken").OrderBy(f => f.Key, StringComparer.Ordinal))
            text.Append(field.Key).Append('=').Append(string.Join("\u001f", field.Value.ToArray())).Append('\n');
        foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append(file.Name).Append(':').Append(file.FileName).Append(':').Append(file.Length).Append('\n');
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string SamePage(HttpRequest request) =>
        request.Path.Value + QueryString.Create(request.Query.Where(q => q.Key != "handler").Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())));

    /// <summary>Where a repeat of a submission is sent when the first copy was saved but never answered.</summary>
    public const string AlreadySavedPage = "/AlreadySaved";

    private async Task<IActionResult?> ReplayAsync(HttpContext http, string userId, Guid key)
    {
        var seen = await db.IdempotencyKeys.AsNoTracking().Where(k => k.UserId == userId && k.Key == key)
            .Select(k => new { k.Location }).SingleOrDefaultAsync(http.RequestAborted);
        if (seen is null) return null;
        // Saved, but where it led is not recorded yet: the first copy is finishing on another instance (it records the
        // answer right after its commit; give it a moment), or its instance died in between (docs/reliability.md,
        // "Many instances"). Then the user is told it was saved, not shown the empty form to enter it again.
        for (var i = 0; seen.Location is null && i < 20; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), http.RequestAborted);
            seen = await db.IdempotencyKeys.AsNoTracking().Where(k => k.UserId == userId && k.Key == key)
                .Select(k => new { k.Location }).SingleAsync(http.RequestAborted);
        }
        if (seen.Location is null)
        {
            log.LogWarning("Repeated submission {Key} to {Path} was saved by a request that did not finish; answered as saved", key, http.Request.Path.Value);
            return new RedirectResult(AlreadySavedPage);
        }
        log.LogInformation("Repeated submission {Key} to {Path} answered without applying it again", key, http.Request.Path.Value);
        var location = seen.Location is { } l && l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal) ? l : SamePage(http.Request);
        return new RedirectResult(location);
    }
}
