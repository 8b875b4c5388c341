using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Seeding;

/// <summary>
/// Monthly reports for every district: a history of the months before the current one, in every state of the
/// workflow (accepted, some late; returned and resubmitted with comments; awaiting review; returned; drafts;
/// missing; a few amended). The months are counted back from today, so the demo always looks current; for a
/// given seed and month the data are the same. Reports go through the domain's own workflow methods and then
/// into the database with binary COPY.
/// </summary>
public sealed class ReportGenerator(AppDbContext db)
{
    /// <summary>Months of history for a state generated at demo depth, and at full depth (the scale profiles).</summary>
    public const int DemoMonths = 6, FullMonths = 12;

    private static readonly string[] ReturnComments =
    [
        "बूथ समितियों की सूची संलग्न करें; संख्या रिकॉर्ड से मेल नहीं खाती।",
        "Members enrolled looks high against the drive figures; please recheck and resubmit.",
        "प्रशिक्षण शिविर की तारीख़ और उपस्थिति लिखें।",
        "Please give block-wise numbers for the committees formed.",
    ];

    private static readonly string[] Achievements =
    [
        "सभी ब्लॉकों में बैठकें हुईं; दो नई बूथ समितियाँ बनीं।",
        "Held a district workers' convention; booth agent appointments completed in two blocks.",
        "सदस्यता अभियान में युवा कांग्रेस का अच्छा सहयोग रहा।",
        "Protest against power cuts drew a large crowd at the collectorate.",
    ];

    private static readonly string[] Problems =
    [
        "कुछ ब्लॉक अध्यक्ष निष्क्रिय हैं।",
        "Booth agents in rural blocks lack training material.",
        "वाहन व्यवस्था के अभाव में दूरस्थ बूथों तक पहुँच कठिन।",
        "",
    ];

