using Npgsql;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Seeding;

/// <summary>
/// Generates people, office-bearers, committees and booth agents for the seed profiles: the state executive
/// (about 85 % of its 130 sanctioned posts filled), district and block office-bearers, booth agents on about
/// 60 % of booths, booth committees on about a quarter, some flagged inactive and replaced, and leaders who
/// joined from other parties (half of them trained).
/// </summary>
internal sealed class OfficeBearerGenerator(Random rng, DateOnly today)
{
    private static readonly string[] OtherParties = ["BJP", "BSP", "SP", "AAP"];
    private static readonly string[] InactiveReasons =
    [
        "Absent from the last three meetings", "No booth work reported for months", "Not reachable on phone",
        "Working against the party's candidate",
    ];

    private readonly List<object?[]> _people = [];
    private readonly List<object?[]> _appointments = [];
    private readonly List<object?[]> _committees = [];
    private readonly List<object?[]> _trainings = [];
    private int _personId, _appointmentId, _committeeId, _trainingId;

    public int People => _people.Count;
    public int Appointments => _appointments.Count;
    public int Committees => _committees.Count;

    public void Generate(IEnumerable<Territory> territories, IEnumerable<Territory> booths)
    {
        var byLevel = ReferenceData.Posts.ToLookup(p => p.Level);
        foreach (var t in territories)
        {
            switch (t.Level)
            {
                case TerritoryLevel.State:
                    var exec = AddCommittee(t, CommitteeKind.StateExecutive, "State executive", "प्रदेश कार्यकारिणी");
                    foreach (var post in byLevel[TerritoryLevel.State].Where(p => p.Sanctioned is not null))
                        Fill(t, post, (int)Math.Round(post.Sanctioned!.Value * 0.85), exec, inactiveChance: 4);
                    var election = AddCommittee(t, CommitteeKind.ElectionManagement, "State election-management committee", "प्रदेश चुनाव प्रबंधन समिति");
                    Fill(t, byLevel[TerritoryLevel.State].Single(p => p.Code == "MEMBER"), 15, election, inactiveChance: 0);
                    // The social-media department has office-bearers at state level too.
                    Fill(t, byLevel[TerritoryLevel.State].Single(p => p.Code == "GS"), 3, null, 0, wingId: 6);
                    break;
                case TerritoryLevel.Division:
                    Fill(t, byLevel[TerritoryLevel.Division].Single(p => p.Code == "INCH"), 1, null, 0);
                    break;
                case TerritoryLevel.District:
                    var district = AddCommittee(t, CommitteeKind.District, "District committee", "जिला कार्यकारिणी");
                    foreach (var (code, n) in new[] { ("PRES", 1), ("INCH", 1), ("VP", 3), ("GS", 5), ("SEC", 7), ("TRE", 1) })
                        Fill(t, byLevel[TerritoryLevel.District].Single(p => p.Code == code), n, district, inactiveChance: 8);
                    Fill(t, byLevel[TerritoryLevel.District].Single(p => p.Code == "GS"), 1, null, 0, wingId: 6);
                    break;
                case TerritoryLevel.Block:
                    var block = AddCommittee(t, CommitteeKind.Block, "Block committee", "ब्लॉक कार्यकारिणी");
                    foreach (var (code, n) in new[] { ("PRES", 1), ("VP", 1), ("GS", 2), ("SEC", 3) })
                        Fill(t, byLevel[TerritoryLevel.Block].Single(p => p.Code == code), n, block, inactiveChance: 10);
                    break;
                case TerritoryLevel.Ward when rng.Next(100) < 70:
                    Fill(t, byLevel[TerritoryLevel.Ward].Single(p => p.Code == "PRES"), 1, null, 5);
                    break;
            }
        }
        var agent = byLevel[TerritoryLevel.Booth].Single(p => p.Code == Post.BoothAgentCode);
        var boothPresident = byLevel[TerritoryLevel.Booth].Single(p => p.Code == "PRES");
        var boothMember = byLevel[TerritoryLevel.Booth].Single(p => p.Code == "MEMBER");
        foreach (var b in booths)
        {
            if (rng.Next(100) < 60) Fill(b, agent, 1, null, inactiveChance: 3);
            if (rng.Next(100) < 25)
            {
                var committee = AddCommittee(b, CommitteeKind.Booth, "Booth committee", "बूथ समिति");
                Fill(b, boothPresident, 1, committee, 2);
                Fill(b, boothMember, 1, committee, 0);
            }
        }
    }

