using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>
/// Targets of a drive, entered in a grid or imported from CSV: per district (state roles), or per block of one
/// district (state roles, and that district's president). A save or an import changes all rows or none.
/// </summary>
public class TargetsModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxTarget = 1_00_00_000;

    /// <summary>One row per district or block: a state has at most a few thousand blocks.</summary>
    public static readonly ImportLimits ImportLimits = new()
    {
        MaxBytes = 1L << 20, MaxRows = 10_000, MaxColumns = 20, MaxCellLength = 200, MaxUncompressedBytes = 20L << 20,
        MaxSharedStrings = 20_000, MaxRunTime = TimeSpan.FromMinutes(1),
    };

    public MembershipDrive Drive { get; private set; } = null!;
    /// <summary>The district whose blocks are shown; null for the district grid.</summary>
    public Territory? District { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<string> ImportErrors { get; private set; } = [];
    public bool CanEditDistricts { get; private set; }

    /// <summary>
    /// The targets' versions as this page showed them, sent back with an import: a file imported over targets that
    /// someone else changed in the meantime is refused, as a grid save is.
    /// </summary>
    public string Seen { get; private set; } = "";
    private Dictionary<int, DriveTarget> _existing = [];

    [BindProperty] public List<TargetInput> Input { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "district")] public int? DistrictId { get; set; }

    public sealed record Row(int TerritoryId, string NameEn, string NameHi, string? ParentEn, string? ParentHi)
    {
        public string Name => Localization.Pick(NameEn, NameHi);
    }

    public class TargetInput
    {
        public int TerritoryId { get; set; }

        [Range(0, MaxTarget, ErrorMessage = "A target is a whole number from 0 to 1,00,00,000.")]
        public int? Target { get; set; }

        public uint? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = Rows.Select(r => _existing.TryGetValue(r.TerritoryId, out var t)
            ? new TargetInput { TerritoryId = r.TerritoryId, Target = t.Target, Version = t.Version }
            : new TargetInput { TerritoryId = r.TerritoryId }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var allowed = Rows.Select(r => r.TerritoryId).ToHashSet();
        var posted = Input.Where(i => allowed.Contains(i.TerritoryId)).GroupBy(i => i.TerritoryId).Select(g => g.First()).ToList();
        var result = await SaveAsync(posted.Select(p => (p.TerritoryId, p.Target, p.Version)).ToList(), ct);
        if (result is not null)
        {
            ModelState.AddModelError(string.Empty, result);
            return Page();
        }
        TempData["Saved"] = L["Targets saved."].Value;
        return RedirectToPage(new { id, district = DistrictId });
    }

    /// <summary>CSV with columns <c>district,target</c> (or <c>district,block,target</c> for one district's blocks); names in English or Hindi.</summary>
    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, string? seen, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        ModelState.Clear();
        Input = [];
        if (seen != Seen)
        {
            ImportErrors.Add(L["Someone else changed these targets while you were editing. Reload the page to see their changes."]);
            return await ReloadAsync(ct);
        }
        if (file is null || file.Length == 0)
        {
            ImportErrors.Add(L["Choose a CSV file."]);
            return await ReloadAsync(ct);
        }
        if (file.Length > ImportLimits.MaxBytes)
        {
            ImportErrors.Add(ImportRefused.Describe(ImportRefusal.TooLarge, L, ImportLimits));
            return await ReloadAsync(ct);
        }
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in Rows)
        {
            // Districts are named alone; blocks together with their district.
            byName.TryAdd(Key(r.NameEn, District is null ? null : r.ParentEn), r.TerritoryId);
            byName.TryAdd(Key(r.NameHi, District is null ? null : r.ParentHi), r.TerritoryId);
        }
        var wanted = new Dictionary<int, int>();
        try
        {
            using var csv = ImportReader.Open(file.OpenReadStream(), ImportReader.FormatOf(file.FileName) ?? ImportFormat.Csv, ImportLimits, clock, ct);
            if (csv.Header.Count == 0)
            {
                ImportErrors.Add(L["The file is empty."]);
                return await ReloadAsync(ct);
            }
            int iDistrict = csv.IndexOf("district"), iBlock = csv.IndexOf("block"), iTarget = csv.IndexOf("target");
            if (iDistrict < 0 || iTarget < 0 || (District is not null && iBlock < 0))
            {
                ImportErrors.Add(District is null ? L["The file needs the columns district and target."] : L["The file needs the columns district, block and target."]);
                return await ReloadAsync(ct);
            }
            while (csv.Read())
            {
                var district = NullIfEmpty(csv.Text(iDistrict));
                var block = District is null ? null : NullIfEmpty(csv.Text(iBlock));
                var targetText = NullIfEmpty(csv.Text(iTarget));
                var key = District is null ? Key(district, null) : Key(block, district);
                if (!byName.TryGetValue(key, out var territoryId))
                    ImportErrors.Add(District is null
                        ? L["Line {0}: no district '{1}' in your state.", csv.Line, district ?? ""]
                        : L["Line {0}: no block '{1}' in district '{2}'.", csv.Line, block ?? "", district ?? ""]);
                else if (!int.TryParse(targetText, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var target) || target < 0 || target > MaxTarget)
                    ImportErrors.Add(L["Line {0}: the target must be a whole number from 0 to 1,00,00,000.", csv.Line]);
                else if (!wanted.TryAdd(territoryId, target))
                    ImportErrors.Add(L["Line {0}: this place is already on an earlier line.", csv.Line]);
            }
        }
        catch (ImportRefused e)
        {
            ImportErrors.Add(L["Line {0}: {1}", e.Line, e.Describe(L, ImportLimits)]);
            return await ReloadAsync(ct);
        }
        if (ImportErrors.Count > 0) return await ReloadAsync(ct);
        // The versions the page showed (checked above): a change made since then fails the save instead of being overwritten.
        var error = await SaveAsync(wanted.Select(w => (w.Key, (int?)w.Value, _existing.GetValueOrDefault(w.Key)?.Version)).ToList(), ct);
        if (error is not null)
        {
            ImportErrors.Add(error);
            return await ReloadAsync(ct);
        }
        TempData["Saved"] = L["{0} targets imported.", wanted.Count].Value;
        return RedirectToPage(new { id, district = DistrictId });
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Key(string? name, string? parent) => $"{name?.Trim()}|{parent?.Trim()}";

    private async Task<IActionResult> ReloadAsync(CancellationToken ct)
    {
        await LoadExistingAsync(ct);
        Input = Rows.Select(r => new TargetInput { TerritoryId = r.TerritoryId, Target = _existing.GetValueOrDefault(r.TerritoryId)?.Target, Version = _existing.GetValueOrDefault(r.TerritoryId)?.Version }).ToList();
        return Page();
    }

    /// <summary>Loads the drive and the rows the user may set; a result when they may not.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var drive = await db.FindDriveAsync(User, id, ct);
        if (drive is null) return NotFound();
        Drive = drive;
        CanEditDistricts = User.Can(Capability.RunDrives);
        if (DistrictId is { } districtId)
        {
            District = await db.Territories.AsNoTracking().InScope(User)
                .SingleOrDefaultAsync(t => t.Id == districtId && t.Level == TerritoryLevel.District, ct);
            if (District is null) return NotFound();
            // Block targets: whoever may change the district's records (state roles, the district's president).
            var probe = DriveTarget.For(id, District, 0);
            if (!(await auth.AuthorizeAsync(User, probe, Operations.Update)).Succeeded) return Forbid();
            Rows = await db.Territories.AsNoTracking().Where(t => t.ParentId == districtId && t.Level == TerritoryLevel.Block)
                .OrderBy(t => t.NameEn).Select(t => new Row(t.Id, t.NameEn, t.NameHi, District.NameEn, District.NameHi)).ToListAsync(ct);
        }
        else
        {
            if (!CanEditDistricts) return Forbid();
            Rows = await db.Territories.AsNoTracking().InScope(User).Where(t => t.Level == TerritoryLevel.District && t.StateId == drive.StateId)
                .OrderBy(t => t.NameEn)
                .Select(t => new Row(t.Id, t.NameEn, t.NameHi,
                    db.Territories.Where(v => v.Id == t.DivisionId).Select(v => v.NameEn).FirstOrDefault(),
                    db.Territories.Where(v => v.Id == t.DivisionId).Select(v => v.NameHi).FirstOrDefault()))
                .ToListAsync(ct);
        }
        await LoadExistingAsync(ct);
        return null;
    }

    private async Task LoadExistingAsync(CancellationToken ct)
    {
        var ids = Rows.Select(r => r.TerritoryId).ToList();
        _existing = await db.DriveTargets.AsNoTracking().Where(t => t.DriveId == Drive.Id && ids.Contains(t.TerritoryId)).ToDictionaryAsync(t => t.TerritoryId, ct);
        Seen = string.Join(",", _existing.Values.OrderBy(t => t.TerritoryId).Select(t => $"{t.TerritoryId}:{t.Version}"));
    }

    /// <summary>
    /// Applies the targets in one transaction, each over the version the user saw (none: the place had no target);
    /// an empty target removes it. Returns an error message, or null.
    /// </summary>
    private async Task<string?> SaveAsync(List<(int TerritoryId, int? Target, uint? Version)> targets, CancellationToken ct)
    {
        var ids = targets.Select(t => t.TerritoryId).ToList();
        var existing = await db.DriveTargets.Where(t => t.DriveId == Drive.Id && ids.Contains(t.TerritoryId)).ToDictionaryAsync(t => t.TerritoryId, ct);
        var places = await db.Territories.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var (territoryId, target, version) in targets)
        {
            existing.TryGetValue(territoryId, out var row);
            if (row is null ? version is not null : version != row.Version)
                return L["Someone else changed these targets while you were editing. Reload the page to see their changes."];
            if (row is null)
            {
                if (target is { } t) db.DriveTargets.Add(DriveTarget.For(Drive.Id, places[territoryId], t));
                continue;
            }
            db.Entry(row).Property(r => r.Version).OriginalValue = version!.Value;
            if (target is not { } n) db.DriveTargets.Remove(row);
            else row.Target = n;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (Platform.DatabaseError.From(e).Kind is Platform.DatabaseErrorKind.Concurrency or Platform.DatabaseErrorKind.UniqueViolation)
        {
            // A stale version, or a target added for the same place by someone else a moment ago.
            return L["Someone else changed these targets while you were editing. Reload the page to see their changes."];
        }
    }
}
