using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Data;

/// <summary>
/// The units' figures (<see cref="UnitFigure"/>) of a state equal a fresh count made here in C# from the base tables
/// (territories, appointments, committees, posts, action items), not from the summaries they are summed from.
/// </summary>
internal static class UnitFigureCheck
{
    public sealed record Row(int UnitId, TerritoryLevel Level, int StateId, int? DivisionId, int? DistrictId, int? BlockId,
        int Booths, int WithAgent, int WithCommittee, int Wards, int Filled, int Inactive, int OpenActionItems);

    public static Task<List<Row>> KeptAsync(AppFactory app, int state) => app.WithDbAsync(db => db.UnitFigures.Where(u => u.StateId == state)
        .OrderBy(u => u.UnitId)
        .Select(u => new Row(u.UnitId, u.Level, u.StateId, u.DivisionId, u.DistrictId, u.BlockId, u.Booths, u.WithAgent, u.WithCommittee,
            u.Wards, u.Filled, u.Inactive, u.OpenActionItems)).ToListAsync());

    public static Task<List<Row>> FreshAsync(AppFactory app, int state) => app.WithDbAsync(async db =>
    {
        var territories = await db.Territories.AsNoTracking().Where(t => t.StateId == state)
            .Select(t => new { t.Id, t.Level, t.StateId, t.DivisionId, t.DistrictId, t.BlockId, t.AssemblyConstituencyId }).ToListAsync();
        var current = await db.Appointments.AsNoTracking().Where(a => a.StateId == state && a.To == null)
            .Select(a => new { a.TerritoryId, a.PostId, a.WingId, a.InactiveSince, a.StateId, a.DivisionId, a.DistrictId, a.BlockId }).ToListAsync();
        var committees = (await db.Committees.AsNoTracking().Where(c => c.StateId == state && c.Kind == CommitteeKind.Booth && c.DissolvedOn == null)
            .Select(c => c.TerritoryId).ToListAsync()).ToHashSet();
        var open = (await db.ActionItems.AsNoTracking().Where(a => a.StateId == state && (a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress))
            .Select(a => a.DistrictId ?? a.DivisionId ?? a.StateId).ToListAsync()).CountBy(unit => unit).ToDictionary();
        var sanctioned = await db.Posts.AsNoTracking().Where(p => p.Sanctioned != null).ToDictionaryAsync(p => p.Id, p => p.Sanctioned!.Value);

        var agents = current.Where(a => a.PostId == ReferenceData.BoothAgentPostId).Select(a => a.TerritoryId).ToHashSet();
        // A ward's or booth's unit is its block (else its district); a territory up to block level is its own unit.
        int UnitOf(TerritoryLevel level, int id, int stateId, int? division, int? district, int? block) =>
            level <= TerritoryLevel.Block ? id : block ?? district ?? division ?? stateId;
        var byId = territories.ToDictionary(t => t.Id);
        var booths = territories.Where(b => b.Level == TerritoryLevel.Booth && b.BlockId != null && b.AssemblyConstituencyId != null).ToLookup(b => b.BlockId!.Value);
        var wards = territories.Where(w => w.Level == TerritoryLevel.Ward).ToLookup(w => UnitOf(w.Level, w.Id, w.StateId, w.DivisionId, w.DistrictId, w.BlockId));
        var filled = current.Where(a => a.WingId == ReferenceData.MainWingId && byId[a.TerritoryId].Level < TerritoryLevel.Booth)
            .GroupBy(a => (a.TerritoryId, a.PostId))
            .Where(g => sanctioned.ContainsKey(g.Key.PostId))
            .Select(g => (Territory: byId[g.Key.TerritoryId], N: Math.Min(g.Count(), sanctioned[g.Key.PostId])))
            .ToLookup(x => UnitOf(x.Territory.Level, x.Territory.Id, x.Territory.StateId, x.Territory.DivisionId, x.Territory.DistrictId, x.Territory.BlockId), x => x.N);
        var inactive = current.Where(a => a.InactiveSince != null).CountBy(a => a.BlockId ?? a.DistrictId ?? a.DivisionId ?? a.StateId).ToDictionary();

        return territories.Where(u => u.Level <= TerritoryLevel.Block).OrderBy(u => u.Id)
            .Select(u => new Row(u.Id, u.Level, u.StateId,
                u.Level == TerritoryLevel.Division ? u.Id : u.DivisionId,
                u.Level == TerritoryLevel.District ? u.Id : u.DistrictId,
                u.Level == TerritoryLevel.Block ? u.Id : null,
                booths[u.Id].Count(), booths[u.Id].Count(b => agents.Contains(b.Id)), booths[u.Id].Count(b => committees.Contains(b.Id)),
                wards[u.Id].Count(), filled[u.Id].Sum(), inactive.GetValueOrDefault(u.Id), open.GetValueOrDefault(u.Id)))
            .ToList();
    });

    public static async Task AssertFreshAsync(AppFactory app, int state)
    {
        var kept = await KeptAsync(app, state);
        Assert.NotEmpty(kept);
        Assert.Equal(await FreshAsync(app, state), kept);
    }
}
