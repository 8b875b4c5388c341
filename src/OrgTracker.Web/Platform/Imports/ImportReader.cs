using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Platform.Imports;

/// <summary>
/// The one reader of import files, CSV or Excel (.xlsx), used by every import: the first row names the columns, then
/// <see cref="Read"/> moves row by row (blank rows skipped) and <see cref="Line"/> says where the row starts in the
/// file. It never holds the file in memory, and it refuses (<see cref="ImportRefused"/>) a file that goes past its
/// <see cref="ImportLimits"/>: too large, too many rows or columns, a cell too long, a workbook whose declared sheet
/// size, shared-strings table or unpacked size is too large, or an import running too long; it stops when the import
/// is cancelled. CSV is read as UTF-8 (a byte-order mark, UTF-8 or UTF-16 as Excel writes, is honoured).
/// </summary>
public sealed class ImportReader : IDisposable
{
    private readonly ImportLimits _limits;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly CancellationToken _ct;
    private readonly BoundedStream _input;
    private readonly List<IDisposable> _owned = [];
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.Ordinal);

    // CSV
    private readonly CsvParser? _csv;
    private int _lastRawRow;
    private bool _badQuote;

    // Excel
    private readonly IEnumerator<IDictionary<string, object?>>? _sheet;
    private readonly List<string> _sheetColumns = [];
    private IDictionary<string, object?>? _cells;
    private int _sheetRow;

    private int _rows;

    private ImportReader(Stream input, ImportFormat format, ImportLimits limits, TimeProvider clock, CancellationToken ct)
    {
        _limits = limits;
        _clock = clock;
        _started = clock.GetTimestamp();
        _ct = ct;
        _input = new BoundedStream(input, limits.MaxBytes);
        try
        {
            if (format == ImportFormat.Csv)
            {
                var reader = new StreamReader(_input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
                _owned.Add(reader);
                _csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
                {
                    BadDataFound = _ => _badQuote = true, MissingFieldFound = null, DetectDelimiter = false, IgnoreBlankLines = true,
                    BufferSize = 1 << 16, MaxFieldSize = limits.MaxCellLength,
                });
                _owned.Add(_csv);
                Header = Guard(_csv, static c => c.Read()) ? ReadCsvHeader() : [];
            }
            else
            {
                var spool = Spool(_input);
                _owned.Add(spool);
                Inspect(spool, limits);
                spool.Position = 0;
                _sheet = Guard(spool, static s => s.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().GetEnumerator());
                _owned.Add(_sheet);
                Header = Guard(_sheet, static s => s.MoveNext()) ? ReadSheetHeader() : [];
            }
        }
        catch
        {
            Dispose();
            throw;
        }
        if (Header.Count > limits.MaxColumns) throw Refused(ImportRefusal.TooManyColumns, 1);
        for (var i = 0; i < Header.Count; i++) _columnIndex.TryAdd(Normalise(Header[i]), i);
    }

    /// <summary>Opens a file and reads its header row. Throws <see cref="ImportRefused"/> when it cannot be read or is too large.</summary>
    public static ImportReader Open(Stream input, ImportFormat format, ImportLimits limits, TimeProvider clock, CancellationToken ct) =>
        new(input, format, limits, clock, ct);

    /// <summary>The format a file's name says it has: .csv (or .txt) or .xlsx; null for anything else.</summary>
    public static ImportFormat? FormatOf(string? fileName) => Path.GetExtension(fileName)?.ToLowerInvariant() switch
    {
        ".csv" or ".txt" => ImportFormat.Csv,
        ".xlsx" => ImportFormat.Excel,
        _ => null,
    };

    /// <summary>The first row's texts, as written.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The line (CSV) or row (Excel) of the file where the current row starts; the header is line 1.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>Bytes of the file read so far (for a progress bar).</summary>
    public long BytesRead => _input.Count;

    /// <summary>The current CSV row has a quotation mark out of place (the row is read as well as it can be).</summary>
    public bool HasBadQuote => _badQuote;

    /// <summary>The index of a column by its header (trimmed, any case; a stray byte-order mark ignored), or -1.</summary>
    public int IndexOf(string column) => _columnIndex.GetValueOrDefault(Normalise(column), -1);

    /// <summary>
    /// Moves to the next row that is not blank. False at the end of the file. Throws <see cref="ImportRefused"/> when
    /// the row goes past a limit, and <see cref="OperationCanceledException"/> when the import is cancelled.
    /// </summary>
    public bool Read()
    {
        while (true)
        {
            _ct.ThrowIfCancellationRequested();
            if (_clock.GetElapsedTime(_started) > _limits.MaxRunTime) throw Refused(ImportRefusal.TooSlow, Line);
            if (!(_csv is not null ? NextCsvRow() : NextSheetRow())) return false;
            if (IsBlank()) continue;
            if (++_rows > _limits.MaxRows) throw Refused(ImportRefusal.TooManyRows, Line);
            return true;
        }
    }

    /// <summary>The current row's cell in column <paramref name="index"/> as written (Excel numbers and dates as text); null when absent.</summary>
    public string? Field(int index)
    {
        if (index < 0) return null;
        if (_csv is not null) return index < _csv.Count ? _csv[index] : null;
        return _cells is not null && index < _sheetColumns.Count && _cells.TryGetValue(_sheetColumns[index], out var v) ? Text(v) : null;
    }

    /// <summary>The cell trimmed and in Unicode composed form (Hindi typed on different keyboards may arrive decomposed); "" when absent.</summary>
    public string Text(int index) => InputText.Clean(Field(index));

    /// <summary>The cell as the file holds it: text for CSV; for Excel, a number (double), a date (DateTime), text or null.</summary>
    public object? Value(int index)
    {
        if (_csv is not null) return Field(index);
        return _cells is not null && index >= 0 && index < _sheetColumns.Count && _cells.TryGetValue(_sheetColumns[index], out var v) ? v : null;
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _owned.Clear();
    }

    private static string Normalise(string header) => header.Trim().Trim('\uFEFF').Trim().ToLowerInvariant();

    private ImportRefused Refused(ImportRefusal reason, int line, Exception? inner = null) => new(reason, line, inner);

    /// <summary>
    /// Runs a step of a library reader; its exceptions become a refusal of the file, with the limit that caused it when
    /// there was one. The step is a static lambda over its state, so the per-row calls allocate nothing.
    /// </summary>
    private TResult Guard<TState, TResult>(TState state, Func<TState, TResult> step)
    {
        try
        {
            return step(state);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ImportRefused)
        {
            for (var inner = e; inner is not null; inner = inner.InnerException)
                if (inner is ImportRefused refused) throw refused;
            throw e is MaxFieldSizeException
                ? Refused(ImportRefusal.CellTooLong, _csv?.RawRow ?? Line, e)
                : Refused(ImportRefusal.Unreadable, (_csv?.RawRow ?? Line) is var l && l > 0 ? l : 1, e);
        }
    }

    private List<string> ReadCsvHeader()
    {
        _lastRawRow = _csv!.RawRow;
        Line = _csv.RawRow;
        return Enumerable.Range(0, _csv.Count).Select(i => _csv[i]).ToList();
    }

    private bool NextCsvRow()
    {
        _badQuote = false;
        if (!Guard(_csv!, static c => c.Read())) return false;
        var raw = _csv!.RawRow;
        if (raw - _lastRawRow > 1)
        {
            // A quoted field may span lines (RawRow is the last), or blank lines were skipped: count back from the end.
            var breaks = 0;
            foreach (var ch in _csv.RawRecord.AsSpan().TrimEnd("\r\n")) if (ch == '\n') breaks++;
            Line = raw - breaks;
        }
        else Line = raw;
        _lastRawRow = raw;
        if (_csv.Count > _limits.MaxColumns) throw Refused(ImportRefusal.TooManyColumns, Line);
        return true;
    }

    private List<string> ReadSheetHeader()
    {
        _sheetRow = 1;
        var first = _sheet!.Current;
        _sheetColumns.AddRange(first.Keys);
        return first.Values.Select(v => Text(v) ?? "").ToList();
    }

    private bool NextSheetRow()
    {
        if (!Guard(_sheet!, static s => s.MoveNext()))
        {
            _cells = null;
            return false;
        }
        Line = ++_sheetRow;
        _cells = _sheet!.Current;
        if (_cells.Count > _limits.MaxColumns) throw Refused(ImportRefusal.TooManyColumns, Line);
        foreach (var v in _cells.Values)
            if (v is string s && s.Length > _limits.MaxCellLength) throw Refused(ImportRefusal.CellTooLong, Line);
        return true;
    }

    private bool IsBlank()
    {
        if (_csv is not null)
        {
            for (var i = 0; i < _csv.Count; i++)
                if (!string.IsNullOrWhiteSpace(_csv[i])) return false;
            return true;
        }
        foreach (var v in _cells!.Values)
            if (v is not null && (v is not string s || !string.IsNullOrWhiteSpace(s))) return false;
        return true;
    }

    /// <summary>Excel cells come typed: whole numbers as doubles (a mobile number too), dates as DateTime.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString(d == Math.Floor(d) && Math.Abs(d) < 1e15 ? "0" : "R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>An .xlsx is a zip, read from its end: it goes to a temporary file (deleted on close), never into memory.</summary>
    private FileStream Spool(Stream input)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            input.CopyTo(spool);
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Looks inside the workbook before any spreadsheet reader does: the sizes its entries declare, the bytes they
    /// really unpack to (a zip bomb declares little and unpacks to gigabytes), the number of shared strings (held in
    /// memory while the sheet is read), and each sheet's declared dimension (a reader makes every row that wide).
    /// </summary>
    private void Inspect(FileStream spool, ImportLimits limits)
    {
        spool.Position = 0;
        ZipArchive zip;
        try { zip = new ZipArchive(spool, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw Refused(ImportRefusal.Unreadable, 1, e); }
        using (zip)
        {
            long declared = 0;
            foreach (var entry in zip.Entries)
                if ((declared += entry.Length) > limits.MaxUncompressedBytes) throw Refused(ImportRefusal.UncompressedTooLarge, 1);

            var budget = new UnpackBudget(limits.MaxUncompressedBytes);
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, CloseInput = false };
            foreach (var entry in zip.Entries)
            {
                _ct.ThrowIfCancellationRequested();
                try
                {
                    using var unpacked = new BoundedStream(entry.Open(), long.MaxValue, budget);
                    var name = entry.FullName.ToLowerInvariant();
                    if (name == "xl/sharedstrings.xml")
                        CountSharedStrings(XmlReader.Create(unpacked, settings), limits);
                    else if (name.StartsWith("xl/worksheets/", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal))
                        CheckDimension(XmlReader.Create(unpacked, settings), limits);
                    unpacked.CopyTo(Stream.Null);
                }
                catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
                {
                    throw Refused(ImportRefusal.Unreadable, 1, e);
                }
            }
        }
    }

    private void CountSharedStrings(XmlReader xml, ImportLimits limits)
    {
        using (xml)
        {
            var count = 0;
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.Depth == 1 && xml.LocalName == "si" && ++count > limits.MaxSharedStrings)
                    throw Refused(ImportRefusal.TooManySharedStrings, 1);
        }
    }

    private void CheckDimension(XmlReader xml, ImportLimits limits)
    {
        using (xml)
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.LocalName == "sheetData") return;
                if (xml.LocalName != "dimension") continue;
                var last = (xml.GetAttribute("ref") ?? "").Split(':')[^1];
                var letters = last.TakeWhile(char.IsAsciiLetter).Count();
                var column = 0;
                foreach (var c in last[..letters].ToUpperInvariant()) column = Math.Min(column * 26 + (c - 'A' + 1), int.MaxValue / 27);
                var row = int.TryParse(last.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
                if (column > limits.MaxColumns || row > limits.MaxRows + 1) throw Refused(ImportRefusal.DimensionTooLarge, 1);
                return;
            }
        }
    }

    /// <summary>What all entries of a workbook may unpack to together.</summary>
    private sealed class UnpackBudget(long bytes)
    {
        public long Left = bytes;
    }

    /// <summary>Counts what is read through it and refuses the file past a limit (the upload's size, or the workbook's unpacked size).</summary>
    private sealed class BoundedStream(Stream inner, long max, UnpackBudget? budget = null) : ForwardOnlyStream
    {
        private long _count;
        public long Count => Interlocked.Read(ref _count);

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Counted(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Counted(int n)
        {
            var total = Interlocked.Add(ref _count, n);
            if (budget is not null && (budget.Left -= n) < 0) throw new ImportRefused(ImportRefusal.UncompressedTooLarge, 1);
            if (total > max) throw new ImportRefused(ImportRefusal.TooLarge, 1);
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && budget is not null) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
