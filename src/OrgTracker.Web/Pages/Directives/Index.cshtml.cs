using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Directives;

/// <summary>
/// The directives the user may see, latest first, each with how the units of the user's scope stand on it (sent,
/// answered, overdue); for a district president first the directives their district and blocks still have to
/// answer or complete.
/// </summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public sealed record Line(DirectiveRow Directive, int Sent, int Answered, int Overdue);

    public List<Line> Rows { get; private set; } = [];
    public List<(TargetRow Target, string Text)> ToAnswer { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int p, CancellationToken ct)
    {
        Today = clock.TodayInIndia();
        var today = Today;
        var visible = db.Visible(User).AsNoTracking();
        Total = await visible.CountAsync(ct);
        PageCount = Paging.PageCount(Total, PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        var page = await visible.OrderByDescending(d => d.IssuedUtc).ThenByDescending(d => d.Id)
            .Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize).Rows().ToListAsync(ct);
        var ids = page.Select(d => d.Id).ToList();
        var counts = await db.DirectiveTargets.AsNoTracking().InScope(User).Where(x => ids.Contains(x.DirectiveId))
            .GroupBy(x => x.DirectiveId)
            .Select(g => new
            {
                g.Key, Sent = g.Count(), Answered = g.Count(x => x.LatestStatus != null),
                Overdue = g.Count(x => x.Directive!.DueOn < today && (x.LatestStatus == null || x.LatestStatus != ComplianceStatus.Done)),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        Rows = page.Select(d => counts.GetValueOrDefault(d.Id) is { } c ? new Line(d, c.Sent, c.Answered, c.Overdue) : new Line(d, 0, 0, 0)).ToList();

        if (User.Can(Capability.AnswerDirectives))
        {
            var open = await db.DirectiveTargets.AsNoTracking().InScope(User)
                .Where(x => x.LatestStatus == null || x.LatestStatus != ComplianceStatus.Done)
                .OrderBy(x => x.Directive!.DueOn).ThenBy(x => x.Level).Take(50)
                .Select(x => new { Row = new TargetRow(x.Id, x.DirectiveId, x.TerritoryId, x.Level, x.Territory!.NameEn, x.Territory.NameHi, x.DivisionId,
                    x.ParentTargetId, x.AcknowledgedUtc, x.LatestStatus, x.AnsweredUtc, x.Directive!.DueOn), x.Directive.TextEn, x.Directive.TextHi })
                .ToListAsync(ct);
            ToAnswer = open.Select(o => (o.Row, DirectiveText.Shorten(Directive.Text(o.TextEn, o.TextHi), 120))).ToList();
        }
        return Page();
    }
}
