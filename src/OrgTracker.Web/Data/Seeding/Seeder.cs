using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Seeding;

/// <summary>How deep a state is generated below its real divisions and districts.</summary>
public enum Depth { Demo, Full }

/// <summary>
/// A seed profile: which states are generated at full depth, whether the synthetic states are added (the national
/// profile: eight made-up states beside MP and UP, always at full depth), and a scale factor on the booths, blocks and
/// members of full-depth states (1 for every profile; only tests use a smaller one).
/// </summary>
public sealed record SeedProfile(string Name, Depth Mp, Depth Up, bool Synthetic = false, double Scale = 1, double SyntheticScale = 1)
{
    public static readonly SeedProfile[] All =
    [
        new("demo", Depth.Demo, Depth.Demo),
        new("mp-full", Depth.Full, Depth.Demo),
        new("up-full", Depth.Demo, Depth.Full),
        new("national", Depth.Full, Depth.Full, Synthetic: true),
    ];

    public static SeedProfile? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>How deep a state is generated: MP and UP as the profile says, a synthetic state always in full.</summary>
    public Depth DepthOf(string stateCode) => stateCode switch { "MP" => Mp, "UP" => Up, _ => Depth.Full };

    /// <summary>The states generated, in order: MP and UP, then the synthetic states if the profile has them.</summary>
    internal IEnumerable<Seeder.StateSpec> States => Synthetic ? Seeder.States.Concat(Seeder.SyntheticStates) : Seeder.States;

    /// <summary>
    /// A full-depth count (booths, blocks, members) of a state at the profile's scale (times <see cref="SyntheticScale"/>
    /// for a synthetic state), never below <paramref name="floor"/>.
    /// </summary>
    internal int Scaled(Seeder.StateSpec spec, int count, int floor = 1) =>
        Math.Max(floor, (int)Math.Round(count * Scale * (spec.File is null ? SyntheticScale : 1)));
}

public sealed record DemoLogin(string Email, string Role, string ScopeEn, string DisplayName);

/// <summary>
/// Loads the real states, divisions and districts and generates blocks, wards, booths and assembly
/// constituencies below them, deterministically for a seed. Bulk rows go in with binary COPY.
/// </summary>
public sealed class Seeder(AppDbContext db, TimeProvider clock, ILogger<Seeder> log)
{
    public const string DemoPassword = "OrgTracker-Demo-2026";
    public const string OurParty = "INC";

    public static readonly DemoLogin[] DemoLogins =
    [
        new("admin@demo.orgtracker.in", Roles.Administrator, "Madhya Pradesh", "State IT Administrator"),
        new("incharge.mp@demo.orgtracker.in", Roles.StateInCharge, "Madhya Pradesh", "MP State In-charge"),
        new("office.mp@demo.orgtracker.in", Roles.StateOffice, "Madhya Pradesh", "MP State Office"),
        new("division.bhopal@demo.orgtracker.in", Roles.DivisionInCharge, "Bhopal division", "Bhopal Division In-charge"),
        new("president.bhopal@demo.orgtracker.in", Roles.DistrictPresident, "Bhopal", "Bhopal District President"),
        new("president.indore@demo.orgtracker.in", Roles.DistrictPresident, "Indore", "Indore District President"),
        new("incharge.up@demo.orgtracker.in", Roles.StateInCharge, "Uttar Pradesh", "UP State In-charge"),
        new("office.up@demo.orgtracker.in", Roles.StateOffice, "Uttar Pradesh", "UP State Office"),
        new("president.lucknow@demo.orgtracker.in", Roles.DistrictPresident, "Lucknow", "Lucknow District President"),
    ];

    /// <summary>
    /// A state to generate: its Lok Sabha seats, blocks and booths (at full depth) and members (full depth). A real
    /// state reads its divisions and districts from <see cref="File"/>; a synthetic one (no file) has
    /// <see cref="Divisions"/> divisions, <see cref="Districts"/> districts and <see cref="Acs"/> assembly seats,
    /// named deterministically from the seed.
    /// </summary>
    internal sealed record StateSpec(string Code, string NameEn, string NameHi, string? File, int LokSabhaSeats, int Blocks, int Booths,
        int Members = 0, int Divisions = 0, int Districts = 0, int Acs = 0);

