namespace OrgTracker.Web.Platform;

/// <summary>
/// India time: Indian Standard Time, UTC+05:30 all year (India has no daylight saving). Instants are stored in UTC;
/// days and months are India's, because that is when the party's workers live their day: a report filed at
/// 23:50 in Bhopal on the 30th belongs to the 30th, not to the 1st of the next month in UTC's reckoning.
/// This is the one definition of the offset; nothing else in the application adds 5:30 hours.
/// </summary>
public static class IndiaTime
{
    /// <summary>The offset in minutes, for queries that EF Core translates to SQL (a constant there, not a parameter).</summary>
    public const int OffsetMinutes = 330;

    public static readonly TimeSpan Offset = TimeSpan.FromMinutes(OffsetMinutes);

    /// <summary>The wall-clock time in India at the UTC instant <paramref name="utc"/>.</summary>
    public static DateTime ToIndia(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    /// <summary>The UTC instant of a wall-clock time in India.</summary>
    public static DateTime ToUtc(DateTime india) => DateTime.SpecifyKind(india - Offset, DateTimeKind.Utc);

    /// <summary>The calendar day in India at the UTC instant <paramref name="utc"/>.</summary>
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    /// <summary>The same for hand-written SQL: the India day of a <c>timestamptz</c> expression.</summary>
    public static string SqlDay(string utcExpression) => $"(({utcExpression}) AT TIME ZONE interval '{OffsetMinutes} minutes')::date";

    /// <summary>The UTC instant at which <paramref name="day"/> starts in India (18:30 UTC the day before).</summary>
    public static DateTime DayStartUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The first day of the month that contains <paramref name="day"/>.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The UTC instant at which the month containing <paramref name="day"/> starts in India.</summary>
    public static DateTime MonthStartUtc(DateOnly day) => DayStartUtc(MonthOf(day));

    /// <summary>The UTC instant at which the month after the one containing <paramref name="day"/> starts in India.</summary>
    public static DateTime NextMonthStartUtc(DateOnly day) => DayStartUtc(MonthOf(day).AddMonths(1));
}

/// <summary>
/// The one clock: every page, query, job and seeder asks the registered <see cref="TimeProvider"/> (the system clock
/// in the application, a pinned <c>FakeTimeProvider</c> in tests) through these, never <c>DateTime.UtcNow</c>.
/// </summary>
public static class IndiaClock
{
    /// <summary>Now, as a UTC <see cref="DateTime"/> (the form the database columns hold).</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today's date in India.</summary>
    public static DateOnly TodayInIndia(this TimeProvider clock) => IndiaTime.Day(clock.UtcNow());

    /// <summary>The first day of the current month in India.</summary>
    public static DateOnly ThisMonthInIndia(this TimeProvider clock) => IndiaTime.MonthOf(clock.TodayInIndia());

    /// <summary>The wall-clock time in India now.</summary>
    public static DateTime NowInIndia(this TimeProvider clock) => IndiaTime.ToIndia(clock.UtcNow());
}
