using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Territories;

/// <summary>
/// Adds or edits a block, ward or booth. <c>?id=X</c> edits; <c>?parent=P&amp;level=L</c> adds a block under a
/// district, a ward under an urban block or a booth under a block. The place in the tree is always read from the
/// database (scoped to the user) and never from the form. States, divisions and districts are reference data.
/// </summary>
public class EditModel(AppDbContext db, IAuthorizationService auth, Conflicts conflicts, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public TerritoryLevel Level { get; private set; }
    public bool IsNew { get; private set; }
    public int? Id { get; private set; }
    public int? ParentId { get; private set; }
    public List<TerritoryRef> Breadcrumb { get; private set; } = [];
    public List<SelectListItem> Constituencies { get; private set; } = [];
    public List<SelectListItem> Wards { get; private set; } = [];

    public class InputModel
    {
        [Required(ErrorMessage = "Enter the English name.")]
        [StringLength(200, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Name (English)")]
        public string? NameEn { get; set; }

        [Required(ErrorMessage = "Enter the Hindi name.")]
        [StringLength(200, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Name (Hindi)")]
        public string? NameHi { get; set; }

        [Display(Name = "Urban block (has wards)")]
        public bool IsUrban { get; set; }

        [Display(Name = "Assembly constituency")]
        public int? AssemblyConstituencyId { get; set; }

        // Text, not int: whatever is typed gets our own localized message rather than the model binder's.
        [StringLength(10, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Part number")]
        public string? PartNumber { get; set; }

        [Display(Name = "Ward")]
        public int? WardId { get; set; }

        public uint Version { get; set; }
    }

    /// <summary>The page title, one whole phrase per case so that the Hindi word order is right.</summary>
    public string Title => (IsNew, Level) switch
    {
        (true, TerritoryLevel.Block) => L["Add a block"],
        (true, TerritoryLevel.Ward) => L["Add a ward"],
        (true, _) => L["Add a booth"],
        (false, TerritoryLevel.Block) => L["Edit block"],
        (false, TerritoryLevel.Ward) => L["Edit ward"],
        _ => L["Edit booth"],
    };

    private Territory _record = null!;
    private Territory? _block;

    public async Task<IActionResult> OnGetAsync(int? id, int? parent, string? level, CancellationToken ct)
    {
        if (await LoadAsync(id, parent, level, ct) is { } failure) return failure;
        if (!IsNew)
        {
            Input = new InputModel
            {
                NameEn = _record.NameEn, NameHi = _record.NameHi, IsUrban = _record.IsUrban,
                AssemblyConstituencyId = _record.AssemblyConstituencyId,
                PartNumber = _record.PartNumber?.ToString(CultureInfo.InvariantCulture),
                WardId = _record.WardId, Version = _record.Version,
            };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? parent, string? level, CancellationToken ct)
    {
        if (await LoadAsync(id, parent, level, ct) is { } failure) return failure;
        await LoadChoicesAsync(ct);

        var nameEn = Clean(Input.NameEn);
        var nameHi = Clean(Input.NameHi);
        int? part = null;
        if (Level == TerritoryLevel.Booth)
            part = await ValidateBoothAsync(ct);
        else if (ModelState.IsValid)
            await ValidateUniqueNameAsync(nameEn, ct);
        if (Level == TerritoryLevel.Block && !Input.IsUrban && _record.IsUrban
            && await db.Territories.AnyAsync(t => t.ParentId == _record.Id && t.Level == TerritoryLevel.Ward, ct))
            ModelState.AddModelError("Input.IsUrban", L["This block has wards, so it stays urban."]);
        if (!ModelState.IsValid) return Page();

        _record.NameEn = nameEn;
        _record.NameHi = nameHi;
        if (Level == TerritoryLevel.Block) _record.IsUrban = Input.IsUrban;
        if (Level == TerritoryLevel.Booth)
        {
            _record.AssemblyConstituencyId = Input.AssemblyConstituencyId;
            _record.PartNumber = part;
            _record.WardId = Input.WardId;
        }
        if (IsNew) db.Territories.Add(_record);
        else db.Entry(_record).Property(t => t.Version).OriginalValue = Input.Version;

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var conflict = await conflicts.ShowAsync(this, e, ct);
            // The next save is a deliberate overwrite of the version the user has now seen.
            ModelState.Remove("Input.Version");
            if (conflict.CurrentVersion is { } version) Input.Version = version;
            return Page();
        }
        // Another user taking the same part number between the check above and the save is told beside the field
        // by the database error filter (Platform/ConstraintMessages).
        return RedirectToPage("/Territories/Index", new { id = _record.Id });
    }

    /// <summary>
    /// Loads the record (edit) or its parent (add) within the user's scope and authorizes the operation.
    /// Returns the failure to answer with, or null when the page may go on.
    /// </summary>
    private async Task<IActionResult?> LoadAsync(int? id, int? parentId, string? levelText, CancellationToken ct)
    {
        if (id is { } existingId)
        {
            var record = await db.Territories.InScope(User).SingleOrDefaultAsync(t => t.Id == existingId, ct);
            if (record is null || record.Level is not (TerritoryLevel.Block or TerritoryLevel.Ward or TerritoryLevel.Booth))
                return NotFound();
            if (!(await auth.AuthorizeAsync(User, record, Operations.Update)).Succeeded) return Forbid();
            _record = record;
            Id = record.Id;
            Level = record.Level;
            if (Level == TerritoryLevel.Booth)
                _block = await db.Territories.AsNoTracking().SingleAsync(t => t.Id == record.BlockId, ct);
            Breadcrumb = await db.BreadcrumbAsync(User, record, ct);
            return null;
        }

        if (parentId is null || !Enum.TryParse<TerritoryLevel>(levelText, ignoreCase: true, out var level)) return NotFound();
        var parent = await db.FindInScopeAsync(User, parentId.Value, ct);
        var allowed = (parent?.Level, level) switch
        {
            (TerritoryLevel.District, TerritoryLevel.Block) => true,
            (TerritoryLevel.Block, TerritoryLevel.Ward) => parent!.IsUrban,
            (TerritoryLevel.Block, TerritoryLevel.Booth) => true,
            _ => false,
        };
        if (parent is null || !allowed) return NotFound();
        var created = new Territory { Level = level };
        created.PlaceUnder(parent);
        if (!(await auth.AuthorizeAsync(User, created, Operations.Create)).Succeeded) return Forbid();
        _record = created;
        IsNew = true;
        ParentId = parent.Id;
        Level = level;
        if (level == TerritoryLevel.Booth) _block = parent;
        Breadcrumb = await db.BreadcrumbAsync(User, parent, ct);
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        if (_block is null) return;
        var hindi = Localization.IsHindi;
        Constituencies = (await db.AssemblyConstituencies.AsNoTracking()
                .Where(a => a.DistrictId == _block.DistrictId)
                .OrderBy(a => a.Number)
                .Select(a => new { a.Id, a.Number, a.NameEn, a.NameHi })
                .ToListAsync(ct))
            .Select(a => new SelectListItem($"{a.Number} – {(hindi ? a.NameHi : a.NameEn)}", a.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        Wards = (await db.Territories.AsNoTracking()
                .Where(t => t.ParentId == _block.Id && t.Level == TerritoryLevel.Ward)
                .OrderBy(t => t.NameEn.Length).ThenBy(t => t.NameEn)
                .Select(t => new { t.Id, t.NameEn, t.NameHi })
                .ToListAsync(ct))
            .Select(w => new SelectListItem(Localization.Pick(w.NameEn, w.NameHi), w.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Checks the booth fields against the database; returns the part number when it is valid.</summary>
    private async Task<int?> ValidateBoothAsync(CancellationToken ct)
    {
        var acId = Input.AssemblyConstituencyId;
        if (acId is null || !Constituencies.Any(c => c.Value == acId.Value.ToString(CultureInfo.InvariantCulture)))
            ModelState.AddModelError("Input.AssemblyConstituencyId", L["Choose an assembly constituency of the block's district."]);
        if (Input.WardId is { } wardId && !Wards.Any(w => w.Value == wardId.ToString(CultureInfo.InvariantCulture)))
            ModelState.AddModelError("Input.WardId", L["Choose a ward of this block."]);

        int? part = null;
        if (string.IsNullOrWhiteSpace(Input.PartNumber))
            ModelState.AddModelError("Input.PartNumber", L["Enter the part number."]);
        else if (!int.TryParse(Input.PartNumber.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 5000)
            ModelState.AddModelError("Input.PartNumber", L["Part number must be a whole number from 1 to 5000."]);
        else
            part = p;

        if (part is not null && acId is not null && ModelState.GetFieldValidationState("Input.AssemblyConstituencyId") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await db.Territories.AnyAsync(t => t.Level == TerritoryLevel.Booth && t.AssemblyConstituencyId == acId
                && t.PartNumber == part && t.Id != _record.Id, ct))
            ModelState.AddModelError("Input.PartNumber", L["This constituency already has a booth with this part number."]);
        return part;
    }

    /// <summary>Blocks are matched by name when booths are imported, so two blocks of a district may not share one; likewise wards of a block.</summary>
    private async Task ValidateUniqueNameAsync(string nameEn, CancellationToken ct)
    {
        var parentId = _record.ParentId;
        var lower = nameEn.ToLowerInvariant();
        if (await db.Territories.AnyAsync(t => t.ParentId == parentId && t.Level == Level && t.Id != _record.Id
                && t.NameEn.ToLower() == lower, ct))
            ModelState.AddModelError("Input.NameEn", Level == TerritoryLevel.Block
                ? L["This district already has a block with this name."]
                : L["This block already has a ward with this name."]);
    }

    private static string Clean(string? s) => InputText.Clean(s);
}
