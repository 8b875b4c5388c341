using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Pages.Territories;

namespace OrgTracker.Web;

/// <summary>Command-line verbs of the app (`./run.sh COMMAND …`), documented in README.</summary>
public static class Commands
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var ct = app.Lifetime.ApplicationStopping;
        switch (args[0])
        {
            case "migrate":
            {
                var db = services.GetRequiredService<AppDbContext>();
                await db.MigrateToCurrentAsync(ct);
                // Data protection keeps time by the system clock (it takes no TimeProvider): the key's dates are on the
                // app's clock, which outside the tests is that system clock.
                if (await db.EnsureActiveKeyAsync(services, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct))
                    Console.WriteLine("Made the data-protection key that every instance will use.");
                Console.WriteLine("Database is up to date.");
                return 0;
            }

            case "seed":
            {
                var profile = SeedProfile.Find(Option(args, "--profile") ?? "demo");
                if (profile is null)
                {
                    Console.Error.WriteLine($"Unknown profile. Use one of: {string.Join(", ", SeedProfile.All.Select(p => p.Name))}");
                    return 2;
                }
                var seed = int.TryParse(Option(args, "--seed"), out var s) ? s : 2026;
                // --scale 0.01: the full-depth states' booths, blocks and members at a fraction (a quick look at a large profile).
                if (double.TryParse(Option(args, "--scale"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var scale))
                    profile = profile with { Scale = scale };
                // --synthetic-scale 0.25: the national profile's synthetic states only at a fraction (MP and UP in full).
                if (double.TryParse(Option(args, "--synthetic-scale"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var synthetic))
                    profile = profile with { SyntheticScale = synthetic };
                var db = services.GetRequiredService<AppDbContext>();
                await db.MigrateToCurrentAsync(ct);
                var seeder = ActivatorUtilities.CreateInstance<Seeder>(services);
                if (args.Contains("--if-empty") && await seeder.HasDataAsync(ct))
                {
                    Console.WriteLine("Data already loaded; nothing to seed.");
                    return 0;
                }
                var clock = Stopwatch.StartNew();
                var counts = await seeder.SeedAsync(profile, seed, ct);
                Console.WriteLine($"Seeded profile {profile.Name} (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s:");
                foreach (var (table, n) in counts) Console.WriteLine($"  {table,-26} {n,10:N0}");
                return 0;
            }

            case "import" when args.Length >= 3 && args[1] == "booths":
            {
                var state = Option(args, "--state") ?? "MP";
                var db = services.GetRequiredService<AppDbContext>();
                var stateId = await db.Territories.Where(t => t.Code == state).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
                if (stateId is null) { Console.Error.WriteLine($"No state with code {state}."); return 2; }
                await using var file = File.OpenRead(args[2]);
                var result = await ActivatorUtilities.CreateInstance<BoothImporter>(services).ImportAsync(file, stateId.Value, null, ct);
                Console.WriteLine($"Added {result.Added}, already present {result.AlreadyPresent}, bad rows {result.Errors.Count}.");
                foreach (var e in result.Errors) Console.WriteLine($"  line {e.Line}: {e.Message}");
                return result.Errors.Count == 0 ? 0 : 1;
            }

            case "import" when args.Length >= 3 && args[1] == "members":
                return await Pages.Membership.MemberImportCommand.RunAsync(services, args, ct);

            case "setup":
            {
                var states = Options(args, "--state");
                var admin = Option(args, "--admin");
                if (states.Count == 0 || admin is null)
                {
                    Console.Error.WriteLine("Usage: setup --state MP [--state UP …] --admin EMAIL [--url https://orgtracker.example.org]");
                    return 2;
                }
                await services.GetRequiredService<AppDbContext>().MigrateToCurrentAsync(ct);
                var baseUrl = ProductionSetup.BaseUrl(Option(args, "--url"), services.GetRequiredService<IConfiguration>());
                try
                {
                    var result = await ActivatorUtilities.CreateInstance<ProductionSetup>(services).RunAsync(states, admin, baseUrl, ct);
                    foreach (var line in result.Lines) Console.WriteLine(line);
                    if (result.Link is not null) Console.WriteLine($"Set-up link: {result.Link}");
                    return 0;
                }
                catch (ProductionSetupException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 1;
                }
            }

            case "demo-logins" when args.Contains("--if-loaded")
                && !await services.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(ProductionSetup.DemoEmailSuffix.ToUpper()), ct):
                Console.WriteLine("No demo data in this database (production): sign in with the accounts the administrator created.");
                return 0;

            case "demo-logins":
                Console.WriteLine("Demo logins (demo data only):");
                foreach (var l in Seeder.DemoLogins) Console.WriteLine($"  {l.Email,-40} {l.Role,-18} {l.ScopeEn}");
                Console.WriteLine($"Demo password: {Seeder.DemoPassword}");
                return 0;

            default:
                Console.Error.WriteLine("Commands: migrate | setup --state MP|UP [--state …] --admin EMAIL [--url URL] | seed --profile demo|mp-full|up-full [--seed N] [--if-empty] | import booths FILE.csv [--state MP|UP] | import members FILE.csv|FILE.xlsx [--drive ID] [--district NAME] | demo-logins");
                return 2;
        }
    }

    /// <summary>Every value of an option that may repeat (<c>--state MP --state UP</c>); a value may also list several (<c>MP,UP</c>).</summary>
    private static List<string> Options(string[] args, string name) =>
        args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Length)
            .SelectMany(x => args[x.i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
