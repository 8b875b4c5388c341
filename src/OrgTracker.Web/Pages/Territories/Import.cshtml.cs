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
using OrgTracker.Web.Platform;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Web.Pages.Territories;

/// <summary>
/// Imports booths into the user's state from a CSV file (see <see cref="BoothImporter"/>). Nothing is kept on the
/// server between requests: the report is shown at once, or downloaded as CSV when asked, and since importing the
/// same file again adds nothing, running it again is always safe.
/// </summary>
// The request may be larger than the file limit, so that a too-large file gets a message beside the field.
[RequestSizeLimit(ImportModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportModel.MaxRequestBytes)]
public class ImportModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const long MaxRequestBytes = 64 * 1024 * 1024;
    /// <summary>More bad rows than this are counted on the page, and all of them are in the downloaded report.</summary>
    public const int MaxShownErrors = 1000;

    [BindProperty] public InputModel Input { get; set; } = new();
    public BoothImportResult? Result { get; private set; }
    public string StateName { get; private set; } = "";

    public class InputModel
    {
        [Required(ErrorMessage = "Choose a CSV file.")]
        [Display(Name = "CSV file")]
        public IFormFile? File { get; set; }

        [Display(Name = "Download the bad rows as a CSV file instead of listing them here")]
        public bool DownloadErrors { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct);
        if (state is null) return NotFound();
        if (!await MayImportAsync(state)) return Forbid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct);
        if (state is null) return NotFound();
        if (!await MayImportAsync(state)) return Forbid();

        if (Input.File is { } file)
        {
            if (!string.Equals(Path.GetExtension(file.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
                ModelState.AddModelError("Input.File", L["Only .csv files can be imported. In Excel, use Save As → CSV UTF-8."]);
            else if (file.Length == 0)
                ModelState.AddModelError("Input.File", L["The file is empty."]);
            else if (file.Length > BoothImporter.Limits.MaxBytes)
                ModelState.AddModelError("Input.File", L["The file is larger than {0} MB; split it into smaller files.", BoothImporter.Limits.MaxMegabytes]);
        }
        if (!ModelState.IsValid) return Page();

        try
        {
            await using var stream = Input.File!.OpenReadStream();
            Result = await new BoothImporter(db, clock, L).ImportAsync(stream, state.Id, null, ct);
        }
        catch (DbUpdateException e) when (DatabaseError.From(e).IsUniqueViolation)
        {
            ModelState.AddModelError(string.Empty, L["Someone added some of these booths at the same moment, so nothing was saved. Import the file again."]);
            return Page();
        }
        if (Input.DownloadErrors && Result.Errors.Count > 0)
            return ImportError.Report("booth-import-errors", BoothImporter.Columns, Result.Errors);
        return Page();
    }

    /// <summary>A sample file with real constituency and block names of the user's state, ready to edit.</summary>
    public async Task<IActionResult> OnGetSampleAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct);
        if (state is null) return NotFound();
        if (!await MayImportAsync(state)) return Forbid();
        var ac = await db.AssemblyConstituencies.AsNoTracking().Where(a => a.StateId == state.Id).OrderBy(a => a.Number)
            .Select(a => new { a.Number, a.DistrictId }).FirstOrDefaultAsync(ct);
        var rows = new List<object?[]>();
        if (ac is not null)
        {
            var block = await db.Territories.AsNoTracking()
                .Where(t => t.Level == TerritoryLevel.Block && t.DistrictId == ac.DistrictId)
                .OrderBy(t => t.IsUrban).ThenBy(t => t.NameEn)
                .Select(t => new { t.NameEn, t.NameHi }).FirstOrDefaultAsync(ct);
            if (block is not null)
            {
                var number = ac.Number.ToString(CultureInfo.InvariantCulture);
                rows.Add([number, "101", "Government Primary School, Room 1", "शासकीय प्राथमिक शाला, कक्ष 1", block.NameEn]);
                rows.Add([number, "102", "Government Primary School, Room 2", "शासकीय प्राथमिक शाला, कक्ष 2", block.NameHi]);
            }
        }
        return new TabularFile(TabularFormat.Csv, "booths-sample", BoothImporter.Columns, rows);
    }

    private async Task<Territory?> StateAsync(CancellationToken ct)
    {
        var scope = UserScope.From(User);
        if (scope is null) return null;
        var state = await db.Territories.AsNoTracking().InScope(User)
            .SingleOrDefaultAsync(t => t.Id == scope.StateId && t.Level == TerritoryLevel.State, ct);
        if (state is not null) StateName = Localization.Pick(state.NameEn, state.NameHi);
        return state;
    }

    // Booths are created anywhere in the state, so the user must be allowed to create at the state itself.
    private async Task<bool> MayImportAsync(Territory state) =>
        (await auth.AuthorizeAsync(User, state, Operations.Create)).Succeeded;
}
