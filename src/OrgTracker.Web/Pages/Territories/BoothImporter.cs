using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Web.Pages.Territories;

public sealed record BoothImportResult(int Added, int AlreadyPresent, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports booths from CSV with the columns <c>ac_number, part_number, name_en, name_hi, block</c> (any order,
/// other columns ignored; UTF-8 with or without a byte-order mark). Every bad row is reported with the line it
/// starts on; good rows are saved together; a booth that already exists (same constituency and part number) is
/// skipped, so importing the same file twice adds nothing. Problems with the file as a whole (empty, columns
/// missing, too many rows, not CSV) save nothing.
/// </summary>
public sealed class BoothImporter(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    /// <summary>A booth is one short row; a state's whole list (UP has ~1,63,000 booths) fits in one file.</summary>
    public static readonly ImportLimits Limits = new()
    {
        MaxBytes = 20L << 20, MaxRows = 200_000, MaxColumns = 30, MaxCellLength = 500, MaxRunTime = TimeSpan.FromMinutes(5),
    };

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
            .Select(b => b with { NameHi = InputText.Clean(b.NameHi) })
            .ToLookup(b => b.DistrictId);
        var existing = (await db.Territories.AsNoTracking()
                .Where(t => t.StateId == stateId && t.Level == TerritoryLevel.Booth)
                .Select(t => new { t.AssemblyConstituencyId, t.PartNumber })
                .ToListAsync(ct))
            .Select(t => (t.AssemblyConstituencyId!.Value, t.PartNumber!.Value)).ToHashSet();

        ImportReader file;
        try
        {
            file = ImportReader.Open(csvStream, ImportFormat.Csv, Limits, clock, ct);
        }
        catch (ImportRefused e)
        {
            return FileError(e.Line, e.Describe(L, Limits));
        }
        using var _ = file;
        if (file.Header.Count == 0)
            return FileError(1, L["The file is empty."]);
        var missing = Columns.Where(c => file.IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
            return FileError(1, L["Missing columns: {0}", string.Join(", ", missing)]);
        var columnIndex = Columns.Select(file.IndexOf).ToArray();

        var seenInFile = new Dictionary<(int, int), int>();
        var toAdd = new List<Territory>();
        var alreadyPresent = 0;
        while (true)
        {
            try
            {
                if (!file.Read()) break;
            }
            catch (ImportRefused e)
            {
                return FileError(e.Line, e.Describe(L, Limits));
            }
            var line = file.Line;
            var values = columnIndex.Select(file.Text).ToArray();
            var (acText, partText, nameEn, nameHi, blockName) = (values[0], values[1], values[2], values[3], values[4]);

            var problems = new List<string>();
            if (file.HasBadQuote) problems.Add(L["A quotation mark is out of place."]);
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
}