    public async Task CopyAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await Copy.RowsAsync(conn, "people", ["id", "state_id", "division_id", "district_id", "home_territory_id", "name_en", "name_hi",
            "mobile", "email", "gender", "birth_year", "address", "former_party", "joined_on"], _people, ct);
        await Copy.RowsAsync(conn, "trainings", ["id", "person_id", "state_id", "on", "description", "meeting_id"], _trainings, ct);
        await Copy.RowsAsync(conn, "committees", ["id", "territory_id", "state_id", "division_id", "district_id", "kind", "name_en",
            "name_hi", "formed_on", "dissolved_on", "block_id"], _committees, ct);
        // Successors point forward to rows later in the list; the foreign key is checked per row, so load without them first.
        await Copy.RowsAsync(conn, "appointments", ["id", "person_id", "post_id", "wing_id", "territory_id", "state_id", "division_id",
            "district_id", "block_id", "committee_id", "from", "to", "end_reason", "end_note", "successor_id", "inactive_since",
            "inactive_reason"], _appointments.Select(a => a.Take(14).Append(null).Concat(a.Skip(15)).ToArray()), ct);
        var successors = _appointments.Where(a => a[14] is not null).Select(a => ((int)a[0]!, (int)a[14]!)).ToList();
        await using (var cmd = new NpgsqlCommand(
            "UPDATE appointments a SET successor_id = s.successor FROM unnest(@ids, @successors) AS s(id, successor) WHERE a.id = s.id", conn))
        {
            cmd.Parameters.AddWithValue("ids", successors.Select(s => s.Item1).ToArray());
            cmd.Parameters.AddWithValue("successors", successors.Select(s => s.Item2).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        foreach (var table in new[] { "people", "trainings", "committees", "appointments" })
            await Copy.ResetSequenceAsync(conn, table, ct);
    }

    private int AddCommittee(Territory t, CommitteeKind kind, string en, string hi)
    {
        var id = ++_committeeId;
        var (division, district) = Ancestors(t);
        _committees.Add([id, t.Id, t.StateId, division, district, (int)kind, en, hi, today.AddDays(-rng.Next(200, 900)), null,
            t.Level == TerritoryLevel.Block ? t.Id : t.BlockId]);
        return id;
    }

    private void Fill(Territory t, Post post, int count, int? committeeId, int inactiveChance, int wingId = ReferenceData.MainWingId)
    {
        for (var i = 0; i < count; i++)
        {
            var from = today.AddDays(-rng.Next(60, 1200));
            var id = ++_appointmentId;
            var person = AddPerson(t);
            var (division, district) = Ancestors(t);
            int? block = t.Level == TerritoryLevel.Block ? t.Id : t.BlockId;
            var roll = rng.Next(100);
            if (roll < inactiveChance)
            {
                // Flagged inactive; a third of them already replaced.
                var since = from.AddDays(rng.Next(30, 300));
                if (since > today) since = today.AddDays(-7);
                var reason = InactiveReasons[rng.Next(InactiveReasons.Length)];
                if (rng.Next(3) == 0)
                {
                    var end = since.AddDays(rng.Next(7, 60));
                    if (end > today) end = today;
                    var successorId = id + 1;
                    _appointments.Add([id, person, post.Id, wingId, t.Id, t.StateId, division, district, block, committeeId,
                        from, end, (int)AppointmentEnd.Replaced, null, successorId, since, reason]);
                    _appointmentId = successorId;
                    _appointments.Add([successorId, AddPerson(t), post.Id, wingId, t.Id, t.StateId, division, district, block, committeeId,
                        end, null, null, null, null, null, null]);
                    continue;
                }
                _appointments.Add([id, person, post.Id, wingId, t.Id, t.StateId, division, district, block, committeeId,
                    from, null, null, null, null, since, reason]);
                continue;
            }
            _appointments.Add([id, person, post.Id, wingId, t.Id, t.StateId, division, district, block, committeeId,
                from, null, null, null, null, null, null]);
        }
    }

    private int AddPerson(Territory home)
    {
        var id = ++_personId;
        var name = PersonNames.Next(rng);
        var (division, district) = Ancestors(home);
        // Unique, valid Indian mobile numbers: +91 9xxxxxxxxx.
        var mobile = "+919" + (100_000_000 + id).ToString("D9");
        var fromOtherParty = rng.Next(100) < 6;
        _people.Add([id, home.StateId, division, district, home.Id, name.En, name.Hi, mobile, null,
            (int)(name.Female ? Gender.Female : Gender.Male), 1955 + rng.Next(50), null,
            fromOtherParty ? OtherParties[rng.Next(OtherParties.Length)] : null,
            fromOtherParty ? today.AddDays(-rng.Next(30, 700)) : (DateOnly?)null]);
        if (fromOtherParty && rng.Next(2) == 0)
            _trainings.Add([++_trainingId, id, home.StateId, today.AddDays(-rng.Next(1, 30)), "Orientation for leaders who joined from other parties", null]);
        return id;
    }

    private static (int? Division, int? District) Ancestors(Territory t) =>
        (t.Level == TerritoryLevel.Division ? t.Id : t.DivisionId, t.Level == TerritoryLevel.District ? t.Id : t.DistrictId);
}
