using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace OrgTracker.Web.Platform;

/// <summary>
/// A table sent as a file download (<paramref name="name"/> plus ".csv" or ".xlsx"), written by <see cref="Tabular"/>
/// while the rows are read: a CSV goes to the response line by line; an Excel file (a zip, which MiniExcel writes
/// synchronously and which is useless until its last byte) is spooled — in memory up to 32 KB, then in a temporary
/// file — and then copied to the response, so neither format holds the whole table in memory.
/// </summary>
public sealed class TabularFile(TabularFormat format, string name, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows) : IActionResult
{
    public TabularFile(TabularFormat format, string name, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
        : this(format, name, headers, rows.ToAsyncEnumerable())
    {
    }

    public string FileName { get; } = name + (format == TabularFormat.Xlsx ? ".xlsx" : ".csv");

    /// <summary>The download's name carries today's date in India ("meetings-2026-11-23.csv"), from the app's clock.</summary>
    public bool Dated { get; init; }

    /// <summary>The name of the Excel sheet.</summary>
    public string SheetName { get; init; } = "Sheet1";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var ct = context.HttpContext.RequestAborted;
        var disposition = new ContentDispositionHeaderValue("attachment");
        var today = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().TodayInIndia();
        disposition.SetHttpFileName(Dated
            ? $"{name}-{today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}{Path.GetExtension(FileName)}"
            : FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        if (format == TabularFormat.Csv)
        {
            response.ContentType = Tabular.CsvContentType;
            await Tabular.WriteCsvAsync(response.Body, headers, rows, ct);
            return;
        }
        response.ContentType = Tabular.XlsxContentType;
        await using var spool = new FileBufferingWriteStream();
        await Tabular.WriteXlsxAsync(spool, headers, rows, SheetName, ct);
        await spool.DrainBufferAsync(response.Body, ct);
    }
}
