using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Tests.Membership;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Platform;

/// <summary>
/// Every export, sample file and import error report, with every name, title and text the exports show set to a
/// spreadsheet formula: the formula reaches the file as text (a leading apostrophe), never as something a spreadsheet
/// would run, in CSV and in Excel.
/// </summary>
public class ExportInjectionTests(AppFactory app) : MembershipTest(app)
{
    private const string Payload = "=HYPERLINK(\"http://x\",\"y\")";

    [Fact]
    public async Task A_record_named_as_a_formula_is_inert_in_every_export()
    {
        var (state, block, drive) = await PoisonMadhyaPradeshAsync();
        var client = await SignInAsync(OfficeMp);
        var jobId = (await ImportAsync(drive, $"name,mobile,ac_number,part_number\n{Payload},98765,1,1\n")).Job.Id;

        var downloads = new Dictionary<string, byte[]>();
        async Task GetAsync(string url)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            Assert.True(response.Content.Headers.ContentDisposition?.DispositionType == "attachment", $"{url} is not a download");
            downloads[url] = await response.Content.ReadAsByteArrayAsync();
        }
        foreach (var format in new[] { "csv", "xlsx" })
        {
            await GetAsync($"/Dashboard/{state}?export={format}");
            await GetAsync($"/Dashboard/{state}?export=focus&format={format}");
            await GetAsync($"/Dashboard/{state}?export=silent&format={format}");
            await GetAsync($"/Dashboard/{state}?export=trend&format={format}");
            await GetAsync($"/Meetings/Index?export={format}");
            await GetAsync($"/Meetings/Actions?show=all&export={format}");
            await GetAsync($"/Membership/Progress/{drive}?handler=Export&format={format}");
            await GetAsync($"/OfficeBearers/Coverage?export={format}");
            await GetAsync($"/OfficeBearers/Coverage?territory={state}&by=seats&export={format}");
            await GetAsync($"/OfficeBearers/Uncovered?territory={block}&export={format}");
            await GetAsync($"/OfficeBearers/Inactive?export={format}&status=all");
            await GetAsync($"/OfficeBearers/Training?handler=Export&format={format}");
            await GetAsync($"/OfficeBearers/Import?handler=Sample&format={format}");
        }
        await GetAsync($"/Membership/ImportJob/{jobId}?handler=Errors");
        await GetAsync($"/Membership/Import/{drive}?handler=Template");
        await GetAsync("/Territories/Import?handler=Sample");
        downloads["booth import errors"] = await UploadAsync(client, "/Territories/Import", $"ac_number,part_number,name_en,name_hi,block\n1,0,{Csv(Payload)},{Csv(Payload)},{Csv(Payload)}\n");
        downloads["office-bearer import errors"] = await UploadAsync(client, "/OfficeBearers/Import",
            $"name_en,name_hi,mobile,post,wing,territory,from\n{Csv(Payload)},{Csv(Payload)},1,{Csv(Payload)},,1,01-01-2026\n");

        var carrying = new List<string>();
        foreach (var (name, bytes) in downloads)
        {
            var cells = IsZip(bytes) ? XlsxCells(name, bytes) : CsvCells(name, bytes);
            foreach (var cell in cells)
                Assert.False(IsFormula(cell), $"{name}: the cell '{cell}' would be read as a formula");
            if (cells.Any(c => c.Contains("HYPERLINK"))) carrying.Add(name);
        }
        // The lists that show the poisoned names and texts did carry them, escaped.
        string[] expected =
        [
            $"/Dashboard/{state}?export=csv", $"/Dashboard/{state}?export=xlsx",
            "/Meetings/Index?export=csv", "/Meetings/Index?export=xlsx", "/Meetings/Actions?show=all&export=csv",
            $"/Membership/Progress/{drive}?handler=Export&format=csv", "/OfficeBearers/Coverage?export=csv",
            $"/Membership/ImportJob/{jobId}?handler=Errors",
            "/Territories/Import?handler=Sample", "booth import errors", "office-bearer import errors",
        ];
        Assert.Empty(expected.Except(carrying));
    }

    /// <summary>What a spreadsheet takes for a formula (OWASP's CSV injection list); a signed number is just a number.</summary>
    private static bool IsFormula(string cell) =>
        cell.Length > 0 && (cell[0] is '=' or '@' or '\t' or '\r'
            || (cell[0] is '+' or '-' && !System.Text.RegularExpressions.Regex.IsMatch(cell, @"^[+-][0-9 .,()+-]*$")));

    private static string Csv(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <summary>Every name an export may show, in Madhya Pradesh, becomes the formula.</summary>
    private Task<(int State, int Block, int Drive)> PoisonMadhyaPradeshAsync() => App.WithDbAsync(async db =>
    {
        var state = await db.Territories.Where(t => t.Code == "MP").Select(t => t.Id).SingleAsync();
        var block = await db.Territories.Where(t => t.StateId == state && t.Level == TerritoryLevel.Block).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var drive = await db.MembershipDrives.Where(d => d.StateId == state).Select(d => d.Id).SingleAsync();
        await db.Territories.Where(t => t.StateId == state && t.Id != state).ExecuteUpdateAsync(u => u.SetProperty(t => t.NameEn, Payload).SetProperty(t => t.NameHi, Payload));
        await db.AssemblyConstituencies.Where(a => a.StateId == state).ExecuteUpdateAsync(u => u.SetProperty(a => a.NameEn, Payload).SetProperty(a => a.NameHi, Payload));
        await db.People.Where(p => p.StateId == state).ExecuteUpdateAsync(u => u.SetProperty(p => p.NameEn, Payload).SetProperty(p => p.NameHi, Payload));
        await db.Meetings.Where(m => m.StateId == state).ExecuteUpdateAsync(u => u.SetProperty(m => m.Title, Payload));
        await db.ActionItems.Where(a => a.StateId == state).ExecuteUpdateAsync(u => u.SetProperty(a => a.Text, Payload));
        return (state, block, drive);
    });

    private static async Task<byte[]> UploadAsync(HttpClient client, string url, string csv)
    {
        var form = await client.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, $"no antiforgery token on {url}");
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { part, "Input.File", "file.csv" },
            { new StringContent("true"), "Input.DownloadErrors" },
        };
        var response = await client.PostAsync(url, content);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static bool IsZip(byte[] bytes) => bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K';

    private static List<string> CsvCells(string name, byte[] bytes)
    {
        var bad = false;
        using var parser = new CsvParser(new StreamReader(new MemoryStream(bytes), Encoding.UTF8),
            new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = _ => bad = true });
        var cells = new List<string>();
        while (parser.Read()) cells.AddRange(parser.Record ?? []);
        if (bad) Assert.Fail($"{name} is not well-formed CSV: {Encoding.UTF8.GetString(bytes)}");
        return cells;
    }

    private static List<string> XlsxCells(string name, byte[] bytes)
    {
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/")))
            {
                using var reader = new StreamReader(sheet.Open());
                var xml = reader.ReadToEnd();
                Assert.False(xml.Contains("<f>") || xml.Contains("<x:f>") || xml.Contains("<f "), $"{name}: a cell holds a formula");
            }
        return new MemoryStream(bytes).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .SelectMany(r => r.Values).OfType<string>().ToList();
    }
}
