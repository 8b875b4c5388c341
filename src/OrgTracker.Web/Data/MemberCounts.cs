using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Data;

/// <summary>
/// Keeps the summary tables (<see cref="MemberBoothCount"/>, <see cref="MemberDailyCount"/>, <see cref="MemberMonthCount"/>,
/// <see cref="MemberSeatCount"/>) in step with members.
/// Every write to members calls one of these in the same transaction; progress pages read only the summaries.
/// Rows are locked in the same order everywhere (members, then booth, daily, month and seat counts), so concurrent
/// enrolments and imports never deadlock.
/// </summary>
public static class MemberCounts
{
    /// <summary>One member added (by the enrolment form). Call inside the transaction that inserts the member.</summary>
    public static async Task AddedAsync(AppDbContext db, Member m, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO member_booth_counts AS c (drive_id, booth_id, block_id, state_id, division_id, district_id, enrolled, verified, rejected)
            VALUES ({m.DriveId}, {m.BoothId}, {m.BlockId}, {m.StateId}, {m.DivisionId}, {m.DistrictId}, 1, 0, 0)
            ON CONFLICT (drive_id, booth_id, state_id) DO UPDATE SET enrolled = c.enrolled + 1
            """, ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO member_daily_counts AS c (drive_id, block_id, day, state_id, division_id, district_id, enrolled)
            VALUES ({m.DriveId}, {m.BlockId}, {m.EnrolledOn}, {m.StateId}, {m.DivisionId}, {m.DistrictId}, 1)
            ON CONFLICT (drive_id, block_id, day, state_id) DO UPDATE SET enrolled = c.enrolled + 1
            """, ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO member_month_counts AS c (drive_id, block_id, month, state_id, division_id, district_id, enrolled)
            VALUES ({m.DriveId}, {m.BlockId}, {IndiaTime.MonthOf(m.EnrolledOn)}, {m.StateId}, {m.DivisionId}, {m.DistrictId}, 1)
            ON CONFLICT (drive_id, block_id, month, state_id) DO UPDATE SET enrolled = c.enrolled + 1
            """, ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO member_seat_counts AS c (drive_id, assembly_constituency_id, state_id, enrolled)
            SELECT {m.DriveId}, b.assembly_constituency_id, b.state_id, 1 FROM territories b
            WHERE b.id = {m.BoothId} AND b.assembly_constituency_id IS NOT NULL
            ON CONFLICT (drive_id, assembly_constituency_id, state_id) DO UPDATE SET enrolled = c.enrolled + 1
            """, ct);
    }

    /// <summary>A member's verification changed from <paramref name="before"/> to the member's current status.</summary>
    public static async Task VerificationChangedAsync(AppDbContext db, Member m, Verification before, CancellationToken ct)
    {
        int Delta(Verification v) => (m.Verification == v ? 1 : 0) - (before == v ? 1 : 0);
        var verified = Delta(Verification.Verified);
        var rejected = Delta(Verification.Rejected);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE member_booth_counts SET verified = verified + {verified}, rejected = rejected + {rejected}
            WHERE drive_id = {m.DriveId} AND booth_id = {m.BoothId} AND state_id = {m.StateId}
            """, ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE member_month_counts SET verified = verified + {verified}, rejected = rejected + {rejected}
            WHERE drive_id = {m.DriveId} AND block_id = {m.BlockId} AND month = {IndiaTime.MonthOf(m.EnrolledOn)} AND state_id = {m.StateId}
            """, ct);
    }

    /// <summary>
    /// Recomputes a drive's summaries from the members table (after the scale generator's COPY, or to repair).
    /// Scans the drive's members once; never called by a page.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, int driveId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            DELETE FROM member_booth_counts WHERE drive_id = {driveId};
            DELETE FROM member_daily_counts WHERE drive_id = {driveId};
            DELETE FROM member_month_counts WHERE drive_id = {driveId};
            DELETE FROM member_seat_counts WHERE drive_id = {driveId};
            INSERT INTO member_booth_counts (drive_id, booth_id, block_id, state_id, division_id, district_id, enrolled, verified, rejected)
            SELECT drive_id, booth_id, min(block_id), min(state_id), min(division_id), min(district_id), count(*),
                   count(*) FILTER (WHERE verification = 1), count(*) FILTER (WHERE verification = 2)
            FROM members WHERE drive_id = {driveId} GROUP BY drive_id, booth_id;
            INSERT INTO member_daily_counts (drive_id, block_id, day, state_id, division_id, district_id, enrolled)
            SELECT drive_id, block_id, enrolled_on, min(state_id), min(division_id), min(district_id), count(*)
            FROM members WHERE drive_id = {driveId} GROUP BY drive_id, block_id, enrolled_on;
            INSERT INTO member_month_counts (drive_id, block_id, month, state_id, division_id, district_id, enrolled, verified, rejected)
            SELECT drive_id, block_id, date_trunc('month', enrolled_on)::date, min(state_id), min(division_id), min(district_id), count(*),
                   count(*) FILTER (WHERE verification = 1), count(*) FILTER (WHERE verification = 2)
            FROM members WHERE drive_id = {driveId} GROUP BY 1, 2, 3;
            INSERT INTO member_seat_counts (drive_id, assembly_constituency_id, state_id, enrolled)
            SELECT c.drive_id, b.assembly_constituency_id, min(c.state_id), sum(c.enrolled)
            FROM member_booth_counts c JOIN territories b ON b.id = c.booth_id
            WHERE c.drive_id = {driveId} AND b.assembly_constituency_id IS NOT NULL GROUP BY 1, 2;
            """, ct);
    }
}
