using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Dashboard;

/// <summary>
/// The dashboard's figures for a territory, each grouped by the child unit (division, district or block) it
/// falls in. Every query reads a summary table or an indexed, small set; none scans booths or members.
/// </summary>
public sealed class DashboardQueries(AppDbContext db, Territory t)
{
    public TerritoryLevel? ChildLevel { get; } = t.Level switch
    {
        TerritoryLevel.State => TerritoryLevel.Division,
        TerritoryLevel.Division => TerritoryLevel.District,
        TerritoryLevel.District => TerritoryLevel.Block,
        _ => null,
    };

    /// <summary>The child key of a row: its division, district or block id (0 when the figure is the territory's own).</summary>
    private Expression<Func<T, int>> Key<T>(Expression<Func<T, int?>> division, Expression<Func<T, int?>> district, Expression<Func<T, int?>> block)
    {
        var pick = ChildLevel switch
        {
            TerritoryLevel.Division => division,
            TerritoryLevel.District => district,
            TerritoryLevel.Block => block,
            _ => null,
        };
        if (pick is null) return Expression.Lambda<Func<T, int>>(Expression.Constant(0), Expression.Parameter(typeof(T)));
        var p = pick.Parameters[0];
        return Expression.Lambda<Func<T, int>>(Expression.Coalesce(pick.Body, Expression.Constant(0)), p);
    }

    public sealed record Coverage(int Booths, int WithAgent, int WithCommittee);

    public async Task<Dictionary<int, Coverage>> CoverageAsync(CancellationToken ct)
    {
        var cells = db.CoverageCells.AsNoTracking().Under(t);
        return await cells.GroupBy(Key<CoverageCell>(c => c.DivisionId, c => c.DistrictId, c => c.BlockId))
            .Select(g => new { g.Key, B = g.Sum(c => c.Booths), A = g.Sum(c => c.WithAgent), C = g.Sum(c => c.WithCommittee) })
            .ToDictionaryAsync(g => g.Key, g => new Coverage(g.B, g.A, g.C), ct);
    }

    /// <summary>Vacant sanctioned posts of the main organisation above booth level: Σ territories × sanction − Σ filled.</summary>
    public async Task<Dictionary<int, int>> VacanciesAsync(CancellationToken ct)
    {
        var sanctionByLevel = await SanctionByLevelAsync(ct);
        var territories = db.Territories.AsNoTracking().Where(x => x.Level < TerritoryLevel.Booth).Under(t);
        var counts = await territories
            .GroupBy(x => new
            {
                Key = ChildLevel == TerritoryLevel.Division ? (x.Level == TerritoryLevel.Division ? x.Id : x.DivisionId ?? 0)
                    : ChildLevel == TerritoryLevel.District ? (x.Level == TerritoryLevel.District ? x.Id : x.DistrictId ?? 0)
                    : ChildLevel == TerritoryLevel.Block ? (x.Level == TerritoryLevel.Block ? x.Id : x.BlockId ?? 0) : 0,
                x.Level,
            })
            .Select(g => new { g.Key.Key, g.Key.Level, N = g.Count() }).ToListAsync(ct);
        var filled = await db.VacancyCells.AsNoTracking().Under(t)
            .GroupBy(Key<VacancyCell>(v => v.DivisionId, v => v.DistrictId, v => v.BlockId))
            .Select(g => new { g.Key, F = g.Sum(v => v.Filled) }).ToDictionaryAsync(g => g.Key, g => g.F, ct);
        return counts.GroupBy(c => c.Key).ToDictionary(g => g.Key,
            g => g.Sum(c => c.N * sanctionByLevel.GetValueOrDefault(c.Level)) - filled.GetValueOrDefault(g.Key));
    }

    /// <summary>Office-bearers in post and flagged inactive.</summary>
    public Task<Dictionary<int, int>> InactiveAsync(CancellationToken ct) =>
        db.Appointments.AsNoTracking().Where(a => a.InactiveSince != null && a.To == null).Under(t)
            .GroupBy(Key<Appointment>(a => a.DivisionId, a => a.DistrictId, a => a.BlockId))
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    /// <summary>Meetings held since <paramref name="sinceUtc"/>, by the unit they were held in.</summary>
    public Task<Dictionary<int, int>> MeetingsHeldAsync(DateTime sinceUtc, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Held && m.StartsUtc >= sinceUtc).Under(t)
            .GroupBy(Key<Meeting>(m => m.DivisionId, m => m.DistrictId, m => m.BlockId))
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    /// <summary>Open action items past their due date (items belong to a district at most; below it they count as its own).</summary>
    public Task<Dictionary<int, int>> OverdueActionItemsAsync(DateOnly today, CancellationToken ct) =>
        db.ActionItems.AsNoTracking().Where(a => ActionItem.OpenStatuses.Contains(a.Status) && a.DueOn < today).Under(t)
            .GroupBy(Key<ActionItem>(a => a.DivisionId, a => a.DistrictId, a => (int?)null))
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    public sealed record Directives(int Open, int Answered, int Overdue);

