using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.ResponseCompression;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Meetings;
using OrgTracker.Web.Pages.Reports;
using OrgTracker.Web.Pages.Membership;
using Serilog;

namespace OrgTracker.Web;

/// <summary>Composition of the application: services and the request pipeline.</summary>
public static class Startup
{
    public static readonly CultureInfo[] Cultures = [IndianCulture("en-IN"), IndianCulture("hi-IN")];

    /// <summary>Indian number grouping (12,34,567) comes with en-IN and hi-IN; dates are dd-MM-yyyy everywhere.</summary>
    private static CultureInfo IndianCulture(string name)
    {
        var c = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        c.DateTimeFormat.ShortDatePattern = "dd-MM-yyyy";
        c.DateTimeFormat.DateSeparator = "-";
        c.NumberFormat.NumberGroupSizes = [3, 2];
        c.NumberFormat.NativeDigits = CultureInfo.InvariantCulture.NumberFormat.NativeDigits;
        return c;
    }

    /// <summary>
    /// With CompiledModel=true (the member import command), EF Core starts from the model compiled into
    /// Data/CompiledModel instead of building it (about a second of a command's start). scripts/ef-compiled-model.sh
    /// writes it again after a change of the model; CompiledModelTests fails until then.
    /// </summary>
    private static DbContextOptionsBuilder UseCompiledModel(this DbContextOptionsBuilder options, IConfiguration configuration) =>
#if COMPILED_MODEL
        configuration.GetValue<bool>("CompiledModel") ? options.UseModel(Data.CompiledModel.AppDbContextModel.Instance) : options;
#else
        options;
#endif

