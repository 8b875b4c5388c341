using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrgTracker.BrowserTests.Infrastructure;
using OrgTracker.Web.Domain;

namespace OrgTracker.BrowserTests.Journeys;

public class MembershipJourneyTests(BrowserApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    private const string PresidentIndore = "president.indore@demo.orgtracker.in";

    private static long Count(string? text) => long.Parse(Regex.Replace(text ?? "", "[^0-9]", ""), CultureInfo.InvariantCulture);

    [Fact]
    public async Task On_a_phone_the_indore_president_enrols_a_member_and_sees_the_districts_progress_move()
    {
        var indore = await TerritoryAsync("Indore", TerritoryLevel.District);
        var booth = await App.WithDbAsync(db => db.Territories.AsNoTracking().Where(t => t.Level == TerritoryLevel.Booth && t.DistrictId == indore.Id)
            .OrderBy(t => t.Id).Select(t => new { t.NameEn, Ac = t.AssemblyConstituency!.Number, t.PartNumber }).FirstAsync());
        Page = await NewPageAsync(Phone);
        await SignInAsync(PresidentIndore);
        await Expect(Page).ToHaveURLAsync(new Regex($"/Dashboard/{indore.Id}$"));
        var dashboardEnrolled = Count(await Page.GetByTestId("members-enrolled").EvaluateAsync<string>("e => e.firstChild.textContent"));

        // From the dashboard's membership figure to the drive's progress for the district.
        await Page.GetByTestId("members-enrolled").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($@"/Membership/Progress/\d+\?territory={indore.Id}$"));
        var before = Count(await Page.GetByTestId("total-enrolled").TextContentAsync());
        Assert.Equal(dashboardEnrolled, before);
        await ExpectNoSidewaysScrollingAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Enrol a member", Exact = true }).First.ClickAsync();
        await Expect(Page.GetByTestId("scope-enrolled")).ToHaveTextAsync(before.ToString("N0", IndianEnglish));
        // The booth found as the user types "AC/part", without pressing Find.
        await Page.GetByLabel("1. Find the member's booth").FillAsync($"{booth.Ac}/{booth.PartNumber}");
        var result = Page.GetByTestId("booth-results").GetByRole(AriaRole.Link).First;
        await Expect(result).ToContainTextAsync(booth.NameEn);
        await ExpectNoSidewaysScrollingAsync();
        await result.ClickAsync();
        await Expect(Page.GetByTestId("chosen-booth")).ToContainTextAsync(booth.NameEn);

        // A mobile number that is not a number gets its message beside the field, and nothing is saved.
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Rekha Malviya");
        await Page.GetByLabel("Mobile number", new() { Exact = true }).FillAsync("12345");
        await Page.GetByTestId("enrol-submit").ClickAsync();
        await Expect(Page.GetByTestId("mobile-error")).Not.ToBeEmptyAsync();
        await Page.GetByLabel("Mobile number", new() { Exact = true }).FillAsync("94250 11223");
        await Page.GetByLabel("Gender", new() { Exact = true }).SelectOptionAsync("Female");
        await Page.GetByLabel("Year of birth", new() { Exact = true }).FillAsync("1988");
        await ExpectNoSidewaysScrollingAsync();
        await Page.GetByTestId("enrol-submit").ClickAsync();

        await Expect(Page.GetByTestId("enrolled-message")).ToContainTextAsync("Rekha Malviya");
        await ScreenshotAsync("enrol-phone.png", fullPage: true);
        await Expect(Page.GetByTestId("scope-enrolled")).ToHaveTextAsync((before + 1).ToString("N0", IndianEnglish));

        await Page.GetByTestId("scope-progress").GetByRole(AriaRole.Link, new() { Name = "Progress", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("total-enrolled")).ToHaveTextAsync((before + 1).ToString("N0", IndianEnglish));
        await ExpectNoSidewaysScrollingAsync();
    }

    [Fact]
    public async Task A_csv_with_good_and_bad_rows_is_imported_and_its_error_report_names_each_bad_line()
    {
        var indore = await TerritoryAsync("Indore", TerritoryLevel.District);
        var booths = await App.WithDbAsync(db => db.Territories.AsNoTracking().Where(t => t.Level == TerritoryLevel.Booth && t.DistrictId == indore.Id)
            .OrderBy(t => t.Id).Take(2).Select(t => new { Ac = t.AssemblyConstituency!.Number, t.PartNumber }).ToListAsync());
        var today = App.Clock.TodayInIndia().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = string.Join("\n",
            "name,mobile,ac_number,part_number,gender,birth_year,channel,enrolled_on,enrolled_by",
            $"Ramesh Patidar,9425012001,{booths[0].Ac},{booths[0].PartNumber},Male,1980,paper,{today},Ward worker",
            $"Bad Number,12345,{booths[0].Ac},{booths[0].PartNumber},Male,1981,paper,{today},Ward worker",
            $"Sita Chouhan,9425012002,{booths[1].Ac},{booths[1].PartNumber},Female,1992,paper,{today},Ward worker",
            $"Nowhere Booth,9425012003,{booths[0].Ac},99999,Female,1990,paper,{today},Ward worker",
            $"Ramesh Again,9425012001,{booths[1].Ac},{booths[1].PartNumber},Male,1980,paper,{today},Ward worker") + "\n";

        Page = await NewPageAsync(_ => { });
        await SignInAsync(PresidentIndore);
        await Page.GetByTestId("members-enrolled").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import forms", Exact = true }).First.ClickAsync();
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "indore-forms.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        // The job page follows the background import until it is done.
        var job = Page.GetByTestId("import-job");
        await Expect(job).ToHaveAttributeAsync("data-status", "Done", new() { Timeout = 60_000 });
        await Expect(Page.GetByTestId("job-added")).ToHaveTextAsync("2");
        await Expect(Page.GetByTestId("job-errors")).ToHaveTextAsync("3");
        await ScreenshotAsync("import-job.png", fullPage: true);

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("error-report").ClickAsync());
        var report = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = report.Trim().Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(3, lines.Count);
        // Line numbers count the header as line 1.
        Assert.StartsWith("3,", lines[0]);
        Assert.StartsWith("5,", lines[1]);
        Assert.StartsWith("6,", lines[2]);

        // Importing the same file again adds nothing.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import another file", Exact = true }).ClickAsync();
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "indore-forms.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("import-job")).ToHaveAttributeAsync("data-status", "Done", new() { Timeout = 60_000 });
        await Expect(Page.GetByTestId("job-added")).ToHaveTextAsync("0");
        await Expect(Page.GetByTestId("job-present")).ToHaveTextAsync("2");
    }
}
