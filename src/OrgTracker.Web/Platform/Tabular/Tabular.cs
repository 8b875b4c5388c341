using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace OrgTracker.Web.Platform;

/// <summary>The two formats a table downloads in.</summary>
public enum TabularFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// The one way the application writes CSV and Excel: every export, sample file and import error report. CSV is UTF-8
/// with a byte-order mark (so that Excel shows Hindi) through CsvHelper, Excel through MiniExcel. Rows are written as
/// they are produced. Every text cell passes <see cref="Inert"/>, so that a record named <c>=HYPERLINK(...)</c>
/// reaches the spreadsheet as text; numbers stay numbers, dates are dd-MM-yyyy in CSV and date cells in Excel.
/// </summary>
public static class Tabular
{
    /// <summary>The most rows an export of a page's table carries.</summary>
    public const int MaxRows = 500_000;

    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>True for "csv" and "xlsx", the values of a page's <c>export</c> parameter that ask for a file.</summary>
    public static bool IsFormat(string? format) => format is "csv" or "xlsx";

    /// <summary>"xlsx" (in any case) is Excel; anything else is CSV.</summary>
    public static TabularFormat Parse(string? format) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? TabularFormat.Xlsx : TabularFormat.Csv;

    /// <summary>A page's table as a download named after the table and the day, of at most <see cref="MaxRows"/> rows.</summary>
    public static TabularFile Export(string? format, string fileBase, IReadOnlyList<string> headers, IEnumerable<object?[]> rows) =>
        Export(format, fileBase, headers, rows.ToAsyncEnumerable());

    /// <inheritdoc cref="Export(string?, string, IReadOnlyList{string}, IEnumerable{object?[]})"/>
    public static TabularFile Export(string? format, string fileBase, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows)
    {
        return new TabularFile(Parse(format), fileBase, headers, rows.Take(MaxRows)) { Dated = true };
    }

    /// <summary>
    /// Text that a spreadsheet would take for a formula — it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return — with a leading apostrophe, as OWASP advises against CSV injection. Text of digits and number
    /// punctuation alone ("-5", "+91 98765 43210") is left as it is: no formula can be built from it.
    /// </summary>
    public static string Inert(string text)
    {
        if (text.Length == 0) return text;
        return text[0] switch
        {
            '=' or '@' or '\t' or '\r' => "'" + text,
            '+' or '-' when !IsNumberLike(text.AsSpan(1)) => "'" + text,
            _ => text,
        };
    }

    private static bool IsNumberLike(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
            if (c is not ((>= '0' and <= '9') or ' ' or '.' or ',' or '-' or '+' or '(' or ')')) return false;
        return true;
    }

    /// <summary>The table as CSV: a header line, then one line per row, flushed as the output's buffer fills.</summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var text = new StreamWriter(output, Utf8WithBom, 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in headers) csv.WriteField(Inert(h));
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var v in row) csv.WriteField(CsvText(v));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
        await text.FlushAsync(ct);
    }

    /// <summary>The table as one Excel sheet: a header row, then one row per row, read from <paramref name="rows"/> as written.</summary>
    public static async Task WriteXlsxAsync(Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, string sheetName, CancellationToken ct)
    {
        var keys = headers.Select(Inert).ToArray();
        await using var sheet = Sheet(keys, rows, ct).GetAsyncEnumerator(ct);
        if (await sheet.MoveNextAsync())
            await output.SaveAsAsync(Resume(sheet), sheetName: sheetName, cancellationToken: ct);
        else
        {
            // MiniExcel takes the columns from the first row; an empty table still gets its header.
            using var empty = new DataTable();
            foreach (var k in keys) empty.Columns.Add(k);
            await output.SaveAsAsync(empty, sheetName: sheetName, cancellationToken: ct);
        }
    }

    private static string CsvText(object? value) => value switch
    {
        null => "",
        string s => Inert(s),
        DateOnly d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture),
        byte or short or int or long or float or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Inert(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static object? XlsxValue(object? value) => value switch
    {
        null => null,
        string s => Inert(s),
        DateOnly or DateTime or bool or byte or short or int or long or float or double or decimal => value,
        _ => Inert(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static async IAsyncEnumerable<IDictionary<string, object?>> Sheet(string[] keys, IAsyncEnumerable<object?[]> rows,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            var cells = new Dictionary<string, object?>(keys.Length);
            for (var i = 0; i < keys.Length; i++) cells[keys[i]] = XlsxValue(i < row.Length ? row[i] : null);
            yield return cells;
        }
    }

    private static async IAsyncEnumerable<T> Resume<T>(IAsyncEnumerator<T> started)
    {
        do yield return started.Current;
        while (await started.MoveNextAsync());
    }
}
