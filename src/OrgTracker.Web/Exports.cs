using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace OrgTracker.Web;

/// <summary>Every table a user can see can be downloaded as CSV (UTF-8 with BOM, so Excel shows Hindi) or Excel.</summary>
public static class Exports
{
    public const int MaxRows = 500_000;

    public static bool IsFormat(string? format) => format is "csv" or "xlsx";

    /// <summary>The rows as a file; <paramref name="format"/> is "csv" or "xlsx".</summary>
    public static async Task<FileContentResult> TableAsync(string format, string fileBase, IReadOnlyList<string> headers,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var name = $"{fileBase}-{DateTime.UtcNow:yyyy-MM-dd}";
        if (format == "xlsx")
        {
            var sheet = rows.Take(MaxRows).Select(r =>
            {
                var d = new Dictionary<string, object?>(headers.Count);
                for (var i = 0; i < headers.Count; i++) d[headers[i]] = r[i];
                return d;
            });
            using var ms = new MemoryStream();
            await ms.SaveAsAsync(sheet, cancellationToken: ct);
            return new FileContentResult(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                { FileDownloadName = name + ".xlsx" };
        }
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in headers) csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var row in rows.Take(MaxRows))
            {
                foreach (var v in row) csv.WriteField(v switch
                {
                    DateOnly d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture),
                    null => "",
                    _ => Convert.ToString(v, CultureInfo.InvariantCulture),
                });
                await csv.NextRecordAsync();
            }
        }
        return new FileContentResult(buffer.ToArray(), "text/csv; charset=utf-8") { FileDownloadName = name + ".csv" };
    }
}
