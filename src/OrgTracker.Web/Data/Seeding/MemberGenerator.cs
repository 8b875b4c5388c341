using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Seeding;

/// <summary>
/// Generates one open membership drive per state with targets per district and block, and its members: a few
/// thousand in a demo-depth state, about 20,00,000 in full-depth Madhya Pradesh, 50,00,000 in full-depth Uttar
/// Pradesh and the state's figure in a synthetic state (national profile). Members are written by binary COPY in primary-key order (mobile numbers ascending, booths drawn at
/// random), so the key index is only ever appended to; the summary tables are then built from them in one pass.
/// Deterministic for a seed.
/// </summary>
internal sealed class MemberGenerator(AppDbContext db, DateTime nowUtc, ILogger log)
{
    /// <summary>The drive opened on the first of last month (India time) and runs for six months.</summary>
    private DateOnly DriveStart => IndiaTime.MonthOf(IndiaTime.Day(nowUtc)).AddMonths(-1);
    private DateOnly DriveEnd => DriveStart.AddMonths(6).AddDays(-1);
    /// <summary>Generated enrolments run from the drive's start to yesterday (India time).</summary>
    private DateOnly LastGeneratedDay => IndiaTime.Day(nowUtc).AddDays(-1);

    private const int DemoMembersPerState = 1_500;

    private static readonly (string En, string Hi)[] FirstNames =
    [
        ("Ramesh", "रमेश"), ("Suresh", "सुरेश"), ("Mahesh", "महेश"), ("Rajesh", "राजेश"), ("Dinesh", "दिनेश"), ("Anil", "अनिल"),
        ("Sunil", "सुनील"), ("Vijay", "विजय"), ("Ajay", "अजय"), ("Sanjay", "संजय"), ("Manoj", "मनोज"), ("Pankaj", "पंकज"),
        ("Rakesh", "राकेश"), ("Mukesh", "मुकेश"), ("Arun", "अरुण"), ("Deepak", "दीपक"), ("Ashok", "अशोक"), ("Imran", "इमरान"),
        ("Salim", "सलीम"), ("Harpreet", "हरप्रीत"), ("Sunita", "सुनीता"), ("Anita", "अनीता"), ("Kavita", "कविता"), ("Rekha", "रेखा"),
        ("Pooja", "पूजा"), ("Neha", "नेहा"), ("Priya", "प्रिया"), ("Meena", "मीना"), ("Seema", "सीमा"), ("Geeta", "गीता"),
        ("Shabana", "शबाना"), ("Laxmi", "लक्ष्मी"), ("Radha", "राधा"), ("Savitri", "सावित्री"), ("Kamla", "कमला"), ("Asha", "आशा"),
    ];

    private static readonly (string En, string Hi)[] Surnames =
    [
        ("Sharma", "शर्मा"), ("Verma", "वर्मा"), ("Yadav", "यादव"), ("Patel", "पटेल"), ("Singh", "सिंह"), ("Kushwaha", "कुशवाहा"),
        ("Ahirwar", "अहिरवार"), ("Meena", "मीणा"), ("Lodhi", "लोधी"), ("Jatav", "जाटव"), ("Khan", "खान"), ("Qureshi", "कुरैशी"),
        ("Tiwari", "तिवारी"), ("Mishra", "मिश्रा"), ("Pandey", "पांडे"), ("Gupta", "गुप्ता"), ("Jain", "जैन"), ("Rajput", "राजपूत"),
        ("Maurya", "मौर्य"), ("Nishad", "निषाद"), ("Kurmi", "कुर्मी"), ("Baghel", "बघेल"), ("Chauhan", "चौहान"), ("Solanki", "सोलंकी"),
    ];

    private sealed record BoothRow(int Id, int BlockId, int DistrictId, int DivisionId);

    /// <summary>A state's drive, its booths and its generator, set up in order before its members are written.</summary>
    private sealed record StateRun(int StateId, int DriveId, int Count, List<BoothRow> Booths, Random Rng);

