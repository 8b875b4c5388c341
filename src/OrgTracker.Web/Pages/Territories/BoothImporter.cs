using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Territories;

public sealed record ImportError(int Line, string Message);

public sealed record BoothImportResult(int Added, int AlreadyPresent, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Imports booths from CSV with the columns <c>ac_number, part_number, name_en, name_hi, block</c>.
/// Every bad row is reported with its line number; good rows are saved together; a booth that already
/// exists (same constituency and part number) is skipped, so importing the same file twice adds nothing.
/// </summary>
public sealed class BoothImporter(AppDbContext db, IStringLocalizer<SharedResource> L)
{
    public const int MaxRows = 200_000;
    private static readonly string[] Columns = ["ac_number", "part_number", "name_en", "name_hi", "block"];

    /// <param name="districtId">When set, only constituencies and blocks of this district are accepted.</param>
    public async Task<BoothImportResult> ImportAsync(Stream csvStream, int stateId, int? districtId, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var acs = await db.AssemblyConstituencies.AsNoTracking()
            .Where(a => a.StateId == stateId && (districtId == null || a.DistrictId == districtId))
            .Select(a => new { a.Id, a.Number, a.DistrictId })
            .ToDictionaryAsync(a => a.Number, ct);
        var blocks = await db.Territories.AsNoTracking()
            .Where(t => t.StateId == stateId && t.Level == TerritoryLevel.Block && (districtId == null || t.DistrictId == districtId))
            .Select(t => new { t.Id, t.DistrictId, t.NameEn, t.NameHi, t.StateId, t.DivisionId })
            .ToListAsync(ct);
        var existing = (await db.Territories.AsNoTracking()
                .Where(t => t.StateId == stateId && t.Level == TerritoryLevel.Booth)
                .Select(t => new { t.AssemblyConstituencyId, t.PartNumber })
                .ToListAsync(ct))
            .Select(t => (t.AssemblyConstituencyId!.Value, t.PartNumber!.Value)).ToHashSet();

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null, DetectDelimiter = false,
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
        };
        using var reader = new StreamReader(csvStream);
        using var csv = new CsvReader(reader, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
            return new BoothImportResult(0, 0, [new ImportError(1, L["The file is empty."])]);
        var missing = Columns.Where(c => !csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).Contains(c)).ToList();
        if (missing.Count > 0)
            return new BoothImportResult(0, 0, [new ImportError(1, L["Missing columns: {0}", string.Join(", ", missing)])]);

        var seenInFile = new Dictionary<(int, int), int>();
        var toAdd = new List<Territory>();
        var alreadyPresent = 0;
        while (await csv.ReadAsync())
        {
            var line = csv.Parser.RawRow;
            if (line > MaxRows + 1) { errors.Add(new ImportError(line, L["Too many rows: at most {0} per file.", MaxRows])); break; }
            var acText = csv.GetField("ac_number");
            var partText = csv.GetField("part_number");
            var nameEn = csv.GetField("name_en") ?? "";
            var nameHi = csv.GetField("name_hi") ?? "";
            var blockName = csv.GetField("block") ?? "";
            var problems = new List<string>();
            int acNumber = 0, part = 0;
            if (!int.TryParse(acText, NumberStyles.None, CultureInfo.InvariantCulture, out acNumber) || !acs.ContainsKey(acNumber))
                problems.Add(L["Unknown assembly constituency number '{0}'.", acText ?? ""]);
            if (!int.TryParse(partText, NumberStyles.None, CultureInfo.InvariantCulture, out part) || part < 1 || part > 5000)
                problems.Add(L["Part number must be a whole number from 1 to 5000."]);
            if (string.IsNullOrWhiteSpace(nameEn)) problems.Add(L["English name is missing."]);
            if (string.IsNullOrWhiteSpace(nameHi)) problems.Add(L["Hindi name is missing."]);
            if (nameEn.Length > 200 || nameHi.Length > 200) problems.Add(L["Names may have at most 200 characters."]);
            var ac = acs.GetValueOrDefault(acNumber);
            var block = ac is null ? null : blocks.FirstOrDefault(b => b.DistrictId == ac.DistrictId
                && (string.Equals(b.NameEn, blockName, StringComparison.OrdinalIgnoreCase) || b.NameHi == blockName));
            if (ac is not null && block is null) problems.Add(L["Unknown block '{0}' in the constituency's district.", blockName]);

            if (problems.Count == 0 && seenInFile.TryGetValue((acNumber, part), out var firstLine))
                problems.Add(L["Same constituency and part number as line {0}.", firstLine]);
            if (problems.Count > 0)
            {
                errors.Add(new ImportError(line, string.Join(" ", problems)));
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

        db.Territories.AddRange(toAdd);
        await db.SaveChangesAsync(ct);
        return new BoothImportResult(toAdd.Count, alreadyPresent, errors);
    }
}
