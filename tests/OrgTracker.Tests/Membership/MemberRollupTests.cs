using System.Net;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Tests.Membership;

/// <summary>
/// The members of a drive per block and month (enrolled, verified, rejected) and per constituency (the dashboard's
/// totals, trend and focus seats; the membership pages above booth level) equal a fresh count from the members
/// themselves after enrolling, importing, verifying and rejecting, and moving a booth to another seat.
/// </summary>
public class MemberRollupTests(AppFactory app) : MembershipTest(app)
{
    [Fact]
    public async Task Enrolling_and_importing_keep_the_month_and_seat_counts_fresh()
    {
        var drive = await MpDriveAsync();
        await AssertFreshAsync(drive);

        var indore = await SignInAsync(PresidentIndore);
        var booth = await BoothInAsync("Indore", skip: 3);
        var response = await PostFormAsync(indore, $"/Membership/Enrol/{drive}?booth={booth.Id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Rollup Member", ["Input.Mobile"] = "+91 98111 07001", ["Input.Gender"] = "Female", ["Input.BirthYear"] = "1990",
            ["Input.Channel"] = "PaperForm", ["Input.EnrolledOn"] = TodayInIndia.ToString("yyyy-MM-dd"), ["Input.EnrolledBy"] = "Ward worker",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertFreshAsync(drive);

        // Two booths of another district.
        var (ac1, part1) = await BoothCodeAsync((await BoothInAsync("Bhopal", skip: 2)).Id);
        var (ac2, part2) = await BoothCodeAsync((await BoothInAsync("Bhopal", skip: 5)).Id);
        // The drive's first day, or a month ago if it started before: another month when the drive allows one.
        var start = await App.WithDbAsync(db => db.MembershipDrives.Where(d => d.Id == drive).Select(d => d.StartDate).SingleAsync());
        var earlier = (start > TodayInIndia.AddMonths(-1) ? start : TodayInIndia.AddMonths(-1)).ToString("yyyy-MM-dd");
        var (job, errors) = await ImportAsync(drive, $"""
            {Header}
            Import One,9811107002,{ac1},{part1},M,1980,paper,{earlier},
            Import Two,9811107003,{ac2},{part2},F,1985,paper,{TodayInIndia:yyyy-MM-dd},
            Import Three,9811107004,{ac2},{part2},F,1986,paper,{earlier},
            """);
        Assert.Empty(errors);
        Assert.Equal(ImportStatus.Done, job.Status);
        await AssertFreshAsync(drive);

        // The state office verifies one member, rejects another, then takes the rejection back.
        var office = await SignInAsync(OfficeMp);
        var picked = await App.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.DriveId == drive && m.Verification == Verification.Unverified)
            .OrderBy(m => m.Mobile).Take(2).ToListAsync());
        foreach (var (member, to) in new[] { (picked[0], "Verified"), (picked[1], "Rejected") })
        {
            var verify = await PostFormAsync(office, $"/Membership/Members/{drive}?handler=Verify&member={member.Mobile}&version={member.Version}&to={to}",
                [], formPage: $"/Membership/Members/{drive}");
            Assert.Equal(HttpStatusCode.Redirect, verify.StatusCode);
            await AssertFreshAsync(drive);
        }
        var rejected = await App.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.DriveId == drive && m.Mobile == picked[1].Mobile));
        Assert.Equal(Verification.Rejected, rejected.Verification);
        var undo = await PostFormAsync(office, $"/Membership/Members/{drive}?handler=Verify&member={rejected.Mobile}&version={rejected.Version}&to=Unverified",
            [], formPage: $"/Membership/Members/{drive}");
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        await AssertFreshAsync(drive);
    }

    [Fact]
    public async Task Moving_a_booth_with_members_to_another_seat_recounts_both_seats()
    {
        var drive = await MpDriveAsync();
        var booth = await App.WithDbAsync(db => db.Territories.AsNoTracking()
            .Where(b => b.Level == TerritoryLevel.Booth && b.AssemblyConstituencyId != null && db.Members.Any(m => m.DriveId == drive && m.BoothId == b.Id))
            .OrderBy(b => b.Id).FirstAsync());
        var other = await App.WithDbAsync(db => db.AssemblyConstituencies.AsNoTracking()
            .Where(a => a.StateId == booth.StateId && a.Id != booth.AssemblyConstituencyId).OrderBy(a => a.Id).FirstAsync());
        Task<int> SeatAsync(int seat) => App.WithDbAsync(db => db.MemberSeatCounts.Where(c => c.DriveId == drive && c.AssemblyConstituencyId == seat)
            .Select(c => c.Enrolled).SingleOrDefaultAsync());
        var members = await App.WithDbAsync(db => db.Members.CountAsync(m => m.DriveId == drive && m.BoothId == booth.Id));
        var (fromBefore, toBefore) = (await SeatAsync(booth.AssemblyConstituencyId!.Value), await SeatAsync(other.Id));

        await App.WithDbAsync(async db =>
        {
            var b = await db.Territories.SingleAsync(t => t.Id == booth.Id);
            b.AssemblyConstituencyId = other.Id;
            b.PartNumber = 4990;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(fromBefore - members, await SeatAsync(booth.AssemblyConstituencyId!.Value));
        Assert.Equal(toBefore + members, await SeatAsync(other.Id));
        await AssertFreshAsync(drive);
    }
}
