using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Seeding;

/// <summary>
/// Meetings for the seed profiles, counted back from today so the demo always looks current: per state the 3-day
/// meeting of district presidents (two divisions a day, one programme of six sessions), one-to-one reviews with the
/// districts of two divisions, the social-media department's state meeting, training sessions for leaders who
/// joined from other parties (their training recorded), monthly district reviews and block meetings with
/// attendance, decisions and action items (some overdue, some carried forward), a few office-bearers absent again
/// and again, and next month's meetings scheduled. A state at full depth gets about three years of district, block
/// and ward meetings. Deterministic for a seed and a day; written with binary COPY.
/// </summary>
public sealed class MeetingGenerator(AppDbContext db)
{
    public const int DemoMonths = 6, FullMonths = 36;

    /// <summary>What district one-to-ones record (seed 002: the in-charge studies each district's arrangements and challenges and settles its strategy).</summary>
    private static readonly (string Arrangements, string Challenges, string Strategy)[] Reviews =
    [
        ("Block committees formed in all blocks; booth committees in about two thirds of booths; district office open daily.",
         "Booth agents missing in the urban wards; two block presidents inactive for three months.",
         "Complete booth agents in the urban wards within a month; replace the inactive block presidents; weekly review by the district president."),
        ("संगठन की सभी इकाइयाँ गठित; मंडल स्तर पर नियमित बैठकें; सोशल मीडिया टीम सक्रिय।",
         "ग्रामीण बूथों पर बीएलए-2 की नियुक्ति अधूरी; सदस्यता अभियान धीमा।",
         "हर ब्लॉक में बूथ चलो अभियान; नए सदस्य जोड़ने का साप्ताहिक लक्ष्य; मासिक समीक्षा बैठक।"),
        ("District executive complete; youth and women's wings appointed; training held for block presidents.",
         "Factionalism between two blocks; few meetings recorded in the tribal blocks.",
         "Joint meeting of both blocks under the observer; hold and record a meeting in every tribal block this month."),
    ];

    private static readonly string[] Decisions =
    [
        "Every block to hold its committee meeting before the 10th of the month.",
        "Booth agents to be appointed in all booths of the focus seats within a month.",
        "सदस्यता अभियान में हर बूथ से कम से कम 25 नए सदस्य जोड़े जाएँ।",
        "Inactive office-bearers to be listed block by block and replaced.",
        "घर चलो घर-घर चलो अभियान हर वार्ड में चलाया जाए।",
        "Training camp for new office-bearers next month.",
    ];

    private static readonly string[] Actions =
    [
        "Send the list of booth agents of all blocks", "बूथ समितियों की सूची प्रदेश कार्यालय भेजें", "Hold the block presidents' meeting",
        "Submit the membership forms collected so far", "निष्क्रिय पदाधिकारियों की सूची भेजें", "Arrange the venue for the training camp",
        "Report on the protest against power cuts", "Form ward committees in the city wards",
    ];

    private static readonly string[] Excuses = ["Unwell", "Family wedding", "पारिवारिक कार्य", "Out of the district on party work", "अस्वस्थ"];

    private readonly List<object?[]> _programmes = [], _meetings = [], _invitees = [], _decisions = [], _items = [], _trainings = [];
    private int _programmeId, _meetingId, _decisionId, _itemId, _trainingId;
    private long _inviteeId;
    private Random _rng = new(1);
    private DateTime _now;
    private DateOnly _today;

    private sealed record Office(int AppointmentId, int PersonId, string PostCode, TerritoryLevel Level, int WingId, int TerritoryId,
        int StateId, int? DivisionId, int? DistrictId, int? BlockId, int? WardId, bool Inactive);

    private sealed record Invitee(int PersonId, int? AppointmentId, int StateId, int? DivisionId, int? DistrictId, int TerritoryId);