    /// <summary>
    /// Drives first, one state after another (so their ids follow the states); then the states' members, two states
    /// at a time on connections of their own (each state's rows come from its own generator, so the data do not
    /// depend on the interleaving); then targets and summaries, state by state.
    /// </summary>
    public async Task<Dictionary<string, long>> SeedAsync(NpgsqlConnection conn, SeedProfile profile, int seed, CancellationToken ct)
    {
        var elapsed = Stopwatch.StartNew();
        var runs = new List<(string Code, StateRun Run)>();
        foreach (var spec in profile.States)
        {
            var members = profile.DepthOf(spec.Code) == Depth.Full ? profile.Scaled(spec, spec.Members) : DemoMembersPerState;
            // Not HashCode.Combine: its hashes differ from process to process, and the data must not.
            var rng = new Random(seed * 31 + runs.Count switch { 0 => 7, 1 => 11, _ => 2000 + runs.Count });
            runs.Add((spec.Code, await StartStateAsync(conn, spec.Code, members, rng, ct)));
        }
        var perBooth = new int[runs.Count][];
        await Parallel.ForEachAsync(Enumerable.Range(0, runs.Count), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct },
            async (i, token) =>
            {
                var state = Stopwatch.StartNew();
                await using var own = (NpgsqlConnection)((ICloneable)conn).Clone();
                await own.OpenAsync(token);
                perBooth[i] = await CopyMembersAsync(own, runs[i].Run, token);
                log.LogInformation("Generated {Members} members of {State} in {Seconds:0.0} s", runs[i].Run.Count, runs[i].Code, state.Elapsed.TotalSeconds);
            });
        long total = 0;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i].Run;
            if (run.Booths.Count == 0) continue;
            await SeedTargetsAsync(conn, run.DriveId, run.Booths, perBooth[i], run.Rng, ct);
            await MemberCounts.RebuildAsync(db, run.DriveId, ct);
            total += run.Count;
        }
        log.LogInformation("Generated {Members} members in {Seconds:0.0} s", total, elapsed.Elapsed.TotalSeconds);
        return new Dictionary<string, long> { ["membership_drives"] = runs.Count, ["members"] = total };
    }

    private async Task<StateRun> StartStateAsync(NpgsqlConnection conn, string code, int count, Random rng, CancellationToken ct)
    {
        int stateId;
        await using (var cmd = new NpgsqlCommand("SELECT id FROM territories WHERE code = @code AND level = 1", conn))
        {
            cmd.Parameters.AddWithValue("code", code);
            stateId = (int)(await cmd.ExecuteScalarAsync(ct))!;
        }
        int driveId;
        await using (var cmd = new NpgsqlCommand(
            """
            INSERT INTO membership_drives (state_id, name_en, name_hi, start_date, end_date, status, created_utc)
            VALUES (@state, 'Membership drive ' || @year, 'सदस्यता अभियान ' || @year, @start, @end, @open, @created) RETURNING id
            """, conn))
        {
            cmd.Parameters.AddWithValue("state", stateId);
            cmd.Parameters.AddWithValue("start", DriveStart);
            cmd.Parameters.AddWithValue("end", DriveEnd);
            cmd.Parameters.AddWithValue("open", (int)DriveStatus.Open);
            cmd.Parameters.AddWithValue("year", DriveStart.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("created", nowUtc);
            driveId = (int)(await cmd.ExecuteScalarAsync(ct))!;
        }

        var booths = new List<BoothRow>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT id, block_id, district_id, division_id FROM territories WHERE state_id = @state AND level = @booth ORDER BY id", conn))
        {
            cmd.Parameters.AddWithValue("state", stateId);
            cmd.Parameters.AddWithValue("booth", (int)TerritoryLevel.Booth);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) booths.Add(new BoothRow(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)));
        }
        return new StateRun(stateId, driveId, booths.Count == 0 ? 0 : count, booths, rng);
    }

    /// <summary>Writes a state's members; returns the members per booth (in the order of the state's booths).</summary>
    private async Task<int[]> CopyMembersAsync(NpgsqlConnection conn, StateRun run, CancellationToken ct)
    {
        var (stateId, driveId, count, booths, rng) = run;
        if (booths.Count == 0) return [];

        // Some districts work harder than others: a weight per district times a weight per booth.
        var districtWeight = booths.Select(b => b.DistrictId).Distinct().Order().ToDictionary(d => d, _ => 0.4 + rng.NextDouble() * 1.2);
        var cumulative = new double[booths.Count];
        var sum = 0.0;
        for (var i = 0; i < booths.Count; i++)
            cumulative[i] = sum += districtWeight[booths[i].DistrictId] * (0.5 + rng.NextDouble());

        var perBooth = new int[booths.Count];
        var days = LastGeneratedDay.DayNumber - DriveStart.DayNumber + 1;
        // Mobile numbers ascend with random gaps through the valid Indian mobile numbers (counted by rank among them),
        // so COPY appends to the key.
        var prefixes = MobileNumber.MobilePrefixes();
        var gap = Math.Max(2L, prefixes.LongLength * 100_000 / count * 9 / 5);
        long rank = -1;
        await using (var w = await conn.BeginBinaryImportAsync(
            """
            COPY members (drive_id, mobile, name, booth_id, block_id, state_id, division_id, district_id, gender, birth_year, channel,
                          enrolled_on, enrolled_by, created_utc, verification, verified_utc)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var n = 0; n < count; n++)
            {
                rank += 1 + rng.NextInt64(gap - 1);
                var national = prefixes[rank / 100_000] * 100_000L + rank % 100_000;
                var i = Array.BinarySearch(cumulative, rng.NextDouble() * sum);
                var b = booths[i < 0 ? Math.Min(~i, booths.Count - 1) : i];
                perBooth[i < 0 ? Math.Min(~i, booths.Count - 1) : i]++;
                var hindi = rng.Next(2) == 0;
                var firstIndex = rng.Next(FirstNames.Length);
                var first = FirstNames[firstIndex];
                var last = Surnames[rng.Next(Surnames.Length)];
                var female = firstIndex >= 20;
                // Later days see more enrolments than the first ones, as a drive gathers pace.
                var day = DriveStart.AddDays((int)(days * Math.Sqrt(rng.NextDouble())));
                var created = day.ToDateTime(new TimeOnly(6, 30), DateTimeKind.Utc).AddMinutes(rng.Next(600));
                var roll = rng.Next(100);
                var verification = roll < 35 ? Verification.Verified : roll < 38 ? Verification.Rejected : Verification.Unverified;
                var by = rng.Next(10) < 7 ? FirstNames[rng.Next(20)] : default;

                w.StartRow();
                w.Write(driveId, NpgsqlDbType.Integer);
                w.Write(MobileNumber.FromNational(national), NpgsqlDbType.Bigint);
                w.Write(hindi ? $"{first.Hi} {last.Hi}" : $"{first.En} {last.En}", NpgsqlDbType.Varchar);
                w.Write(b.Id, NpgsqlDbType.Integer);
                w.Write(b.BlockId, NpgsqlDbType.Integer);
                w.Write(stateId, NpgsqlDbType.Integer);
                w.Write(b.DivisionId, NpgsqlDbType.Integer);
                w.Write(b.DistrictId, NpgsqlDbType.Integer);
                if (rng.Next(20) == 0) w.WriteNull(); else w.Write((int)(female ? Gender.Female : rng.Next(50) == 0 ? Gender.Other : Gender.Male), NpgsqlDbType.Integer);
                if (rng.Next(10) == 0) w.WriteNull(); else w.Write((short)(2008 - (int)(58 * rng.NextDouble() * rng.NextDouble())), NpgsqlDbType.Smallint);
                w.Write(rng.Next(100) switch { < 55 => 1, < 85 => 2, _ => 3 }, NpgsqlDbType.Integer);
                w.Write(day, NpgsqlDbType.Date);
                if (by == default) w.WriteNull(); else w.Write(hindi ? $"{by.Hi} {last.Hi}" : $"{by.En} {last.En}", NpgsqlDbType.Varchar);
                w.Write(created, NpgsqlDbType.TimestampTz);
                w.Write((int)verification, NpgsqlDbType.Integer);
                if (verification == Verification.Unverified) w.WriteNull(); else w.Write(created.AddDays(2), NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync(ct);
        }
        return perBooth;
    }

    /// <summary>A target per district (its members times 1.2 to 1.8, rounded) and per block (the district's, shared by members).</summary>
    private static async Task SeedTargetsAsync(NpgsqlConnection conn, int driveId, List<BoothRow> booths, int[] perBooth, Random rng, CancellationToken ct)
    {
        var byBlock = new Dictionary<int, (int District, int Division, long Members)>();
        for (var i = 0; i < booths.Count; i++)
        {
            var b = booths[i];
            var cur = byBlock.GetValueOrDefault(b.BlockId, (b.DistrictId, b.DivisionId, 0));
            byBlock[b.BlockId] = (b.DistrictId, b.DivisionId, cur.Members + perBooth[i]);
        }
        int stateId;
        await using (var cmd = new NpgsqlCommand("SELECT state_id FROM membership_drives WHERE id = @id", conn))
        {
            cmd.Parameters.AddWithValue("id", driveId);
            stateId = (int)(await cmd.ExecuteScalarAsync(ct))!;
        }
        await using var w = await conn.BeginBinaryImportAsync(
            "COPY drive_targets (drive_id, territory_id, level, state_id, division_id, district_id, block_id, target) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var district in byBlock.GroupBy(x => x.Value.District).OrderBy(g => g.Key))
        {
            var members = district.Sum(x => x.Value.Members);
            var unit = members < 5_000 ? 10 : 100;
            var target = Math.Max(unit, (long)Math.Round(members * (1.2 + rng.NextDouble() * 0.6) / unit) * unit);
            await w.WriteRowAsync(ct, driveId, district.Key, (int)TerritoryLevel.District, stateId, district.First().Value.Division, district.Key, DBNull.Value, (int)target);
            foreach (var (block, v) in district.OrderBy(x => x.Key))
            {
                var share = members == 0 ? target / district.Count() : target * v.Members / members;
                await w.WriteRowAsync(ct, driveId, block, (int)TerritoryLevel.Block, stateId, v.Division, district.Key, block, (int)Math.Max(10, share / 10 * 10));
            }
        }
        await w.CompleteAsync(ct);
    }
}
