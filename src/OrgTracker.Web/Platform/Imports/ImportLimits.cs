namespace OrgTracker.Web.Platform.Imports;

/// <summary>
/// What an import file may be and do. Every import declares its own; <see cref="ImportReader"/> refuses a file that
/// goes past any of them (<see cref="ImportRefused"/>), so that no upload becomes a runaway job: not a huge file, not a
/// spreadsheet that declares a million columns or holds a zip bomb, not an unclosed quotation mark that swallows the
/// rest of the file into one cell, not a file that would keep a request busy for an hour.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>Size of the uploaded file.</summary>
    public long MaxBytes { get; init; } = 20L << 20;

    /// <summary>Rows after the header.</summary>
    public int MaxRows { get; init; } = 10_000;

    public int MaxColumns { get; init; } = 50;

    /// <summary>Characters in one cell.</summary>
    public int MaxCellLength { get; init; } = 1_000;

    /// <summary>An .xlsx is a zip: the size of everything in it once unpacked.</summary>
    public long MaxUncompressedBytes { get; init; } = 200L << 20;

    /// <summary>Distinct texts of an .xlsx (its shared-strings table, which a reader must hold while reading the sheet).</summary>
    public int MaxSharedStrings { get; init; } = 200_000;

    /// <summary>Wall time of the whole import, on the application's clock, from opening the file.</summary>
    public TimeSpan MaxRunTime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The size limit as the pages write it: whole megabytes.</summary>
    public long MaxMegabytes => MaxBytes >> 20;
}
