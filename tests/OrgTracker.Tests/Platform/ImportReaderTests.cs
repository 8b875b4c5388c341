using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform.Imports;

namespace OrgTracker.Tests.Platform;

/// <summary>The one import reader: rows and line numbers from CSV and Excel, and every limit refused with its line.</summary>
public class ImportReaderTests
{
    private static readonly ImportLimits Small = new()
    {
        MaxBytes = 4_096, MaxRows = 3, MaxColumns = 4, MaxCellLength = 20, MaxUncompressedBytes = 64_000, MaxSharedStrings = 10,
        MaxRunTime = TimeSpan.FromSeconds(30),
    };

    private readonly FakeTimeProvider _clock = new(PinnedClock.Start);

    private ImportReader Csv(string text, ImportLimits? limits = null, CancellationToken ct = default) =>
        ImportReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFormat.Csv, limits ?? Small, _clock, ct);

    private ImportReader Xlsx(byte[] file, ImportLimits? limits = null) =>
        ImportReader.Open(new MemoryStream(file), ImportFormat.Excel, limits ?? Small, _clock, CancellationToken.None);

    private static List<(int Line, string[] Cells)> All(ImportReader r)
    {
        var rows = new List<(int, string[])>();
        while (r.Read()) rows.Add((r.Line, Enumerable.Range(0, r.Header.Count).Select(r.Text).ToArray()));
        return rows;
    }

    private static ImportRefused Refusal(Action read) => Assert.Throws<ImportRefused>(read);

    [Fact]
    public void A_csv_reads_row_by_row_with_the_line_each_row_starts_on()
    {
        using var r = Csv("\uFEFFName , Mobile\n\nअ ,1\n\"two\nlines\",2\n  ,  \nc,3\n");
        Assert.Equal(0, r.IndexOf("name"));
        Assert.Equal(1, r.IndexOf(" MOBILE "));
        Assert.Equal(-1, r.IndexOf("booth"));
        var rows = All(r);
        Assert.Equal([3, 4, 7], rows.Select(x => x.Line));
        Assert.Equal(["अ", "1"], rows[0].Cells);
        Assert.Equal("two\nlines", rows[1].Cells[0]);
    }

    [Fact]
    public void An_excel_workbook_reads_like_a_csv_with_numbers_and_dates_as_text()
    {
        var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["name"] = "राम", ["mobile"] = 9876543210d, ["from"] = new DateTime(2026, 11, 2) },
            new Dictionary<string, object?> { ["name"] = null, ["mobile"] = null, ["from"] = null },
            new Dictionary<string, object?> { ["name"] = "Sita", ["mobile"] = 1.5d, ["from"] = null },
        });
        using var r = Xlsx(stream.ToArray(), Small with { MaxBytes = 64_000 });
        Assert.Equal(["name", "mobile", "from"], r.Header);
        var rows = All(r);
        Assert.Equal([2, 4], rows.Select(x => x.Line));
        Assert.Equal(["राम", "9876543210", "02-11-2026"], rows[0].Cells);
        Assert.Equal(["Sita", "1.5", ""], rows[1].Cells);
    }

    [Fact]
    public void A_file_larger_than_the_upload_limit_is_refused()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Repeat("x,y\n", 2_000));
        var e = Refusal(() => { using var r = Csv(text, Small with { MaxRows = 10_000 }); All(r); });
        Assert.Equal(ImportRefusal.TooLarge, e.Reason);
    }

    [Fact]
    public void A_row_past_the_row_limit_is_refused_at_its_line()
    {
        using var r = Csv("a,b\n1,1\n2,2\n3,3\n4,4\n");
        var e = Refusal(() => All(r));
        Assert.Equal((ImportRefusal.TooManyRows, 5), (e.Reason, e.Line));
    }

    [Fact]
    public void Too_many_columns_in_the_header_or_in_a_row_are_refused()
    {
        Assert.Equal(ImportRefusal.TooManyColumns, Refusal(() => Csv("a,b,c,d,e\n")).Reason);
        using var r = Csv("a,b\n1,2\n1,2,3,4,5\n");
        var e = Refusal(() => All(r));
        Assert.Equal((ImportRefusal.TooManyColumns, 3), (e.Reason, e.Line));
    }

    [Fact]
    public void A_cell_longer_than_the_limit_is_refused_and_an_unclosed_quotation_mark_cannot_swallow_the_file()
    {
        using (var r = Csv("a,b\n1," + new string('x', 21) + "\n"))
            Assert.Equal(ImportRefusal.CellTooLong, Refusal(() => All(r)).Reason);
        using (var r = Csv("a,b\n1,\"never closed\n" + string.Concat(Enumerable.Repeat("2,3\n", 50)), Small with { MaxRows = 100 }))
            Assert.Equal(ImportRefusal.CellTooLong, Refusal(() => All(r)).Reason);
    }

    [Fact]
    public void A_sheet_that_declares_more_rows_or_columns_than_allowed_is_refused_before_it_is_read()
    {
        var wide = Workbook(sheet: """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD2"/><sheetData/></worksheet>""");
        Assert.Equal(ImportRefusal.DimensionTooLarge, Refusal(() => Xlsx(wide)).Reason);
        var tall = Workbook(sheet: """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B1048576"/><sheetData/></worksheet>""");
        Assert.Equal(ImportRefusal.DimensionTooLarge, Refusal(() => Xlsx(tall)).Reason);
    }

    [Fact]
    public void A_workbook_with_more_shared_strings_than_allowed_is_refused()
    {
        var strings = """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
            + string.Concat(Enumerable.Range(0, 11).Select(i => $"<si><t>s{i}</t></si>")) + "</sst>";
        Assert.Equal(ImportRefusal.TooManySharedStrings, Refusal(() => Xlsx(Workbook(sharedStrings: strings))).Reason);
    }

    [Fact]
    public void A_workbook_that_unpacks_to_more_than_allowed_is_refused()
    {
        // 100 KB of spaces compress to a few hundred bytes: small to upload, large to unpack.
        var padded = Workbook(sheet: """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""" + new string(' ', 100_000) + "<sheetData/></worksheet>");
        Assert.True(padded.Length < Small.MaxBytes);
        Assert.Equal(ImportRefusal.UncompressedTooLarge, Refusal(() => Xlsx(padded)).Reason);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_as_unreadable()
    {
        Assert.Equal(ImportRefusal.Unreadable, Refusal(() => Xlsx(Encoding.UTF8.GetBytes("name,mobile\n"))).Reason);
        var broken = Workbook(sheet: "<worksheet><sheetData>");
        Assert.Equal(ImportRefusal.Unreadable, Refusal(() => Xlsx(broken)).Reason);
    }

    [Fact]
    public void An_import_running_longer_than_its_limit_is_stopped()
    {
        using var r = Csv("a,b\n1,1\n2,2\n");
        Assert.True(r.Read());
        _clock.Advance(TimeSpan.FromSeconds(31));
        var e = Refusal(() => r.Read());
        Assert.Equal((ImportRefusal.TooSlow, 2), (e.Reason, e.Line));
    }

    [Fact]
    public void A_cancelled_import_stops_at_the_next_row()
    {
        using var cancel = new CancellationTokenSource();
        using var r = Csv("a,b\n1,1\n2,2\n", ct: cancel.Token);
        Assert.True(r.Read());
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => r.Read());
    }

    [Fact]
    public void Every_refusal_has_a_message_in_english_and_hindi()
    {
        var L = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));
        var before = CultureInfo.CurrentUICulture;
        foreach (var culture in new[] { "en-IN", "hi-IN" })
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            foreach (var reason in Enum.GetValues<ImportRefusal>())
            {
                var text = ImportRefused.Describe(reason, L, Small);
                Assert.False(string.IsNullOrWhiteSpace(text));
                Assert.DoesNotContain("{0}", text);
                if (culture == "hi-IN") Assert.Matches("[\u0900-\u097F]", text);
            }
        }
        CultureInfo.CurrentUICulture = before;
        Assert.Equal(ImportRefusal.TooSlow, ImportRefused.FromCode(new ImportRefused(ImportRefusal.TooSlow, 1).Code));
        Assert.Null(ImportRefused.FromCode("file_unreadable"));
    }

    /// <summary>A minimal workbook: just the parts the reader looks into before any spreadsheet library does.</summary>
    private static byte[] Workbook(string? sheet = null, string? sharedStrings = null)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
            Add("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            Add("xl/worksheets/sheet1.xml", sheet ?? """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B2"/><sheetData/></worksheet>""");
            if (sharedStrings is not null) Add("xl/sharedStrings.xml", sharedStrings);
        }
        return stream.ToArray();
    }
}
