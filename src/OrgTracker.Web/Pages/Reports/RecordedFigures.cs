using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Reports;

/// <summary>A figure OrgTracker recorded itself, and where the reviewer can open the records behind it.</summary>
/// <param name="Value">The count for the district and month.</param>
/// <param name="RecordsPage">The Razor page that lists those records (for example "/Meetings/Index"), if any.</param>
/// <param name="RouteValues">Its route values (district, month…).</param>
public sealed record RecordedFigure(int Value, string? RecordsPage = null, IDictionary<string, string>? RouteValues = null);

/// <summary>
/// What OrgTracker itself recorded for a district and month, indicator by indicator, to show beside the claimed
/// figures. Each method returns null while OrgTracker does not hold that figure: the feature that records it
/// (meetings, office-bearers, membership) fills in its method here, and the report form and review page show it
/// from then on. A month is [first day of the period, first day of the next) in India time.
/// </summary>
public sealed class RecordedFigures(AppDbContext db)
{
    /// <summary>Recorded figures by indicator key; indicators OrgTracker does not hold are left out.</summary>
    public async Task<Dictionary<string, RecordedFigure>> ForAsync(int districtId, DateOnly period, IEnumerable<Indicator> indicators, CancellationToken ct)
    {
        var result = new Dictionary<string, RecordedFigure>();
        foreach (var indicator in indicators)
            if (await ForAsync(indicator.Key, districtId, period, ct) is { } figure)
                result[indicator.Key] = figure;
        return result;
    }

    public Task<RecordedFigure?> ForAsync(string indicatorKey, int districtId, DateOnly period, CancellationToken ct) => indicatorKey switch
    {
        ReportIndicators.MeetingsHeld => MeetingsHeldAsync(districtId, period, ct),
        ReportIndicators.BlockCommitteesFormed => BlockCommitteesFormedAsync(districtId, period, ct),
        ReportIndicators.BoothCommitteesFormed => BoothCommitteesFormedAsync(districtId, period, ct),
        ReportIndicators.BoothAgentsAppointed => BoothAgentsAppointedAsync(districtId, period, ct),
        ReportIndicators.MembersEnrolled => MembersEnrolledAsync(districtId, period, ct),
        ReportIndicators.TrainingSessionsHeld => TrainingSessionsHeldAsync(districtId, period, ct),
        ReportIndicators.InactiveIdentified => InactiveIdentifiedAsync(districtId, period, ct),
        // Public programmes and social-media activity are not recorded in OrgTracker.
        _ => NotHeld,
    };

    /// <summary>Meetings held in the district in the month (meetings feature: status held, start in the month).</summary>
    public Task<RecordedFigure?> MeetingsHeldAsync(int districtId, DateOnly period, CancellationToken ct) =>
        HeldAsync(districtId, period, null, ct);

    /// <summary>Block committees formed (office-bearers feature: first committee appointment at a block of the district in the month).</summary>
    public Task<RecordedFigure?> BlockCommitteesFormedAsync(int districtId, DateOnly period, CancellationToken ct) =>
        CommitteesFormedAsync(districtId, period, CommitteeKind.Block, ct);

    /// <summary>Booth committees formed (office-bearers feature: as above, at booths).</summary>
    public Task<RecordedFigure?> BoothCommitteesFormedAsync(int districtId, DateOnly period, CancellationToken ct) =>
        CommitteesFormedAsync(districtId, period, CommitteeKind.Booth, ct);

    private async Task<RecordedFigure?> CommitteesFormedAsync(int districtId, DateOnly period, CommitteeKind kind, CancellationToken ct)
    {
        var end = period.AddMonths(1);
        var n = await db.Committees.CountAsync(c => c.DistrictId == districtId && c.Kind == kind && c.FormedOn >= period && c.FormedOn < end, ct);
        return new RecordedFigure(n, "/OfficeBearers/Coverage", new Dictionary<string, string> { ["territory"] = districtId.ToString() });
    }

    /// <summary>Booth agents (BLA) appointed in the month (office-bearers feature).</summary>
    public async Task<RecordedFigure?> BoothAgentsAppointedAsync(int districtId, DateOnly period, CancellationToken ct)
    {
        var end = period.AddMonths(1);
        var n = await db.Appointments.CountAsync(a => a.DistrictId == districtId && a.PostId == ReferenceData.BoothAgentPostId
                                                      && a.From >= period && a.From < end, ct);
        return new RecordedFigure(n, "/OfficeBearers/Coverage", new Dictionary<string, string> { ["territory"] = districtId.ToString() });
    }

    /// <summary>Members enrolled in the district in the month (membership feature: enrolment date in the month).</summary>
    public Task<RecordedFigure?> MembersEnrolledAsync(int districtId, DateOnly period, CancellationToken ct) => NotHeld;

    /// <summary>Training sessions held (meetings feature: type training, held in the month).</summary>
    public Task<RecordedFigure?> TrainingSessionsHeldAsync(int districtId, DateOnly period, CancellationToken ct) =>
        HeldAsync(districtId, period, MeetingType.Training, ct);

    /// <summary>Meetings of the district and below recorded as held, starting in the month (India time), optionally of one type.</summary>
    private async Task<RecordedFigure?> HeldAsync(int districtId, DateOnly period, MeetingType? type, CancellationToken ct)
    {
        var start = IndiaTime.DayStartUtc(period);
        var end = IndiaTime.DayStartUtc(period.AddMonths(1));
        var meetings = db.Meetings.Where(m => m.DistrictId == districtId && m.Status == MeetingStatus.Held && m.StartsUtc >= start && m.StartsUtc < end);
        if (type is { } t) meetings = meetings.Where(m => m.Type == t);
        var n = await meetings.CountAsync(ct);
        var route = new Dictionary<string, string>
        {
            ["territory"] = districtId.ToString(), ["status"] = nameof(MeetingStatus.Held),
            ["from"] = period.ToString("yyyy-MM-dd"), ["to"] = period.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd"),
        };
        if (type is { } k) route["type"] = k.ToString();
        return new RecordedFigure(n, "/Meetings/Index", route);
    }

    /// <summary>Office-bearers flagged inactive in the month (office-bearers feature).</summary>
    public async Task<RecordedFigure?> InactiveIdentifiedAsync(int districtId, DateOnly period, CancellationToken ct)
    {
        var end = period.AddMonths(1);
        var n = await db.Appointments.CountAsync(a => a.DistrictId == districtId && a.InactiveSince >= period && a.InactiveSince < end, ct);
        return new RecordedFigure(n, "/OfficeBearers/Inactive", new Dictionary<string, string> { ["district"] = districtId.ToString(), ["status"] = "all" });
    }

    private static Task<RecordedFigure?> NotHeld => Task.FromResult<RecordedFigure?>(null);
}
