using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Platform;

public sealed record DistrictRef(int Id, string NameEn, string NameHi, int StateId, int? DivisionId, string DivisionEn, string DivisionHi)
{
    public string Name => Localization.Pick(NameEn, NameHi);
    public string Division => Localization.Pick(DivisionEn, DivisionHi);
}

/// <summary>One version of a report, as the lists need it.</summary>
public sealed record VersionRow(
    int Id, int DistrictId, DateOnly Period, int Revision, ReportStatus Status, Dictionary<string, int> Figures,
    DateTime? FirstSubmittedUtc, DateTime? LastSubmittedUtc, bool EnteredOnBehalf, bool SubmittedOnBehalf);

/// <summary>
/// A district's month: the newest version (what the district is doing now), the effective version (what counts:
/// the newest accepted one, else the newest awaiting review), timeliness and score.
/// </summary>
public sealed class DistrictMonth
{
    public required DistrictRef District { get; init; }
    public required DateOnly Period { get; init; }
    public required DateTime DueUtc { get; init; }
    public VersionRow? Latest { get; init; }
    /// <summary>The newest version's status (also where <see cref="Latest"/> is not read).</summary>
    public ReportStatus? LatestStatus { get; init; }
    public VersionRow? Effective { get; init; }
    public DateTime? FirstSubmittedUtc { get; init; }
    public int Score { get; init; }
    /// <summary>Past the due date and never submitted.</summary>
    public bool IsMissing { get; init; }
    /// <summary>First submitted after the due date.</summary>
    public bool IsLate => FirstSubmittedUtc > DueUtc;

    public static DistrictMonth Build(DistrictRef district, DateOnly period, IEnumerable<VersionRow> versions, ReportOptions options,
        IReadOnlyList<Indicator> indicators, DateTime nowUtc)
    {
        var list = versions.OrderByDescending(v => v.Revision).ToList();
        var effective = list.FirstOrDefault(v => v.Status == ReportStatus.Accepted)
                        ?? list.FirstOrDefault(v => v.Status is ReportStatus.Submitted or ReportStatus.Resubmitted);
        var first = list.Min(v => v.FirstSubmittedUtc);
        var due = options.DueUtc(period);
        return Make(district, period, due, list.FirstOrDefault(), effective, list.FirstOrDefault()?.Status, first,
            effective is null ? 0 : ReportScoring.Score(effective.Figures, first, due, indicators), nowUtc);
    }

    /// <summary>The same from the month's summary row (<see cref="ReportMonth"/>; null when the district has no version that month).</summary>
    public static DistrictMonth FromSummary(DistrictRef district, DateOnly period, ReportMonth? month, ReportOptions options,
        IReadOnlyList<Indicator> indicators, DateTime nowUtc)
    {
        var due = options.DueUtc(period);
        return Make(district, period, due, null, null, month?.LatestStatus, month?.FirstSubmittedUtc,
            ReportScoring.Score(month?.Figures, month?.FirstSubmittedUtc, due, indicators), nowUtc);
    }

    private static DistrictMonth Make(DistrictRef district, DateOnly period, DateTime due, VersionRow? latest, VersionRow? effective,
        ReportStatus? latestStatus, DateTime? first, int score, DateTime nowUtc) => new()
    {
        District = district, Period = period, DueUtc = due, Latest = latest, Effective = effective, LatestStatus = latestStatus, FirstSubmittedUtc = first,
        Score = score, IsMissing = first is null && nowUtc > due,
    };
}

/// <summary>Report lookups shared by the report pages, always within the user's scope.</summary>
public static class ReportQueries
{
    /// <summary>The districts the user may see, optionally of one division, by name.</summary>
    public static async Task<List<DistrictRef>> DistrictsInScopeAsync(this AppDbContext db, ClaimsPrincipal user, int? divisionId, CancellationToken ct)
    {
        var inScope = db.Territories.AsNoTracking().InScope(user).Where(t => t.Level == TerritoryLevel.District);
        var districts = await (divisionId is { } division ? inScope.Below(TerritoryLevel.Division, division) : inScope)
            .Join(db.Territories, t => t.DivisionId, d => (int?)d.Id, (t, d) => new DistrictRef(t.Id, t.NameEn, t.NameHi, t.StateId, t.DivisionId, d.NameEn, d.NameHi))
            .ToListAsync(ct);
        return districts.OrderBy(d => d.NameEn, StringComparer.Ordinal).ToList();
    }

    /// <summary>One district if the user may see it, else null (the page answers 404).</summary>
    public static async Task<DistrictRef?> DistrictInScopeAsync(this AppDbContext db, ClaimsPrincipal user, int? districtId, CancellationToken ct) =>
        districtId is not { } id ? null
        : await db.Territories.AsNoTracking().InScope(user)
            .Where(t => t.Id == id && t.Level == TerritoryLevel.District)
            .Join(db.Territories, t => t.DivisionId, d => (int?)d.Id, (t, d) => new DistrictRef(t.Id, t.NameEn, t.NameHi, t.StateId, t.DivisionId, d.NameEn, d.NameHi))
            .SingleOrDefaultAsync(ct);

