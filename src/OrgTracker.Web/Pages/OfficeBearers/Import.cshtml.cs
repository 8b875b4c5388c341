using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>
/// Imports office-bearers from a CSV or Excel file (see <see cref="OfficeBearerImporter"/>) within the user's scope:
/// state roles anywhere in their state, a district president in their district. Nothing is kept on the server
/// between requests: the report is shown at once, or the bad rows downloaded as CSV; importing the same file again
/// adds nothing, so running it again is always safe.
/// </summary>
// The request may be larger than the file limit, so that a too-large file gets a message beside the field.
[RequestSizeLimit(ImportModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportModel.MaxRequestBytes)]
public class ImportModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const long MaxRequestBytes = 32 * 1024 * 1024;
    /// <summary>More bad rows than this are counted on the page, and all of them are in the downloaded report.</summary>
    public const int MaxShownErrors = 1000;

    [BindProperty] public InputModel Input { get; set; } = new();
    public OfficeBearerImportResult? Result { get; private set; }
    public List<Post> Posts { get; private set; } = [];
    public List<Wing> Wings { get; private set; } = [];

    public class InputModel
    {
        [Required(ErrorMessage = "Choose a CSV or Excel file.")]
        [Display(Name = "CSV or Excel file")]
        public IFormFile? File { get; set; }

        [Display(Name = "Download the bad rows as a CSV file instead of listing them here")]
        public bool DownloadErrors { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await db.MayWriteAsync(auth, User, ct)) return Forbid();
        await LoadCodesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await db.MayWriteAsync(auth, User, ct)) return Forbid();
        await LoadCodesAsync(ct);

        var format = ImportReader.FormatOf(Input.File?.FileName);
        if (Input.File is { } file)
        {
            if (format is null || Path.GetExtension(file.FileName).Equals(".txt", StringComparison.OrdinalIgnoreCase))
                ModelState.AddModelError("Input.File", L["Only .csv and .xlsx files can be imported."]);
            else if (file.Length == 0)
                ModelState.AddModelError("Input.File", L["The file is empty."]);
            else if (file.Length > OfficeBearerImporter.Limits.MaxBytes)
                ModelState.AddModelError("Input.File", L["The file is larger than {0} MB; split it into smaller files.", OfficeBearerImporter.Limits.MaxMegabytes]);
        }
        if (!ModelState.IsValid) return Page();

        await using (var stream = Input.File!.OpenReadStream())
            Result = await new OfficeBearerImporter(db, auth, User, clock, L).ImportAsync(stream, format!.Value, ct);
        if (Input.DownloadErrors && Result.Errors.Count > 0)
            return ImportError.Report("office-bearer-import-errors", OfficeBearerImporter.Columns, Result.Errors);
        return Page();
    }

    /// <summary>A sample file with real territory ids of the user's area (a block and one of its booths), ready to edit.</summary>
    public async Task<IActionResult> OnGetSampleAsync(string? format, CancellationToken ct)
    {
        if (!await db.MayWriteAsync(auth, User, ct)) return Forbid();
        // A booth that has no agent yet, so that the sample imports as it is.
        var booth = await db.Territories.AsNoTracking().InScope(User)
            .Where(t => t.Level == TerritoryLevel.Booth
                        && !db.Appointments.Any(a => a.TerritoryId == t.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.BlockId }).FirstOrDefaultAsync(ct);
        var (block, boothId) = (booth?.BlockId, booth?.Id);
        var from = clock.TodayInIndia().ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        string Id(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "";
        List<object?[]> rows =
        [
            ["Ramesh Kumar", "रमेश कुमार", "98765 43210", "VP", "MAIN", Id(block), from],
            ["Sunita Devi", "सुनीता देवी", "+91 91234 56789", "BLA", "", Id(boothId), from],
        ];
        return new TabularFile(Tabular.Parse(format), "office-bearers-sample", OfficeBearerImporter.Columns, rows) { SheetName = "Office-bearers" };
    }

    private async Task LoadCodesAsync(CancellationToken ct)
    {
        Posts = await db.Posts.AsNoTracking().OrderBy(p => p.Level).ThenBy(p => p.SortOrder).ToListAsync(ct);
        Wings = await db.Wings.AsNoTracking().OrderBy(w => w.SortOrder).ToListAsync(ct);
    }
}
