using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using OrgTracker.Tests.Infrastructure;
using OrgTracker.Tests.Membership;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Platform;

/// <summary>The one clock: India's day and month at the edges of a day and a month, and no other clock in the code.</summary>
public partial class IndiaClockTests(AppFactory app) : MembershipTest(app)
{
    // 23:50 in India on the last day of November is still 18:20 UTC on the 30th; 00:10 on 1 December is 18:40 UTC on the 30th.
    private static readonly DateTimeOffset LastMinutesOfNovember = new(2026, 11, 30, 18, 20, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstMinutesOfDecember = new(2026, 11, 30, 18, 40, 0, TimeSpan.Zero);

    [Fact]
    public void At_ten_to_midnight_in_india_on_the_last_day_of_a_month_it_is_still_that_day_and_month()
    {
        var clock = new FakeTimeProvider(LastMinutesOfNovember);
        Assert.Equal(new DateOnly(2026, 11, 30), clock.TodayInIndia());
        Assert.Equal(new DateOnly(2026, 11, 1), clock.ThisMonthInIndia());
        Assert.Equal(new DateTime(2026, 11, 30, 23, 50, 0), clock.NowInIndia());
    }

    [Fact]
    public void At_ten_past_midnight_in_india_on_the_first_it_is_the_new_month_although_utc_is_still_in_the_old_one()
    {
        var clock = new FakeTimeProvider(FirstMinutesOfDecember);
        Assert.Equal(30, clock.UtcNow().Day);
        Assert.Equal(new DateOnly(2026, 12, 1), clock.TodayInIndia());
        Assert.Equal(new DateOnly(2026, 12, 1), clock.ThisMonthInIndia());
    }

    [Fact]
    public void Days_and_months_start_at_india_midnight_which_is_half_past_six_in_the_evening_utc()
    {
        Assert.Equal(new DateTime(2026, 11, 30, 18, 30, 0, DateTimeKind.Utc), IndiaTime.DayStartUtc(new DateOnly(2026, 12, 1)));
        Assert.Equal(new DateTime(2026, 11, 30, 18, 30, 0, DateTimeKind.Utc), IndiaTime.MonthStartUtc(new DateOnly(2026, 12, 17)));
        Assert.Equal(new DateTime(2026, 12, 31, 18, 30, 0, DateTimeKind.Utc), IndiaTime.NextMonthStartUtc(new DateOnly(2026, 12, 17)));
        Assert.Equal(new DateOnly(2026, 12, 1), IndiaTime.MonthOf(new DateOnly(2026, 12, 31)));
        var utc = new DateTime(2026, 3, 1, 2, 15, 0, DateTimeKind.Utc);
        Assert.Equal(utc, IndiaTime.ToUtc(IndiaTime.ToIndia(utc)));
        Assert.Equal(DateTimeKind.Utc, IndiaTime.ToUtc(new DateTime(2026, 3, 1, 7, 45, 0)).Kind);
        Assert.Equal(new DateOnly(2026, 3, 1), IndiaTime.Day(new DateTime(2026, 2, 28, 18, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 2, 28), IndiaTime.Day(new DateTime(2026, 2, 28, 18, 29, 59, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task Every_test_starts_on_the_pinned_clock_and_the_demo_data_are_dated_from_it()
    {
        Assert.Equal(PinnedClock.Start, App.Clock.GetUtcNow());
        var latestHeld = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(
            db.Meetings.Where(m => m.Status == MeetingStatus.Held), m => m.StartsUtc));
        Assert.True(latestHeld < UtcNow, "no demo meeting is held in the future");
        Assert.True(latestHeld > UtcNow.AddDays(-7), "the demo data are recent on the pinned clock, not on the machine's");
    }

    /// <summary>
    /// The machine's clock is read in exactly one place: the registered TimeProvider. Anything else would make a test
    /// pass today and fail tomorrow (or at 23:50 in India), so the source is checked for it.
    /// </summary>
    [Fact]
    public void No_code_reads_the_machine_clock_or_adds_india_offset_itself()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var offenders = new List<string>();
        foreach (var dir in new[] { "src", "tests" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, dir), "*.*", SearchOption.AllDirectories)
                         .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/bin/") && !f.Contains("/obj/")
                                     && !f.Contains("/Migrations/") && !f.EndsWith("IndiaClockTests.cs")))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    if (MachineClock().IsMatch(lines[i]) && !lines[i].TrimStart().StartsWith("///"))
                        offenders.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
            }
        Assert.True(offenders.Count == 0, "read the clock through TimeProvider (Platform/IndiaClock.cs):\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"DateTime\.(Now|Today|UtcNow)\b|DateTimeOffset\.(Now|UtcNow)\b|AddMinutes\(\s*-?330\s*\)|FromMinutes\(\s*330\s*\)|FromHours\(\s*5\.5\s*\)")]
    private static partial Regex MachineClock();
}
