using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data;

/// <summary>Why the production set-up refused to run (printed to the operator as it is).</summary>
public sealed class ProductionSetupException(string message) : Exception(message);

/// <summary>What the set-up did: one line per state and for the administrator, and the set-up link if there is one.</summary>
public sealed record ProductionSetupResult(IReadOnlyList<string> Lines, string? Link);

/// <summary>
/// `./run.sh setup --state MP [--state UP …] --admin EMAIL [--url BASE]`: creates the real tree of the given states
/// (the state, its divisions and districts, and its assembly constituencies by their real numbers with placeholder
/// names the state office renames later) and one administrator without a password, and returns their invitation: the
/// one-time set-password link of <see cref="PasswordLinks"/> (valid 72 hours) to /Account/SetUp. No demo data.
/// Idempotent: a state that exists is left alone; an administrator email that exists creates nothing, and gets a
/// fresh invitation (replacing the earlier link) only while that user has never set a password. Refuses a database
/// that holds the demo data.
/// </summary>
public sealed class ProductionSetup(AppDbContext db, UserManager<AppUser> users, PasswordLinks links, TimeProvider clock, ILogger<ProductionSetup> log)
{
    public const string DemoEmailSuffix = "@demo.orgtracker.in";

    public static IReadOnlyList<string> KnownStates => Seeder.States.Select(s => s.Code).ToList();

    public static string SetUpUrl(string baseUrl, string userId, string token) => PasswordLinks.Url(baseUrl, userId, token);

    /// <summary>The base URL of the printed link: <c>--url</c>, else ORGTRACKER_PUBLIC_URL, else ORGTRACKER_URLS' first value.</summary>
    public static string BaseUrl(string? option, IConfiguration configuration) =>
        option is { Length: > 0 } ? option
        : configuration["PUBLIC_URL"] is { Length: > 0 } publicUrl ? publicUrl
        : configuration["URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { Length: > 0 } first ? first
        : "http://127.0.0.1:5080";

    /// <summary>True when the database holds the demo data (its demo users): the demo, not a real deployment.</summary>
    public static Task<bool> HoldsDemoDataAsync(AppDbContext db, CancellationToken ct)
    {
        var demoSuffix = DemoEmailSuffix.ToUpperInvariant();
        return db.Users.AnyAsync(u => u.NormalizedEmail != null && u.NormalizedEmail.EndsWith(demoSuffix), ct);
    }

    public async Task<ProductionSetupResult> RunAsync(IReadOnlyList<string> stateCodes, string adminEmail, string baseUrl, CancellationToken ct)
    {
        var codes = stateCodes.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        if (codes.Count == 0) throw new ProductionSetupException("Give at least one state: --state MP.");
        var unknown = codes.Where(c => !KnownStates.Contains(c)).ToList();
        if (unknown.Count > 0)
            throw new ProductionSetupException($"Unknown state {string.Join(", ", unknown)}. Known states: {string.Join(", ", KnownStates)}.");
        var email = adminEmail.Trim();
        if (email.Length == 0 || email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
            throw new ProductionSetupException("Give the administrator's email address: --admin EMAIL.");
        if (email.EndsWith(DemoEmailSuffix, StringComparison.OrdinalIgnoreCase))
            throw new ProductionSetupException($"The administrator cannot have a demo address ({DemoEmailSuffix}).");
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ProductionSetupException($"The set-up link's base URL must be an http(s) URL, not '{baseUrl}'.");

        if (await HoldsDemoDataAsync(db, ct))
            throw new ProductionSetupException(
                "This database holds the demo data (demo users): set-up runs only on an empty or production database. Use a new database.");

        var lines = new List<string>();
        var created = false;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var code in codes)
            {
                if (await db.Territories.AnyAsync(t => t.Level == TerritoryLevel.State && t.Code == code, ct))
                {
                    lines.Add($"State {code}: already present, left as it is.");
                    continue;
                }
                var (divisions, districts, acs) = await CreateStateAsync(code, ct);
                created = true;
                lines.Add($"State {code}: created with {divisions} divisions, {districts} districts, {acs} assembly constituencies.");
            }

            var user = await users.FindByEmailAsync(email);
            var newAdministrator = user is null;
            if (user is null)
            {
                var first = codes[0];
                var state = await db.Territories.SingleAsync(t => t.Level == TerritoryLevel.State && t.Code == first, ct);
                user = new AppUser
                {
                    UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true,
                    DisplayName = "Administrator", Role = Roles.Administrator,
                    ScopeTerritoryId = state.Id, StateId = state.StateId, CreatedUtc = clock.UtcNow(),
                };
                links.MarkInvited(user);
                var result = await users.CreateAsync(user);
                if (!result.Succeeded)
                    throw new ProductionSetupException("Could not create the administrator: " + string.Join(" ", result.Errors.Select(e => e.Description)));
                lines.Add($"Administrator {email}: created for {state.NameEn}.");
                log.LogInformation("Set-up created administrator {UserId} ({Email}) for territory {TerritoryId}", user.Id, email, state.Id);
            }
            else lines.Add($"Administrator {email}: already present, left as it is.");
            await tx.CommitAsync(ct);

            if (created)
            {
                var conn = (NpgsqlConnection)db.Database.GetDbConnection();
                if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
                await Summaries.RebuildAllAsync(conn, ct);
            }

            if (await users.HasPasswordAsync(user))
            {
                lines.Add($"Administrator {email} has already set a password: no set-up link (they sign in as usual).");
                return new ProductionSetupResult(lines, null);
            }
            // A new administrator's token comes from their invitation; an earlier one's invitation is issued again.
            string? token;
            if (newAdministrator) token = await links.TokenAsync(user);
            else
            {
                var (reissued, t) = await links.ReissueAsync(user);
                if (!reissued.Succeeded)
                    throw new ProductionSetupException("Could not issue the set-up link: " + string.Join(" ", reissued.Errors.Select(e => e.Description)));
                token = t;
            }
            return new ProductionSetupResult(lines, SetUpUrl(baseUrl, user.Id, token!));
        }
    }

