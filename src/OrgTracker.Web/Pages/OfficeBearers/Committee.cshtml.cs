using System.ComponentModel.DataAnnotations;
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

/// <summary>A committee (a named set of appointments at a territory): form one (<c>?territory=</c>), or see and dissolve one.</summary>
public class CommitteeModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L) : PageModel
{
    public Committee? Committee { get; private set; }
    public Territory Territory { get; private set; } = null!;
    public List<TerritoryModel.Holder> Members { get; private set; } = [];
    public CommitteeKind[] Kinds { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [BindProperty] public InputModel Input { get; set; } = new() { FormedOn = clock.TodayInIndia() };

    public class InputModel
    {
        [Display(Name = "Kind")] public CommitteeKind Kind { get; set; }
        [Required(ErrorMessage = "Enter the name in English.")][StringLength(200, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Name (English)")] public string NameEn { get; set; } = "";
        [Required(ErrorMessage = "Enter the name in Hindi.")][StringLength(200, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Name (Hindi)")] public string NameHi { get; set; } = "";
        [Display(Name = "Formed on")] public DateOnly FormedOn { get; set; }
        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? territory, CancellationToken ct)
    {
        if (await LoadAsync(id, territory, ct) is { } failure) return failure;
        if (Committee is null && Kinds.Length > 0)
        {
            Input.Kind = Kinds[0];
            Input.NameEn = OfficeBearerQueries.CommitteeKindKey(Kinds[0]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? territory, CancellationToken ct)
    {
        if (await LoadAsync(id, territory, ct) is { } failure) return failure;
        if (Committee is not null || !CanEdit) return Forbid();
        if (!Kinds.Contains(Input.Kind)) ModelState.AddModelError("Input.Kind", L["This kind of committee is not formed at this level."]);
        if (Input.FormedOn > clock.TodayInIndia()) ModelState.AddModelError("Input.FormedOn", L["The date cannot be in the future."]);
        if (!ModelState.IsValid) return Page();
        var committee = new Committee
        {
            TerritoryId = Territory.Id, StateId = Territory.StateId, Kind = Input.Kind,
            DivisionId = Territory.Level == TerritoryLevel.Division ? Territory.Id : Territory.DivisionId,
            DistrictId = Territory.Level == TerritoryLevel.District ? Territory.Id : Territory.DistrictId,
            BlockId = Territory.Level == TerritoryLevel.Block ? Territory.Id : Territory.BlockId,
            NameEn = Input.NameEn.Trim(), NameHi = Input.NameHi.Trim(), FormedOn = Input.FormedOn,
        };
        db.Committees.Add(committee);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id = committee.Id, territory = (int?)null });
    }

    public async Task<IActionResult> OnPostDissolveAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, null, ct) is { } failure) return failure;
        if (Committee is null || !CanEdit || Committee.DissolvedOn is not null) return Forbid();
        var today = clock.TodayInIndia();
        db.Entry(Committee).Property(c => c.Version).OriginalValue = Input.Version;
        Committee.DissolvedOn = today;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var conflict = await conflicts.ShowAsync(this, e, ct);
            ModelState.Remove("Input.Version");
            if (conflict.CurrentVersion is { } version) Input.Version = version;
            return Page();
        }
        return RedirectToPage("/OfficeBearers/Territory", new { id = Territory.Id });
    }

    private async Task<IActionResult?> LoadAsync(int? id, int? territoryId, CancellationToken ct)
    {
        if (id is { } committeeId)
        {
            Committee = await db.Committees.InScope(User).SingleOrDefaultAsync(c => c.Id == committeeId, ct);
            if (Committee is null) return NotFound();
            territoryId = Committee.TerritoryId;
            Members = await db.Appointments.AsNoTracking().Where(a => a.CommitteeId == committeeId && a.To == null)
                .OrderBy(a => a.PostId).ThenBy(a => a.From).Select(OfficeBearerQueries.ToHolder).ToListAsync(ct);
            if (!HttpMethods.IsPost(Request.Method)) Input.Version = Committee.Version;
        }
        if (territoryId is null) return NotFound();
        var territory = await db.Territories.AsNoTracking().InScope(User).SingleOrDefaultAsync(t => t.Id == territoryId, ct);
        if (territory is null) return NotFound();
        Territory = territory;
        Kinds = OfficeBearerQueries.CommitteeKindsFor(territory.Level);
        CanEdit = (await auth.AuthorizeAsync(User, territory, Operations.Create)).Succeeded;
        return null;
    }
}