    /// <summary>
    /// Directives sent to the units that answer to the territory (<see cref="DirectiveCounts.CountedAt"/>): open (not
    /// reported done), answered (any compliance report) and overdue (due date passed, not done), by child unit.
    /// </summary>
    public async Task<Dictionary<int, Directives>> DirectivesAsync(DateOnly today, CancellationToken ct) =>
        await db.DirectiveTargets.AsNoTracking().CountedAt(t)
            .GroupBy(Key<DirectiveTarget>(x => x.DivisionId, x => x.DistrictId, x => x.BlockId))
            .Select(g => new
            {
                g.Key,
                Open = g.Count(x => x.LatestStatus == null || x.LatestStatus != ComplianceStatus.Done),
                Answered = g.Count(x => x.LatestStatus != null),
                Overdue = g.Count(x => (x.LatestStatus == null || x.LatestStatus != ComplianceStatus.Done) && x.Directive!.DueOn < today),
            })
            .ToDictionaryAsync(g => g.Key, g => new Directives(g.Open, g.Answered, g.Overdue), ct);

    public sealed record SilentUnit(int Id, TerritoryLevel Level, string NameEn, string NameHi, int? DivisionId, int? DistrictId, DateOnly? LastOn);

    /// <summary>Districts and blocks that recorded nothing since <paramref name="since"/> (or never), longest silent first.</summary>
    public Task<List<SilentUnit>> SilentUnitsAsync(DateOnly since, CancellationToken ct) =>
        (from x in db.Territories.AsNoTracking().Where(x => x.Level == TerritoryLevel.District || x.Level == TerritoryLevel.Block).Under(t)
         join u in db.UnitActivities on x.Id equals u.TerritoryId into activity
         from u in activity.DefaultIfEmpty()
         where u == null || u.LastOn < since
         orderby u.LastOn, x.NameEn
         select new SilentUnit(x.Id, x.Level, x.NameEn, x.NameHi, x.DivisionId,
             x.Level == TerritoryLevel.District ? x.Id : x.DistrictId, u == null ? null : u.LastOn))
        .ToListAsync(ct);

    /// <summary>Silent units by the child unit they lie in.</summary>
    public Dictionary<int, int> SilentCounts(IEnumerable<SilentUnit> units) =>
        units.GroupBy(u => ChildLevel switch
            {
                TerritoryLevel.Division => u.DivisionId ?? 0,
                TerritoryLevel.District => u.DistrictId ?? 0,
                TerritoryLevel.Block => u.Level == TerritoryLevel.Block ? u.Id : 0,
                _ => 0,
            })
            .ToDictionary(g => g.Key, g => g.Count());

    public sealed record Drive(int Id, string NameEn, string NameHi);

    /// <summary>The state's membership drive the dashboard follows: the open one (the latest, if several), else the latest closed one.</summary>
    public Task<Drive?> CurrentDriveAsync(CancellationToken ct) =>
        db.MembershipDrives.AsNoTracking().Where(d => d.StateId == t.StateId && d.Status != DriveStatus.Planned)
            .OrderByDescending(d => d.Status == DriveStatus.Open).ThenByDescending(d => d.StartDate).ThenByDescending(d => d.Id)
            .Select(d => new Drive(d.Id, d.NameEn, d.NameHi)).FirstOrDefaultAsync(ct);