    public async Task<Dictionary<string, long>> GenerateAsync(SeedProfile profile, int seed, IReadOnlyList<Territory> territories, DateTimeOffset now, CancellationToken ct)
    {
        _now = now.UtcDateTime;
        _today = IndiaTime.Day(_now);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        var offices = await LoadOfficesAsync(conn, ct);
        var fromOtherParties = await LoadFromOtherPartiesAsync(conn, ct);
        _trainingId = await ScalarAsync(conn, "SELECT coalesce(max(id), 0) FROM trainings", ct);
        var byTerritory = offices.ToLookup(o => o.TerritoryId);
        var byWard = offices.Where(o => o.WardId != null).ToLookup(o => o.WardId!.Value);

        foreach (var state in territories.Where(t => t.Level == TerritoryLevel.State))
        {
            var full = profile.DepthOf(state.Code!) == Depth.Full;
            _rng = new Random(seed * 7919 + state.Id);
            var inState = territories.Where(t => t.StateId == state.Id).ToList();
            var divisions = inState.Where(t => t.Level == TerritoryLevel.Division).OrderBy(t => t.NameEn).ToList();
            var districts = inState.Where(t => t.Level == TerritoryLevel.District).OrderBy(t => t.NameEn).ToList();
            var office = state.Code switch { "MP" => "State Congress office, Bhopal", "UP" => "State Congress office, Lucknow", _ => $"State Congress office, {state.NameEn}" };
            var stateOffices = offices.Where(o => o.StateId == state.Id).ToList();

            // The 3-day meeting of district presidents, two divisions a day (Bhopal and Narmadapuram on day one in MP).
            var first = divisions.OrderBy(d => d.NameEn is "Bhopal" or "Lucknow" ? 0 : d.NameEn is "Narmadapuram" or "Ayodhya" ? 1 : 2).ThenBy(d => d.NameEn).Take(6).ToList();
            var programme = AddProgramme(state, "3-day meeting of district presidents, two divisions a day",
                "Sangathan Srijan Abhiyan: objectives, activities and training, division by division.");
            var day = _today.AddDays(-40);
            for (var n = 0; n < first.Count; n++)
            {
                var division = first[n];
                var invited = stateOffices.Where(o => o.DivisionId == division.Id && o.Level == TerritoryLevel.District && o.WingId == 1 && o.PostCode is "PRES" or "INCH");
                AddMeeting(state, programme, $"3-day meeting of district presidents – {division.NameEn} division", MeetingType.Review, null,
                    day.AddDays(n / 2).ToDateTime(new TimeOnly(n % 2 == 0 ? 11 : 15, 0)), 150, office, "State in-charge", Invitees(invited), itemsPerMeeting: 2, showcase: true);
            }
            // One-to-one reviews with each district of the first two divisions, after the 3-day meeting: a record of the
            // district (its arrangements, challenges and the strategy agreed), whose agreed points are action items.
            var reviewed = districts.Where(d => d.DivisionId == first[0].Id || d.DivisionId == first[Math.Min(1, first.Count - 1)].Id).ToList();
            for (var n = 0; n < reviewed.Count; n++)
            {
                var d = reviewed[n];
                var (arrangements, challenges, strategy) = Reviews[n % Reviews.Length];
                AddMeeting(d, null, $"One-to-one review – {d.NameEn}", MeetingType.OneToOne, null,
                    _today.AddDays(-30 + n / 6).ToDateTime(new TimeOnly(10, 0)).AddMinutes(n % 6 * 60), 45, office, "State in-charge",
                    Invitees(byTerritory[d.Id].Where(o => o.WingId == 1 && o.PostCode is "PRES" or "INCH")), itemsPerMeeting: 2, showcase: true,
                    review: (arrangements, challenges, strategy));
            }
            // The social-media department's state meeting (a Sunday, 10:30, at the state office).
            var sunday = _today.AddDays(-14 - ((int)_today.DayOfWeek + 7) % 7);
            AddMeeting(state, null, "Social Media department – state meeting", MeetingType.Strategy, 6, sunday.ToDateTime(new TimeOnly(10, 30)), 180,
                office, "State president", Invitees(stateOffices.Where(o => o.WingId == 6)), itemsPerMeeting: 2, showcase: true);
            // Training for leaders who joined from other parties, at the state office.
            var trainees = fromOtherParties.Where(p => p.StateId == state.Id).ToList();
            for (var n = 0; n < 2 && trainees.Count > 0; n++)
            {
                var batch = trainees.Skip(n * 25).Take(25).ToList();
                if (batch.Count == 0) break;
                AddMeeting(state, null, n == 0 ? "प्रशिक्षण शिविर: अन्य दलों से आए नेताओं के लिए" : "Training for leaders who joined from other parties",
                    MeetingType.Training, 7, _today.AddDays(-60 + n * 35).ToDateTime(new TimeOnly(11, 0)), 300, office, "Training department", batch, itemsPerMeeting: 0, showcase: true);
            }

            // Monthly district reviews (one scheduled for next month); someone in about a third of districts keeps missing them.
            var months = full ? FullMonths : DemoMonths;
            foreach (var d in districts)
            {
                var members = byTerritory[d.Id].Where(o => o.WingId == 1 && !o.Inactive).ToList();
                var blockPresidents = inState.Where(b => b.Level == TerritoryLevel.Block && b.DistrictId == d.Id)
                    .SelectMany(b => byTerritory[b.Id].Where(o => o.PostCode == "PRES")).ToList();
                var invited = Invitees(members.Concat(blockPresidents));
                var truant = _rng.Next(3) == 0 ? members.Where(o => o.PostCode == "SEC").Select(o => o.PersonId).FirstOrDefault() : 0;
                for (var back = months; back >= -1; back--)
                {
                    var date = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-back).AddDays(4 + _rng.Next(15));
                    if (back == 0 && date >= _today) date = _today.AddDays(-1);
                    AddMeeting(d, null, $"Monthly review – {d.NameEn} district committee", MeetingType.Review, 1, date.ToDateTime(new TimeOnly(11, 0)), 180,
                        $"District Congress office, {d.NameEn}", "District president", invited, itemsPerMeeting: 2, truant: truant);
                }
                if (full)
                    for (var back = months; back >= 1; back -= 3)
                        AddMeeting(d, null, $"Booth agents' training – {d.NameEn}", MeetingType.Training, 7,
                            new DateOnly(_today.Year, _today.Month, 1).AddMonths(-back).AddDays(20).ToDateTime(new TimeOnly(11, 0)), 240,
                            $"District Congress office, {d.NameEn}", "Training department", invited, itemsPerMeeting: 0);
            }

            // Block meetings: monthly in the demo's last three months; twice a month for three years at full depth.
            foreach (var b in inState.Where(t => t.Level == TerritoryLevel.Block))
            {
                var invited = Invitees(byTerritory[b.Id]);
                var (span, perMonth) = full ? (FullMonths, 2) : (3, 1);
                for (var back = span; back >= 0; back--)
                    for (var k = 0; k < perMonth; k++)
                    {
                        var date = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-back).AddDays(2 + k * 14 + _rng.Next(10));
                        if (date >= _today.AddDays(14)) continue;
                        AddMeeting(b, null, $"ब्लॉक कांग्रेस कमेटी की बैठक – {b.NameHi}", MeetingType.Review, 1, date.ToDateTime(new TimeOnly(12, 0)), 120,
                            $"Block office, {b.NameEn}", "Block president", invited, itemsPerMeeting: _rng.Next(3) == 0 ? 1 : 0);
                    }
            }