    /// <summary>The states the reference data covers (shared with the production set-up, Data/ProductionSetup.cs).</summary>
    internal static readonly StateSpec[] States =
    [
        new("MP", "Madhya Pradesh", "मध्य प्रदेश", "mp_districts.csv", 29, 313, 64_879, Members: 2_000_000),
        new("UP", "Uttar Pradesh", "उत्तर प्रदेश", "up_districts.csv", 80, 826, 162_069, Members: 5_000_000),
    ];

    /// <summary>
    /// The national profile's made-up states, named after historical regions (none of them a state today), sized
    /// like mid-sized real states: with MP and UP, 10 states, 9,99,948 booths and 3,00,00,000 members.
    /// </summary>
    internal static readonly StateSpec[] SyntheticStates =
    [
        new("VP", "Vindhya Pradesh", "विंध्य प्रदेश", null, 25, 330, 80_000, Members: 2_400_000, Divisions: 7, Districts: 38, Acs: 210),
        new("MB", "Madhya Bharat", "मध्य भारत", null, 28, 380, 92_000, Members: 2_700_000, Divisions: 8, Districts: 45, Acs: 240),
        new("MK", "Mahakoshal", "महाकोशल", null, 20, 260, 64_000, Members: 1_900_000, Divisions: 6, Districts: 30, Acs: 165),
        new("BK", "Bundelkhand", "बुंदेलखंड", null, 17, 230, 56_000, Members: 1_700_000, Divisions: 5, Districts: 25, Acs: 145),
        new("PV", "Purvanchal", "पूर्वांचल", null, 48, 620, 150_000, Members: 4_500_000, Divisions: 12, Districts: 70, Acs: 380),
        new("RK", "Rohilkhand", "रुहेलखंड", null, 28, 360, 88_000, Members: 2_600_000, Divisions: 8, Districts: 42, Acs: 225),
        new("AW", "Awadh", "अवध", null, 40, 520, 125_000, Members: 3_700_000, Divisions: 10, Districts: 55, Acs: 320),
        new("MW", "Malwa", "मालवा", null, 37, 480, 118_000, Members: 3_500_000, Divisions: 9, Districts: 50, Acs: 300),
    ];

    private static string ReferencePath(string file) => Path.Combine(AppContext.BaseDirectory, "Data", "Seeding", "Reference", file);

    private static string? _demoPasswordHash;

    public async Task<bool> HasDataAsync(CancellationToken ct) => await db.Territories.AnyAsync(ct);

    /// <summary>Empties every data table and generates the profile. Returns row counts by table.</summary>
    public async Task<Dictionary<string, long>> SeedAsync(SeedProfile profile, int seed, CancellationToken ct, bool truncate = true)
    {
        var elapsed = Stopwatch.StartNew();
        if (truncate) await TruncateAllAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);

        var nextId = 1;
        var territories = new List<Territory>();
        var lokSabha = new List<LokSabhaConstituency>();
        var assembly = new List<AssemblyConstituency>();
        var booths = new List<Territory>();
        var acCounts = ReadAcCounts();

