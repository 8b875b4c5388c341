using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.OfficeBearers;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Territories;

/// <summary>A bad row: its line in the file, why it was refused, and the values it had (in <see cref="BoothImporter.Columns"/> order).</summary>
public sealed record ImportError(int Line, string Message, IReadOnlyList<string>? Values = null)
{
    /// <summary>
    /// Bad rows as a CSV download: line, reason, then the row's own <paramref name="columns"/>. Once corrected, the file
    /// itself can be imported again; the extra columns are ignored.
    /// </summary>
    public static TabularFile Report(string name, IReadOnlyList<string> columns, IEnumerable<ImportError> errors) =>
        new(TabularFormat.Csv, name, ["line", "reason", .. columns],
            errors.Select(e => (object?[])[e.Line, e.Message, .. e.Values ?? new string[columns.Count]]));
}

public sealed record BoothImportResult(int Added, int AlreadyPresent, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports booths from CSV with the columns <c>ac_number, part_number, name_en, name_hi, block</c> (any order,
/// other columns ignored; UTF-8 with or without a byte-order mark). Every bad row is reported with the line it
/// starts on; good rows are saved together; a booth that already exists (same constituency and part number) is
/// skipped, so importing the same file twice adds nothing. Problems with the file as a whole (empty, columns
/// missing, too many rows, not CSV) save nothing.
/// </summary>
public sealed class BoothImporter(AppDbContext db, IStringLocalizer<SharedResource> L)
{
    public const int MaxRows = 200_000;
    public static readonly string[] Columns = ["ac_number", "part_number", "name_en", "name_hi", "block"];

    /// <param name="districtId">When set, only constituencies and blocks of this district are accepted.</param>
    public async Task<BoothImportResult> ImportAsync(Stream csvStream, int stateId, int? districtId, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        // The state, or one district of it.
        IQueryable<T> InArea<T>(IQueryable<T> q) where T : IScoped =>
            districtId is { } d ? q.Where(r => r.StateId == stateId).Under(TerritoryLevel.District, d) : q.Where(r => r.StateId == stateId);
        var acs = await InArea(db.AssemblyConstituencies.AsNoTracking())
            .Select(a => new { a.Id, a.Number, a.DistrictId })
            .ToDictionaryAsync(a => a.Number, ct);
        var blocks = (await InArea(db.Territories.AsNoTracking().Where(t => t.Level == TerritoryLevel.Block))
                .Select(t => new { t.Id, t.DistrictId, t.NameEn, t.NameHi, t.StateId, t.DivisionId })
                .ToListAsync(ct))
            .Select(b => b with { NameHi = Clean(b.NameHi) })
            .ToLookup(b => b.DistrictId);
        var existing = (await db.Territories.AsNoTracking()
                .Where(t => t.StateId == stateId && t.Level == TerritoryLevel.Booth)
                .Select(t => new { t.AssemblyConstituencyId, t.PartNumber })
                .ToListAsync(ct))
            .Select(t => (t.AssemblyConstituencyId!.Value, t.PartNumber!.Value)).ToHashSet();

        var badQuotes = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, MissingFieldFound = null, DetectDelimiter = false,
            BadDataFound = _ => badQuotes = true,
            // A byte-order mark that survived decoding (e.g. saved twice) must not hide the first column.
            PrepareHeaderForMatch = a => a.Header.Trim().Trim('\uFEFF').ToLowerInvariant(),
        };
        // UTF-8 by default; a byte-order mark (UTF-8 or UTF-16, as Excel writes) is honoured and removed.
        using var reader = new StreamReader(csvStream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader())
                return FileError(1, L["The file is empty."]);
        }
        catch (CsvHelperException)
        {
            return FileError(1, L["The file could not be read as CSV."]);
        }
        var header = csv.HeaderRecord!.Select(h => h.Trim().Trim('\uFEFF').ToLowerInvariant()).ToHashSet();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            return FileError(1, L["Missing columns: {0}", string.Join(", ", missing)]);

        var seenInFile = new Dictionary<(int, int), int>();
        var toAdd = new List<Territory>();
        var alreadyPresent = 0;
        var rows = 0;
        while (true)
        {
            badQuotes = false;
            try
            {
                if (!await csv.ReadAsync()) break;
            }
            catch (CsvHelperException)
            {
                return FileError(csv.Parser.RawRow, L["The file could not be read as CSV from this line on. Nothing was saved."]);
            }
            if (++rows > MaxRows)
                return FileError(csv.Parser.RawRow, L["Too many rows: at most {0} per file. Nothing was saved; split the file.", MaxRows]);
            var line = StartLine(csv.Parser);
            var values = Columns.Select(c => Clean(csv.GetField(c))).ToArray();
            var (acText, partText, nameEn, nameHi, blockName) = (values[0], values[1], values[2], values[3], values[4]);

            var problems = new List<string>();
            if (badQuotes) problems.Add(L["A quotation mark is out of place."]);
            if (values.Any(v => v.Contains('\uFFFD'))) problems.Add(L["The text is not UTF-8: save the file as \"CSV UTF-8\"."]);
            if (!int.TryParse(acText, NumberStyles.None, CultureInfo.InvariantCulture, out var acNumber) || !acs.ContainsKey(acNumber))
                problems.Add(L["Unknown assembly constituency number '{0}'.", acText]);
            if (!int.TryParse(partText, NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part is < 1 or > 5000)
                problems.Add(L["Part number must be a whole number from 1 to 5000."]);
            if (nameEn.Length == 0) problems.Add(L["English name is missing."]);
            if (nameHi.Length == 0) problems.Add(L["Hindi name is missing."]);
            if (nameEn.Length > 200 || nameHi.Length > 200) problems.Add(L["Names may have at most 200 characters."]);
            var ac = acs.GetValueOrDefault(acNumber);
            var block = ac is null ? null : blocks[ac.DistrictId].FirstOrDefault(b =>
                string.Equals(b.NameEn, blockName, StringComparison.OrdinalIgnoreCase) || b.NameHi == blockName);
            if (blockName.Length == 0) problems.Add(L["Block is missing."]);
            else if (ac is not null && block is null) problems.Add(L["Unknown block '{0}' in the constituency's district.", blockName]);

            if (problems.Count == 0 && seenInFile.TryGetValue((acNumber, part), out var firstLine))
                problems.Add(L["Same constituency and part number as line {0}.", firstLine]);
            if (problems.Count > 0)
            {
                errors.Add(new ImportError(line, string.Join(" ", problems), values));
                continue;
            }
            seenInFile[(acNumber, part)] = line;
            if (existing.Contains((ac!.Id, part))) { alreadyPresent++; continue; }
            var booth = new Territory
            {
                Level = TerritoryLevel.Booth, NameEn = nameEn, NameHi = nameHi, AssemblyConstituencyId = ac.Id, PartNumber = part,
                ParentId = block!.Id, StateId = block.StateId, DivisionId = block.DivisionId, DistrictId = block.DistrictId, BlockId = block.Id,
            };
            toAdd.Add(booth);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Territories.AddRange(toAdd);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new BoothImportResult(toAdd.Count, alreadyPresent, errors);
    }

    private static BoothImportResult FileError(int line, string message) => new(0, 0, [new ImportError(line, message)]);

    /// <summary>Trimmed, in Unicode composed form: Hindi typed on different keyboards may arrive decomposed.</summary>
    public static string Clean(string? s)
    {
        s = (s ?? "").Trim();
        try { return s.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return s; } // invalid UTF-16 (a lone surrogate): keep as typed, validation decides
    }

    /// <summary>The line a record starts on: a quoted field may span several lines, and RawRow counts to the last.</summary>
    private static int StartLine(IParser parser)
    {
        var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        var breaks = 0;
        foreach (var ch in raw) if (ch == '\n') breaks++;
        return parser.RawRow - breaks;
    }
}
