using Microsoft.Extensions.Time.Testing;

namespace OrgTracker.Tests.Infrastructure;

/// <summary>
/// The clock the application under test runs on: a <see cref="FakeTimeProvider"/> that starts every test at the same
/// instant, so that no test depends on the day or hour it runs. A <see cref="FakeTimeProvider"/> cannot go back in
/// time, so <see cref="Reset"/> swaps in a fresh one rather than setting the old one back.
/// </summary>
public sealed class PinnedClock : TimeProvider
{
    /// <summary>10:30 in India (05:00 UTC) on Monday 23-11-2026: mid-month, mid-morning, a working day.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _current = new(Start);

    /// <summary>Back to <see cref="Start"/> (each test begins here).</summary>
    public void Reset() => _current = new FakeTimeProvider(Start);

    /// <summary>Starts over at <paramref name="instant"/>: for tests about a particular moment (a month's last minute).</summary>
    public void Set(DateTimeOffset instant) => _current = new FakeTimeProvider(instant);

    public void Advance(TimeSpan by) => _current.Advance(by);

    public override DateTimeOffset GetUtcNow() => _current.GetUtcNow();
    public override TimeZoneInfo LocalTimeZone => _current.LocalTimeZone;
    public override long TimestampFrequency => _current.TimestampFrequency;
    public override long GetTimestamp() => _current.GetTimestamp();
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _current.CreateTimer(callback, state, dueTime, period);
}
