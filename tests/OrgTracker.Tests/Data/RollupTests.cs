using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Tests.Data;

/// <summary>
/// The unit counts (territories and people under each unit), the absence runs and the held meetings by unit and month, after each kind of change saved
/// through the application's own DbContext without any call to a refresh, equal a fresh count from the base tables,
/// made here in C# from the rows themselves (not with the refresher's SQL).
/// </summary>
public class RollupTests(AppFactory app) : IntegrationTest(app)
{
    private sealed record Unit(int Id, TerritoryLevel Level, int StateId, int? DivisionId, int? DistrictId, int? BlockId,
        int Divisions, int Districts, int Blocks, int Wards, int Booths, int People);

    private Task<int> StateAsync(string code = "MP") =>
        App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.State && t.Code == code).Select(t => t.Id).SingleAsync());

    private Task<List<Unit>> UnitCountsAsync(int state) => App.WithDbAsync(db => db.UnitCounts.Where(u => u.StateId == state)
        .OrderBy(u => u.TerritoryId)
        .Select(u => new Unit(u.TerritoryId, u.Level, u.StateId, u.DivisionId, u.DistrictId, u.BlockId,
            u.Divisions, u.Districts, u.Blocks, u.Wards, u.Booths, u.People)).ToListAsync());

    private Task<List<Unit>> FreshUnitCountsAsync(int state) => App.WithDbAsync(async db =>
    {
        var territories = await db.Territories.AsNoTracking().Where(t => t.StateId == state).ToListAsync();
        var people = await db.People.AsNoTracking().Where(p => p.StateId == state)
            .Select(p => p.DistrictId ?? p.DivisionId ?? p.StateId).ToListAsync();
        var children = territories.ToLookup(t => t.ParentId);
        var peopleOf = people.CountBy(u => u).ToDictionary();
        int Count(Territory u, TerritoryLevel level) => children[u.Id].Count(c => c.Level == level);
        return territories.Where(u => u.Level < TerritoryLevel.Booth).OrderBy(u => u.Id)
            .Select(u => new Unit(u.Id, u.Level, u.StateId,
                u.Level == TerritoryLevel.Division ? u.Id : u.DivisionId,
                u.Level == TerritoryLevel.District ? u.Id : u.DistrictId,
                u.Level == TerritoryLevel.Block ? u.Id : u.BlockId,
                Count(u, TerritoryLevel.Division), Count(u, TerritoryLevel.District), Count(u, TerritoryLevel.Block),
                Count(u, TerritoryLevel.Ward), Count(u, TerritoryLevel.Booth),
                u.Level <= TerritoryLevel.District ? peopleOf.GetValueOrDefault(u.Id) : 0))
            .ToList();
    });

    private async Task AssertUnitCountsAreFreshAsync(int state)
    {
        Assert.Equal(await FreshUnitCountsAsync(state), await UnitCountsAsync(state));
        await UnitFigureCheck.AssertFreshAsync(App, state);
    }

    private sealed record Run(int PersonId, int StateId, DateTime OldestUtc, DateTime LatestUtc);

    private Task<List<Run>> RunsAsync() => App.WithDbAsync(db => db.AbsenceRuns.OrderBy(r => r.PersonId)
        .Select(r => new Run(r.PersonId, r.StateId, r.OldestUtc, r.LatestUtc)).ToListAsync());

    private Task<List<Run>> FreshRunsAsync() => App.WithDbAsync(async db =>
    {
        var marked = await (from i in db.MeetingInvitees
                            join m in db.Meetings on i.MeetingId equals m.Id
                            where m.Status == MeetingStatus.Held && i.Attendance != AttendanceStatus.Unmarked
                            select new { i.PersonId, m.Id, m.StartsUtc, i.Attendance, PersonState = i.Person!.StateId }).ToListAsync();
        return marked.GroupBy(x => (x.PersonId, x.PersonState))
            .Where(g => AttendanceSignals.AbsentFromLastThree(g.Select(x => (x.StartsUtc, x.Attendance))))
            .Select(g => g.OrderByDescending(x => x.StartsUtc).ThenByDescending(x => x.Id).Take(AttendanceSignals.AbsencesInARow).ToList())
            .Select(last => new Run(last[0].PersonId, last[0].PersonState, last[^1].StartsUtc, last[0].StartsUtc))
            .OrderBy(r => r.PersonId).ToList();
    });

    private async Task AssertRunsAreFreshAsync() => Assert.Equal(await FreshRunsAsync(), await RunsAsync());

    private sealed record MonthRow(int Unit, DateOnly Month, int StateId, int? DivisionId, int? DistrictId, int Held);

    private async Task AssertMeetingMonthsAreFreshAsync()
    {
        var months = await App.WithDbAsync(db => db.MeetingMonths.OrderBy(m => m.UnitId).ThenBy(m => m.Month)
            .Select(m => new MonthRow(m.UnitId, m.Month, m.StateId, m.DivisionId, m.DistrictId, m.Held)).ToListAsync());
        var held = await App.WithDbAsync(db => db.Meetings.Where(m => m.Status == MeetingStatus.Held)
            .Select(m => new { m.StateId, m.DivisionId, m.DistrictId, m.StartsUtc }).ToListAsync());
        var fresh = held.GroupBy(m => (Unit: m.DistrictId ?? m.DivisionId ?? m.StateId, Month: IndiaTime.MonthOf(IndiaTime.Day(m.StartsUtc)),
                m.StateId, m.DivisionId, m.DistrictId))
            .Select(g => new MonthRow(g.Key.Unit, g.Key.Month, g.Key.StateId, g.Key.DivisionId, g.Key.DistrictId, g.Count()))
            .OrderBy(m => m.Unit).ThenBy(m => m.Month).ToList();
        Assert.Equal(fresh, months);
    }

    private async Task AssertTrainingNeedsAreFreshAsync()
    {
        var needs = await App.WithDbAsync(db => db.TrainingNeeds.OrderBy(n => n.PersonId)
            .Select(n => new { n.PersonId, n.NameEn, n.StateId, n.DivisionId, n.DistrictId }).ToListAsync());
        var fresh = await App.WithDbAsync(async db =>
        {
            var trained = (await db.Trainings.Select(t => t.PersonId).ToListAsync()).ToHashSet();
            var people = await db.People.Where(p => p.FormerParty != null)
                .Select(p => new { PersonId = p.Id, p.NameEn, p.StateId, p.DivisionId, p.DistrictId }).ToListAsync();
            return people.Where(p => !trained.Contains(p.PersonId)).OrderBy(p => p.PersonId).ToList();
        });
        Assert.Equal(fresh, needs);
    }

    private Task<Territory> DistrictAsync(string name) =>
        App.WithDbAsync(db => db.Territories.AsNoTracking().SingleAsync(t => t.NameEn == name && t.Level == TerritoryLevel.District));

    [Fact]
    public async Task The_seeded_roll_ups_equal_a_fresh_count()
    {
        var mp = await StateAsync();
        Assert.NotEmpty(await UnitCountsAsync(mp));
        await AssertUnitCountsAreFreshAsync(mp);
        await AssertRunsAreFreshAsync();
        await AssertMeetingMonthsAreFreshAsync();
        await AssertTrainingNeedsAreFreshAsync();
    }

    [Fact]
    public async Task Joining_from_another_party_training_and_its_withdrawal_keep_the_training_needs_fresh()
    {
        var bhopal = await DistrictAsync("Bhopal");
        var person = await App.WithDbAsync(async db =>
        {
            var p = new Person { NameEn = "Came Across", NameHi = "दल बदलकर आए", Mobile = "+919000000203", FormerParty = "Other Party" };
            p.PlaceIn(await db.Territories.SingleAsync(t => t.Id == bhopal.Id));
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        Task<bool> NeedsAsync() => App.WithDbAsync(db => db.TrainingNeeds.AnyAsync(n => n.PersonId == person.Id));
        Assert.True(await NeedsAsync());
        await AssertTrainingNeedsAreFreshAsync();

        var trainingId = await App.WithDbAsync(async db =>
        {
            var t = new Training { PersonId = person.Id, StateId = person.StateId, On = TodayInIndia, Description = "Orientation" };
            db.Trainings.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        Assert.False(await NeedsAsync());
        await AssertTrainingNeedsAreFreshAsync();

        await App.WithDbAsync(async db =>
        {
            db.Trainings.Remove(await db.Trainings.SingleAsync(t => t.Id == trainingId));
            return await db.SaveChangesAsync();
        });
        Assert.True(await NeedsAsync());

        // Moved to Indore, the need moves with the person; a former party cleared ends it.
        var indore = await DistrictAsync("Indore");
        await App.WithDbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == person.Id)).PlaceIn(await db.Territories.SingleAsync(t => t.Id == indore.Id));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(indore.Id, await App.WithDbAsync(db => db.TrainingNeeds.Where(n => n.PersonId == person.Id).Select(n => n.DistrictId).SingleAsync()));
        await App.WithDbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == person.Id)).FormerParty = null;
            return await db.SaveChangesAsync();
        });
        Assert.False(await NeedsAsync());
        await AssertTrainingNeedsAreFreshAsync();
    }

    [Fact]
    public async Task Adding_and_moving_booths_blocks_and_people_keeps_the_unit_counts_fresh()
    {
        var mp = await StateAsync();
        var bhopal = await DistrictAsync("Bhopal");
        var blocks = await App.WithDbAsync(db => db.Territories.AsNoTracking()
            .Where(t => t.Level == TerritoryLevel.Block && t.DistrictId == bhopal.Id).OrderBy(t => t.Id).Take(2).ToListAsync());
        var before = await App.WithDbAsync(db => db.DescendantCountsAsync(bhopal, CancellationToken.None));

        // A new booth, then a new block with a booth of its own.
        var boothId = await App.WithDbAsync(async db =>
        {
            var booth = new Territory { Level = TerritoryLevel.Booth, NameEn = "Rollup School", NameHi = "रोलअप शाला", PartNumber = 4801 };
            booth.PlaceUnder(await db.Territories.SingleAsync(t => t.Id == blocks[0].Id));
            db.Territories.Add(booth);
            await db.SaveChangesAsync();
            return booth.Id;
        });
        await AssertUnitCountsAreFreshAsync(mp);
        await App.WithDbAsync(async db =>
        {
            var block = new Territory { Level = TerritoryLevel.Block, NameEn = "Rollup Block", NameHi = "रोलअप ब्लॉक" };
            block.PlaceUnder(await db.Territories.SingleAsync(t => t.Id == bhopal.Id));
            db.Territories.Add(block);
            var booth = new Territory { Level = TerritoryLevel.Booth, NameEn = "Rollup Hall", NameHi = "रोलअप भवन", PartNumber = 4802 };
            db.Territories.Add(booth);
            await db.SaveChangesAsync();
            booth.PlaceUnder(block);
            return await db.SaveChangesAsync();
        });
        await AssertUnitCountsAreFreshAsync(mp);
        var after = await App.WithDbAsync(db => db.DescendantCountsAsync(bhopal, CancellationToken.None));
        Assert.Equal(before[TerritoryLevel.Booth] + 2, after[TerritoryLevel.Booth]);
        Assert.Equal(before[TerritoryLevel.Block] + 1, after[TerritoryLevel.Block]);

        // The first booth moves to the other block; a person joins in Bhopal, then moves to Indore.
        await App.WithDbAsync(async db =>
        {
            (await db.Territories.SingleAsync(t => t.Id == boothId)).PlaceUnder(await db.Territories.SingleAsync(t => t.Id == blocks[1].Id));
            return await db.SaveChangesAsync();
        });
        await AssertUnitCountsAreFreshAsync(mp);
        var personId = await App.WithDbAsync(async db =>
        {
            var person = new Person { NameEn = "Rollup Worker", NameHi = "रोलअप कार्यकर्ता", Mobile = "+919000000201" };
            person.PlaceIn(await db.Territories.SingleAsync(t => t.Id == blocks[1].Id));
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        await AssertUnitCountsAreFreshAsync(mp);
        var indore = await DistrictAsync("Indore");
        await App.WithDbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == personId)).PlaceIn(await db.Territories.SingleAsync(t => t.Id == indore.Id));
            return await db.SaveChangesAsync();
        });
        await AssertUnitCountsAreFreshAsync(mp);
    }

    [Fact]
    public async Task Marking_attendance_changing_meetings_and_removing_invitees_keeps_the_absence_runs_fresh()
    {
        var bhopal = await DistrictAsync("Bhopal");
        var person = await App.WithDbAsync(async db =>
        {
            var p = new Person { NameEn = "Often Absent", NameHi = "अक्सर अनुपस्थित", Mobile = "+919000000202" };
            p.PlaceIn(await db.Territories.SingleAsync(t => t.Id == bhopal.Id));
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        // Four held meetings, a week apart, the person invited to each.
        var meetings = new List<int>();
        for (var k = 4; k >= 1; k--)
        {
            var starts = UtcNow.AddDays(-7 * k);
            meetings.Add(await App.WithDbAsync(async db =>
            {
                var m = new Meeting
                {
                    Title = $"Rollup meeting {k}", Type = MeetingType.Review, TerritoryId = bhopal.Id, Level = TerritoryLevel.District,
                    StateId = bhopal.StateId, DivisionId = bhopal.DivisionId, DistrictId = bhopal.Id,
                    StartsUtc = starts, EndsUtc = starts.AddHours(2), Status = MeetingStatus.Held,
                };
                db.Meetings.Add(m);
                await db.SaveChangesAsync();
                db.MeetingInvitees.Add(new MeetingInvitee
                {
                    MeetingId = m.Id, PersonId = person.Id, StateId = m.StateId, DivisionId = m.DivisionId, DistrictId = m.DistrictId,
                });
                await db.SaveChangesAsync();
                return m.Id;
            }));
        }
        var latest = meetings[^1];
        Task MarkAsync(int meeting, AttendanceStatus status) => App.WithDbAsync(async db =>
        {
            (await db.MeetingInvitees.SingleAsync(i => i.MeetingId == meeting && i.PersonId == person.Id)).Attendance = status;
            return await db.SaveChangesAsync();
        });
        Task<bool> FlaggedAsync() => App.WithDbAsync(db => db.AbsenceRuns.AnyAsync(r => r.PersonId == person.Id));

        await MarkAsync(meetings[0], AttendanceStatus.Present);
        foreach (var m in meetings.Skip(1)) await MarkAsync(m, AttendanceStatus.Absent);
        Assert.True(await FlaggedAsync());
        await AssertRunsAreFreshAsync();
        await AssertMeetingMonthsAreFreshAsync();

        // Excused at the latest breaks the run; absent again restores it.
        await MarkAsync(meetings[^1], AttendanceStatus.Excused);
        Assert.False(await FlaggedAsync());
        await AssertRunsAreFreshAsync();
        await MarkAsync(meetings[^1], AttendanceStatus.Absent);
        Assert.True(await FlaggedAsync());

        // The latest meeting is found never to have been held: the run now reaches the meeting attended.
        await App.WithDbAsync(async db =>
        {
            (await db.Meetings.SingleAsync(m => m.Id == latest)).Status = MeetingStatus.Cancelled;
            return await db.SaveChangesAsync();
        });
        Assert.False(await FlaggedAsync());
        await AssertRunsAreFreshAsync();
        await AssertMeetingMonthsAreFreshAsync();

        // Held after all; then the invitation to the meeting attended is withdrawn: three absences remain.
        await App.WithDbAsync(async db =>
        {
            (await db.Meetings.SingleAsync(m => m.Id == latest)).Status = MeetingStatus.Held;
            return await db.SaveChangesAsync();
        });
        Assert.True(await FlaggedAsync());
        await App.WithDbAsync(async db =>
        {
            db.MeetingInvitees.Remove(await db.MeetingInvitees.SingleAsync(i => i.MeetingId == meetings[0] && i.PersonId == person.Id));
            return await db.SaveChangesAsync();
        });
        Assert.True(await FlaggedAsync());
        await AssertRunsAreFreshAsync();

        // A meeting moved earlier than the window of the oldest absence changes the oldest start the run records.
        await App.WithDbAsync(async db =>
        {
            var m = await db.Meetings.SingleAsync(x => x.Id == meetings[1]);
            m.StartsUtc = m.StartsUtc.AddDays(-200);
            m.EndsUtc = m.StartsUtc.AddHours(2);
            return await db.SaveChangesAsync();
        });
        await AssertRunsAreFreshAsync();
        await AssertMeetingMonthsAreFreshAsync();
    }
}
