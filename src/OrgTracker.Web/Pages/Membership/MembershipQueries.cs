using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>
/// Queries shared by the membership pages. Progress figures come only from the summary tables
/// (<see cref="MemberMonthCount"/> above booth level, <see cref="MemberBoothCount"/> for booths,
/// <see cref="MemberDailyCount"/> by day) and the targets, never from counting members,
/// and every query of scoped data goes through <c>InScope(user)</c>.
/// </summary>
public static class MembershipQueries
{
    /// <summary>Drives are the state's: everyone in the state sees them; nobody sees another state's.</summary>
    public static IQueryable<MembershipDrive> DrivesOf(this AppDbContext db, ClaimsPrincipal user)
    {
        var scope = UserScope.From(user);
        if (scope is null) return db.MembershipDrives.Where(_ => false);
        var state = scope.StateId;
        return db.MembershipDrives.Where(d => d.StateId == state);
    }

    public static Task<MembershipDrive?> FindDriveAsync(this AppDbContext db, ClaimsPrincipal user, int id, CancellationToken ct) =>
        db.DrivesOf(user).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);

    public sealed record BoothPlaceRow(int StateId, int? DivisionId, int? DistrictId, string NameEn, string NameHi, int? PartNumber,
        int AcNumber, string DistrictEn, string DistrictHi) : IScoped;

    /// <summary>Where a member is enrolled, for messages: "Govt School, Ramnagar (AC 152, part 12), Bhopal".</summary>
    public static string Describe(BoothPlaceRow b, IStringLocalizer L) =>
        L["{0} (AC {1}, part {2}), {3}", Localization.Pick(b.NameEn, b.NameHi), b.AcNumber, b.PartNumber ?? 0, Localization.Pick(b.DistrictEn, b.DistrictHi)];

    public static Task<BoothPlaceRow?> BoothPlaceAsync(this AppDbContext db, int boothId, CancellationToken ct) =>
        db.Territories.AsNoTracking().Where(b => b.Id == boothId)
            .Select(b => new BoothPlaceRow(b.StateId, b.DivisionId, b.DistrictId, b.NameEn, b.NameHi, b.PartNumber, b.AssemblyConstituency!.Number,
                db.Territories.Where(x => x.Id == b.DistrictId).Select(x => x.NameEn).First(),
                db.Territories.Where(x => x.Id == b.DistrictId).Select(x => x.NameHi).First()))
            .SingleOrDefaultAsync(ct);

    public sealed record BoothOption(int Id, int AcNumber, string AcNameEn, string AcNameHi, int PartNumber, string NameEn, string NameHi)
    {
        public string Label => $"{AcNumber}/{PartNumber} – {Localization.Pick(NameEn, NameHi)} ({Localization.Pick(AcNameEn, AcNameHi)})";
    }

    /// <summary>
    /// Booths in the user's scope matching a search: "152/12" (constituency/part), a part number, or part of a name
    /// in either script.
    /// </summary>
    public static async Task<List<BoothOption>> SearchBoothsAsync(this AppDbContext db, ClaimsPrincipal user, string? query, int take, CancellationToken ct)
    {
        var term = (query ?? "").Trim();
        if (term.Length == 0) return [];
        var booths = db.Territories.AsNoTracking().InScope(user).Where(t => t.Level == TerritoryLevel.Booth);
        var parts = term.Split('/', '-', ' ');
        if (parts.Length == 2 && int.TryParse(parts[0], out var ac) && int.TryParse(parts[1], out var part))
            booths = booths.Where(t => t.AssemblyConstituency!.Number == ac && t.PartNumber == part);
        else if (int.TryParse(term, out var n))
            booths = booths.Where(t => t.PartNumber == n);
        else
        {
            if (term.Length > 100) term = term[..100];
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            booths = booths.Where(t => EF.Functions.ILike(t.NameEn, pattern) || EF.Functions.ILike(t.NameHi, pattern));
        }
        return await booths.OrderBy(t => t.AssemblyConstituency!.Number).ThenBy(t => t.PartNumber).Take(take)
            .Select(t => new BoothOption(t.Id, t.AssemblyConstituency!.Number, t.AssemblyConstituency.NameEn, t.AssemblyConstituency.NameHi,
                t.PartNumber ?? 0, t.NameEn, t.NameHi))
            .ToListAsync(ct);
    }

    public static Task<BoothOption?> BoothOptionAsync(this AppDbContext db, ClaimsPrincipal user, int id, CancellationToken ct) =>
        db.Territories.AsNoTracking().InScope(user).Where(t => t.Id == id && t.Level == TerritoryLevel.Booth)
            .Select(t => new BoothOption(t.Id, t.AssemblyConstituency!.Number, t.AssemblyConstituency.NameEn, t.AssemblyConstituency.NameHi,
                t.PartNumber ?? 0, t.NameEn, t.NameHi))
            .SingleOrDefaultAsync(ct);

    /// <summary>Enrolled, verified and rejected members and the target of one territory (or one of its children).</summary>
    public sealed record ProgressRow(int Id, TerritoryLevel Level, string NameEn, string NameHi, long Enrolled, long Verified, long Rejected, long? Target)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
        /// <summary>Per cent of the target, when there is one.</summary>
        public double? Percent => Target is > 0 ? Enrolled * 100.0 / Target.Value : null;
    }

    private sealed record Sum(int Key, long Enrolled, long Verified, long Rejected);

    /// <summary>The per-booth summary rows below a territory of a drive, in the user's scope (a block's booths).</summary>
    private static IQueryable<MemberBoothCount> BoothCountsIn(AppDbContext db, ClaimsPrincipal user, int driveId, Territory t) =>
        db.MemberBoothCounts.AsNoTracking().InScope(user).Where(c => c.DriveId == driveId).Under(t);

    /// <summary>
    /// The per-block-and-month summary rows below a territory (state, division, district or block) of a drive, in the
    /// user's scope: a few thousand rows for a state where its booths' are a lakh and more.
    /// </summary>
    private static IQueryable<MemberMonthCount> MonthCountsIn(AppDbContext db, ClaimsPrincipal user, int driveId, Territory t) =>
        db.MemberMonthCounts.AsNoTracking().InScope(user).Where(c => c.DriveId == driveId).Under(t);

    private static IQueryable<MemberDailyCount> DailyCountsIn(AppDbContext db, ClaimsPrincipal user, int driveId, Territory t) =>
        db.MemberDailyCounts.AsNoTracking().InScope(user).Where(c => c.DriveId == driveId).Under(t);

    /// <summary>District targets (or block targets for a block) that add up to a territory's target.</summary>
    private static IQueryable<DriveTarget> TargetsIn(AppDbContext db, ClaimsPrincipal user, int driveId, Territory t)
    {
        // A district's and a block's own target rows carry their id in DistrictId and BlockId (DriveTarget.For).
        var level = t.Level == TerritoryLevel.Block ? TerritoryLevel.Block : TerritoryLevel.District;
        return t.Level <= TerritoryLevel.Block
            ? db.DriveTargets.AsNoTracking().InScope(user).Where(x => x.DriveId == driveId && x.Level == level).Under(t)
            : db.DriveTargets.Where(_ => false);
    }

    /// <summary>The territory's own figures.</summary>
    public static async Task<ProgressRow> TotalAsync(this AppDbContext db, ClaimsPrincipal user, int driveId, Territory t, CancellationToken ct)
    {
        var sums = await MonthCountsIn(db, user, driveId, t)
            .GroupBy(_ => 1)
            .Select(g => new Sum(0, g.Sum(c => (long)c.Enrolled), g.Sum(c => (long)c.Verified), g.Sum(c => (long)c.Rejected)))
            .SingleOrDefaultAsync(ct) ?? new Sum(0, 0, 0, 0);
        var targets = TargetsIn(db, user, driveId, t);
        long? target = await targets.AnyAsync(ct) ? await targets.SumAsync(x => (long)x.Target, ct) : null;
        return new ProgressRow(t.Id, t.Level, t.NameEn, t.NameHi, sums.Enrolled, sums.Verified, sums.Rejected, target);
    }

    /// <summary>
    /// The figures of each child of a territory (divisions of a state, districts of a division, blocks of a district,
    /// booths of a block), including children with no members yet. Booths are paged.
    /// </summary>
    public static async Task<(List<ProgressRow> Rows, int Total)> ChildrenAsync(this AppDbContext db, ClaimsPrincipal user, int driveId, Territory t,
        int page, int pageSize, CancellationToken ct)
    {
        var childLevel = t.Level switch
        {
            TerritoryLevel.State => TerritoryLevel.Division,
            TerritoryLevel.Division => TerritoryLevel.District,
            TerritoryLevel.District => TerritoryLevel.Block,
            TerritoryLevel.Block => TerritoryLevel.Booth,
            _ => (TerritoryLevel?)null,
        };
        if (childLevel is not { } level) return ([], 0);
        var children = db.Territories.AsNoTracking().InScope(user).Where(c => c.ParentId == t.Id && c.Level == level);
        var total = await children.CountAsync(ct);
        var ordered = level == TerritoryLevel.Booth
            ? children.OrderBy(c => c.AssemblyConstituency!.Number).ThenBy(c => c.PartNumber)
            : children.OrderBy(c => c.NameEn);
        var names = await ordered.Skip(Paging.Offset(page, pageSize)).Take(pageSize)
            .Select(c => new { c.Id, c.NameEn, c.NameHi, c.PartNumber, Ac = (int?)c.AssemblyConstituency!.Number })
            .ToListAsync(ct);
        var ids = names.Select(n => n.Id).ToList();

        var counts = MonthCountsIn(db, user, driveId, t);
        IQueryable<Sum> sums = level switch
        {
            TerritoryLevel.Division => counts.GroupBy(c => c.DivisionId!.Value).Select(g => new Sum(g.Key, g.Sum(c => (long)c.Enrolled), g.Sum(c => (long)c.Verified), g.Sum(c => (long)c.Rejected))),
            TerritoryLevel.District => counts.GroupBy(c => c.DistrictId!.Value).Select(g => new Sum(g.Key, g.Sum(c => (long)c.Enrolled), g.Sum(c => (long)c.Verified), g.Sum(c => (long)c.Rejected))),
            TerritoryLevel.Block => counts.GroupBy(c => c.BlockId).Select(g => new Sum(g.Key, g.Sum(c => (long)c.Enrolled), g.Sum(c => (long)c.Verified), g.Sum(c => (long)c.Rejected))),
            _ => BoothCountsIn(db, user, driveId, t).Where(c => ids.Contains(c.BoothId)).Select(c => new Sum(c.BoothId, c.Enrolled, c.Verified, c.Rejected)),
        };
        var byChild = await sums.ToDictionaryAsync(s => s.Key, ct);

        var targets = db.DriveTargets.AsNoTracking().InScope(user).Where(x => x.DriveId == driveId);
        Dictionary<int, long> targetByChild = level switch
        {
            TerritoryLevel.Division => await targets.Where(x => x.Level == TerritoryLevel.District).Under(t)
                .GroupBy(x => x.DivisionId!.Value).Select(g => new { g.Key, Sum = g.Sum(x => (long)x.Target) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct),
            TerritoryLevel.District or TerritoryLevel.Block => await targets.Where(x => x.Level == level && ids.Contains(x.TerritoryId))
                .ToDictionaryAsync(x => x.TerritoryId, x => (long)x.Target, ct),
            _ => [],
        };

        var rows = names.Select(n =>
        {
            var s = byChild.GetValueOrDefault(n.Id);
            var nameEn = level == TerritoryLevel.Booth ? $"{n.Ac}/{n.PartNumber} {n.NameEn}" : n.NameEn;
            var nameHi = level == TerritoryLevel.Booth ? $"{n.Ac}/{n.PartNumber} {n.NameHi}" : n.NameHi;
            return new ProgressRow(n.Id, level, nameEn, nameHi, s?.Enrolled ?? 0, s?.Verified ?? 0, s?.Rejected ?? 0,
                targetByChild.TryGetValue(n.Id, out var target) ? target : null);
        }).ToList();
        return (rows, total);
    }

    /// <summary>Districts of a state or division ranked by share of target reached, then by members enrolled.</summary>
    public static async Task<List<ProgressRow>> LeaderboardAsync(this AppDbContext db, ClaimsPrincipal user, int driveId, Territory t, CancellationToken ct)
    {
        if (t.Level is not (TerritoryLevel.State or TerritoryLevel.Division)) return [];
        var districts = await db.Territories.AsNoTracking().InScope(user)
            .Where(d => d.Level == TerritoryLevel.District).Below(t)
            .Select(d => new { d.Id, d.NameEn, d.NameHi }).ToListAsync(ct);
        var sums = await MonthCountsIn(db, user, driveId, t).GroupBy(c => c.DistrictId!.Value)
            .Select(g => new Sum(g.Key, g.Sum(c => (long)c.Enrolled), g.Sum(c => (long)c.Verified), g.Sum(c => (long)c.Rejected)))
            .ToDictionaryAsync(s => s.Key, ct);
        var targets = await TargetsIn(db, user, driveId, t).ToDictionaryAsync(x => x.TerritoryId, x => (long)x.Target, ct);
        return districts
            .Select(d =>
            {
                var s = sums.GetValueOrDefault(d.Id);
                return new ProgressRow(d.Id, TerritoryLevel.District, d.NameEn, d.NameHi, s?.Enrolled ?? 0, s?.Verified ?? 0, s?.Rejected ?? 0,
                    targets.TryGetValue(d.Id, out var target) ? target : null);
            })
            .OrderByDescending(r => r.Percent ?? -1).ThenByDescending(r => r.Enrolled).ThenBy(r => r.NameEn)
            .ToList();
    }

    /// <summary>Members enrolled per day (by the date of enrolment) in a territory.</summary>
    public static async Task<List<(DateOnly Day, long Enrolled)>> DailyAsync(this AppDbContext db, ClaimsPrincipal user, int driveId, Territory t, CancellationToken ct)
    {
        var rows = await DailyCountsIn(db, user, driveId, t).GroupBy(c => c.Day)
            .Select(g => new { Day = g.Key, Enrolled = g.Sum(c => (long)c.Enrolled) })
            .OrderBy(x => x.Day).ToListAsync(ct);
        return rows.Select(r => (r.Day, r.Enrolled)).ToList();
    }
}
