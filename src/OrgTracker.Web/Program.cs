using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("ORGTRACKER_");
if (builder.Configuration["URLS"] is { Length: > 0 } urls) builder.WebHost.UseUrls(urls);
// Static files (MapStaticAssets) served from the build output as from a publish, in every environment: ./run.sh and
// the tests run the build, whose precompressed copies live under obj/ (the runtime manifest maps them; a publish has
// none and this does nothing). The framework's "development" handling of a build manifest stays off: it drops the
// one-year immutable caching, and it takes every file for changed (the manifest's Last-Modified has whole seconds,
// the disk's does not), sending it re-wrapped as uncompressed gzip, labelled "br" when Brotli was asked for.
// Edit a file under wwwroot, rebuild (dotnet run does); ORGTRACKER_ReloadStaticAssetsAtRuntime=true turns it back on.
builder.WebHost.UseStaticWebAssets();
builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";

builder.Services.AddSerilog((services, log) =>
{
    log.ReadFrom.Configuration(builder.Configuration)
        // Sinks and enrichers registered as services (the tests capture the log this way).
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        // Mobile numbers never reach a log in clear (docs/security.md).
        .Enrich.With<OrgTracker.Web.Platform.MobileNumberMasking>()
        .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
        // Failed commands surface as exceptions, logged where they are handled; the first migration probe is not an error.
        .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", Serilog.Events.LogEventLevel.Fatal)
        .WriteTo.Console();
    if (builder.Configuration["LOG_DIR"] is { Length: > 0 } dir)
        log.WriteTo.File(Path.Combine(dir, "orgtracker-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
    // Each host keeps its own logger rather than the static Log.Logger: a second host in the same process (the tests
    // start several) neither takes over the first one's logging nor silences it when it stops.
}, preserveStaticLogger: true);

var connectionString = builder.Configuration["DB"] ?? builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("Set ORGTRACKER_DB to a PostgreSQL connection string (./run.sh does this).");
// The member import runs as a command of its own (./run.sh import members …) and should start at once: its EF Core
// model comes compiled (Startup.UseCompiledModel). The web app and the other commands build it, as the tests do.
if (args is ["import", "members", ..]) builder.Configuration["CompiledModel"] = "true";
builder.Services.AddOrgTracker(builder.Configuration, connectionString);

var app = builder.Build();

if (args.Length > 0 && !args[0].StartsWith('-'))
    return await Commands.RunAsync(app, args);

app.UseOrgTracker();
app.Run();
return 0;

public partial class Program;
