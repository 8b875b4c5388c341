using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Membership;
using OrgTracker.Web.Platform;

namespace OrgTracker.Tests.Membership;

/// <summary>Helpers of the membership tests: the seeded MP drive, booths by district, imports run directly or uploaded.</summary>
public abstract partial class MembershipTest(AppFactory app) : IntegrationTest(app)
{
    protected Task<int> MpDriveAsync() => App.WithDbAsync(db => db.MembershipDrives
        .Where(d => db.Territories.Any(t => t.Id == d.StateId && t.Code == "MP")).Select(d => d.Id).SingleAsync());

    protected Task<Territory> BoothInAsync(string district, int skip = 0) => App.WithDbAsync(db => db.Territories.AsNoTracking()
        .Where(t => t.Level == TerritoryLevel.Booth && db.Territories.Any(d => d.Id == t.DistrictId && d.NameEn == district && d.Level == TerritoryLevel.District))
        .OrderBy(t => t.Id).Skip(skip).FirstAsync());

    /// <summary>"AC,part" of a booth, as an import file names it.</summary>
    protected Task<(int Ac, int Part)> BoothCodeAsync(int boothId) => App.WithDbAsync(async db =>
    {
        var b = await db.Territories.Where(t => t.Id == boothId).Select(t => new { t.AssemblyConstituency!.Number, t.PartNumber }).SingleAsync();
        return (b.Number, b.PartNumber!.Value);
    });

    protected Task<Member?> MemberAsync(int driveId, long mobile) =>
        App.WithDbAsync(db => db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.DriveId == driveId && m.Mobile == mobile));

    protected Task<Member> SeededMemberInAsync(int driveId, string district) => App.WithDbAsync(db => db.Members.AsNoTracking()
        .Where(m => m.DriveId == driveId && db.Territories.Any(d => d.Id == m.DistrictId && d.NameEn == district)).OrderBy(m => m.Mobile).FirstAsync());

    protected static long Number(string text) => long.Parse(Regex.Replace(text, "[^0-9]", ""), CultureInfo.InvariantCulture);

    private sealed record MonthRow(int BlockId, DateOnly Month, int? DistrictId, int Enrolled, int Verified, int Rejected);

    private sealed record SeatRow(int Seat, int Enrolled);

    /// <summary>The drive's booth, month and seat counts equal a fresh count of its members.</summary>
    protected async Task AssertFreshAsync(int drive)
    {
        var booths = await App.WithDbAsync(db => db.MemberBoothCounts.Where(c => c.DriveId == drive && c.Enrolled > 0)
            .OrderBy(c => c.BoothId).Select(c => new { c.BoothId, c.Enrolled }).ToListAsync());
        var freshBooths = await App.WithDbAsync(db => db.Members.Where(m => m.DriveId == drive).GroupBy(m => m.BoothId)
            .OrderBy(g => g.Key).Select(g => new { BoothId = g.Key, Enrolled = g.Count() }).ToListAsync());
        Assert.Equal(freshBooths, booths);
        var months = await App.WithDbAsync(db => db.MemberMonthCounts.Where(c => c.DriveId == drive && c.Enrolled > 0)
            .Select(c => new MonthRow(c.BlockId, c.Month, c.DistrictId, c.Enrolled, c.Verified, c.Rejected)).ToListAsync());
        var members = await App.WithDbAsync(db => db.Members.Where(m => m.DriveId == drive)
            .Select(m => new { m.BlockId, m.EnrolledOn, m.DistrictId, m.Verification, Seat = db.Territories.Where(b => b.Id == m.BoothId).Select(b => b.AssemblyConstituencyId).First() })
            .ToListAsync());
        var freshMonths = members.GroupBy(m => (m.BlockId, Month: IndiaTime.MonthOf(m.EnrolledOn), m.DistrictId))
            .Select(g => new MonthRow(g.Key.BlockId, g.Key.Month, g.Key.DistrictId, g.Count(),
                g.Count(m => m.Verification == Verification.Verified), g.Count(m => m.Verification == Verification.Rejected)));
        Assert.Equal(freshMonths.OrderBy(r => r.BlockId).ThenBy(r => r.Month), months.OrderBy(r => r.BlockId).ThenBy(r => r.Month));

        var seats = await App.WithDbAsync(db => db.MemberSeatCounts.Where(c => c.DriveId == drive && c.Enrolled > 0)
            .Select(c => new SeatRow(c.AssemblyConstituencyId, c.Enrolled)).ToListAsync());
        var freshSeats = members.Where(m => m.Seat != null).GroupBy(m => m.Seat!.Value).Select(g => new SeatRow(g.Key, g.Count()));
        Assert.Equal(freshSeats.OrderBy(r => r.Seat), seats.OrderBy(r => r.Seat));
    }

    /// <summary>Runs an import the way the worker does, in this process, and returns the job as it ended.</summary>
    protected Task<(MemberImportJob Job, List<MemberImportError> Errors)> ImportAsync(int driveId, string content, string? district = null, string fileName = "members.csv") =>
        ImportAsync(driveId, Encoding.UTF8.GetBytes(content), district, fileName);

    protected async Task<(MemberImportJob Job, List<MemberImportError> Errors)> ImportAsync(int driveId, byte[] content, string? district = null, string fileName = "members.csv")
    {
        var jobId = await App.WithDbAsync(async db =>
        {
            var drive = await db.MembershipDrives.SingleAsync(d => d.Id == driveId);
            var d = district is null ? null : await db.Territories.SingleAsync(t => t.NameEn == district && t.Level == TerritoryLevel.District);
            var job = new MemberImportJob
            {
                DriveId = driveId, StateId = drive.StateId, DivisionId = d?.DivisionId, DistrictId = d?.Id, FileName = fileName,
                Format = fileName.EndsWith(".xlsx") ? ImportFormat.Excel : ImportFormat.Csv, Status = ImportStatus.Running, Attempts = 1,
                // No heartbeat until the run writes one on the database's clock: a heartbeat from the pinned clock (days
                // before the database's now) would look abandoned, and this host's own worker would take the job over.
                Worker = "test", CreatedUtc = UtcNow,
            };
            db.MemberImportJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });
        await using (var file = new MemoryStream(content))
            await App.Services.GetRequiredService<MemberImportQueue>().RunAsync(jobId, "test", file, CancellationToken.None);
        return await JobAsync(jobId);
    }

    protected Task<(MemberImportJob Job, List<MemberImportError> Errors)> JobAsync(long jobId) => App.WithDbAsync(async db =>
        (await db.MemberImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId),
         await db.MemberImportErrors.AsNoTracking().Where(e => e.JobId == jobId).OrderBy(e => e.Line).ToListAsync()));

    /// <summary>
    /// GETs the form page, then POSTs a file with the hidden fields of the page's form that takes a file (its antiforgery
    /// token, and whatever else the page gave it), as a browser would.
    /// </summary>
    protected static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string fileName, byte[] content, string? formPage = null)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(formPage ?? url));
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector("input[type=file]") is not null);
        Assert.True(form is not null, $"no form with a file on {formPage ?? url}");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden][name]"))
            body.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null, $"no antiforgery token on {formPage ?? url}");
        body.Add(new ByteArrayContent(content), "file", fileName);
        return await client.PostAsync(url, body);
    }

    /// <summary>The number of members by a direct count, for checking the summary tables.</summary>
    protected Task<long> CountAsync(Func<AppDbContext, IQueryable<Member>> members) => App.WithDbAsync(db => members(db).LongCountAsync());

    protected const string Header = "name,mobile,ac_number,part_number,gender,birth_year,channel,enrolled_on,enrolled_by";
}
