using Microsoft.Extensions.Localization;

namespace OrgTracker.Web.Platform.Imports;

/// <summary>Why a whole import file was refused (not a bad row: those are <see cref="ImportError"/>s).</summary>
public enum ImportRefusal
{
    Empty,
    Unreadable,
    TooLarge,
    TooManyRows,
    TooManyColumns,
    CellTooLong,
    DimensionTooLarge,
    TooManySharedStrings,
    UncompressedTooLarge,
    TooSlow,
}

/// <summary>
/// The file as a whole cannot be imported, from <see cref="Line"/> on. Thrown by <see cref="ImportReader"/>; every
/// import turns it into one message (<see cref="Describe"/>) and saves nothing it has not already committed.
/// </summary>
public sealed class ImportRefused(ImportRefusal reason, int line, Exception? inner = null)
    : Exception($"Import refused: {reason} at line {line}", inner)
{
    public ImportRefusal Reason { get; } = reason;
    public int Line { get; } = line;

    /// <summary>A stable text for the reason, stored where a refusal outlives the request (a background import's failure).</summary>
    public string Code => Prefix + Reason;

    public const string Prefix = "refused:";

    /// <summary>The reason of a stored <see cref="Code"/>, or null when the text is not one.</summary>
    public static ImportRefusal? FromCode(string? code) =>
        code is not null && code.StartsWith(Prefix, StringComparison.Ordinal)
        && Enum.TryParse<ImportRefusal>(code[Prefix.Length..], out var r) ? r : null;

    public string Describe(IStringLocalizer L, ImportLimits limits) => Describe(Reason, L, limits);

    /// <summary>The refusal in the reader's language, with the limit that was passed and what to do about it.</summary>
    public static string Describe(ImportRefusal reason, IStringLocalizer L, ImportLimits limits) => reason switch
    {
        ImportRefusal.Empty => L["The file is empty."],
        ImportRefusal.Unreadable => L["The file could not be read. Save it as CSV UTF-8 or as an Excel workbook (.xlsx) and try again. Nothing was saved."],
        ImportRefusal.TooLarge => L["The file is larger than {0} MB; split it into smaller files.", limits.MaxMegabytes],
        ImportRefusal.TooManyRows => L["Too many rows: at most {0} per file. Nothing was saved; split the file.", Localization.Number(limits.MaxRows)],
        ImportRefusal.TooManyColumns => L["Too many columns: at most {0}. Nothing was saved.", limits.MaxColumns],
        ImportRefusal.CellTooLong => L["A cell has more than {0} characters (perhaps a quotation mark is never closed). Nothing was saved.", Localization.Number(limits.MaxCellLength)],
        ImportRefusal.DimensionTooLarge => L["The sheet declares more than {0} rows or {1} columns. Copy only the rows you need into a new workbook. Nothing was saved.", Localization.Number(limits.MaxRows), limits.MaxColumns],
        ImportRefusal.TooManySharedStrings => L["The workbook holds more than {0} different texts. Save it as CSV UTF-8 and import that. Nothing was saved.", Localization.Number(limits.MaxSharedStrings)],
        ImportRefusal.UncompressedTooLarge => L["The workbook unpacks to more than {0} MB. Save it as CSV UTF-8 and import that. Nothing was saved.", limits.MaxUncompressedBytes >> 20],
        ImportRefusal.TooSlow => L["The import took longer than {0} minutes and was stopped. Nothing was saved; split the file.", (int)limits.MaxRunTime.TotalMinutes],
        _ => reason.ToString(),
    };
}
