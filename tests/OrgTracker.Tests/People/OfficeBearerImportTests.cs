using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.People;

public class OfficeBearerImportTests(AppFactory app) : IntegrationTest(app)
{
    /// <summary>Bhopal's first block, a Bhopal booth without a booth agent, a person of Bhopal, a block of Indore and a person of UP.</summary>
    private sealed record Places(int Block, int FreeBooth, int BoothBlock, string BhopalMobile, int BhopalPerson, int IndoreBlock, string UpMobile);

    private Task<Places> PlacesAsync() => App.WithDbAsync(async db =>
    {
        int District(string name) => db.Territories.Single(t => t.NameEn == name && t.Level == TerritoryLevel.District).Id;
        var bhopal = District("Bhopal");
        var indore = District("Indore");
        var block = await db.Territories.Where(t => t.Level == TerritoryLevel.Block && t.DistrictId == bhopal).OrderBy(t => t.Id).FirstAsync();
        var booth = await db.Territories.Where(t => t.Level == TerritoryLevel.Booth && t.DistrictId == bhopal
                && !db.Appointments.Any(a => a.TerritoryId == t.Id && a.PostId == ReferenceData.BoothAgentPostId && a.To == null))
            .OrderBy(t => t.Id).FirstAsync();
        var person = await db.People.Where(p => p.DistrictId == bhopal).OrderBy(p => p.Id).FirstAsync();
        var indoreBlock = await db.Territories.Where(t => t.Level == TerritoryLevel.Block && t.DistrictId == indore).OrderBy(t => t.Id).FirstAsync();
        var upPerson = await db.People.Where(p => p.StateId != block.StateId).OrderBy(p => p.Id).FirstAsync();
        return new Places(block.Id, booth.Id, booth.BlockId!.Value, person.Mobile, person.Id, indoreBlock.Id, upPerson.Mobile);
    });

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName = "office-bearers.csv", bool downloadErrors = false)
    {
        var form = await GetDocumentAsync(client, "/OfficeBearers/Import");
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        content.Add(part, "Input.File", fileName);
        if (downloadErrors) content.Add(new StringContent("true"), "Input.DownloadErrors");
        return await client.PostAsync("/OfficeBearers/Import", content);
    }

    private static string Count(IDocument page, string what) => page.QuerySelector($"[data-testid=import-{what}]")!.TextContent;

    private static List<(int Line, string Reason)> BadRows(IDocument page) =>
        page.QuerySelectorAll("[data-testid=import-errors] tbody tr")
            .Select(r => (int.Parse(r.Children[0].TextContent), r.Children[1].TextContent)).ToList();

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))];

    /// <summary>Three good rows (two new people, one existing person in another wing) and nine bad ones.</summary>
    private static string MixedFile(Places p) =>
        $"""
        name_en,name_hi,mobile,post,wing,territory,from
        Kamla Bai,कमला बाई,98765 43210,MEMBER,,{p.Block},01-04-2025
        Ravi Verma,रवि वर्मा,091234-56789,BLA,MAIN,{p.FreeBooth},1-4-2025
        Bad Mobile,खराब मोबाइल,12345,MEMBER,,{p.Block},01-04-2025
        Unknown Post,अज्ञात पद,98111 11111,XYZ,,{p.Block},01-04-2025
        Unknown Wing,अज्ञात विंग,98111 11112,MEMBER,FOO,{p.Block},01-04-2025
        Nowhere,कहीं नहीं,98111 11113,MEMBER,,99999999,01-04-2025
        Wrong Level,गलत स्तर,98111 11114,BLA,,{p.Block},01-04-2025
        Second President,दूसरे अध्यक्ष,98111 11115,PRES,,{p.Block},01-04-2025
        Kamla Bai,कमला बाई,+919876543210,member,main,{p.Block},01-04-2025
        Bad Date,खराब तारीख,98111 11116,MEMBER,,{p.Block},2025-04-01
        ,,{p.BhopalMobile},MEMBER,YOUTH,{p.Block},01-04-2025
        Second Agent,दूसरा एजेंट,98111 11117,BLA,,{p.FreeBooth},01-04-2025
        Outsider,बाहरी,{p.UpMobile},MEMBER,,{p.Block},01-04-2025
        """;

    private static readonly int[] BadLines = [4, 5, 6, 7, 8, 9, 10, 11, 13, 14];

    [Fact]
    public async Task Import_reports_each_bad_row_with_its_line_number_and_appoints_the_good_ones()
    {
        var p = await PlacesAsync();
        var client = await SignInAsync(OfficeMp);
        var (people, agents) = await App.WithDbAsync(async db => (await db.People.CountAsync(),
            await db.CoverageCells.Where(c => c.BlockId == p.BoothBlock).SumAsync(c => c.WithAgent)));

        var response = await UploadAsync(client, Utf8WithBom(MixedFile(p)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        var bad = BadRows(page);
        Assert.Equal(BadLines, bad.Select(r => r.Line));
        Assert.Equal("3", Count(page, "added"));
        Assert.Equal("2", Count(page, "people"));
        Assert.Equal("0", Count(page, "present"));
        Assert.Contains("'12345' is not a valid Indian mobile number.", bad[0].Reason);
        Assert.Contains("Unknown post 'XYZ'.", bad[1].Reason);
        Assert.Contains("Unknown wing 'FOO'.", bad[2].Reason);
        Assert.Contains("Territory '99999999' is unknown or outside your area.", bad[3].Reason);
        Assert.Contains("There is no post 'BLA' at the Block level.", bad[4].Reason);
        Assert.Contains("All 1 sanctioned posts are filled", bad[5].Reason);
        Assert.Contains("Same person, post, wing and territory as line 2.", bad[6].Reason);
        Assert.Contains("'2025-04-01' is not a date in the form dd-MM-yyyy.", bad[7].Reason);
        // The booth's one agent post was taken by line 3 of the same file.
        Assert.Contains("All 1 sanctioned posts are filled", bad[8].Reason);
        Assert.Equal(OrgTracker.Web.Platform.PeopleQueries.MobileUnavailable, bad[9].Reason);

        var (kamla, ravi, existing) = await App.WithDbAsync(async db => (
            await db.People.AsNoTracking().SingleAsync(x => x.Mobile == "+919876543210"),
            await db.People.AsNoTracking().SingleAsync(x => x.Mobile == "+919123456789"),
            await db.Appointments.AsNoTracking().Where(a => a.PersonId == p.BhopalPerson && a.WingId == 2 && a.TerritoryId == p.Block).ToListAsync()));
        Assert.Equal(("Kamla Bai", "कमला बाई", p.Block), (kamla.NameEn, kamla.NameHi, kamla.HomeTerritoryId));
        Assert.Equal(p.FreeBooth, ravi.HomeTerritoryId);
        var agent = await App.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PersonId == ravi.Id));
        Assert.Equal((ReferenceData.BoothAgentPostId, p.FreeBooth, new DateOnly(2025, 4, 1), (int?)null), (agent.PostId, agent.TerritoryId, agent.From, agent.CommitteeId));
        Assert.Single(existing);
        Assert.Equal(people + 2, await App.WithDbAsync(db => db.People.CountAsync()));
        // Nobody was left behind by refused rows, and the booth now counts as covered.
        Assert.False(await App.WithDbAsync(db => db.People.AnyAsync(x => x.Mobile.StartsWith("+9198111"))));
        Assert.Equal(agents + 1, await App.WithDbAsync(db => db.CoverageCells.Where(c => c.BlockId == p.BoothBlock).SumAsync(c => c.WithAgent)));
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        var p = await PlacesAsync();
        var client = await SignInAsync(InChargeMp);
        var file = Utf8WithBom(MixedFile(p));
        await UploadAsync(client, file);
        var (people, appointments) = await App.WithDbAsync(async db => (await db.People.CountAsync(), await db.Appointments.CountAsync()));

        var page = await ParseAsync(await UploadAsync(client, file));
        Assert.Equal("0", Count(page, "added"));
        Assert.Equal("0", Count(page, "people"));
        Assert.Equal("3", Count(page, "present"));
        Assert.Equal(BadLines, BadRows(page).Select(r => r.Line));
        Assert.Equal((people, appointments), await App.WithDbAsync(async db => (await db.People.CountAsync(), await db.Appointments.CountAsync())));
    }

    [Fact]
    public async Task A_district_presidents_row_for_another_districts_territory_is_a_bad_row()
    {
        var p = await PlacesAsync();
        var client = await SignInAsync(PresidentBhopal);
        var file = $"""
            name_en,name_hi,mobile,post,territory,from
            Kamla Bai,कमला बाई,98765 43210,MEMBER,{p.IndoreBlock},01-04-2025
            Ravi Verma,रवि वर्मा,91234 56789,MEMBER,{p.Block},01-04-2025
            """;
        var page = await ParseAsync(await UploadAsync(client, Utf8WithBom(file)));
        var bad = Assert.Single(BadRows(page));
        Assert.Equal((2, $"Territory '{p.IndoreBlock}' is unknown or outside your area."), bad);
        Assert.Equal("1", Count(page, "added"));
        Assert.False(await App.WithDbAsync(db => db.People.AnyAsync(x => x.Mobile == "+919876543210")));
        Assert.False(await App.WithDbAsync(db => db.Appointments.AnyAsync(a => a.TerritoryId == p.IndoreBlock && a.Person!.Mobile == "+919876543210")));
    }

    [Fact]
    public async Task An_excel_file_imports_like_a_csv()
    {
        var p = await PlacesAsync();
        var client = await SignInAsync(OfficeMp);
        // As Excel keeps them: the mobile and territory typed as numbers, the date as a date.
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["name_en"] = "Kamla Bai", ["name_hi"] = "कमला बाई", ["mobile"] = 9876543210L, ["post"] = "MEMBER", ["wing"] = null, ["territory"] = p.Block, ["from"] = new DateTime(2025, 4, 1) },
            new() { ["name_en"] = "Ravi Verma", ["name_hi"] = "रवि वर्मा", ["mobile"] = "91234 56789", ["post"] = "BLA", ["wing"] = "MAIN", ["territory"] = p.FreeBooth, ["from"] = "01-04-2025" },
            new() { ["name_en"] = "Bad Mobile", ["name_hi"] = "खराब", ["mobile"] = 12345L, ["post"] = "MEMBER", ["wing"] = null, ["territory"] = p.Block, ["from"] = "01-04-2025" },
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows);

        var page = await ParseAsync(await UploadAsync(client, buffer.ToArray(), "office-bearers.xlsx"));
        Assert.Equal("2", Count(page, "added"));
        var bad = Assert.Single(BadRows(page));
        Assert.Equal(4, bad.Line);
        Assert.Contains("'12345' is not a valid Indian mobile number.", bad.Reason);
        var kamla = await App.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Person!.Mobile == "+919876543210"));
        Assert.Equal((p.Block, new DateOnly(2025, 4, 1)), (kamla.TerritoryId, kamla.From));
    }

    [Fact]
    public async Task The_bad_rows_download_as_a_csv_and_the_sample_file_imports_cleanly()
    {
        var p = await PlacesAsync();
        var client = await SignInAsync(OfficeMp);
        var response = await UploadAsync(client, Utf8WithBom(MixedFile(p)), downloadErrors: true);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,reason,name_en,name_hi,mobile,post,wing,territory,from", lines[0]);
        Assert.Equal(BadLines.Length + 1, lines.Length);
        Assert.StartsWith("4,'12345' is not a valid Indian mobile number.,Bad Mobile,खराब मोबाइल,12345,MEMBER,", lines[1]);

        var sample = await client.GetAsync("/OfficeBearers/Import?handler=Sample&format=csv");
        var page = await ParseAsync(await UploadAsync(client, await sample.Content.ReadAsByteArrayAsync()));
        Assert.Empty(BadRows(page));
        Assert.Equal("2", Count(page, "added"));

        var xlsx = await client.GetAsync("/OfficeBearers/Import?handler=Sample&format=xlsx");
        page = await ParseAsync(await UploadAsync(client, await xlsx.Content.ReadAsByteArrayAsync(), "sample.xlsx"));
        Assert.Empty(BadRows(page));
        // The sample names a booth that has no agent yet, which after the first import is another booth.
        Assert.Equal(2, int.Parse(Count(page, "added")) + int.Parse(Count(page, "present")));
    }

    [Theory]
    [InlineData("office-bearers.txt", "name_en\r\nx", "Only .csv and .xlsx files can be imported.")]
    [InlineData("office-bearers.csv", "", "The file is empty.")]
    public async Task A_wrong_file_gets_a_message_beside_the_field(string name, string text, string message)
    {
        var client = await SignInAsync(OfficeMp);
        var page = await ParseAsync(await UploadAsync(client, Encoding.UTF8.GetBytes(text), name));
        Assert.Equal(message, page.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=import-result]"));
    }

    [Theory]
    [InlineData("office-bearers.csv", "name,mobile\r\nx,98765 43210\r\n", "Missing columns: name_en, name_hi, post, territory, from")]
    [InlineData("office-bearers.xlsx", "not a workbook", "The file could not be read. Save it as CSV UTF-8 or as an Excel workbook (.xlsx) and try again. Nothing was saved.")]
    public async Task A_file_that_cannot_be_read_saves_nothing(string name, string text, string message)
    {
        var client = await SignInAsync(OfficeMp);
        var before = await App.WithDbAsync(db => db.Appointments.CountAsync());
        var page = await ParseAsync(await UploadAsync(client, Encoding.UTF8.GetBytes(text), name));
        var row = Assert.Single(BadRows(page));
        Assert.Equal((1, message), row);
        Assert.Equal(before, await App.WithDbAsync(db => db.Appointments.CountAsync()));
    }
}