    public static IServiceCollection AddOrgTracker(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        // The one clock (Platform/IndiaClock.cs): tests replace it with a pinned FakeTimeProvider.
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<SummaryRefresher>();
        services.AddScoped<Platform.Conflicts>();
        services.AddDbContext<AppDbContext>((sp, o) => o
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")
                // Reads ride out a database restart; writes run once and are made repeatable by idempotency keys.
                .ExecutionStrategy(deps => new ReadRetryingExecutionStrategy(deps)))
            .UseSnakeCaseNamingConvention()
            // In this order: the audit opens the transaction that the summary refresh joins (Data/SummaryRefresher.cs).
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<SummaryRefresher>())
            .UseCompiledModel(configuration));
        // Dashboards, lists and exports read through ReadDb: the read replica (ORGTRACKER_DB_READ) when there is one
        // and it has the user's last write, the primary otherwise (Data/ReadReplica.cs, docs/operations.md).
        ReadDb.Register(services, configuration, connectionString);

        services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("OrgTracker");
        services.AddSingleton<SealedTerms>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // The password step does not lock accounts (LoginThrottle delays them instead); wrong authenticator
                // codes lock for one minute only, so that nobody can keep a user out for long.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(1);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                // Authenticator codes are accepted once (TotpTokenProvider).
                o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            // The default provider (password-reset tokens) on the app's clock: Authorization/ClockedTokenProvider.cs.
            .AddTokenProvider<ClockedTokenProvider>(TokenOptions.DefaultProvider)
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.Name);
        // Password-reset tokens are the one-time set-password links (Authorization/PasswordLinks.cs: `setup`'s link,
        // invitations, an administrator's new link): valid 72 hours. ClockedTokenProvider reads the app's clock.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordLinks.Lifespan);
        services.AddScoped<PasswordLinks>();
        services.AddSingleton<TwoFactorPolicy>();
        // Behind TLS (ORGTRACKER_HTTPS=true) the cookie is __Host- prefixed and Secure; on plain loopback HTTP it cannot be.
        var https = configuration.GetValue("HTTPS", false);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = https ? "__Host-OrgTracker" : ".OrgTracker.Auth";
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = AuthSessionStore.Idle;
            o.SlidingExpiration = true;
        });
        // The short-lived cookie that carries the user between the password and the authenticator code.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = https ? "__Host-OrgTracker-2fa" : ".OrgTracker.2fa";
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        // Tickets live in PostgreSQL (AuthSessionStore): sign-out ends the session everywhere; 12 hours absolute.
        services.AddSingleton<AuthSessionStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, AuthSessionCookieSetup>();
        // A locked-out or demoted user loses their session within a minute even if a session was not ended explicitly.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Sign-in throttling per account (progressive delay) and per client (failures per minute), in PostgreSQL.
        services.AddScoped<LoginThrottle>();
        // Forwarded headers only from the proxies in ORGTRACKER_KNOWN_PROXIES (Platform/KnownProxies.cs); read when the
        // pipeline is built, so that settings given to the host late (tests) count.
        services.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>().Configure<IConfiguration>(Platform.KnownProxies.Configure);
        // The antiforgery cookie is Secure whenever the request (after forwarding) is https, like the others.
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        // Light pages on a phone (docs/performance.md, "Bytes on a phone"): Hindi written as UTF-8, not as &#x…;
        // entities (a third of a Hindi page's bytes); HTML's own characters (< > & " ') are still encoded. The URL
        // encoder keeps its defaults (non-ASCII in links stays percent-encoded).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton(JsonText.Encoder);
        // JSON answers (booth search, import status) likewise.
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Encoder = JsonText.Encoder);
        // Pages and JSON compressed, over HTTPS too: docs/security.md ("Compression and BREACH") says why that is safe
        // here. Static files come precompressed from the build (MapStaticAssets) and are left alone by this middleware.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);

        services.AddMemoryCache();
        services.AddSingleton<KeptFigures>();
        services.AddHostedService<FigureChangePruner>();
        services.Configure<DashboardOptions>(configuration.GetSection(DashboardOptions.Section));
        services.Configure<SrijanOptions>(configuration.GetSection(SrijanOptions.Section));
        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationHandler, TerritoryAuthorizationHandler>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
            {
                // Which role may open which page: the capability table (Authorization/Capabilities.cs), one policy each.
                o.Conventions.AuthorizeFolder("/Admin", Capability.ManageUsers.Policy());
                o.Conventions.AuthorizePage("/Territories/Edit", Capability.ManageTerritory.Policy());
                o.Conventions.AuthorizePage("/Territories/Import", Capability.ManageTerritory.Policy());
                o.Conventions.AuthorizePage("/Reports/Edit", Capability.WriteReports.Policy());
                o.Conventions.AuthorizePage("/Reports/Queue", Capability.OverseeReports.Policy());
                o.Conventions.AuthorizePage("/Reports/Ranking", Capability.OverseeReports.Policy());
                o.Conventions.AuthorizePage("/Membership/Drive", Capability.RunDrives.Policy());
                o.Conventions.AuthorizePage("/Membership/Enrol", Capability.EnrolMembers.Policy());
                o.Conventions.AuthorizePage("/Membership/Import", Capability.EnrolMembers.Policy());
                foreach (var page in new[] { "/Meetings/Edit", "/Meetings/Attendance", "/Meetings/Invite", "/Meetings/NewProgramme" })
                    o.Conventions.AuthorizePage(page, Capability.RecordMeetings.Policy());
                o.Conventions.AuthorizePage("/Directives/Issue", Capability.IssueDirectives.Policy());
                o.Conventions.AuthorizePage("/Directives/Cascade", Capability.IssueDirectives.Policy());
                // The campaign's panel answers 404 (not "access denied") to anyone but state roles: PanelModel decides.
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Culture");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        // Messages of model binding (a number or date that does not parse), in the user's language.
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var L = factory.Create(typeof(SharedResource));
            // A post that selects no handler of the page is a 404, not the page drawn without its data (Platform/UnknownHandlerFilter.cs).
            o.Filters.Add<Platform.UnknownHandlerFilter>();
            // A database error a page did not handle becomes its form again or a 409 page, never a 500 (Platform/DatabaseErrorFilter.cs).
            // Added before the idempotency filter, so that it is the outer one and sees what that filter leaves unhandled.
            o.Filters.Add<Platform.DatabaseErrorFilter>();
            // A form submission posted again is answered, not applied again (Data/Idempotency.cs).
            o.Filters.Add<IdempotencyFilter>();
            // A checkbox posted with a value no browser sends shows unchecked instead of failing to render.
            o.ModelBinderProviders.Insert(0, new LenientBooleanModelBinderProvider());
            // jQuery-style keys ("a[b][c]") are not used here; the provider that reads them answers a malformed key with a 500.
            foreach (var jquery in o.ValueProviderFactories.Where(f => f is Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory
                         or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory).ToList())
                o.ValueProviderFactories.Remove(jquery);
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => L["'{0}' is not valid for {1}.", value, field]);
            m.SetValueIsInvalidAccessor(value => L["'{0}' is not valid.", value]);
            m.SetValueMustBeANumberAccessor(field => L["{0} must be a number.", field]);
            m.SetValueMustNotBeNullAccessor(value => L["A value is required."]);
            m.SetMissingBindRequiredValueAccessor(field => L["A value is required."]);
            m.SetMissingKeyOrValueAccessor(() => L["A value is required."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => L["A value is required."]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => L["'{0}' is not valid.", value]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["The value is not valid."]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => L["The value must be a number."]);
            m.SetUnknownValueIsInvalidAccessor(field => L["The value is not valid for {0}.", field]);
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The user's choice lives in the standard .AspNetCore.Culture cookie; no query-string or header guessing.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        // One photo processor (size and megapixel limits, re-encoding): meeting photos, directive attachments and evidence.
        services.AddSingleton<Platform.PhotoProcessor>();
        services.AddReports();
        services.AddMeetings();
        services.AddMembership(connectionString);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<ReplicaHealthCheck>("replica");
        return services;
    }

    /// <summary>Headers on every response: a strict Content-Security-Policy (no inline script or style), no sniffing, no framing.</summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        h["Permissions-Policy"] = "geolocation=(), microphone=(), camera=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }

    /// <summary>
    /// A query string with a NUL character is refused with 400, as ASP.NET Core refuses a posted form with one:
    /// no search or filter can mean it, and PostgreSQL refuses it in a text parameter (which was a 500).
    /// </summary>
    private static Task RefuseNulInQuery(HttpContext context, Func<Task> next)
    {
        foreach (var (key, values) in context.Request.Query)
        {
            foreach (var value in values.Append(key))
            {
                if (value is not null && value.Contains('\0'))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return Task.CompletedTask;
                }
            }
        }
        return next();
    }

    /// <summary>
    /// Nothing the application draws is kept by a browser or a proxy: pages carry personal data (names, mobile
    /// numbers, addresses) and photos show members, so every response after the static files (which keep their
    /// long, immutable caching: MapStaticAssets short-circuits at routing, before this) is <c>no-store</c>. Set when
    /// the headers are sent, so that no page or file result can loosen it.
    /// </summary>
    private static Task NoStore(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.CacheControl = "no-store";
            h.Pragma = "no-cache";
            h.Remove("Expires");
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>/healthz: the overall status, then each check's status, description and figures (the replica's lag).</summary>
    private static Task HealthJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonText.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                // A check that threw has the exception's message as its description: not for an anonymous page.
                description = e.Value.Exception is null ? e.Value.Description : null,
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        }));
    }

    public static WebApplication UseOrgTracker(this WebApplication app)
    {
        // First: the client's address and the original scheme, from the configured proxies only.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSerilogRequestLogging(o =>
        {
            // Path only: query strings may carry search terms and return URLs; never cookies or form values.
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
            o.EnrichDiagnosticContext = (ctx, http) =>
            {
                ctx.Set("UserName", http.User.Identity?.Name ?? "-");
                ctx.Set("RequestPath", http.Request.Path.Value ?? "");
            };
        });
        app.Use(SecurityHeaders);
        app.Use(RefuseNulInQuery);
        app.UseResponseCompression();
        // Static files (wwwroot, committed) from the build's manifest: precompressed, fingerprinted URLs with a
        // one-year immutable Cache-Control. Short-circuited: answered at routing, before sessions, 2FA and no-store.
        app.UseRouting();
        app.Use(NoStore);
        app.UseRequestLocalization();
        // Where this request's ReadDb reads; the primary's WAL position after a write (read-your-writes).
        app.Use(ReadRouting.InvokeAsync);
        app.UseAuthentication();
        app.Use(TwoFactorEnforcement.InvokeAsync);
        app.UseAuthorization();

        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = HealthJson,
        }).AllowAnonymous();
        app.MapStaticAssets().ShortCircuit();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}

/// <summary>
/// Healthy when PostgreSQL answers a query within two seconds. A connection of its own, outside EF Core's retrying
/// execution strategy: during an outage the answer is 503 at once, not after the retries.
/// </summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var cs = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Timeout = 2, CommandTimeout = 2, Pooling = false };
            await using var conn = new Npgsql.NpgsqlConnection(cs.ConnectionString);
            await conn.OpenAsync(cancellationToken);
            await using var cmd = new Npgsql.NpgsqlCommand("SELECT 1", conn);
            await cmd.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}

/// <summary>Marker type for the shared string resources (Resources/SharedResource.hi.resx).</summary>
public sealed class SharedResource;