            // Ward meetings in cities (full depth): ward president and the booth workers of the ward, monthly in half the wards.
            if (full)
                foreach (var w in inState.Where(t => t.Level == TerritoryLevel.Ward && _rng.Next(10) < 5))
                {
                    var invited = Invitees(byTerritory[w.Id].Concat(byWard[w.Id]).Take(40));
                    if (invited.Count == 0) continue;
                    for (var back = FullMonths; back >= 0; back--)
                    {
                        var date = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-back).AddDays(_rng.Next(25));
                        if (date >= _today.AddDays(14)) continue;
                        AddMeeting(w, null, $"Ward committee meeting – {w.NameEn}", MeetingType.Campaign, 1, date.ToDateTime(new TimeOnly(18, 0)), 90,
                            null, "Ward president", invited, itemsPerMeeting: 0);
                    }
                }

            // Written state by state, so the national profile never holds every state's invitees at once.
            await FlushAsync(conn, ct);
        }

        foreach (var table in new[] { "meeting_programmes", "meetings", "meeting_invitees", "meeting_decisions", "action_items", "trainings" })
            await Copy.ResetSequenceAsync(conn, table, ct);
        await LinkDemoUsersAsync(conn, ct);
        return new Dictionary<string, long>
        {
            ["meeting_programmes"] = _programmeId, ["meetings"] = _meetingId, ["meeting_invitees"] = _inviteeId,
            ["action_items"] = _items.Count + _itemsWritten, ["trainings_from_meetings"] = _trainings.Count + _trainingsWritten,
        };
    }

    private long _itemsWritten, _trainingsWritten;

    private async Task FlushAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await Copy.RowsAsync(conn, "meeting_programmes", ["id", "title", "description", "territory_id", "state_id", "division_id", "district_id",
            "created_utc", "created_by"], _programmes, ct);
        await Copy.RowsAsync(conn, "meetings", ["id", "programme_id", "title", "type", "territory_id", "level", "state_id", "division_id",
            "district_id", "block_id", "wing_id", "starts_utc", "ends_utc", "venue", "chair", "agenda", "minutes", "status", "head_count",
            "created_utc", "created_by", "arrangements", "challenges", "strategy"], _meetings, ct);
        await Copy.RowsAsync(conn, "meeting_invitees", ["id", "meeting_id", "person_id", "appointment_id", "source", "state_id", "division_id",
            "district_id", "attendance", "reason", "marked_utc"], _invitees, ct);
        await Copy.RowsAsync(conn, "meeting_decisions", ["id", "meeting_id", "state_id", "division_id", "district_id", "text", "created_utc"], _decisions, ct);
        await Copy.RowsAsync(conn, "action_items", ["id", "meeting_id", "decision_id", "text", "owner_id", "territory_id", "state_id", "division_id",
            "district_id", "due_on", "status", "closed_on", "note", "created_utc"], _items, ct);
        await Copy.RowsAsync(conn, "trainings", ["id", "person_id", "state_id", "on", "description", "meeting_id"], _trainings, ct);
        _itemsWritten += _items.Count;
        _trainingsWritten += _trainings.Count;
        _programmes.Clear(); _meetings.Clear(); _invitees.Clear(); _decisions.Clear(); _items.Clear(); _trainings.Clear();
    }

    private int AddProgramme(Territory t, string title, string description)
    {
        var id = ++_programmeId;
        _programmes.Add([id, title, description, t.Id, t.StateId, Division(t), District(t), _now, "seed"]);
        return id;
    }

    private void AddMeeting(Territory t, int? programmeId, string title, MeetingType type, int? wingId, DateTime startIst, int minutes,
        string? venue, string? chair, List<Invitee> invited, int itemsPerMeeting, int truant = 0, bool showcase = false,
        (string Arrangements, string Challenges, string Strategy)? review = null)
    {
        var id = ++_meetingId;
        var starts = IndiaTime.ToUtc(startIst);
        var roll = _rng.Next(100);
        var status = starts > _now ? MeetingStatus.Scheduled
            : showcase ? MeetingStatus.Held
            : roll < 2 ? MeetingStatus.Cancelled
            : roll < 5 ? MeetingStatus.Postponed
            : MeetingStatus.Held;
        var held = status == MeetingStatus.Held;
        var present = new List<Invitee>();
        foreach (var i in invited)
        {
            AttendanceStatus attendance = AttendanceStatus.Unmarked;
            string? reason = null;
            if (held)
            {
                var a = _rng.Next(100);
                attendance = i.PersonId == truant ? AttendanceStatus.Absent : a < 78 ? AttendanceStatus.Present : a < 92 ? AttendanceStatus.Absent : AttendanceStatus.Excused;
                if (attendance == AttendanceStatus.Excused) reason = Excuses[_rng.Next(Excuses.Length)];
                if (attendance == AttendanceStatus.Present) present.Add(i);
            }
            _invitees.Add([++_inviteeId, id, i.PersonId, i.AppointmentId, (int)InviteSource.Rule, i.StateId, i.DivisionId, i.DistrictId,
                (int)attendance, reason, held ? starts.AddHours(3) : null]);
            if (held && type == MeetingType.Training && attendance == AttendanceStatus.Present)
                _trainings.Add([++_trainingId, i.PersonId, i.StateId, IndiaTime.Day(starts), title, id]);
        }
        var minutesText = held ? "Attendance taken; the district reports and the campaign plan were discussed." : null;
        _meetings.Add([id, programmeId, title, (int)type, t.Id, (int)t.Level, t.StateId, Division(t), District(t), t.Level == TerritoryLevel.Block ? t.Id : t.BlockId,
            wingId, starts, starts.AddMinutes(minutes), venue, chair, null, minutesText, (int)status, held ? present.Count + _rng.Next(0, 40) : null, _now, "seed",
            review?.Arrangements, review?.Challenges, review?.Strategy]);
        if (!held || present.Count == 0) return;
        for (var k = 0; k < itemsPerMeeting; k++)
        {
            var decision = ++_decisionId;
            _decisions.Add([decision, id, t.StateId, Division(t), District(t), Decisions[_rng.Next(Decisions.Length)], starts.AddHours(3)]);
            var owner = present[_rng.Next(present.Count)];
            var due = IndiaTime.Day(starts).AddDays(7 + _rng.Next(24));
            var r = _rng.Next(100);
            var itemStatus = due >= _today ? (r < 70 ? ActionItemStatus.Open : ActionItemStatus.InProgress)
                : r < 62 ? ActionItemStatus.Done : r < 70 ? ActionItemStatus.Dropped : r < 85 ? ActionItemStatus.Open : ActionItemStatus.InProgress;
            DateOnly? closed = itemStatus is ActionItemStatus.Done or ActionItemStatus.Dropped ? due.AddDays(-_rng.Next(5)) : null;
            _items.Add([++_itemId, id, decision, Actions[_rng.Next(Actions.Length)], owner.PersonId, owner.TerritoryId, owner.StateId, owner.DivisionId,
                owner.DistrictId, due, (int)itemStatus, closed, null, starts.AddHours(3)]);
        }
    }

    private static List<Invitee> Invitees(IEnumerable<Office> offices) => offices
        .DistinctBy(o => o.PersonId)
        .Select(o => new Invitee(o.PersonId, o.AppointmentId, o.StateId, o.DivisionId, o.DistrictId, o.TerritoryId)).ToList();

    private static int? Division(Territory t) => t.Level == TerritoryLevel.Division ? t.Id : t.DivisionId;
    private static int? District(Territory t) => t.Level == TerritoryLevel.District ? t.Id : t.DistrictId;

    private static async Task<List<Office>> LoadOfficesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var rows = new List<Office>();
        await using var cmd = new NpgsqlCommand(
            """
            SELECT a.id, a.person_id, p.code, p.level, a.wing_id, a.territory_id, a.state_id, a.division_id, a.district_id, a.block_id,
                   CASE WHEN t.level = 5 THEN t.id ELSE t.ward_id END, a.inactive_since IS NOT NULL
            FROM appointments a JOIN posts p ON p.id = a.post_id JOIN territories t ON t.id = a.territory_id
            WHERE a."to" IS NULL ORDER BY a.id
            """, conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new Office(r.GetInt32(0), r.GetInt32(1), r.GetString(2), (TerritoryLevel)r.GetInt32(3), r.GetInt32(4), r.GetInt32(5),
                r.GetInt32(6), r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(8) ? null : r.GetInt32(8), r.IsDBNull(9) ? null : r.GetInt32(9),
                r.IsDBNull(10) ? null : r.GetInt32(10), r.GetBoolean(11)));
        return rows;
    }

    /// <summary>Leaders who joined from other parties and have no training yet, invited by name to the training sessions.</summary>
    private static async Task<List<Invitee>> LoadFromOtherPartiesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var rows = new List<Invitee>();
        await using var cmd = new NpgsqlCommand(
            """
            SELECT p.id, p.state_id, p.division_id, p.district_id, p.home_territory_id FROM people p
            WHERE p.former_party IS NOT NULL AND NOT EXISTS (SELECT 1 FROM trainings t WHERE t.person_id = p.id) ORDER BY p.id
            """, conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new Invitee(r.GetInt32(0), null, r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.IsDBNull(3) ? null : r.GetInt32(3), r.GetInt32(4)));
        return rows;
    }

    /// <summary>
    /// Users are not people: a user's "my action items" are those of the person with their email. The demo district
    /// presidents and division in-charge get the email of the person who holds that office.
    /// </summary>
    private static async Task LinkDemoUsersAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        foreach (var login in Seeder.DemoLogins.Where(l => l.Role is Roles.DistrictPresident or Roles.DivisionInCharge))
        {
            var level = Roles.ScopeLevel(login.Role);
            var name = level == TerritoryLevel.Division ? login.ScopeEn.Replace(" division", "") : login.ScopeEn;
            await using var cmd = new NpgsqlCommand(
                """
                UPDATE people SET email = @email WHERE id = (
                    SELECT a.person_id FROM appointments a JOIN posts p ON p.id = a.post_id JOIN territories t ON t.id = a.territory_id
                    WHERE a."to" IS NULL AND a.wing_id = 1 AND p.code = @code AND t.level = @level AND t.name_en = @name ORDER BY a.id LIMIT 1)
                """, conn);
            cmd.Parameters.AddWithValue("email", login.Email);
            cmd.Parameters.AddWithValue("code", level == TerritoryLevel.District ? "PRES" : "INCH");
            cmd.Parameters.AddWithValue("level", (int)level);
            cmd.Parameters.AddWithValue("name", name);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<int> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
    }
}