    /// <summary>Members enrolled in a drive, from the per-block-and-month summary (never from members).</summary>
    public Task<Dictionary<int, long>> EnrolledAsync(int driveId, CancellationToken ct) =>
        db.MemberMonthCounts.AsNoTracking().Where(c => c.DriveId == driveId).Under(t)
            .GroupBy(Key<MemberMonthCount>(c => c.DivisionId, c => c.DistrictId, c => c.BlockId))
            .Select(g => new { g.Key, N = g.Sum(c => (long)c.Enrolled) }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    /// <summary>
    /// Targets of a drive by child unit: district targets for divisions and districts, block targets for blocks
    /// (they are optional, so a block without one has none). The territory's own target is in <see cref="OwnTargetAsync"/>.
    /// </summary>
    public Task<Dictionary<int, long>> TargetsAsync(int driveId, CancellationToken ct)
    {
        var level = ChildLevel == TerritoryLevel.Block ? TerritoryLevel.Block : TerritoryLevel.District;
        return db.DriveTargets.AsNoTracking().Where(x => x.DriveId == driveId && x.Level == level).Under(t)
            .GroupBy(Key<DriveTarget>(x => x.DivisionId, x => x.DistrictId, x => x.BlockId))
            .Select(g => new { g.Key, N = g.Sum(x => (long)x.Target) }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
    }

    /// <summary>The territory's target: the sum of its districts' (state, division), its own (district, block), or none.</summary>
    public Task<long?> OwnTargetAsync(int driveId, CancellationToken ct)
    {
        var level = t.Level == TerritoryLevel.Block ? TerritoryLevel.Block : TerritoryLevel.District;
        // No target rows at all is no target (null), not a target of 0: one group, or none.
        return db.DriveTargets.AsNoTracking().Where(x => x.DriveId == driveId && x.Level == level).Under(t)
            .GroupBy(_ => 1).Select(g => (long?)g.Sum(x => (long)x.Target)).FirstOrDefaultAsync(ct);
    }

    /// <summary>One month of the trend: meetings held, members enrolled (current drive) and the districts' average report score.</summary>
    public sealed record Month(DateOnly Period, int MeetingsHeld, long Enrolled, double? Score);

    /// <summary>Meetings held per month (India time) from <paramref name="from"/> up to the end of <paramref name="to"/>.</summary>
    public async Task<Dictionary<DateOnly, int>> MeetingsByMonthAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        // A state, division or district reads its units' months; a block counts its own meetings.
        if (t.Level <= TerritoryLevel.District)
            return await db.MeetingMonths.AsNoTracking().Where(m => m.Month >= from && m.Month <= to).Under(t)
                .GroupBy(m => m.Month).Select(g => new { g.Key, N = g.Sum(m => m.Held) }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var fromUtc = IndiaTime.DayStartUtc(from);
        var toUtc = IndiaTime.DayStartUtc(to.AddMonths(1));
        var rows = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Held && m.StartsUtc >= fromUtc && m.StartsUtc < toUtc).Under(t)
            .GroupBy(m => new { m.StartsUtc.AddMinutes(IndiaTime.OffsetMinutes).Year, m.StartsUtc.AddMinutes(IndiaTime.OffsetMinutes).Month })
            .Select(g => new { g.Key.Year, g.Key.Month, N = g.Count() }).ToListAsync(ct);
        return rows.ToDictionary(r => new DateOnly(r.Year, r.Month, 1), r => r.N);
    }

    /// <summary>Members of a drive enrolled per month, from the monthly summary.</summary>
    public Task<Dictionary<DateOnly, long>> EnrolledByMonthAsync(int driveId, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.MemberMonthCounts.AsNoTracking().Where(c => c.DriveId == driveId && c.Month >= from && c.Month <= to).Under(t)
            .GroupBy(c => c.Month).Select(g => new { g.Key, N = g.Sum(c => (long)c.Enrolled) }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

    public sealed record FocusSeat(int Id, int Number, string NameEn, string NameHi, string? Winner, int? MarginVotes, decimal? MarginPercent,
        int Booths, int WithAgent, long Members, int MeetingsHeld, int Vacancies);

    /// <summary>
    /// Seats lost by less than <paramref name="margin"/> per cent in the territory, closest first, with their booth coverage,
    /// members enrolled at their booths in the current drive, and the meetings held and posts vacant in the blocks their booths lie in.
    /// </summary>
    public async Task<List<FocusSeat>> FocusSeatsAsync(decimal margin, int? driveId, DateTime meetingsSinceUtc, CancellationToken ct)
    {
        var seats = t.Level == TerritoryLevel.Block
            ? db.AssemblyConstituencies.Where(a => db.CoverageCells.Any(c => c.BlockId == t.Id && c.AssemblyConstituencyId == a.Id))
            : db.AssemblyConstituencies.AsNoTracking().Under(t);
        var list = await seats.Where(a => a.PartyOutcome == ElectionOutcome.Lost && a.MarginPercent < margin)
            .OrderBy(a => a.MarginPercent).ThenBy(a => a.Number)
            .Select(a => new { a.Id, a.Number, a.NameEn, a.NameHi, a.WinningParty, a.MarginVotes, a.MarginPercent })
            .ToListAsync(ct);
        var ids = list.Select(s => s.Id).ToList();
        var coverage = await db.CoverageCells.AsNoTracking().Where(c => ids.Contains(c.AssemblyConstituencyId))
            .GroupBy(c => c.AssemblyConstituencyId).Select(g => new { g.Key, B = g.Sum(c => c.Booths), A = g.Sum(c => c.WithAgent) })
            .ToDictionaryAsync(g => g.Key, ct);
        var members = driveId is { } drive
            ? await db.MemberSeatCounts.AsNoTracking().Where(c => c.DriveId == drive && ids.Contains(c.AssemblyConstituencyId))
                .ToDictionaryAsync(c => c.AssemblyConstituencyId, c => (long)c.Enrolled, ct)
            : [];
        var seatBlocks = await db.CoverageCells.AsNoTracking().Where(c => ids.Contains(c.AssemblyConstituencyId))
            .Select(c => new { c.AssemblyConstituencyId, c.BlockId }).ToListAsync(ct);
        var blocks = seatBlocks.Select(c => c.BlockId).Distinct().ToList();
        var state = t.StateId;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.StateId == state && m.StartsUtc >= meetingsSinceUtc && m.Status == MeetingStatus.Held && m.BlockId != null && blocks.Contains(m.BlockId.Value))
            .GroupBy(m => m.BlockId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var vacancies = await VacanciesOfBlocksAsync(blocks, ct);
        var blocksOf = seatBlocks.ToLookup(c => c.AssemblyConstituencyId, c => c.BlockId);
        return list.Select(s => new FocusSeat(s.Id, s.Number, s.NameEn, s.NameHi, s.WinningParty, s.MarginVotes, s.MarginPercent,
            coverage.GetValueOrDefault(s.Id)?.B ?? 0, coverage.GetValueOrDefault(s.Id)?.A ?? 0, members.GetValueOrDefault(s.Id),
            blocksOf[s.Id].Sum(b => meetings.GetValueOrDefault(b)), blocksOf[s.Id].Sum(b => vacancies.GetValueOrDefault(b)))).ToList();
    }

    /// <summary>Vacant sanctioned posts of the main organisation in each block and its wards.</summary>
    private async Task<Dictionary<int, int>> VacanciesOfBlocksAsync(List<int> blocks, CancellationToken ct)
    {
        var sanction = await SanctionByLevelAsync(ct);
        var units = await db.Territories.AsNoTracking()
            .Where(x => x.Level < TerritoryLevel.Booth && (blocks.Contains(x.Id) && x.Level == TerritoryLevel.Block || x.BlockId != null && blocks.Contains(x.BlockId.Value)))
            .GroupBy(x => new { Block = x.Level == TerritoryLevel.Block ? x.Id : x.BlockId!.Value, x.Level })
            .Select(g => new { g.Key.Block, g.Key.Level, N = g.Count() }).ToListAsync(ct);
        var filled = await db.VacancyCells.AsNoTracking().Where(v => v.BlockId != null && blocks.Contains(v.BlockId.Value))
            .GroupBy(v => v.BlockId!.Value).Select(g => new { g.Key, F = g.Sum(v => v.Filled) }).ToDictionaryAsync(g => g.Key, g => g.F, ct);
        return units.GroupBy(u => u.Block).ToDictionary(g => g.Key,
            g => g.Sum(u => u.N * sanction.GetValueOrDefault(u.Level)) - filled.GetValueOrDefault(g.Key));
    }

    private Task<Dictionary<TerritoryLevel, int>> SanctionByLevelAsync(CancellationToken ct) =>
        db.Posts.AsNoTracking().Where(p => p.Sanctioned != null && p.Level < TerritoryLevel.Booth)
            .GroupBy(p => p.Level).Select(g => new { g.Key, S = g.Sum(p => p.Sanctioned!.Value) }).ToDictionaryAsync(g => g.Key, g => g.S, ct);

    /// <summary>Booth agent post id, for links.</summary>
    public static int BoothAgentPostId => ReferenceData.BoothAgentPostId;
}
