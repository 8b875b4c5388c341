using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>
/// Leaders who joined from another party and have no training recorded yet, in the user's scope, by district, with
/// their current posts; paged, and exportable as CSV or Excel. Recording a training on a person's page takes them off.
/// </summary>
public class TrainingModel(ReadDb db, IAuthorizationService auth, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "district")] public int? DistrictId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Districts with people needing training, and how many, for state and division roles.</summary>
    public List<DistrictCount> Districts { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public ILookup<int, PostHeld> Posts { get; private set; } = Array.Empty<PostHeld>().ToLookup(p => p.PersonId);
    public int Total { get; private set; }
    public bool CanWrite { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record DistrictCount(int Id, string NameEn, string NameHi, int Count)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
    }

    public sealed record Row(int Id, string NameEn, string NameHi, string Mobile, string FormerParty, DateOnly? JoinedOn,
        string? DistrictEn, string? DistrictHi)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
        public string District => DistrictEn is null ? "" : Localization.Pick(DistrictEn, DistrictHi ?? "");
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanWrite = await db.MayWriteAsync(auth, User, ct);
        // Each district's share of the list, in the list's order (district name, as the database sorts), and the people
        // with no district (they come last); a page then reads only the districts it falls in.
        List<(List<int?> Districts, int Count)> runs = [];
        int? total = null;
        if (UserScope.From(User) is { Level: < TerritoryLevel.District })
        {
            // The districts' counts with their names in one statement, as the database sorts the names; the list's total is their sum.
            var counts = await (
                from c in db.TrainingNeeds.AsNoTracking().InScope(User).GroupBy(n => n.DistrictId).Select(g => new { DistrictId = g.Key, Count = g.Count() })
                join t in db.Territories.AsNoTracking() on c.DistrictId equals t.Id into named
                from t in named.DefaultIfEmpty()
                orderby t.NameEn
                select new { c.DistrictId, c.Count, NameEn = t == null ? null : t.NameEn, NameHi = t == null ? null : t.NameHi })
                .ToListAsync(ct);
            Districts = counts.Where(c => c.DistrictId is not null)
                .Select(c => new DistrictCount(c.DistrictId!.Value, c.NameEn!, c.NameHi!, c.Count)).ToList();
            var none = counts.Where(c => c.DistrictId is null).Sum(c => c.Count);
            total = DistrictId is { } chosen ? counts.Where(c => c.DistrictId == chosen).Sum(c => c.Count) : counts.Sum(c => c.Count);
            // Districts of the same name sort together: one run.
            for (var i = 0; i < Districts.Count; i++)
                if (i > 0 && Districts[i - 1].NameEn == Districts[i].NameEn) runs[^1] = ([.. runs[^1].Districts, Districts[i].Id], runs[^1].Count + Districts[i].Count);
                else runs.Add(([Districts[i].Id], Districts[i].Count));
            if (none > 0) runs.Add(([null], none));
        }
        else DistrictId = null;

        Total = total ?? await Needs().CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var offset = Paging.Offset(PageNumber, PageSize);
        var needs = Needs();
        if (DistrictId is null && runs.Count > 0)
        {
            // The runs this page overlaps, and where in the first of them it starts.
            var (position, first, window) = (0, (int?)null, new List<int?>());
            foreach (var run in runs)
            {
                if (position + run.Count > offset && position < offset + PageSize)
                {
                    first ??= position;
                    window.AddRange(run.Districts);
                }
                position += run.Count;
            }
            needs = needs.Where(n => window.Contains(n.DistrictId));
            offset -= first ?? 0;
        }
        Rows = await Listed(Ordered(needs).Skip(offset).Take(PageSize)).ToListAsync(ct);
        Posts = await db.CurrentPostsAsync(User, Rows.Select(r => r.Id).ToList(), ct);
    }

    /// <summary>The whole list (not one page) with the current filter, as CSV or Excel.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (UserScope.From(User) is not { Level: < TerritoryLevel.District }) DistrictId = null;
        var rows = await Listed(Ordered(Needs())).ToListAsync(ct);
        string[] header =
        [
            L["Name (English)"], L["Name (Hindi)"], L["Mobile"], L["District"], L["Came from party"], L["Joined on"], L["Current posts"],
        ];
        return new TabularFile(Tabular.Parse(format), "training-needed", header, LinesAsync(rows, ct)) { SheetName = "Training" };
    }

    /// <summary>The rows with their current posts, looked up a thousand people at a time as the file is written.</summary>
    private async IAsyncEnumerable<object?[]> LinesAsync(List<Row> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(1000))
        {
            var posts = await db.CurrentPostsAsync(User, chunk.Select(r => r.Id).ToList(), ct);
            foreach (var r in chunk)
                yield return [r.NameEn, r.NameHi, r.Mobile, r.District, r.FormerParty, r.JoinedOn, string.Join("; ", posts[r.Id].Select(p => p.Text))];
        }
    }

    /// <summary>Came from another party, no training recorded (<see cref="TrainingNeed"/>), in the user's scope and the district chosen.</summary>
    private IQueryable<TrainingNeed> Needs()
    {
        var needs = db.TrainingNeeds.AsNoTracking().InScope(User);
        return DistrictId is { } districtId ? needs.Under(TerritoryLevel.District, districtId) : needs;
    }

    private sealed class Need
    {
        public int PersonId { get; init; }
        public int StateId { get; init; }
        public string NameEn { get; init; } = "";
        public string? DistrictEn { get; init; }
        public string? DistrictHi { get; init; }
    }

    /// <summary><see cref="Needs"/> by district name and name, from the needs' rows alone (with their district's name).</summary>
    private IQueryable<Need> Ordered(IQueryable<TrainingNeed> needs) =>
        from n in needs
        join d in db.Territories.AsNoTracking() on n.DistrictId equals d.Id into districts
        from d in districts.DefaultIfEmpty()
        orderby d.NameEn, n.NameEn, n.PersonId
        select new Need { PersonId = n.PersonId, StateId = n.StateId, NameEn = n.NameEn, DistrictEn = d.NameEn, DistrictHi = d.NameHi };

    /// <summary>The people of the needs given, in the same order: a page joins people for its own rows only.</summary>
    private IQueryable<Row> Listed(IQueryable<Need> needs) =>
        from n in needs
        join p in db.People.AsNoTracking() on new { Id = n.PersonId, n.StateId } equals new { p.Id, p.StateId }
        orderby n.DistrictEn, n.NameEn, n.PersonId
        select new Row(p.Id, p.NameEn, p.NameHi, p.Mobile, p.FormerParty!, p.JoinedOn, n.DistrictEn, n.DistrictHi);
}