    public static IQueryable<VersionRow> Rows(this IQueryable<Report> reports) =>
        reports.Select(r => new VersionRow(r.Id, r.DistrictId!.Value, r.Period, r.Revision, r.Status, r.Figures,
            r.FirstSubmittedUtc, r.LastSubmittedUtc, r.EnteredOnBehalf, r.SubmittedOnBehalf));

    /// <summary>Every district in scope (optionally of one division) for one month: status, timeliness and score.</summary>
    public static async Task<List<DistrictMonth>> MonthAsync(this AppDbContext db, ClaimsPrincipal user, DateOnly period, int? divisionId,
        ReportOptions options, DateTime nowUtc, CancellationToken ct)
    {
        var districts = await db.DistrictsInScopeAsync(user, divisionId, ct);
        var inScope = db.Reports.AsNoTracking().InScope(user).Where(r => r.Period == period);
        var versions = await (divisionId is { } division ? inScope.Under(TerritoryLevel.Division, division) : inScope)
            .Rows().ToListAsync(ct);
        var byDistrict = versions.ToLookup(v => v.DistrictId);
        var indicators = options.ActiveIndicators();
        return districts.Select(d => DistrictMonth.Build(d, period, byDistrict[d.Id], options, indicators, nowUtc)).ToList();
    }

    /// <summary>One district's months from <paramref name="from"/> to <paramref name="to"/>, newest first.</summary>
    public static async Task<List<DistrictMonth>> HistoryAsync(this AppDbContext db, DistrictRef district, DateOnly from, DateOnly to,
        ReportOptions options, DateTime nowUtc, CancellationToken ct)
    {
        var versions = await db.Reports.AsNoTracking()
            .Where(r => r.DistrictId == district.Id && r.Period >= from && r.Period <= to)
            .Rows().ToListAsync(ct);
        var byPeriod = versions.ToLookup(v => v.Period);
        var indicators = options.ActiveIndicators();
        var months = new List<DistrictMonth>();
        for (var p = to; p >= from; p = p.AddMonths(-1))
            months.Add(DistrictMonth.Build(district, p, byPeriod[p], options, indicators, nowUtc));
        return months;
    }
}

/// <summary>How report values read in the user's language.</summary>
public static class ReportText
{
    public static string StatusKey(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "Draft",
        ReportStatus.Submitted => "Submitted",
        ReportStatus.Returned => "Returned",
        ReportStatus.Resubmitted => "Resubmitted",
        _ => "Accepted",
    };

    public static string StatusBadge(ReportStatus? s) => s switch
    {
        ReportStatus.Draft => "text-bg-light border",
        ReportStatus.Submitted or ReportStatus.Resubmitted => "text-bg-warning",
        ReportStatus.Returned => "text-bg-danger",
        ReportStatus.Accepted => "text-bg-success",
        _ => "text-bg-secondary",
    };

    public static string EventKey(ReportEventKind k) => k switch
    {
        ReportEventKind.Created => "Started",
        ReportEventKind.Submitted => "Submitted",
        ReportEventKind.Resubmitted => "Resubmitted",
        ReportEventKind.Returned => "Returned",
        ReportEventKind.Accepted => "Accepted",
        ReportEventKind.AmendmentStarted => "Amendment started",
        _ => "Comment",
    };

    /// <summary>"October 2026" / "अक्टूबर 2026".</summary>
    public static string Month(DateOnly period) => period.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A moment in India time, dd-MM-yyyy HH:mm.</summary>
    public static string When(DateTime utc) => (utc + IndiaTime.Offset).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}

/// <summary>Reading what users post to the report pages: numbers as they type them, text without control characters.</summary>
public static class ReportInput
{
    /// <summary>The signed-in user as the actor of a workflow step (never from the form).</summary>
    public static ReportActor Actor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(ScopeClaims.DisplayName) ?? user.Identity?.Name ?? "",
        UserScope.From(user)?.Role ?? "");

    /// <summary>
    /// Reads a count as people type it: Devanagari digits, Indian grouping commas and surrounding spaces are
    /// accepted. Returns null for an empty field; <paramref name="valid"/> is false for anything that is not a
    /// whole number.
    /// </summary>
    public static long? ParseCount(string? raw, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var chars = raw.Trim().Select(c => c is >= '०' and <= '९' ? (char)('0' + (c - '०')) : c)
            .Where(c => c != ',' && c != ' ').ToArray();
        var text = new string(chars);
        if (text.Length is 0 or > 18 || !(text[0] == '-' ? text.Length > 1 && text.Skip(1).All(char.IsAsciiDigit) : text.All(char.IsAsciiDigit)))
        {
            valid = false;
            return null;
        }
        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>Trims text and drops control characters (PostgreSQL refuses NUL) other than line breaks and tabs.</summary>
    public static string? CleanText(string? raw)
    {
        if (raw is null) return null;
        var cleaned = new string(raw.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    public static uint? ParseVersion(string? raw) =>
        uint.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>One-time messages after a redirect (English resource keys), shown by the _Notice partial.</summary>
public static class ReportNotices
{
    public const string Submitted = "The report has been submitted for review.";
    public const string DraftSaved = "Draft saved.";
    public const string Accepted = "The report has been accepted.";
    public const string Returned = "The report has been returned to the district with your comments.";
    public const string Commented = "Comment added.";
    public const string AmendmentStarted = "A new version has been started; the accepted one stays in the history.";
}
