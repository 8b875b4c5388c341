using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Territories;

namespace OrgTracker.Tests.Data;

/// <summary>
/// Every kind of change to booths, booth agents, booth committees and appointments, saved through the application's
/// own DbContext without any call to a refresh, leaves the summary tables equal to a fresh count from the base tables.
/// </summary>
public class SummaryRefresherTests(AppFactory app) : IntegrationTest(app)
{
    private sealed record Cell(int Ac, int? DistrictId, int Booths, int WithAgent, int WithCommittee);

    private Task<List<Cell>> SummaryAsync(int block) => App.WithDbAsync(db => db.CoverageCells.Where(c => c.BlockId == block)
        .OrderBy(c => c.AssemblyConstituencyId)
        .Select(c => new Cell(c.AssemblyConstituencyId, c.DistrictId, c.Booths, c.WithAgent, c.WithCommittee)).ToListAsync());

    private Task<List<Cell>> FreshCountAsync(int block) => App.WithDbAsync(async db =>
    {
        var booths = await db.Territories.Where(b => b.Level == TerritoryLevel.Booth && b.BlockId == block && b.AssemblyConstituencyId != null)
            .Select(b => new
            {
                Ac = b.AssemblyConstituencyId!.Value, b.DistrictId,
                Agent = db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null),
                Committee = db.Committees.Any(c => c.TerritoryId == b.Id && c.Kind == CommitteeKind.Booth && c.DissolvedOn == null),
            }).ToListAsync();
        return booths.GroupBy(b => (b.Ac, b.DistrictId)).OrderBy(g => g.Key.Ac)
            .Select(g => new Cell(g.Key.Ac, g.Key.DistrictId, g.Count(), g.Count(b => b.Agent), g.Count(b => b.Committee))).ToList();
    });

    private async Task AssertSummaryIsFreshAsync(params int[] blocks)
    {
        foreach (var block in blocks) Assert.Equal(await FreshCountAsync(block), await SummaryAsync(block));
        var states = await App.WithDbAsync(db => db.Territories.Where(t => blocks.Contains(t.Id)).Select(t => t.StateId).Distinct().ToListAsync());
        foreach (var state in states) await UnitFigureCheck.AssertFreshAsync(App, state);
    }

    private async Task<(int Booths, int WithAgent, int WithCommittee)> TotalsAsync(int block)
    {
        var cells = await SummaryAsync(block);
        return (cells.Sum(c => c.Booths), cells.Sum(c => c.WithAgent), cells.Sum(c => c.WithCommittee));
    }

    private Task<Territory> BoothAsync(Func<AppDbContext, IQueryable<Territory>, IQueryable<Territory>>? where = null) => App.WithDbAsync(db =>
    {
        var booths = db.Territories.AsNoTracking().Where(b => b.Level == TerritoryLevel.Booth
            && db.Territories.Any(d => d.Id == b.DistrictId && d.NameEn == "Bhopal"));
        return (where?.Invoke(db, booths) ?? booths).OrderBy(b => b.Id).FirstAsync();
    });

    private static Person NewPerson(Territory home, string mobile)
    {
        var person = new Person { NameEn = "Test Worker", NameHi = "परीक्षण कार्यकर्ता", Mobile = mobile };
        person.PlaceIn(home);
        return person;
    }

    [Fact]
    public async Task Appointing_a_booth_agent_counts_the_booth_as_covered()
    {
        var booth = await BoothAsync((db, q) => q.Where(b => !db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null)));
        var before = await TotalsAsync(booth.BlockId!.Value);

        await App.WithDbAsync(async db =>
        {
            var person = NewPerson(booth, "+919000000101");
            db.People.Add(person);
            await db.SaveChangesAsync();
            var appointment = new Appointment { PersonId = person.Id, PostId = ReferenceData.BoothAgentPostId, WingId = ReferenceData.MainWingId, From = TodayInIndia };
            appointment.PlaceAt(booth);
            db.Appointments.Add(appointment);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before.WithAgent + 1, (await TotalsAsync(booth.BlockId!.Value)).WithAgent);
        await AssertSummaryIsFreshAsync(booth.BlockId!.Value);
    }

    [Fact]
    public async Task Ending_the_only_booth_agents_appointment_counts_the_booth_as_uncovered()
    {
        var booth = await BoothAsync((db, q) => q.Where(b => db.Appointments.Count(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null) == 1));
        var before = await TotalsAsync(booth.BlockId!.Value);

        await App.WithDbAsync(async db =>
        {
            var agent = await db.Appointments.SingleAsync(a => a.TerritoryId == booth.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null);
            agent.End(TodayInIndia, AppointmentEnd.Resigned);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before.WithAgent - 1, (await TotalsAsync(booth.BlockId!.Value)).WithAgent);
        await AssertSummaryIsFreshAsync(booth.BlockId!.Value);
    }

    [Fact]
    public async Task Forming_and_dissolving_a_booth_committee_counts_and_uncounts_the_booth()
    {
        var booth = await BoothAsync((db, q) => q.Where(b => !db.Committees.Any(c => c.TerritoryId == b.Id)));
        var block = booth.BlockId!.Value;
        var before = await TotalsAsync(block);

        var committeeId = await App.WithDbAsync(async db =>
        {
            var committee = new Committee
            {
                TerritoryId = booth.Id, Kind = CommitteeKind.Booth, StateId = booth.StateId, DivisionId = booth.DivisionId,
                DistrictId = booth.DistrictId, BlockId = block, NameEn = "Booth committee", NameHi = "बूथ समिति", FormedOn = TodayInIndia,
            };
            db.Committees.Add(committee);
            await db.SaveChangesAsync();
            return committee.Id;
        });
        Assert.Equal(before.WithCommittee + 1, (await TotalsAsync(block)).WithCommittee);
        await AssertSummaryIsFreshAsync(block);

        await App.WithDbAsync(async db =>
        {
            (await db.Committees.SingleAsync(c => c.Id == committeeId)).DissolvedOn = TodayInIndia;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before.WithCommittee, (await TotalsAsync(block)).WithCommittee);
        await AssertSummaryIsFreshAsync(block);
    }

    [Fact]
    public async Task Adding_a_booth_counts_it_in_its_blocks_cell()
    {
        var sibling = await BoothAsync();
        var block = sibling.BlockId!.Value;
        var before = await TotalsAsync(block);

        await App.WithDbAsync(async db =>
        {
            var parent = await db.Territories.SingleAsync(t => t.Id == block);
            var booth = new Territory
            {
                Level = TerritoryLevel.Booth, NameEn = "New School", NameHi = "नई शाला",
                AssemblyConstituencyId = sibling.AssemblyConstituencyId, PartNumber = 4901,
            };
            booth.PlaceUnder(parent);
            db.Territories.Add(booth);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before.Booths + 1, (await TotalsAsync(block)).Booths);
        await AssertSummaryIsFreshAsync(block);
    }

    [Fact]
    public async Task Moving_a_booth_with_an_agent_to_another_block_refreshes_both_blocks()
    {
        var booth = await BoothAsync((db, q) => q.Where(b => db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null)));
        var from = booth.BlockId!.Value;
        var to = await App.WithDbAsync(db => db.Territories.Where(t => t.Level == TerritoryLevel.Block && t.DistrictId == booth.DistrictId && t.Id != from)
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var (fromBefore, toBefore) = (await TotalsAsync(from), await TotalsAsync(to));

        await App.WithDbAsync(async db =>
        {
            var moved = await db.Territories.SingleAsync(t => t.Id == booth.Id);
            moved.PlaceUnder(await db.Territories.SingleAsync(t => t.Id == to));
            // The booth's agents follow it: their block is copied from the booth.
            foreach (var a in await db.Appointments.Where(a => a.TerritoryId == booth.Id).ToListAsync()) a.PlaceAt(moved);
            return await db.SaveChangesAsync();
        });

        var (fromAfter, toAfter) = (await TotalsAsync(from), await TotalsAsync(to));
        Assert.Equal((fromBefore.Booths - 1, fromBefore.WithAgent - 1), (fromAfter.Booths, fromAfter.WithAgent));
        Assert.Equal((toBefore.Booths + 1, toBefore.WithAgent + 1), (toAfter.Booths, toAfter.WithAgent));
        await AssertSummaryIsFreshAsync(from, to);
    }

    [Fact]
    public async Task Importing_booths_counts_them_in_their_blocks()
    {
        var (stateId, block, ac) = await App.WithDbAsync(async db =>
        {
            var district = await db.Territories.SingleAsync(t => t.NameEn == "Bhopal" && t.Level == TerritoryLevel.District);
            var block = await db.Territories.Where(t => t.Level == TerritoryLevel.Block && t.DistrictId == district.Id).OrderBy(t => t.Id).FirstAsync();
            var ac = await db.AssemblyConstituencies.Where(a => a.DistrictId == district.Id).OrderBy(a => a.Number).FirstAsync();
            return (district.StateId, block, ac.Number);
        });
        var before = await TotalsAsync(block.Id);
        var csv = $"""
            ac_number,part_number,name_en,name_hi,block
            {ac},4911,First Import School,पहली आयात शाला,{block.NameEn}
            {ac},4912,Second Import School,दूसरी आयात शाला,{block.NameEn}
            """;

        using (var scope = App.Services.CreateScope())
        {
            var importer = ActivatorUtilities.CreateInstance<BoothImporter>(scope.ServiceProvider);
            var result = await importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), stateId, null, CancellationToken.None);
            Assert.Equal(2, result.Added);
        }

        Assert.Equal(before.Booths + 2, (await TotalsAsync(block.Id)).Booths);
        await AssertSummaryIsFreshAsync(block.Id);
    }

    [Fact]
    public async Task Appointing_a_district_office_bearer_fills_a_vacancy()
    {
        var district = await App.WithDbAsync(db => db.Territories.AsNoTracking().SingleAsync(t => t.NameEn == "Bhopal" && t.Level == TerritoryLevel.District));
        var post = await App.WithDbAsync(db => db.Posts.Where(p => p.Level == TerritoryLevel.District && p.Sanctioned != null
                && db.Appointments.Count(a => a.TerritoryId == district.Id && a.PostId == p.Id && a.WingId == ReferenceData.MainWingId && a.To == null) < p.Sanctioned)
            .OrderBy(p => p.Id).FirstAsync());
        Task<int> FilledAsync() => App.WithDbAsync(db => db.VacancyCells.Where(v => v.TerritoryId == district.Id).Select(v => v.Filled).SingleAsync());
        Task<int> FreshFilledAsync() => App.WithDbAsync(async db =>
        {
            var held = await db.Appointments.Where(a => a.TerritoryId == district.Id && a.WingId == ReferenceData.MainWingId && a.To == null)
                .GroupBy(a => a.PostId).Select(g => new { PostId = g.Key, N = g.Count() }).ToListAsync();
            var sanctioned = await db.Posts.Where(p => p.Sanctioned != null).ToDictionaryAsync(p => p.Id, p => p.Sanctioned!.Value);
            return held.Where(h => sanctioned.ContainsKey(h.PostId)).Sum(h => Math.Min(h.N, sanctioned[h.PostId]));
        });
        var before = await FilledAsync();

        await App.WithDbAsync(async db =>
        {
            var person = NewPerson(district, "+919000000102");
            db.People.Add(person);
            await db.SaveChangesAsync();
            var appointment = new Appointment { PersonId = person.Id, PostId = post.Id, WingId = ReferenceData.MainWingId, From = TodayInIndia };
            appointment.PlaceAt(district);
            db.Appointments.Add(appointment);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before + 1, await FilledAsync());
        Assert.Equal(await FreshFilledAsync(), await FilledAsync());
        await UnitFigureCheck.AssertFreshAsync(App, district.StateId);
    }

    [Fact]
    public async Task Marking_an_office_bearer_inactive_and_ending_the_post_counts_in_the_units_figures()
    {
        var district = await App.WithDbAsync(db => db.Territories.AsNoTracking().SingleAsync(t => t.NameEn == "Bhopal" && t.Level == TerritoryLevel.District));
        var block = await App.WithDbAsync(db => db.Territories.AsNoTracking().Where(t => t.Level == TerritoryLevel.Block && t.DistrictId == district.Id)
            .OrderBy(t => t.Id).FirstAsync());
        var appointment = await App.WithDbAsync(db => db.Appointments.AsNoTracking()
            .Where(a => a.BlockId == block.Id && a.To == null && a.InactiveSince == null).OrderBy(a => a.Id).FirstAsync());
        Task<int> InactiveAsync() => App.WithDbAsync(db => db.UnitFigures.Where(u => u.UnitId == block.Id).Select(u => u.Inactive).SingleAsync());
        var before = await InactiveAsync();

        await App.WithDbAsync(async db =>
        {
            (await db.Appointments.SingleAsync(a => a.Id == appointment.Id)).InactiveSince = TodayInIndia;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before + 1, await InactiveAsync());
        await UnitFigureCheck.AssertFreshAsync(App, district.StateId);

        await App.WithDbAsync(async db =>
        {
            (await db.Appointments.SingleAsync(a => a.Id == appointment.Id)).To = TodayInIndia;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before, await InactiveAsync());
        await UnitFigureCheck.AssertFreshAsync(App, district.StateId);
    }

    [Fact]
    public async Task Action_items_opened_closed_reopened_and_moved_count_in_their_units_open_items()
    {
        var bhopal = await App.WithDbAsync(db => db.Territories.AsNoTracking().SingleAsync(t => t.NameEn == "Bhopal" && t.Level == TerritoryLevel.District));
        var indore = await App.WithDbAsync(db => db.Territories.AsNoTracking().SingleAsync(t => t.NameEn == "Indore" && t.Level == TerritoryLevel.District));
        var (meeting, owner) = await App.WithDbAsync(async db => (
            await db.Meetings.Where(m => m.DistrictId == bhopal.Id).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            await db.People.Where(p => p.DistrictId == bhopal.Id).OrderBy(p => p.Id).FirstAsync()));
        Task<int> OpenAsync(int unit) => App.WithDbAsync(db => db.UnitFigures.Where(u => u.UnitId == unit).Select(u => u.OpenActionItems).SingleAsync());
        var (bhopalBefore, indoreBefore, stateBefore) = (await OpenAsync(bhopal.Id), await OpenAsync(indore.Id), await OpenAsync(bhopal.StateId));

        // Two new items: one of Bhopal, one of the state's own (no division, no district).
        var (item, stateItem) = await App.WithDbAsync(async db =>
        {
            ActionItem New(int? division, int? district) => new()
            {
                MeetingId = meeting, Text = "Booth list check", OwnerId = owner.Id, TerritoryId = owner.HomeTerritoryId, StateId = owner.StateId,
                DivisionId = division, DistrictId = district, DueOn = TodayInIndia.AddDays(-2), CreatedUtc = UtcNow,
            };
            var a = New(bhopal.DivisionId, bhopal.Id);
            var b = New(null, null);
            db.ActionItems.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        Assert.Equal((bhopalBefore + 1, stateBefore + 1), (await OpenAsync(bhopal.Id), await OpenAsync(bhopal.StateId)));
        await UnitFigureCheck.AssertFreshAsync(App, bhopal.StateId);

        async Task ChangeAsync(Action<ActionItem> change) => await App.WithDbAsync(async db =>
        {
            change(await db.ActionItems.SingleAsync(a => a.Id == item));
            return await db.SaveChangesAsync();
        });
        // In progress is still open; done is not; reopened it is again.
        await ChangeAsync(a => a.SetStatus(ActionItemStatus.InProgress, TodayInIndia));
        Assert.Equal(bhopalBefore + 1, await OpenAsync(bhopal.Id));
        await ChangeAsync(a => a.SetStatus(ActionItemStatus.Done, TodayInIndia));
        Assert.Equal(bhopalBefore, await OpenAsync(bhopal.Id));
        await UnitFigureCheck.AssertFreshAsync(App, bhopal.StateId);
        await ChangeAsync(a => a.SetStatus(ActionItemStatus.Open, TodayInIndia));
        Assert.Equal(bhopalBefore + 1, await OpenAsync(bhopal.Id));

        // Moved to another district: counted there, no longer in Bhopal.
        await ChangeAsync(a => (a.DivisionId, a.DistrictId) = (indore.DivisionId, indore.Id));
        Assert.Equal((bhopalBefore, indoreBefore + 1), (await OpenAsync(bhopal.Id), await OpenAsync(indore.Id)));
        await UnitFigureCheck.AssertFreshAsync(App, bhopal.StateId);

        // Removed (as a test's own record may be): the state's own count falls back.
        await App.WithDbAsync(async db =>
        {
            db.ActionItems.Remove(await db.ActionItems.SingleAsync(a => a.Id == stateItem));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(stateBefore, await OpenAsync(bhopal.StateId));
        await UnitFigureCheck.AssertFreshAsync(App, bhopal.StateId);
    }

    [Fact]
    public async Task Several_saves_in_one_transaction_show_in_the_summary_only_when_it_commits()
    {
        var booth = await BoothAsync((db, q) => q.Where(b => !db.Committees.Any(c => c.TerritoryId == b.Id)
            && !db.Appointments.Any(a => a.TerritoryId == b.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null)));
        var block = booth.BlockId!.Value;
        var before = await TotalsAsync(block);

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var person = NewPerson(booth, "+919000000103");
            db.People.Add(person);
            await db.SaveChangesAsync();
            var appointment = new Appointment { PersonId = person.Id, PostId = ReferenceData.BoothAgentPostId, WingId = ReferenceData.MainWingId, From = TodayInIndia };
            appointment.PlaceAt(booth);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            db.Committees.Add(new Committee
            {
                TerritoryId = booth.Id, Kind = CommitteeKind.Booth, StateId = booth.StateId, DivisionId = booth.DivisionId,
                DistrictId = booth.DistrictId, BlockId = block, NameEn = "Booth committee", NameHi = "बूथ समिति", FormedOn = TodayInIndia,
            });
            await db.SaveChangesAsync();

            // Another connection sees neither the change nor a new summary until the commit.
            Assert.Equal(before, await TotalsAsync(block));
            await tx.CommitAsync();
        }

        Assert.Equal((before.Booths, before.WithAgent + 1, before.WithCommittee + 1), await TotalsAsync(block));
        await AssertSummaryIsFreshAsync(block);
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_the_summary_as_it_was_and_is_not_refreshed_by_the_next_commit()
    {
        var booth = await BoothAsync((db, q) => q.Where(b => !db.Committees.Any(c => c.TerritoryId == b.Id)));
        var block = booth.BlockId!.Value;
        var before = await TotalsAsync(block);

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Committees.Add(new Committee
            {
                TerritoryId = booth.Id, Kind = CommitteeKind.Booth, StateId = booth.StateId, DivisionId = booth.DivisionId,
                DistrictId = booth.DistrictId, BlockId = block, NameEn = "Booth committee", NameHi = "बूथ समिति", FormedOn = TodayInIndia,
            });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        Assert.Equal(before, await TotalsAsync(block));

        // A later, unrelated save in the same context refreshes only what it changed; the summary still matches.
        var person = NewPerson(booth, "+919000000104");
        db.People.Add(person);
        await db.SaveChangesAsync();
        Assert.Equal(before, await TotalsAsync(block));
        await AssertSummaryIsFreshAsync(block);
    }
}
