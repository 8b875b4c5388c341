namespace OrgTracker.Web.Platform.Imports;

/// <summary>A bad row of an import: its line in the file, why it was refused, and the values it had (in the import's column order).</summary>
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