    /// <summary>Adds the state, its divisions and districts from the reference data, and its assembly constituencies.</summary>
    private async Task<(int Divisions, int Districts, int Acs)> CreateStateAsync(string code, CancellationToken ct)
    {
        var spec = Seeder.States.Single(s => s.Code == code);
        var acNumbers = Seeder.ReadAcNumbers();
        // A state is its own StateId: take its id from the sequence first.
        var id = await db.Database.SqlQueryRaw<int>("SELECT nextval(pg_get_serial_sequence('territories', 'id'))::int AS \"Value\"").SingleAsync(ct);
        var state = new Territory { Id = id, StateId = id, Level = TerritoryLevel.State, Code = spec.Code, NameEn = spec.NameEn, NameHi = spec.NameHi };
        db.Territories.Add(state);
        await db.SaveChangesAsync(ct);

        var rows = Seeder.ReadDistricts(spec.File!);
        var divisions = new Dictionary<string, Territory>();
        foreach (var row in rows.Where(r => !divisions.ContainsKey(r.DivisionEn)))
        {
            var division = new Territory { Level = TerritoryLevel.Division, NameEn = row.DivisionEn, NameHi = row.DivisionHi };
            division.PlaceUnder(state);
            divisions[row.DivisionEn] = division;
            db.Territories.Add(division);
        }
        await db.SaveChangesAsync(ct);

        var districts = new List<Territory>();
        foreach (var row in rows)
        {
            var district = new Territory { Level = TerritoryLevel.District, NameEn = row.DistrictEn, NameHi = row.DistrictHi };
            district.PlaceUnder(divisions[row.DivisionEn]);
            districts.Add(district);
            db.Territories.Add(district);
        }
        await db.SaveChangesAsync(ct);

        var acs = 0;
        foreach (var district in districts)
        {
            if (!acNumbers.TryGetValue((code, district.NameEn), out var numbers))
            {
                log.LogWarning("No assembly constituencies in the reference data for district {District} of {State}", district.NameEn, code);
                continue;
            }
            foreach (var n in numbers)
            {
                db.AssemblyConstituencies.Add(new AssemblyConstituency
                {
                    StateId = state.Id, DivisionId = district.DivisionId, DistrictId = district.Id, Number = n,
                    NameEn = $"Assembly constituency {n}", NameHi = $"विधानसभा क्षेत्र {n}",
                });
                acs++;
            }
        }
        await db.SaveChangesAsync(ct);
        return (divisions.Count, districts.Count, acs);
    }
}
