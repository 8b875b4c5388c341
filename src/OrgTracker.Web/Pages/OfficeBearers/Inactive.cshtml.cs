using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>Office-bearers flagged inactive, district by district, with who replaced them; filterable and exportable.</summary>
public class InactiveModel(ReadDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? District { get; set; }
    [BindProperty(SupportsGet = true)] public int? Wing { get; set; }
    /// <summary>open (the default), replaced or all. Nullable: a query without it is not a missing required value,
    /// which made the other filters invalid (the district was dropped).</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public List<DistrictCount> ByDistrict { get; private set; } = [];
    public List<SelectListItem> Districts { get; private set; } = [];
    public List<SelectListItem> Wings { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(int Id, int? DistrictId, string? DistrictEn, string? DistrictHi, string TerritoryEn, string TerritoryHi,
        string PostEn, string PostHi, string WingEn, string WingHi, string PersonEn, string PersonHi, string Mobile,
        DateOnly Since, string? Reason, DateOnly? To, int? SuccessorId, string? SuccessorEn, string? SuccessorHi);

    public sealed record DistrictCount(int? DistrictId, string? En, string? Hi, int Open, int Replaced);

    public async Task<IActionResult> OnGetAsync(string? export, CancellationToken ct)
    {
        if (!ModelState.IsValid) { District = null; Wing = null; PageNumber = 1; }
        Status = Status is "replaced" or "all" ? Status : "open";
        var flagged = db.Appointments.AsNoTracking().InScope(User).Where(a => a.InactiveSince != null);

        // The districts' counts with their names, in one statement. State-level office-bearers have no district; they come first.
        ByDistrict = (await (
                from c in flagged.GroupBy(a => a.DistrictId)
                    .Select(g => new { DistrictId = g.Key, Open = g.Count(a => a.To == null), Replaced = g.Count(a => a.To != null) })
                join t in db.Territories.AsNoTracking() on c.DistrictId equals t.Id into named
                from t in named.DefaultIfEmpty()
                select new DistrictCount(c.DistrictId, t == null ? null : t.NameEn, t == null ? null : t.NameHi, c.Open, c.Replaced))
                .ToListAsync(ct))
            .OrderBy(c => c.DistrictId is not null).ThenByDescending(c => c.Open).ThenBy(c => c.En, StringComparer.Ordinal).ToList();
        // The list's total from those counts, unless a wing is chosen (the counts are of all wings).
        int? total = Wing is null
            ? ByDistrict.Where(c => District is not { } chosen || c.DistrictId == chosen)
                .Sum(c => Status switch { "replaced" => c.Replaced, "all" => c.Open + c.Replaced, _ => c.Open })
            : null;

        if (District is { } d) flagged = flagged.Under(TerritoryLevel.District, d);
        if (Wing is { } w) flagged = flagged.Where(a => a.WingId == w);
        flagged = Status switch
        {
            "replaced" => flagged.Where(a => a.To != null),
            "all" => flagged,
            _ => flagged.Where(a => a.To == null),
        };
        var rows = flagged.OrderBy(a => a.DistrictId).ThenByDescending(a => a.InactiveSince).ThenBy(a => a.Id)
            .Select(a => new Row(a.Id, a.DistrictId,
                db.Territories.Where(t => t.Id == a.DistrictId).Select(t => t.NameEn).FirstOrDefault(),
                db.Territories.Where(t => t.Id == a.DistrictId).Select(t => t.NameHi).FirstOrDefault(),
                a.Territory!.NameEn, a.Territory.NameHi, a.Post!.NameEn, a.Post.NameHi, a.Wing!.NameEn, a.Wing.NameHi,
                a.Person!.NameEn, a.Person.NameHi, a.Person.Mobile, a.InactiveSince!.Value, a.InactiveReason, a.To, a.SuccessorId,
                db.Appointments.Where(s => s.Id == a.SuccessorId).Select(s => s.Person!.NameEn).FirstOrDefault(),
                db.Appointments.Where(s => s.Id == a.SuccessorId).Select(s => s.Person!.NameHi).FirstOrDefault()));

        if (Tabular.IsFormat(export))
            return Tabular.Export(export, "inactive-office-bearers",
                [L["District"], L["Territory"], L["Post"], L["Wing"], L["Name"], L["Mobile"], L["Inactive since"], L["Reason"], L["Replaced by"]],
                rows.Take(Tabular.MaxRows).AsAsyncEnumerable().Select(r => new object?[] { Localization.Pick(r.DistrictEn ?? "", r.DistrictHi ?? ""), Localization.Pick(r.TerritoryEn, r.TerritoryHi),
                    Localization.Pick(r.PostEn, r.PostHi), Localization.Pick(r.WingEn, r.WingHi), Localization.Pick(r.PersonEn, r.PersonHi),
                    r.Mobile, r.Since, r.Reason, r.SuccessorEn is null ? null : Localization.Pick(r.SuccessorEn, r.SuccessorHi ?? "") }));

        Total = total ?? await flagged.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await rows.Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize).ToListAsync(ct);
        Districts = await db.Territories.AsNoTracking().InScope(User).Where(t => t.Level == TerritoryLevel.District)
            .OrderBy(t => t.NameEn).Select(t => new SelectListItem(Localization.Pick(t.NameEn, t.NameHi), t.Id.ToString())).ToListAsync(ct);
        Wings = await db.Wings.AsNoTracking().OrderBy(x => x.SortOrder)
            .Select(x => new SelectListItem(Localization.Pick(x.NameEn, x.NameHi), x.Id.ToString())).ToListAsync(ct);
        return Page();
    }
}
