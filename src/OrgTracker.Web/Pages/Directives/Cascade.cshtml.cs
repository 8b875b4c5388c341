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
/// Sends a directive a district received on to its blocks (all or chosen). Each block becomes a target of the same
/// directive beneath the district's, so the district's answer shows the blocks' answers under it. Blocks already
/// sent it are shown and not sent it twice.
/// </summary>
public class CascadeModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public DirectiveTarget Target { get; private set; } = null!;
    public List<IssueModel.TerritoryChoice> Blocks { get; private set; } = [];
    public HashSet<int> AlreadySent { get; private set; } = [];

    [BindProperty] public List<int> BlockIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        BlockIds = Blocks.Where(b => !AlreadySent.Contains(b.Id)).Select(b => b.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        var chosen = Blocks.Where(b => BlockIds.Contains(b.Id) && !AlreadySent.Contains(b.Id)).Select(b => b.Id).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(BlockIds), L["Choose the blocks to send it to."]);
            return Page();
        }
        var now = clock.UtcNow();
        foreach (var block in await db.Territories.Where(t => chosen.Contains(t.Id)).ToListAsync(ct))
        {
            var target = new DirectiveTarget { DirectiveId = Target.DirectiveId, ParentTargetId = Target.Id, CreatedUtc = now };
            target.PlaceAt(block);
            db.DirectiveTargets.Add(target);
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage("Details", new { id = Target.DirectiveId });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var target = await db.DirectiveTargets.AsNoTracking().InScope(User).Include(x => x.Directive).Include(x => x.Territory)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (target is null) return NotFound();
        // Only a district's target cascades, and only to the district's own blocks.
        if (target.Level != TerritoryLevel.District) return NotFound();
        Target = target;
        Blocks = await db.Territories.AsNoTracking().Where(t => t.ParentId == target.TerritoryId && t.Level == TerritoryLevel.Block)
            .OrderBy(t => t.NameEn).Select(t => new IssueModel.TerritoryChoice(t.Id, t.NameEn, t.NameHi, t.DivisionId)).ToListAsync(ct);
        AlreadySent = (await db.DirectiveTargets.AsNoTracking().Where(x => x.DirectiveId == target.DirectiveId && x.Level == TerritoryLevel.Block && x.DistrictId == target.TerritoryId)
            .Select(x => x.TerritoryId).ToListAsync(ct)).ToHashSet();
        return null;
    }
}