    public async Task<Dictionary<string, long>> GenerateAsync(SeedProfile profile, int seed, IReadOnlyList<Territory> territories, DateTimeOffset now, CancellationToken ct)
    {
        var options = new ReportOptions();
        var indicators = options.ActiveIndicators();
        var current = IndiaTime.MonthOf(IndiaTime.Day(now.UtcDateTime));
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Role, u.ScopeTerritoryId, u.StateId }).ToListAsync(ct);
        var reports = new List<Report>();

        foreach (var state in territories.Where(t => t.Level == TerritoryLevel.State))
        {
            var months = profile.DepthOf(state.Code!) == Depth.Full ? FullMonths : DemoMonths;
            var rng = new Random(HashCode.Combine(seed, state.Id, 5));
            var reviewer = users.FirstOrDefault(u => u.Role == Roles.StateInCharge && u.StateId == state.Id);
            var office = users.FirstOrDefault(u => u.Role == Roles.StateOffice && u.StateId == state.Id);
            var reviewerActor = new ReportActor(reviewer?.Id ?? "", reviewer?.DisplayName ?? state.NameEn + " State In-charge", Roles.StateInCharge);
            var officeActor = new ReportActor(office?.Id ?? "", office?.DisplayName ?? state.NameEn + " State Office", Roles.StateOffice);

            foreach (var district in territories.Where(t => t.Level == TerritoryLevel.District && t.StateId == state.Id))
            {
                var president = users.FirstOrDefault(u => u.Role == Roles.DistrictPresident && u.ScopeTerritoryId == district.Id);
                var author = new ReportActor(president?.Id ?? "", president?.DisplayName ?? district.NameEn + " District President", Roles.DistrictPresident);
                var strength = 0.35 + rng.NextDouble();
                for (var back = months; back >= 1; back--)
                {
                    var period = current.AddMonths(-back);
                    var plan = Plan(district.NameEn, back, rng);
                    if (plan == Outcome.None) continue;
                    var by = president is null && rng.Next(10) == 0 ? officeActor : author;
                    reports.AddRange(Build(district, period, plan, by, reviewerActor, strength, indicators, options, now.UtcDateTime, rng));
                }
            }
        }

        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        var events = await CopyAsync(conn, reports, ct);
        return new Dictionary<string, long> { ["reports"] = reports.Count, ["report_events"] = events };
    }

    private enum Outcome { None, Draft, Submitted, Returned, Resubmitted, Accepted, AcceptedAfterReturn, Amended }

    /// <summary>What happened to a district's month; the demo districts get fixed stories for the demo and its tests.</summary>
    private static Outcome Plan(string district, int monthsBack, Random rng)
    {
        var roll = rng.Next(100);
        switch (district)
        {
            // Bhopal's president has last month still to fill in (the journey of the browser test); one returned earlier.
            case "Bhopal": return monthsBack switch { 1 => Outcome.None, 2 => Outcome.Returned, 3 => Outcome.AcceptedAfterReturn, _ => Outcome.Accepted };
            case "Indore": return monthsBack switch { 1 => Outcome.Submitted, 2 => Outcome.Resubmitted, _ => Outcome.Accepted };
            case "Lucknow": return monthsBack == 1 ? Outcome.Draft : Outcome.Accepted;
        }
        if (monthsBack == 1)
            return roll switch { < 30 => Outcome.Submitted, < 45 => Outcome.Accepted, < 58 => Outcome.Draft, < 66 => Outcome.Returned, < 72 => Outcome.Resubmitted, _ => Outcome.None };
        if (monthsBack == 2)
            return roll switch { < 10 => Outcome.Submitted, < 75 => Outcome.Accepted, < 82 => Outcome.AcceptedAfterReturn, < 86 => Outcome.Returned, _ => Outcome.None };
        return roll switch { < 76 => Outcome.Accepted, < 86 => Outcome.AcceptedAfterReturn, < 89 => Outcome.Amended, < 91 => Outcome.Returned, _ => Outcome.None };
    }

    private static IEnumerable<Report> Build(Territory district, DateOnly period, Outcome plan, ReportActor by, ReportActor reviewer, double strength,
        IReadOnlyList<Indicator> indicators, ReportOptions options, DateTime nowUtc, Random rng)
    {
        var due = options.DueUtc(period);
        // Most districts report in the last days before the due date; about one in six is late.
        var late = rng.Next(6) == 0;
        var submitAt = late ? due.AddHours(12 + rng.Next(24 * 12)) : due.AddHours(-(6 + rng.Next(24 * 9)));
        if (submitAt > nowUtc.AddHours(-2)) submitAt = nowUtc.AddHours(-2 - rng.Next(48));
        var started = submitAt.AddHours(-(2 + rng.Next(72)));
        var monthStart = DateTime.SpecifyKind(period.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        if (started < monthStart) started = monthStart;
        if (submitAt <= started) submitAt = started.AddHours(1);
        var review = submitAt.AddHours(4 + rng.Next(24 * 4));
        if (review > nowUtc) review = nowUtc.AddMinutes(-30);

        var report = Report.Start(district, period, by, started);
        report.Edit(Figures(indicators, strength, rng), Pick(Achievements, rng), Pick(Problems, rng), rng.Next(3) == 0 ? "प्रशिक्षण सामग्री और प्रचार वाहन" : null, by, started);
        if (plan == Outcome.Draft) return [report];

        report.Submit(by, submitAt);
        switch (plan)
        {
            case Outcome.Accepted:
                report.Accept(reviewer, review);
                break;
            case Outcome.Returned or Outcome.Resubmitted or Outcome.AcceptedAfterReturn:
                report.Return(reviewer, review, Pick(ReturnComments, rng));
                if (plan == Outcome.Returned) break;
                var again = review.AddHours(3 + rng.Next(48));
                if (again > nowUtc) again = nowUtc.AddMinutes(-20);
                report.Edit(Figures(indicators, strength, rng), report.Achievements, report.Problems, report.HelpNeeded, by, again);
                report.Submit(by, again, "सुधार कर दिया है।");
                var acceptAt = again.AddHours(1 + rng.Next(24));
                if (plan == Outcome.AcceptedAfterReturn) report.Accept(reviewer, acceptAt > nowUtc ? nowUtc.AddMinutes(-10) : acceptAt);
                break;
            case Outcome.Amended:
                report.Accept(reviewer, review);
                var amendment = report.Amend(by, review.AddDays(3));
                amendment.Edit(Figures(indicators, strength, rng), report.Achievements, report.Problems, report.HelpNeeded, by, review.AddDays(3));
                amendment.Submit(by, review.AddDays(3).AddHours(1), "पिछली रिपोर्ट में सदस्य संख्या गलत थी।");
                amendment.Accept(reviewer, review.AddDays(4));
                return [report, amendment];
        }
        return [report];
    }

    private static Dictionary<string, int> Figures(IReadOnlyList<Indicator> indicators, double strength, Random rng) =>
        indicators.ToDictionary(i => i.Key, i => Math.Min(i.Max, (int)Math.Round(i.Target * strength * (0.4 + rng.NextDouble()))));

    private static string? Pick(string[] texts, Random rng) => texts[rng.Next(texts.Length)] is { Length: > 0 } s ? s : null;

    private static async Task<long> CopyAsync(NpgsqlConnection conn, List<Report> reports, CancellationToken ct)
    {
        var id = 0;
        await using (var w = await conn.BeginBinaryImportAsync(
            """
            COPY reports (id, state_id, division_id, district_id, period, revision, status, figures, achievements, problems, help_needed,
              created_by_user_id, created_by_name, created_utc, updated_by_name, updated_utc, entered_on_behalf, first_submitted_utc,
              last_submitted_utc, submitted_by_name, submitted_on_behalf, reviewed_utc, reviewed_by_name) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var r in reports)
            {
                r.Id = ++id;
                await w.StartRowAsync(ct);
                await w.WriteAsync(r.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(r.StateId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(r.DivisionId!.Value, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(r.DistrictId!.Value, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(r.Period, NpgsqlDbType.Date, ct);
                await w.WriteAsync(r.Revision, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(System.Text.Json.JsonSerializer.Serialize(r.Figures), NpgsqlDbType.Jsonb, ct);
                await TextAsync(w, r.Achievements, ct);
                await TextAsync(w, r.Problems, ct);
                await TextAsync(w, r.HelpNeeded, ct);
                await w.WriteAsync(r.CreatedByUserId, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(r.CreatedByName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(r.CreatedUtc, NpgsqlDbType.TimestampTz, ct);
                await TextAsync(w, r.UpdatedByName, ct);
                await TimeAsync(w, r.UpdatedUtc, ct);
                await w.WriteAsync(r.EnteredOnBehalf, NpgsqlDbType.Boolean, ct);
                await TimeAsync(w, r.FirstSubmittedUtc, ct);
                await TimeAsync(w, r.LastSubmittedUtc, ct);
                await TextAsync(w, r.SubmittedByName, ct);
                await w.WriteAsync(r.SubmittedOnBehalf, NpgsqlDbType.Boolean, ct);
                await TimeAsync(w, r.ReviewedUtc, ct);
                await TextAsync(w, r.ReviewedByName, ct);
            }
            await w.CompleteAsync(ct);
        }

        long events = 0;
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY report_events (report_id, state_id, division_id, district_id, kind, text, at_utc, user_id, user_name, user_role, on_behalf) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in reports)
            foreach (var e in r.Events)
            {
                events++;
                await w.StartRowAsync(ct);
                await w.WriteAsync(r.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(e.StateId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(e.DivisionId!.Value, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(e.DistrictId!.Value, NpgsqlDbType.Integer, ct);
                await w.WriteAsync((int)e.Kind, NpgsqlDbType.Integer, ct);
                await TextAsync(w, e.Text, ct);
                await w.WriteAsync(e.AtUtc, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(e.UserId, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(e.UserName, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(e.UserRole, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(e.OnBehalf, NpgsqlDbType.Boolean, ct);
            }
            await w.CompleteAsync(ct);
        }

        await using var cmd = new NpgsqlCommand(
            """
            SELECT setval(pg_get_serial_sequence('reports', 'id'), GREATEST((SELECT max(id) FROM reports), 1));
            ANALYZE reports; ANALYZE report_events;
            """, conn);
        await cmd.ExecuteNonQueryAsync(ct);
        return events;
    }

    private static async Task TextAsync(NpgsqlBinaryImporter w, string? value, CancellationToken ct)
    {
        if (value is null) await w.WriteNullAsync(ct);
        else await w.WriteAsync(value, NpgsqlDbType.Varchar, ct);
    }

    private static async Task TimeAsync(NpgsqlBinaryImporter w, DateTime? value, CancellationToken ct)
    {
        if (value is { } v) await w.WriteAsync(v, NpgsqlDbType.TimestampTz, ct);
        else await w.WriteNullAsync(ct);
    }
}
