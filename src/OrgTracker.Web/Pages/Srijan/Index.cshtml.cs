using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Srijan;

/// <summary>
/// The Sangathan Srijan board (संगठन सृजन अभियान): every district of the user's scope in the state's latest campaign,
/// its stage and the days it has been there (India's days), counts per stage above, filter by stage, pages, CSV/Excel.
/// A state user starts a campaign (every district of the state, awaiting observers).
/// </summary>
public class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 25;

    public SrijanCampaign? Campaign { get; private set; }
    public Dictionary<SrijanStage, int> Counts { get; private set; } = [];
    public int Total { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public SrijanStage? Stage { get; private set; }
    public DateOnly Today { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public int Shown { get; private set; }
    /// <summary>A new campaign may be started: none yet, or every district of the last one has its president.</summary>
    public bool MayStart => User.Can(Capability.RunCampaign) && (Campaign is null || Total == Counts.GetValueOrDefault(SrijanStage.Appointed));

    public sealed record Row(int Id, string NameEn, string NameHi, string DivisionEn, string DivisionHi, SrijanStage Stage, DateTime StageSinceUtc,
        int Observers, int Consultations)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
        public string Division => Localization.Pick(DivisionEn, DivisionHi);
        public int Days(DateOnly today) => Math.Max(0, today.DayNumber - IndiaTime.Day(StageSinceUtc).DayNumber);
    }

    public async Task<IActionResult> OnGetAsync(SrijanStage? stage, int p, string? export, CancellationToken ct)
    {
        Today = clock.TodayInIndia();
        Campaign = await db.CampaignAsync(User, ct);
        if (Campaign is null) return Page();
        Stage = stage is { } s && Enum.IsDefined(s) ? s : null;
        var districts = db.SrijanDistricts.AsNoTracking().InScope(User).Where(d => d.CampaignId == Campaign.Id);
        Counts = await districts.GroupBy(d => d.Stage).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        Total = Counts.Values.Sum();
        var shown = Stage is { } only ? districts.Where(d => d.Stage == only) : districts;
        var rows = shown.OrderBy(d => d.Territory!.NameEn).Select(d => new Row(d.Id, d.Territory!.NameEn, d.Territory.NameHi,
            db.Territories.Where(t => t.Id == d.DivisionId).Select(t => t.NameEn).FirstOrDefault() ?? "",
            db.Territories.Where(t => t.Id == d.DivisionId).Select(t => t.NameHi).FirstOrDefault() ?? "",
            d.Stage, d.StageSinceUtc,
            db.SrijanObservers.Count(o => o.SrijanDistrictId == d.Id),
            db.SrijanConsultations.Count(c => c.SrijanDistrictId == d.Id)));

        if (Tabular.IsFormat(export))
        {
            var all = await rows.ToListAsync(ct);
            var today = Today;
            return Tabular.Export(export, "sangathan-srijan",
                [L["District"], L["Division"], L["Stage"], L["Since"], L["Days in stage"], L["Observers"], L["Consultations"]],
                all.Select(r => new object?[]
                {
                    r.Name, r.Division, L[SrijanQueries.StageKey(r.Stage)].Value, Localization.Date(IndiaTime.Day(r.StageSinceUtc)), r.Days(today),
                    r.Observers, r.Consultations,
                }));
        }

        Shown = await shown.CountAsync(ct);
        PageCount = Paging.PageCount(Shown, PageSize);
        PageNumber = Math.Clamp(p, 1, PageCount);
        Rows = await rows.Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize).ToListAsync(ct);
        return Page();
    }

    /// <summary>Starts a campaign in the user's state: every district, awaiting observers. Refused while one is running.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (!User.Can(Capability.RunCampaign)) return Forbid();
        var scope = UserScope.Required(User);
        var state = await db.Territories.AsNoTracking().SingleOrDefaultAsync(t => t.Id == scope.StateId && t.Level == TerritoryLevel.State, ct);
        if (state is null) return NotFound();
        var running = await db.SrijanDistricts.AnyAsync(d => d.StateId == state.Id && d.Stage != SrijanStage.Appointed, ct);
        if (running)
        {
            ModelState.AddModelError("", L["A campaign is already running in this state."]);
            return await OnGetAsync(null, 1, null, ct);
        }
        var now = clock.UtcNow();
        var districts = await db.Territories.AsNoTracking().Where(t => t.StateId == state.Id && t.Level == TerritoryLevel.District).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var campaign = new SrijanCampaign
        {
            StateId = state.Id, NameEn = $"Sangathan Srijan Abhiyan {clock.TodayInIndia().Year}", NameHi = $"संगठन सृजन अभियान {clock.TodayInIndia().Year}",
            StartedOn = clock.TodayInIndia(), CreatedUtc = now, CreatedBy = User.Identity?.Name ?? "",
        };
        db.SrijanCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        foreach (var t in districts)
        {
            var d = new SrijanDistrict { CampaignId = campaign.Id, Stage = SrijanStage.AwaitingObservers, StageSinceUtc = now };
            d.PlaceAt(t);
            db.SrijanDistricts.Add(d);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RedirectToPage();
    }
}
