using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Reports;

/// <summary>The review queue: reports submitted or resubmitted and awaiting review, oldest submission first.</summary>
public class QueueModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<Row> Rows { get; private set; } = [];
    public DateTime NowUtc { get; private set; }

    public sealed record Row(int Id, DateOnly Period, int Revision, ReportStatus Status, DateTime? SubmittedUtc, string? SubmittedBy, bool OnBehalf,
        string DistrictEn, string DistrictHi, string DivisionEn, string DivisionHi)
    {
        public string District => Localization.Pick(DistrictEn, DistrictHi);
        public string Division => Localization.Pick(DivisionEn, DivisionHi);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var waiting = db.Reports.AsNoTracking().InScope(User)
            .Where(r => r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Resubmitted);
        Total = await waiting.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await waiting.OrderBy(r => r.LastSubmittedUtc).ThenBy(r => r.Id)
            .Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize)
            .Join(db.Territories, r => r.DistrictId, t => t.Id, (r, t) => new { r, t })
            .Join(db.Territories, x => x.r.DivisionId, d => d.Id, (x, d) => new Row(x.r.Id, x.r.Period, x.r.Revision, x.r.Status,
                x.r.LastSubmittedUtc, x.r.SubmittedByName, x.r.SubmittedOnBehalf, x.t.NameEn, x.t.NameHi, d.NameEn, d.NameHi))
            .ToListAsync(ct);
        // The joins keep the page's order in PostgreSQL only by chance; restore it.
        Rows = Rows.OrderBy(r => r.SubmittedUtc).ThenBy(r => r.Id).ToList();
        return Page();
    }
}