        var stateIndex = 0;
        foreach (var spec in profile.States)
        {
            var depth = profile.DepthOf(spec.Code);
            // HashCode.Combine is randomised per process; generation must be deterministic for a seed.
            var rng = new Random(seed * 31 + stateIndex switch { 0 => 1, 1 => 2, _ => 1000 + stateIndex });
            stateIndex++;
            var state = new Territory { Id = nextId++, Level = TerritoryLevel.State, Code = spec.Code, NameEn = spec.NameEn, NameHi = spec.NameHi };
            state.StateId = state.Id;
            territories.Add(state);

            var districts = new List<(Territory District, int Acs)>();
            var divisions = new Dictionary<string, Territory>();
            var syntheticAcs = new Dictionary<string, int>();
            var rows = spec.File is null ? SyntheticDistricts(spec, rng, syntheticAcs) : ReadDistricts(spec.File);
            foreach (var row in rows)
            {
                if (!divisions.TryGetValue(row.DivisionEn, out var division))
                {
                    division = new Territory { Id = nextId++, Level = TerritoryLevel.Division, NameEn = row.DivisionEn, NameHi = row.DivisionHi };
                    division.PlaceUnder(state);
                    divisions[row.DivisionEn] = division;
                    territories.Add(division);
                }
                var district = new Territory { Id = nextId++, Level = TerritoryLevel.District, NameEn = row.DistrictEn, NameHi = row.DistrictHi };
                district.PlaceUnder(division);
                territories.Add(district);
                districts.Add((district, spec.File is null ? syntheticAcs[row.DistrictEn] : acCounts.GetValueOrDefault((spec.Code, row.DistrictEn), 1)));
            }

            for (var n = 1; n <= spec.LokSabhaSeats; n++)
            {
                var place = Names.Place(rng.Next(Names.Count));
                lokSabha.Add(new LokSabhaConstituency { Id = lokSabha.Count + 1, StateId = state.Id, Number = n, NameEn = place.En, NameHi = place.Hi });
            }
            var lsFirst = lokSabha.Count - spec.LokSabhaSeats;
            var totalAcs = districts.Sum(d => d.Acs);
            var acNumber = 0;

            foreach (var (district, acs) in districts)
            {
                // Blocks and booths in proportion to the district's assembly seats.
                var blockCount = depth == Depth.Full ? Math.Max(1, (int)Math.Round((double)profile.Scaled(spec, spec.Blocks) * acs / totalAcs)) : 3;
                var stateBooths = profile.Scaled(spec, spec.Booths, floor: totalAcs);
                var boothsPerAc = depth == Depth.Full ? stateBooths / totalAcs : 0;
                var blocks = new List<Territory>();
                var wards = new List<Territory>();
                var usedNames = new HashSet<int>();
                for (var b = 0; b < blockCount; b++)
                {
                    var urban = b == 0;
                    var name = urban ? (district.NameEn + " Urban", district.NameHi + " नगरीय") : Names.Place(Unused(rng, usedNames));
                    var block = new Territory { Id = nextId++, Level = TerritoryLevel.Block, NameEn = name.Item1, NameHi = name.Item2, IsUrban = urban };
                    block.PlaceUnder(district);
                    blocks.Add(block);
                    territories.Add(block);
                    if (!urban) continue;
                    var wardCount = depth == Depth.Full ? profile.Scaled(spec, 20 + rng.Next(40)) : 2;
                    for (var w = 1; w <= wardCount; w++)
                    {
                        var ward = new Territory { Id = nextId++, Level = TerritoryLevel.Ward, NameEn = $"Ward {w}", NameHi = $"वार्ड {w}" };
                        ward.PlaceUnder(block);
                        wards.Add(ward);
                        territories.Add(ward);
                    }
                }

                for (var a = 0; a < acs; a++)
                {
                    acNumber++;
                    var seatName = Names.Seat(district.NameEn, district.NameHi, a, Unused(rng, usedNames));
                    var ac = new AssemblyConstituency
                    {
                        Id = assembly.Count + 1, StateId = state.Id, DivisionId = district.DivisionId, DistrictId = district.Id,
                        LokSabhaConstituencyId = lokSabha[lsFirst + Math.Min(spec.LokSabhaSeats - 1, (acNumber - 1) * spec.LokSabhaSeats / totalAcs)].Id,
                        Number = acNumber, NameEn = seatName.En, NameHi = seatName.Hi,
                        Reservation = rng.Next(100) switch { < 15 => "SC", < 30 => "ST", _ => "GEN" },
                    };
                    SetResult(ac, rng, spec.Code);
                    assembly.Add(ac);

                    // Demo: two booths per seat; full: the state's booths spread evenly over its seats.
                    var boothCount = depth == Depth.Full ? boothsPerAc + (a < stateBooths % totalAcs ? 1 : 0) : 2;
                    var village = Names.Place(rng.Next(Names.Count));
                    for (var part = 1; part <= boothCount; part++)
                    {
                        // A village has about four booths; village names repeat across the state, as they do.
                        if (part % 4 == 1) village = Names.Place(rng.Next(Names.Count));
                        var block = blocks[(a * 7 + part) % blocks.Count];
                        var name = Names.Booth(rng, village);
                        var booth = new Territory
                        {
                            Id = nextId++, Level = TerritoryLevel.Booth, NameEn = name.En, NameHi = name.Hi,
                            AssemblyConstituencyId = ac.Id, PartNumber = part,
                        };
                        booth.PlaceUnder(block);
                        if (block.IsUrban && wards.Count > 0) booth.WardId = wards[part % wards.Count].Id;
                        booths.Add(booth);
                    }
                }
            }
        }

