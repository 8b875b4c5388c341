using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Directives;

/// <summary>
/// The compliance grid (अनुपालन): units × directives for a territory of the user's scope (their own by default),
/// each cell the unit's latest answer, red when the unit is silent or the directive overdue; above it the same
/// figures rolled up by child unit (divisions of a state, districts of a division, blocks of a district), each
/// linking to its own grid. The units are those that answer to the territory directly
/// (<see cref="DirectiveCounts.CountedAt"/>). Export: one row per unit and directive, CSV or Excel.
/// </summary>
public class GridModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int Columns = 8;

    public Territory Place { get; private set; } = null!;
    public List<TerritoryRef> Breadcrumb { get; private set; } = [];
    public List<DirectiveRow> Directives { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public Dictionary<(int Unit, int Directive), TargetRow> Cells { get; private set; } = [];
    public List<RollUp> ByChild { get; private set; } = [];
    public RollUp Total { get; private set; } = new(0, "", "", null);
    public DateOnly Today { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public int DirectiveCount { get; private set; }

    public sealed record Unit(int Id, string NameEn, string NameHi, TerritoryLevel Level)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
    }

    /// <summary>The figures of a child unit (or the whole territory): targets sent, answered, done, silent and overdue.</summary>
    public sealed class RollUp(int id, string nameEn, string nameHi, TerritoryLevel? level)
    {
        public int Id { get; } = id;
        public string Name => Localization.Pick(nameEn, nameHi);
        public TerritoryLevel? Level { get; } = level;
        public int Sent { get; set; }
        public int Answered { get; set; }
        public int Done { get; set; }
        public int Silent => Sent - Answered;
        public int Overdue { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? territory, int p, string? export, CancellationToken ct)
    {
        Today = clock.TodayInIndia();
        var place = await db.FindInScopeAsync(User, territory ?? UserScope.Required(User).TerritoryId, ct);
        if (place is null || place.Level > TerritoryLevel.Block) return NotFound();
        Place = place;
        Breadcrumb = await db.BreadcrumbAsync(User, place, ct);
        var targets = db.DirectiveTargets.AsNoTracking().InScope(User).CountedAt(place);

        if (Tabular.IsFormat(export))
        {
            var all = await targets.Rows().ToListAsync(ct);
            var texts = await db.Directives.AsNoTracking().Where(d => targets.Any(x => x.DirectiveId == d.Id)).Rows().ToDictionaryAsync(d => d.Id, ct);
            return Tabular.Export(export, "directive-compliance",
                [L["Directive no."], L["Directive"], L["Due on"], L["Unit"], L["Level"], L["Acknowledged"], L["Compliance"], L["Answered on"], L["Overdue"]],
                all.OrderByDescending(t => t.DirectiveId).ThenBy(t => t.Level).ThenBy(t => t.NameEn).Select(t => new object?[]
                {
                    t.DirectiveId, texts[t.DirectiveId].Text, Localization.Date(t.DueOn), t.Name, L[Localization.LevelKey(t.Level)].Value,
                    t.AcknowledgedUtc is { } a ? Localization.Date(IndiaTime.Day(a)) : null, L[DirectiveText.StatusKey(t.LatestStatus)].Value,
                    t.AnsweredUtc is { } at ? Localization.Date(IndiaTime.Day(at)) : null, t.Overdue(Today) ? L["Yes"].Value : L["No"].Value,
                }));
        }

        var withTargets = db.Directives.AsNoTracking().Where(d => targets.Any(x => x.DirectiveId == d.Id));
        DirectiveCount = await withTargets.CountAsync(ct);
        PageCount = Paging.PageCount(DirectiveCount, Columns);
        PageNumber = Math.Clamp(p, 1, PageCount);
        Directives = await withTargets.OrderByDescending(d => d.IssuedUtc).ThenByDescending(d => d.Id)
            .Skip(Paging.Offset(PageNumber, Columns)).Take(Columns).Rows().ToListAsync(ct);
        var ids = Directives.Select(d => d.Id).ToList();
        var cells = await targets.Where(x => ids.Contains(x.DirectiveId)).Rows().ToListAsync(ct);
        Cells = cells.ToDictionary(c => (c.TerritoryId, c.DirectiveId));
        Units = cells.Select(c => new Unit(c.TerritoryId, c.NameEn, c.NameHi, c.Level)).Distinct()
            .OrderBy(u => u.Level).ThenBy(u => u.NameEn).ToList();

        await RollUpAsync(targets, ct);
        return Page();
    }

    /// <summary>Every directive's targets of the territory, by child unit.</summary>
    private async Task RollUpAsync(IQueryable<DirectiveTarget> targets, CancellationToken ct)
    {
        var today = Today;
        var rows = await targets.Select(x => new { x.DivisionId, x.DistrictId, x.BlockId, x.LatestStatus, x.Directive!.DueOn }).ToListAsync(ct);
        var childLevel = Place.Level switch
        {
            TerritoryLevel.State => TerritoryLevel.Division,
            TerritoryLevel.Division => TerritoryLevel.District,
            TerritoryLevel.District => TerritoryLevel.Block,
            _ => (TerritoryLevel?)null,
        };
        var children = childLevel is { } level
            ? await db.Territories.AsNoTracking().Where(t => t.ParentId == Place.Id && t.Level == level).OrderBy(t => t.NameEn)
                .Select(t => new RollUp(t.Id, t.NameEn, t.NameHi, t.Level)).ToListAsync(ct)
            : [];
        var byId = children.ToDictionary(c => c.Id);
        Total = new RollUp(Place.Id, Place.NameEn, Place.NameHi, Place.Level);
        RollUp? own = null;
        foreach (var r in rows)
        {
            var key = childLevel switch
            {
                TerritoryLevel.Division => r.DivisionId,
                TerritoryLevel.District => r.DistrictId,
                TerritoryLevel.Block => r.BlockId,
                _ => null,
            };
            var child = key is { } k && byId.TryGetValue(k, out var c) ? c : childLevel is null ? null : own ??= new RollUp(Place.Id, Place.NameEn, Place.NameHi, Place.Level);
            foreach (var u in child is null ? [Total] : new[] { Total, child })
            {
                u.Sent++;
                if (r.LatestStatus is not null) u.Answered++;
                if (r.LatestStatus == ComplianceStatus.Done) u.Done++;
                if (Directive.IsOverdue(r.DueOn, r.LatestStatus, today)) u.Overdue++;
            }
        }
        ByChild = (own is null ? children : children.Prepend(own)).Where(c => c.Sent > 0).ToList();
    }

    public static string Pct(int part, int whole) => whole == 0 ? "–" : (100.0 * part / whole).ToString("0", CultureInfo.CurrentCulture) + "%";
}
