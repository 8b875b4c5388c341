using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data.Seeding;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Territories;

/// <summary>
/// The national profile (issue 16 item 4) at a tiny scale: ten states, each with divisions, districts, blocks and
/// booths under assembly seats, members, office-bearers, meetings and reports; the synthetic layout deterministic.
/// The next test's reset loads the demo data again.
/// </summary>
public class NationalProfileTests(AppFactory app) : IntegrationTest(app)
{
    private static readonly SeedProfile Tiny = SeedProfile.Find("national")! with { Scale = 0.002 };

    [Fact]
    public async Task The_national_profile_generates_ten_states_each_complete_down_to_booths_and_members()
    {
        var specs = Seeder.States.Concat(Seeder.SyntheticStates).ToList();
        Assert.Equal(10, specs.Count);
        Assert.InRange(specs.Sum(s => s.Booths), 990_000, 1_010_000); // about a million booths at full scale
        Assert.Equal(30_000_000, specs.Sum(s => s.Members));

        Dictionary<string, long> counts;
        using (var scope = App.Services.CreateScope())
            counts = await ActivatorUtilities.CreateInstance<Seeder>(scope.ServiceProvider).SeedAsync(Tiny, 2026, CancellationToken.None);
        Assert.Equal(10, counts["states"]);
        Assert.Equal(10, counts["membership_drives"]);

        await App.WithDbAsync(async db =>
        {
            var states = await db.Territories.Where(t => t.Level == TerritoryLevel.State).OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.Code, t.NameEn, t.NameHi }).ToListAsync();
            Assert.Equal(specs.Select(s => (s.Code, s.NameEn, s.NameHi)), states.Select(s => (s.Code!, s.NameEn, s.NameHi)));

            var levels = await db.Territories.GroupBy(t => new { t.StateId, t.Level })
                .Select(g => new { g.Key.StateId, g.Key.Level, Count = g.Count() }).ToListAsync();
            var seats = await db.AssemblyConstituencies.GroupBy(a => a.StateId).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count);
            var members = await db.Members.GroupBy(m => m.StateId).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count);
            var boothAgents = await db.Appointments.Where(a => a.Territory!.Level == TerritoryLevel.Booth)
                .GroupBy(a => a.StateId).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count);
            var meetings = await db.Meetings.GroupBy(m => m.StateId).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count);
            var reports = await db.Reports.GroupBy(r => r.StateId).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count);
            foreach (var (spec, state) in specs.Zip(states))
            {
                int Count(TerritoryLevel level) => levels.SingleOrDefault(l => l.StateId == state.Id && l.Level == level)?.Count ?? 0;
                if (spec.File is null)
                {
                    Assert.Equal(spec.Divisions, Count(TerritoryLevel.Division));
                    Assert.Equal(spec.Districts, Count(TerritoryLevel.District));
                    Assert.Equal(spec.Acs, seats[state.Id]);
                }
                Assert.True(Count(TerritoryLevel.Block) >= Count(TerritoryLevel.District), $"{spec.Code}: a block in every district");
                // Booths at the profile's scale, at least one per assembly seat.
                Assert.Equal(Math.Max(seats[state.Id], (int)Math.Round(spec.Booths * Tiny.Scale)), Count(TerritoryLevel.Booth));
                Assert.Equal((int)Math.Round(spec.Members * Tiny.Scale), members[state.Id]);
                Assert.True(boothAgents.GetValueOrDefault(state.Id) > 0, $"{spec.Code}: booth office-bearers");
                Assert.True(meetings.GetValueOrDefault(state.Id) > 0, $"{spec.Code}: meetings");
                Assert.True(reports.GetValueOrDefault(state.Id) > 0, $"{spec.Code}: reports");
            }

            // The tree holds together in every state: each booth sits in a block of its district and state, under an
            // assembly seat of its own state; every district has a seat.
            Assert.Equal(0, await db.Territories.CountAsync(b => b.Level == TerritoryLevel.Booth
                && (b.Parent!.Level != TerritoryLevel.Block || b.Parent.DistrictId != b.DistrictId || b.Parent.StateId != b.StateId
                    || b.AssemblyConstituency == null || b.AssemblyConstituency.StateId != b.StateId || b.AssemblyConstituency.DistrictId != b.DistrictId)));
            Assert.Equal(0, await db.Territories.CountAsync(d => d.Level == TerritoryLevel.District
                && !db.AssemblyConstituencies.Any(a => a.DistrictId == d.Id)));
            Assert.Equal(0, await db.Territories.CountAsync(d => d.Level == TerritoryLevel.District
                && d.Parent!.Level != TerritoryLevel.Division));
            // Synthetic districts have Hindi names of their own, distinct within their state.
            var synthetic = states.Skip(2).Select(s => s.Id).ToList();
            var districts = await db.Territories.Where(t => t.Level == TerritoryLevel.District && synthetic.Contains(t.StateId))
                .Select(t => new { t.StateId, t.NameEn, t.NameHi }).ToListAsync();
            Assert.All(districts, d => Assert.Matches("[\u0900-\u097F]", d.NameHi));
            Assert.All(districts.GroupBy(d => d.StateId), g => Assert.Equal(g.Count(), g.Select(d => d.NameEn).Distinct().Count()));
            return 0;
        });
    }

    [Fact]
    public void A_synthetic_state_layout_is_the_same_for_the_same_seed_and_spreads_every_seat()
    {
        var spec = Seeder.SyntheticStates[0];
        var (acsA, acsB, acsC) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
        var a = Seeder.SyntheticDistricts(spec, new Random(2026 * 31 + 1002), acsA);
        var b = Seeder.SyntheticDistricts(spec, new Random(2026 * 31 + 1002), acsB);
        var c = Seeder.SyntheticDistricts(spec, new Random(7), acsC);
        Assert.Equal(a, b);
        Assert.Equal(acsA, acsB);
        Assert.NotEqual(a.Select(r => r.DistrictEn), c.Select(r => r.DistrictEn));
        Assert.Equal(spec.Districts, a.Count);
        Assert.Equal(spec.Divisions, a.Select(r => r.DivisionEn).Distinct().Count());
        Assert.Equal(spec.Acs, acsA.Values.Sum());
        Assert.All(acsA.Values, n => Assert.True(n >= 1));
        // Each division is named after one of its own districts, as real divisions are after their headquarters.
        Assert.All(a.GroupBy(r => r.DivisionEn), g => Assert.Contains(g.Key, g.Select(r => r.DistrictEn)));
    }
}
