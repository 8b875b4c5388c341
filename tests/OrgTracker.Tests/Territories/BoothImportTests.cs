using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Territories;

public class BoothImportTests(AppFactory app) : IntegrationTest(app)
{
    private sealed record Bhopal(int DistrictId, int AcId, int AcNumber, Territory Urban, Territory Rural);

    private Task<Bhopal> BhopalAsync() => App.WithDbAsync(async db =>
    {
        var district = await db.Territories.SingleAsync(t => t.NameEn == "Bhopal" && t.Level == TerritoryLevel.District);
        var ac = await db.AssemblyConstituencies.Where(a => a.DistrictId == district.Id).OrderBy(a => a.Number).FirstAsync();
        var blocks = await db.Territories.AsNoTracking().Where(t => t.Level == TerritoryLevel.Block && t.DistrictId == district.Id).OrderBy(t => t.Id).ToListAsync();
        return new Bhopal(district.Id, ac.Id, ac.Number, blocks.First(b => b.IsUrban), blocks.First(b => !b.IsUrban));
    });

    /// <summary>POSTs a file to the import form as a browser does (multipart, with the form's antiforgery token).</summary>
    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName = "booths.csv", bool downloadErrors = false)
    {
        var form = await GetDocumentAsync(client, "/Territories/Import");
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "Input.File", fileName);
        if (downloadErrors) content.Add(new StringContent("true"), "Input.DownloadErrors");
        return await client.PostAsync("/Territories/Import", content);
    }

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private static string Count(IDocument page, string what) => page.QuerySelector($"[data-testid=import-{what}]")!.TextContent;

    private static List<(int Line, string Reason)> BadRows(IDocument page) =>
        page.QuerySelectorAll("[data-testid=import-errors] tbody tr")
            .Select(r => (int.Parse(r.Children[0].TextContent), r.Children[1].TextContent)).ToList();

    /// <summary>Three good rows (one named by the block's Hindi name, one spanning two lines) and six bad ones.</summary>
    private static string MixedFile(Bhopal b) =>
        $"""
        ac_number,part_number,name_en,name_hi,block
        {b.AcNumber},4001,Primary School Kolar,प्राथमिक शाला कोलार,{b.Urban.NameEn}
        {b.AcNumber},4002,Panchayat Bhavan,पंचायत भवन,{b.Rural.NameHi}
        9999,4003,Nowhere School,कहीं नहीं शाला,{b.Rural.NameEn}
        {b.AcNumber},abc,Bad Part School,गलत भाग शाला,{b.Rural.NameEn}
        {b.AcNumber},4004,No Hindi School,,{b.Rural.NameEn}
        {b.AcNumber},4001,Primary School Kolar again,प्राथमिक शाला कोलार फिर,{b.Urban.NameEn}
        {b.AcNumber},4005,Unknown Block School,अज्ञात ब्लॉक शाला,Nowhere
        {b.AcNumber},4006,"Community Hall
        North Wing","सामुदायिक भवन, उत्तर",{b.Rural.NameEn}
        {b.AcNumber},0,Zero Part School,शून्य भाग शाला,{b.Rural.NameEn}
        """.ReplaceLineEndings("\r\n");

    [Fact]
    public async Task Import_reports_each_bad_row_with_its_line_number_and_saves_the_good_ones()
    {
        var client = await SignInAsync(OfficeMp);
        var bhopal = await BhopalAsync();
        var before = await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth));

        var response = await UploadAsync(client, Utf8WithBom(MixedFile(bhopal)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("3", Count(page, "added"));
        Assert.Equal("0", Count(page, "present"));
        var bad = BadRows(page);
        Assert.Equal([4, 5, 6, 7, 8, 11], bad.Select(r => r.Line));
        Assert.Contains("Unknown assembly constituency number '9999'", bad[0].Reason);
        Assert.Contains("Part number must be a whole number from 1 to 5000", bad[1].Reason);
        Assert.Contains("Hindi name is missing", bad[2].Reason);
        Assert.Contains("Same constituency and part number as line 2", bad[3].Reason);
        Assert.Contains("Unknown block 'Nowhere'", bad[4].Reason);
        Assert.Contains("Part number must be a whole number from 1 to 5000", bad[5].Reason);

        var added = await App.WithDbAsync(db => db.Territories.AsNoTracking()
            .Where(t => t.Level == TerritoryLevel.Booth && t.AssemblyConstituencyId == bhopal.AcId && t.PartNumber > 4000)
            .OrderBy(t => t.PartNumber).ToListAsync());
        Assert.Equal([4001, 4002, 4006], added.Select(t => t.PartNumber!.Value));
        Assert.Equal("प्राथमिक शाला कोलार", added[0].NameHi);
        Assert.Equal((bhopal.Urban.Id, bhopal.Urban.Id, (int?)bhopal.DistrictId), (added[0].ParentId!.Value, added[0].BlockId!.Value, added[0].DistrictId));
        Assert.Equal(bhopal.Rural.Id, added[1].BlockId);
        Assert.Equal("Community Hall\r\nNorth Wing", added[2].NameEn);
        Assert.Equal(before + 3, await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth)));
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        var client = await SignInAsync(InChargeMp);
        var file = Utf8WithBom(MixedFile(await BhopalAsync()));
        await UploadAsync(client, file);
        var booths = await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth));

        var page = await ParseAsync(await UploadAsync(client, file));
        Assert.Equal("0", Count(page, "added"));
        Assert.Equal("3", Count(page, "present"));
        Assert.Equal([4, 5, 6, 7, 8, 11], BadRows(page).Select(r => r.Line));
        Assert.Equal(booths, await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth)));
    }

    [Fact]
    public async Task The_bad_rows_download_as_a_csv_that_can_be_corrected_and_imported()
    {
        var client = await SignInAsync(OfficeMp);
        var bhopal = await BhopalAsync();
        var response = await UploadAsync(client, Utf8WithBom(MixedFile(bhopal)), downloadErrors: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("booth-import-errors.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,reason,ac_number,part_number,name_en,name_hi,block", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("8,Unknown block 'Nowhere'", lines[5]);

        // Correct the unknown block in the downloaded file and import it: that row goes in, the rest are still reported.
        var corrected = csv.Replace($",Nowhere\r\n", $",{bhopal.Rural.NameEn}\r\n");
        var page = await ParseAsync(await UploadAsync(client, Encoding.UTF8.GetBytes(corrected)));
        Assert.Equal("1", Count(page, "added"));
        Assert.Equal("1", Count(page, "present"));
    }

    [Fact]
    public async Task The_sample_file_imports_cleanly()
    {
        var client = await SignInAsync(OfficeMp);
        var response = await client.GetAsync("/Territories/Import?handler=Sample");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sample = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("ac_number,part_number,name_en,name_hi,block", Encoding.UTF8.GetString(sample).TrimStart('\uFEFF'));
        var page = await ParseAsync(await UploadAsync(client, sample));
        Assert.Equal("2", Count(page, "added"));
        Assert.Empty(BadRows(page));
    }

    [Theory]
    [InlineData("booths.xlsx", "ac_number\r\n1", "Only .csv files can be imported.")]
    [InlineData("booths.csv", "", "The file is empty.")]
    public async Task A_wrong_file_gets_a_message_beside_the_field(string name, string text, string message)
    {
        var client = await SignInAsync(OfficeMp);
        var response = await UploadAsync(client, Encoding.UTF8.GetBytes(text), name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.StartsWith(message, page.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=import-result]"));
    }

    [Fact]
    public async Task A_file_past_a_limit_of_the_import_reader_is_refused_at_its_line_and_saves_nothing()
    {
        var b = await BhopalAsync();
        var client = await SignInAsync(OfficeMp);
        var before = await App.WithDbAsync(db => db.Territories.CountAsync());
        // An unclosed quotation mark would read the rest of the file into one cell: refused once the cell passes 500 characters.
        var rows = string.Concat(Enumerable.Range(1, 100).Select(i => $"{b.AcNumber},{700 + i},Booth {i},बूथ {i},{b.Rural.NameEn}\r\n"));
        var file = $"ac_number,part_number,name_en,name_hi,block\r\n{b.AcNumber},700,\"Unclosed,बूथ,{b.Rural.NameEn}\r\n" + rows;
        var page = await ParseAsync(await UploadAsync(client, Encoding.UTF8.GetBytes(file)));
        var row = Assert.Single(BadRows(page));
        Assert.Contains("A cell has more than 500 characters", row.Reason);
        Assert.Equal(before, await App.WithDbAsync(db => db.Territories.CountAsync()));

        var wide = "ac_number,part_number,name_en,name_hi,block," + string.Join(",", Enumerable.Range(0, 30).Select(i => $"x{i}")) + "\r\n";
        page = await ParseAsync(await UploadAsync(client, Encoding.UTF8.GetBytes(wide)));
        Assert.Equal((1, "Too many columns: at most 30. Nothing was saved."), Assert.Single(BadRows(page)));
    }

    [Fact]
    public async Task A_file_without_the_expected_columns_saves_nothing()
    {
        var client = await SignInAsync(OfficeMp);
        var before = await App.WithDbAsync(db => db.Territories.CountAsync());
        var page = await ParseAsync(await UploadAsync(client, Encoding.UTF8.GetBytes("ac,part,name\r\n149,1,School\r\n")));
        var row = Assert.Single(BadRows(page));
        Assert.Equal(1, row.Line);
        Assert.Contains("Missing columns: ac_number, part_number, name_en, name_hi, block", row.Reason);
        Assert.Equal(before, await App.WithDbAsync(db => db.Territories.CountAsync()));
    }

    [Fact]
    public async Task Text_that_is_not_utf8_is_reported_rather_than_saved_garbled()
    {
        var client = await SignInAsync(OfficeMp);
        var bhopal = await BhopalAsync();
        // "Café" in Windows-1252, as a spreadsheet saved as plain "CSV" on a Windows PC may write it.
        byte[] file = [.. Encoding.ASCII.GetBytes($"ac_number,part_number,name_en,name_hi,block\r\n{bhopal.AcNumber},4010,Caf"), 0xE9,
            .. Encoding.UTF8.GetBytes($",कैफ़े,{bhopal.Rural.NameEn}\r\n")];
        var page = await ParseAsync(await UploadAsync(client, file));
        Assert.Equal("0", Count(page, "added"));
        Assert.Contains("The text is not UTF-8", Assert.Single(BadRows(page)).Reason);
    }

    [Fact]
    public async Task The_UP_state_in_charge_imports_only_into_UP()
    {
        var client = await SignInAsync(InChargeUp);
        var bhopal = await BhopalAsync();
        var page = await ParseAsync(await UploadAsync(client, Utf8WithBom(MixedFile(bhopal))));
        // MP's constituency numbers mean UP's constituencies there, whose district has no such block: nothing lands in MP.
        Assert.Equal(0, await App.WithDbAsync(db => db.Territories.CountAsync(t => t.Level == TerritoryLevel.Booth && t.PartNumber > 4000 && t.DistrictId == bhopal.DistrictId)));
        Assert.Equal("0", Count(page, "added"));
    }
}
