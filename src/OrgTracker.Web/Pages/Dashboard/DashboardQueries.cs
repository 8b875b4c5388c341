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

    /// <summary>What a <see cref="Figure"/> row counts.</summary>
    public enum Metric
    {
        /// <summary>Booths, with an agent, with a committee.</summary>
        Coverage = 1,
        /// <summary>Posts filled in the main organisation above booth level.</summary>
        Filled,
        /// <summary>Office-bearers in post flagged inactive.</summary>
        Inactive,
        /// <summary>Meetings held in the last 30 days.</summary>
        MeetingsHeld,
        /// <summary>Open action items not yet due (overdue: the units' open items less these).</summary>
        NotYetDue,
        /// <summary>Directives open, answered, overdue.</summary>
        Directives,
        /// <summary>Members enrolled in the drive.</summary>
        Enrolled,
        /// <summary>The drive's targets by child unit.</summary>
        Target,
        /// <summary>The territory's own drive target (key 0; no row when there is none).</summary>
        OwnTarget,
        /// <summary>Meetings held per month of the trend (key yyyyMM).</summary>
        MeetingsByMonth,
        /// <summary>Members enrolled per month of the trend (key yyyyMM).</summary>
        EnrolledByMonth,
        /// <summary>Sanctioned posts per territory of a level (key: the level).</summary>
        Sanction,
        /// <summary>A focus seat's blocks, their wards and the posts filled there (key: the seat).</summary>
        SeatPosts,
        /// <summary>Open action items (from the units' figures).</summary>
        OpenActionItems,
        /// <summary>Territories above booth level (metric Units + level).</summary>
        Units = 100,
    }

    /// <summary>One grouped figure: what it counts, the child unit (or month, or level) it belongs to, up to three values.</summary>
    public sealed class Figure
    {
        public int Metric { get; init; }
        public int Key { get; init; }
        public long A { get; init; }
        public long B { get; init; }
        public long C { get; init; }
    }

    /// <summary>The territory's figures by child unit (0: the territory's own), read in a statement or two.</summary>
    public sealed class Counts(List<Figure> rows)
    {
        private readonly ILookup<int, Figure> _byMetric = rows.ToLookup(r => r.Metric);

        public IEnumerable<Figure> this[Metric metric] => _byMetric[(int)metric];

        /// <summary>Vacant sanctioned posts by child unit: Σ territories × sanction − Σ filled.</summary>
        public Dictionary<int, long> Vacancies()
        {
            var sanction = this[Metric.Sanction].ToDictionary(f => f.Key, f => f.A);
            var filled = this[Metric.Filled].ToDictionary(f => f.Key, f => f.A);
            return rows.Where(r => r.Metric >= (int)Metric.Units).GroupBy(r => r.Key)
                .ToDictionary(g => g.Key, g => g.Sum(r => r.A * sanction.GetValueOrDefault(r.Metric - (int)Metric.Units)) - filled.GetValueOrDefault(g.Key));
        }

        /// <summary>Open action items past their due date by child unit: the units' open items less those not yet due.</summary>
        public Dictionary<int, long> Overdue()
        {
            var notYetDue = this[Metric.NotYetDue].ToDictionary(f => f.Key, f => f.A);
            return this[Metric.OpenActionItems].ToDictionary(f => f.Key, f => f.A - notYetDue.GetValueOrDefault(f.Key));
        }

        public Dictionary<DateOnly, long> ByMonth(Metric metric) =>
            this[metric].ToDictionary(f => new DateOnly(f.Key / 100, f.Key % 100, 1), f => f.A);
    }

    /// <summary>
    /// Every count of the dashboard, by child unit, in two statements (the units' figures, and a UNION ALL of small
    /// grouped reads of the other summary tables and indexed sets): coverage, vacancies, inactive, meetings held since <paramref name="meetingsSinceUtc"/>,
    /// open action items and those not yet due, directives, and with a drive its enrolment and targets; the trend's months from
    /// <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    public async Task<Counts> CountsAsync(DateOnly today, DateTime meetingsSinceUtc, int? driveId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var q = SanctionQuery();
        q = q.Concat(db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Held && m.StartsUtc >= meetingsSinceUtc).Under(t)
            .GroupBy(Key<Meeting>(m => m.DivisionId, m => m.DistrictId, m => m.BlockId))
            .Select(g => new Figure { Metric = (int)Metric.MeetingsHeld, Key = g.Key, A = g.Count(), B = 0, C = 0 }));
        // Overdue action items: the units' open items (their figures) less those not yet due, a short range of the
        // open items' index where the overdue ones would be thousands. Action items belong to a district at most;
        // below it they count as its own.
        q = q.Concat(db.ActionItems.AsNoTracking().Where(a => ActionItem.OpenStatuses.Contains(a.Status) && a.DueOn >= today).Under(t)
            .GroupBy(Key<ActionItem>(a => a.DivisionId, a => a.DistrictId, a => (int?)null))
            .Select(g => new Figure { Metric = (int)Metric.NotYetDue, Key = g.Key, A = g.Count(), B = 0, C = 0 }));
        // Directives sent to the units that answer to the territory (DirectiveCounts.CountedAt): open (not reported
        // done), answered (any compliance report) and overdue (due date passed, not done).
        q = q.Concat(db.DirectiveTargets.AsNoTracking().CountedAt(t)
            .GroupBy(Key<DirectiveTarget>(x => x.DivisionId, x => x.DistrictId, x => x.BlockId))
            .Select(g => new Figure
            {
                Metric = (int)Metric.Directives, Key = g.Key,
                A = g.Count(x => x.LatestStatus == null || x.LatestStatus != ComplianceStatus.Done),
                B = g.Count(x => x.LatestStatus != null),
                C = g.Count(x => (x.LatestStatus == null || x.LatestStatus != ComplianceStatus.Done) && x.Directive!.DueOn < today),
            }));
        // A state, division or district reads its units' months; a block counts its own meetings.
        if (t.Level <= TerritoryLevel.District)
            q = q.Concat(db.MeetingMonths.AsNoTracking().Where(m => m.Month >= from && m.Month <= to).Under(t)
                .GroupBy(m => m.Month.Year * 100 + m.Month.Month)
                .Select(g => new Figure { Metric = (int)Metric.MeetingsByMonth, Key = g.Key, A = g.Sum(m => (long)m.Held), B = 0, C = 0 }));
        else
        {
            var fromUtc = IndiaTime.DayStartUtc(from);
            var toUtc = IndiaTime.DayStartUtc(to.AddMonths(1));
            q = q.Concat(db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Held && m.StartsUtc >= fromUtc && m.StartsUtc < toUtc).Under(t)
                .GroupBy(m => m.StartsUtc.AddMinutes(IndiaTime.OffsetMinutes).Year * 100 + m.StartsUtc.AddMinutes(IndiaTime.OffsetMinutes).Month)
                .Select(g => new Figure { Metric = (int)Metric.MeetingsByMonth, Key = g.Key, A = g.Count(), B = 0, C = 0 }));
        }
        if (driveId is { } drive)
        {
            // Members from the per-block-and-month summary (never from members).
            q = q.Concat(db.MemberMonthCounts.AsNoTracking().Where(c => c.DriveId == drive).Under(t)
                .GroupBy(Key<MemberMonthCount>(c => c.DivisionId, c => c.DistrictId, c => c.BlockId))
                .Select(g => new Figure { Metric = (int)Metric.Enrolled, Key = g.Key, A = g.Sum(c => (long)c.Enrolled), B = 0, C = 0 }));
            q = q.Concat(db.MemberMonthCounts.AsNoTracking().Where(c => c.DriveId == drive && c.Month >= from && c.Month <= to).Under(t)
                .GroupBy(c => c.Month.Year * 100 + c.Month.Month)
                .Select(g => new Figure { Metric = (int)Metric.EnrolledByMonth, Key = g.Key, A = g.Sum(c => (long)c.Enrolled), B = 0, C = 0 }));
            // Targets by child unit: district targets for divisions and districts, block targets for blocks (they are
            // optional, so a block without one has none). The territory's own: the sum of its districts' (state,
            // division), its own (district, block); no target rows at all is no target, not a target of 0.
            var level = ChildLevel == TerritoryLevel.Block ? TerritoryLevel.Block : TerritoryLevel.District;
            q = q.Concat(db.DriveTargets.AsNoTracking().Where(x => x.DriveId == drive && x.Level == level).Under(t)
                .GroupBy(Key<DriveTarget>(x => x.DivisionId, x => x.DistrictId, x => x.BlockId))
                .Select(g => new Figure { Metric = (int)Metric.Target, Key = g.Key, A = g.Sum(x => (long)x.Target), B = 0, C = 0 }));
            var ownLevel = t.Level == TerritoryLevel.Block ? TerritoryLevel.Block : TerritoryLevel.District;
            q = q.Concat(db.DriveTargets.AsNoTracking().Where(x => x.DriveId == drive && x.Level == ownLevel).Under(t)
                .GroupBy(_ => 0)
                .Select(g => new Figure { Metric = (int)Metric.OwnTarget, Key = 0, A = g.Sum(x => (long)x.Target), B = 0, C = 0 }));
        }
        var rows = await q.ToListAsync(ct);
        rows.AddRange(await UnitFiguresAsync(ct));
        return new Counts(rows);
    }

    /// <summary>
    /// Coverage, posts (the units by level, their wards, the posts filled), inactive office-bearers and open action items by child unit,
    /// from the units' figures (a row per block, and per district, division and state of their own) in one read.
    /// </summary>
    private async Task<List<Figure>> UnitFiguresAsync(CancellationToken ct)
    {
        var rows = await db.UnitFigures.AsNoTracking().Under(t)
            .GroupBy(u => new
            {
                Key = ChildLevel == TerritoryLevel.Division ? u.DivisionId ?? 0
                    : ChildLevel == TerritoryLevel.District ? u.DistrictId ?? 0
                    : ChildLevel == TerritoryLevel.Block ? u.BlockId ?? 0 : 0,
                u.Level,
            })
            .Select(g => new
            {
                g.Key.Key, g.Key.Level, Units = g.Count(), Booths = g.Sum(u => (long)u.Booths), WithAgent = g.Sum(u => (long)u.WithAgent),
                WithCommittee = g.Sum(u => (long)u.WithCommittee), Wards = g.Sum(u => (long)u.Wards), Filled = g.Sum(u => (long)u.Filled),
                Inactive = g.Sum(u => (long)u.Inactive), Open = g.Sum(u => (long)u.OpenActionItems),
            })
            .ToListAsync(ct);
        return rows.Select(r => new Figure { Metric = (int)Metric.Units + (int)r.Level, Key = r.Key, A = r.Units })
            .Concat(rows.GroupBy(r => r.Key).SelectMany(g => new[]
            {
                new Figure { Metric = (int)Metric.Coverage, Key = g.Key, A = g.Sum(r => r.Booths), B = g.Sum(r => r.WithAgent), C = g.Sum(r => r.WithCommittee) },
                new Figure { Metric = (int)Metric.Units + (int)TerritoryLevel.Ward, Key = g.Key, A = g.Sum(r => r.Wards) },
                new Figure { Metric = (int)Metric.Filled, Key = g.Key, A = g.Sum(r => r.Filled) },
                new Figure { Metric = (int)Metric.Inactive, Key = g.Key, A = g.Sum(r => r.Inactive) },
                new Figure { Metric = (int)Metric.OpenActionItems, Key = g.Key, A = g.Sum(r => r.Open) },
            }))
            .ToList();
    }

    /// <summary>Sanctioned posts of the main organisation per territory of each level above booth.</summary>
    private IQueryable<Figure> SanctionQuery() =>
        db.Posts.AsNoTracking().Where(p => p.Sanctioned != null && p.Level < TerritoryLevel.Booth)
            .GroupBy(p => p.Level).Select(g => new Figure { Metric = (int)Metric.Sanction, Key = (int)g.Key, A = g.Sum(p => (long)p.Sanctioned!.Value), B = 0, C = 0 });

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

    /// <summary>One month of the trend: meetings held, members enrolled (current drive) and the districts' average report score.</summary>
    public sealed record Month(DateOnly Period, int MeetingsHeld, long Enrolled, double? Score);

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
        if (list.Count == 0) return [];
        var ids = list.Select(s => s.Id).ToList();
        // The seats' figures in one statement, each summed by seat in the database: coverage and members, and the
        // meetings held and posts (territories, sanction, filled) of the blocks the seat's booths lie in (a coverage
        // cell is one block's part of one seat, so a block shared by two seats counts for both).
        var cells = db.CoverageCells.AsNoTracking().Where(c => ids.Contains(c.AssemblyConstituencyId));
        var state = t.StateId;
        var q = cells.GroupBy(c => c.AssemblyConstituencyId)
            .Select(g => new Figure { Metric = (int)Metric.Coverage, Key = g.Key, A = g.Sum(c => (long)c.Booths), B = g.Sum(c => (long)c.WithAgent), C = 0 });
        if (driveId is { } drive)
            q = q.Concat(db.MemberSeatCounts.AsNoTracking().Where(c => c.DriveId == drive && ids.Contains(c.AssemblyConstituencyId))
                .Select(c => new Figure { Metric = (int)Metric.Enrolled, Key = c.AssemblyConstituencyId, A = c.Enrolled, B = 0, C = 0 }));
        // Joins pair the state too: the tables are distributed by state (docs/scaling.md).
        q = q.Concat(cells.Join(db.Meetings.Where(m => m.StateId == state && m.StartsUtc >= meetingsSinceUtc && m.Status == MeetingStatus.Held),
                c => new { c.StateId, Block = (int?)c.BlockId }, m => new { m.StateId, Block = m.BlockId }, (c, m) => c.AssemblyConstituencyId)
            .GroupBy(seat => seat).Select(g => new Figure { Metric = (int)Metric.MeetingsHeld, Key = g.Key, A = g.Count(), B = 0, C = 0 }));
        // Posts of the blocks from their figures: the block itself (a coverage cell lies in one block), its wards, and
        // the posts filled there.
        var blocks = cells.Join(db.UnitFigures.Where(u => u.StateId == state), c => new { c.StateId, Block = (int?)c.BlockId }, u => new { u.StateId, Block = u.BlockId },
            (c, u) => new { Seat = c.AssemblyConstituencyId, u.Wards, u.Filled });
        q = q.Concat(SanctionQuery());
        q = q.Concat(blocks.GroupBy(x => x.Seat)
            .Select(g => new Figure { Metric = (int)Metric.SeatPosts, Key = g.Key, A = g.Count(), B = g.Sum(x => (long)x.Wards), C = g.Sum(x => (long)x.Filled) }));
        var rows = await q.ToListAsync(ct);
        // The seats' blocks, their wards and the posts filled there, as the vacancies read them (territories by level, filled).
        rows.AddRange(rows.Where(r => r.Metric == (int)Metric.SeatPosts).SelectMany(r => new[]
        {
            new Figure { Metric = (int)Metric.Units + (int)TerritoryLevel.Block, Key = r.Key, A = r.A },
            new Figure { Metric = (int)Metric.Units + (int)TerritoryLevel.Ward, Key = r.Key, A = r.B },
            new Figure { Metric = (int)Metric.Filled, Key = r.Key, A = r.C },
        }).ToList());
        var counts = new Counts(rows);
        var coverage = counts[Metric.Coverage].ToDictionary(f => f.Key);
        var members = counts[Metric.Enrolled].ToDictionary(f => f.Key, f => f.A);
        var meetings = counts[Metric.MeetingsHeld].ToDictionary(f => f.Key, f => (int)f.A);
        var vacancies = counts.Vacancies();
        return list.Select(s => new FocusSeat(s.Id, s.Number, s.NameEn, s.NameHi, s.WinningParty, s.MarginVotes, s.MarginPercent,
            (int)(coverage.GetValueOrDefault(s.Id)?.A ?? 0), (int)(coverage.GetValueOrDefault(s.Id)?.B ?? 0), members.GetValueOrDefault(s.Id),
            meetings.GetValueOrDefault(s.Id), (int)vacancies.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>Booth agent post id, for links.</summary>
    public static int BoothAgentPostId => ReferenceData.BoothAgentPostId;
}