        await CopyTerritoriesAsync(conn, territories, ct);
        await CopyConstituenciesAsync(conn, lokSabha, assembly, ct);
        await CopyTerritoriesAsync(conn, booths, ct);
        await using (var cmd = new NpgsqlCommand(
            """
            SELECT setval(pg_get_serial_sequence('territories', 'id'), (SELECT max(id) FROM territories));
            SELECT setval(pg_get_serial_sequence('lok_sabha_constituencies', 'id'), (SELECT max(id) FROM lok_sabha_constituencies));
            SELECT setval(pg_get_serial_sequence('assembly_constituencies', 'id'), (SELECT max(id) FROM assembly_constituencies));
            ANALYZE territories; ANALYZE assembly_constituencies;
            """, conn))
            await cmd.ExecuteNonQueryAsync(ct);

        var officeBearers = new OfficeBearerGenerator(new Random(seed), clock.TodayInIndia());
        officeBearers.Generate(territories, booths);
        await officeBearers.CopyAsync(conn, ct);

        await AddDemoUsersAsync(territories, ct);
        var counts = new Dictionary<string, long>
        {
            ["states"] = territories.Count(t => t.Level == TerritoryLevel.State),
            ["divisions"] = territories.Count(t => t.Level == TerritoryLevel.Division),
            ["districts"] = territories.Count(t => t.Level == TerritoryLevel.District),
            ["blocks"] = territories.Count(t => t.Level == TerritoryLevel.Block),
            ["wards"] = territories.Count(t => t.Level == TerritoryLevel.Ward),
            ["booths"] = booths.Count,
            ["lok_sabha_constituencies"] = lokSabha.Count,
            ["assembly_constituencies"] = assembly.Count,
            ["people"] = officeBearers.People,
            ["appointments"] = officeBearers.Appointments,
            ["committees"] = officeBearers.Committees,
            ["users"] = DemoLogins.Length,
        };
        foreach (var (table, n) in await new ReportGenerator(db).GenerateAsync(profile, seed, territories, clock.GetUtcNow(), ct)) counts[table] = n;
        foreach (var (table, n) in await new MeetingGenerator(db).GenerateAsync(profile, seed, territories, clock.GetUtcNow(), ct)) counts[table] = n;
        foreach (var (table, n) in await new DirectiveGenerator(db).GenerateAsync(seed, territories, clock.GetUtcNow(), ct)) counts[table] = n;
        foreach (var (table, n) in await new SrijanGenerator(db).GenerateAsync(seed, territories, clock.GetUtcNow(), ct)) counts[table] = n;
        foreach (var (table, n) in await new MemberGenerator(db, clock.UtcNow(), log).SeedAsync(conn, profile, seed, ct)) counts[table] = n;
        await Summaries.RebuildAllAsync(conn, ct);
        log.LogInformation("Seeded profile {Profile} (seed {Seed}) in {Seconds:0.0} s: {@Counts}", profile.Name, seed, elapsed.Elapsed.TotalSeconds, counts);
        return counts;
    }

    /// <summary>
    /// The last result: about four in ten seats won; about one seat in ten lost by under 5 %; the rest lost by more.
    /// </summary>
    private static void SetResult(AssemblyConstituency ac, Random rng, string stateCode)
    {
        var roll = rng.Next(100);
        ac.ResultYear = stateCode == "MP" ? 2023 : 2022;
        ac.PartyOutcome = roll < 40 ? ElectionOutcome.Won : ElectionOutcome.Lost;
        ac.MarginPercent = Math.Round(roll switch
        {
            < 40 => 0.3m + (decimal)rng.NextDouble() * 25m,
            < 50 => 0.2m + (decimal)rng.NextDouble() * 4.7m,
            _ => 5m + (decimal)rng.NextDouble() * 30m,
        }, 2);
        ac.MarginVotes = (int)(ac.MarginPercent.Value * (1500 + rng.Next(1000)));
        ac.WinningParty = ac.PartyOutcome == ElectionOutcome.Won
            ? OurParty
            : stateCode == "UP" && rng.Next(4) == 0 ? "SP" : "BJP";
    }

    /// <summary>A place-name index not yet used in this district, so block and seat names do not repeat there.</summary>
    private static int Unused(Random rng, HashSet<int> used)
    {
        int n;
        do n = rng.Next(Names.Count * (used.Count >= Names.Count ? 2 : 1));
        while (!used.Add(n));
        return n;
    }

    private async Task AddDemoUsersAsync(List<Territory> territories, CancellationToken ct)
    {
        _demoPasswordHash ??= new PasswordHasher<AppUser>().HashPassword(null!, DemoPassword);
        foreach (var login in DemoLogins)
        {
            var level = Roles.ScopeLevel(login.Role);
            var name = level == TerritoryLevel.Division ? login.ScopeEn.Replace(" division", "") : login.ScopeEn;
            var scope = territories.First(t => t.Level == level && t.NameEn == name);
            db.Users.Add(new AppUser
            {
                UserName = login.Email, NormalizedUserName = login.Email.ToUpperInvariant(),
                Email = login.Email, NormalizedEmail = login.Email.ToUpperInvariant(), EmailConfirmed = true,
                PasswordHash = _demoPasswordHash, SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true, DisplayName = login.DisplayName, Role = login.Role,
                ScopeTerritoryId = scope.Id, StateId = scope.StateId, CreatedUtc = clock.UtcNow(),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Tables that seeding and test resets never empty: schema history, keys, the reference data of migrations and the
    /// one row that says from where figure_changes is complete (the truncate's own triggers note it in figure_changes).
    /// </summary>
    public static readonly string[] PreservedTables = ["__ef_migrations_history", "data_protection_keys", "wings", "posts", "figure_change_horizon"];

    /// <summary>Empties every table but the <see cref="PreservedTables"/>.</summary>
    public async Task TruncateAllAsync(CancellationToken ct)
    {
        var tables = await db.Database.SqlQueryRaw<string>(
            """
            SELECT quote_ident(tablename) AS "Value" FROM pg_tables
            WHERE schemaname = 'public' AND NOT tablename = ANY(@preserved)
            """, new NpgsqlParameter("preserved", PreservedTables)).ToListAsync(ct);
        if (tables.Count > 0)
            
#pragma warning disable EF1002 // table names come from pg_tables, quoted with quote_ident
            await db.Database.ExecuteSqlRawAsync($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE", ct);
#pragma warning restore EF1002
    }

    private static async Task CopyTerritoriesAsync(NpgsqlConnection conn, IEnumerable<Territory> rows, CancellationToken ct)
    {
        await using var w = await conn.BeginBinaryImportAsync(
            "COPY territories (id, level, parent_id, state_id, division_id, district_id, block_id, code, name_en, name_hi, is_urban, ward_id, assembly_constituency_id, part_number) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var t in rows)
        {
            await w.StartRowAsync(ct);
            await w.WriteAsync(t.Id, NpgsqlDbType.Integer, ct);
            await w.WriteAsync((int)t.Level, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(w, t.ParentId, ct);
            await w.WriteAsync(t.StateId, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(w, t.DivisionId, ct);
            await WriteNullableAsync(w, t.DistrictId, ct);
            await WriteNullableAsync(w, t.BlockId, ct);
            if (t.Code is null) await w.WriteNullAsync(ct); else await w.WriteAsync(t.Code, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(t.NameEn, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(t.NameHi, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(t.IsUrban, NpgsqlDbType.Boolean, ct);
            await WriteNullableAsync(w, t.WardId, ct);
            await WriteNullableAsync(w, t.AssemblyConstituencyId, ct);
            await WriteNullableAsync(w, t.PartNumber, ct);
        }
        await w.CompleteAsync(ct);
    }

    private static async Task CopyConstituenciesAsync(NpgsqlConnection conn, List<LokSabhaConstituency> ls, List<AssemblyConstituency> acs, CancellationToken ct)
    {
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY lok_sabha_constituencies (id, state_id, number, name_en, name_hi) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var l in ls)
                await w.WriteRowAsync(ct, l.Id, l.StateId, l.Number, l.NameEn, l.NameHi);
            await w.CompleteAsync(ct);
        }
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY assembly_constituencies (id, state_id, division_id, district_id, lok_sabha_constituency_id, number, name_en, name_hi, reservation, result_year, winning_party, party_outcome, margin_votes, margin_percent) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in acs)
                await w.WriteRowAsync(ct, a.Id, a.StateId, a.DivisionId!.Value, a.DistrictId!.Value, a.LokSabhaConstituencyId!.Value, a.Number,
                    a.NameEn, a.NameHi, a.Reservation, a.ResultYear!.Value, a.WinningParty!, (int)a.PartyOutcome!.Value,
                    a.MarginVotes!.Value, a.MarginPercent!.Value);
            await w.CompleteAsync(ct);
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter w, int? value, CancellationToken ct)
    {
        if (value is { } v) await w.WriteAsync(v, NpgsqlDbType.Integer, ct);
        else await w.WriteNullAsync(ct);
    }

    internal sealed record DistrictRow(string DivisionEn, string DivisionHi, string DistrictEn, string DistrictHi);

    /// <summary>
    /// A synthetic state's divisions and districts: distinct place names drawn from the state's generator, each
    /// division named after its first district (as real divisions are named after their headquarters), the
    /// districts dealt out to the divisions in turn and the state's assembly seats spread over the districts
    /// (at least one each, the rest at random). The seats per district go into <paramref name="acs"/>.
    /// </summary>
    internal static List<DistrictRow> SyntheticDistricts(StateSpec spec, Random rng, Dictionary<string, int> acs)
    {
        var used = new HashSet<int>();
        var names = Enumerable.Range(0, spec.Districts).Select(_ => Names.Place(Unused(rng, used))).ToList();
        var rows = new List<DistrictRow>();
        for (var d = 0; d < spec.Districts; d++)
        {
            var head = names[d % spec.Divisions];
            rows.Add(new DistrictRow(head.En, head.Hi, names[d].En, names[d].Hi));
            acs[names[d].En] = 1;
        }
        for (var extra = spec.Acs - spec.Districts; extra > 0; extra--)
            acs[names[rng.Next(spec.Districts)].En]++;
        // Districts in division order, so a division's districts sit together like the reference files'.
        return rows.OrderBy(r => names.FindIndex(n => n.En == r.DivisionEn)).ThenBy(r => r.DistrictEn, StringComparer.Ordinal).ToList();
    }

    internal static List<DistrictRow> ReadDistricts(string file)
    {
        using var reader = new StreamReader(ReferencePath(file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<DistrictRow>();
        while (csv.Read())
            rows.Add(new DistrictRow(csv.GetField("division_en")!, csv.GetField("division_hi")!, csv.GetField("district_en")!, csv.GetField("district_hi")!));
        return rows;
    }

    private static Dictionary<(string State, string District), int> ReadAcCounts()
    {
        using var reader = new StreamReader(ReferencePath("ac_per_district.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var counts = new Dictionary<(string, string), int>();
        while (csv.Read())
            counts[(csv.GetField("state_code")!, csv.GetField("district_en")!)] = csv.GetField<int>("ac_count");
        return counts;
    }

    /// <summary>
    /// The real assembly-constituency numbers of each district, from the <c>ac_numbers</c> column of ac_per_district.csv
    /// (ranges and single numbers, e.g. "122-124,126-127").
    /// </summary>
    internal static Dictionary<(string State, string District), List<int>> ReadAcNumbers()
    {
        using var reader = new StreamReader(ReferencePath("ac_per_district.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var numbers = new Dictionary<(string, string), List<int>>();
        while (csv.Read())
        {
            var list = new List<int>();
            foreach (var part in csv.GetField("ac_numbers")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var range = part.Split('-', StringSplitOptions.TrimEntries);
                var from = int.Parse(range[0], CultureInfo.InvariantCulture);
                var to = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : from;
                for (var n = from; n <= to; n++) list.Add(n);
            }
            numbers[(csv.GetField("state_code")!, csv.GetField("district_en")!)] = list;
        }
        return numbers;
    }
}
