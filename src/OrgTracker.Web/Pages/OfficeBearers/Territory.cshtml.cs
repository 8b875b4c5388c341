using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>A territory's office-bearers: current holders by wing and post with vacancies, committees, and the history.</summary>
public class TerritoryModel(ReadDb db) : PageModel
{
    public const int HistorySize = 50;

    public Territory Territory { get; private set; } = null!;
    public List<TerritoryRef> Breadcrumb { get; private set; } = [];
    public List<WingGroup> Wings { get; private set; } = [];
    public List<Holder> History { get; private set; } = [];
    public List<CommitteeRow> Committees { get; private set; } = [];
    public bool CanAppoint { get; private set; }

    public sealed record Holder(int Id, int PersonId, string NameEn, string NameHi, string Mobile, int PostId, string PostEn, string PostHi,
        int WingId, DateOnly From, DateOnly? To, AppointmentEnd? EndReason, DateOnly? InactiveSince, string? InactiveReason, string? CommitteeEn, string? CommitteeHi);

    public sealed record PostGroup(Post Post, int? Sanctioned, List<Holder> Holders)
    {
        public int Vacancies => Sanctioned is { } s ? Math.Max(0, s - Holders.Count) : 0;
    }

    public sealed record WingGroup(Wing Wing, List<PostGroup> Posts);

    public sealed record CommitteeRow(int Id, CommitteeKind Kind, string NameEn, string NameHi, DateOnly FormedOn, int Members);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var territory = await db.FindInScopeAsync(User, id, ct);
        if (territory is null) return NotFound();
        Territory = territory;
        Breadcrumb = await db.BreadcrumbAsync(User, territory, ct);
        CanAppoint = User.Can(Capability.KeepOfficeBearers);

        var posts = await db.Posts.AsNoTracking().Where(p => p.Level == territory.Level).OrderBy(p => p.SortOrder).ToListAsync(ct);
        var wings = await db.Wings.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync(ct);
        var holders = await db.Appointments.AsNoTracking().Where(a => a.TerritoryId == id && a.To == null)
            .OrderBy(a => a.From).Select(OfficeBearerQueries.ToHolder).ToListAsync(ct);
        History = await db.Appointments.AsNoTracking().Where(a => a.TerritoryId == id && a.To != null)
            .OrderByDescending(a => a.To).ThenByDescending(a => a.Id).Take(HistorySize).Select(OfficeBearerQueries.ToHolder).ToListAsync(ct);

        // The main organisation shows every post of the level, so vacancies show; other wings show the posts they fill.
        foreach (var wing in wings)
        {
            var groups = posts
                .Select(p => new PostGroup(p, p.Sanctioned, holders.Where(h => h.PostId == p.Id && h.WingId == wing.Id).ToList()))
                .Where(g => g.Holders.Count > 0 || (wing.Kind == WingKind.Main && g.Sanctioned is not null))
                .ToList();
            if (groups.Count > 0) Wings.Add(new WingGroup(wing, groups));
        }

        Committees = await db.Committees.AsNoTracking().Where(c => c.TerritoryId == id && c.DissolvedOn == null)
            .OrderBy(c => c.Kind).ThenBy(c => c.NameEn)
            .Select(c => new CommitteeRow(c.Id, c.Kind, c.NameEn, c.NameHi, c.FormedOn,
                db.Appointments.Count(a => a.CommitteeId == c.Id && a.To == null)))
            .ToListAsync(ct);
        return Page();
    }
}
