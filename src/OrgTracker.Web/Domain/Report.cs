namespace OrgTracker.Web.Domain;

/// <summary>Where a monthly report stands in its review.</summary>
public enum ReportStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Resubmitted = 4,
    Accepted = 5,
}

/// <summary>What happened to a report: its thread of submissions, reviews and comments.</summary>
public enum ReportEventKind
{
    Created = 1,
    Submitted = 2,
    Resubmitted = 3,
    Returned = 4,
    Accepted = 5,
    Comment = 6,
    AmendmentStarted = 7,
}

/// <summary>Who does something to a report: taken from the signed-in user, never from a form.</summary>
public sealed record ReportActor(string UserId, string Name, string Role)
{
    /// <summary>State office staff enter and submit reports on behalf of the district president.</summary>
    public bool OnBehalf => Role == Roles.StateOffice;
}

/// <summary>
/// The reasons a workflow step is refused. The texts are resource keys (English), shown to the user in their language.
/// </summary>
public static class ReportRules
{
    public const string NotEditable = "Only a draft or a returned report can be changed.";
    public const string NotSubmittable = "Only a draft or a returned report can be submitted.";
    public const string NotAwaitingReview = "Only a submitted report can be accepted or returned.";
    public const string ReturnNeedsComment = "Write what the district must correct before returning the report.";
    public const string NotAmendable = "Only an accepted report can be amended.";
    public const string CommentNeedsText = "Write a comment.";
    public const string NoCommentOnDraft = "A draft has no thread yet; submit it first.";
    public const string NotADistrict = "Reports are made for districts.";
}

/// <summary>A workflow step the report's status does not allow; <see cref="Exception.Message"/> is one of <see cref="ReportRules"/>.</summary>
public sealed class ReportWorkflowException(string rule) : InvalidOperationException(rule);

/// <summary>
/// A district's monthly performance report, one version of it. The workflow is
/// draft → submitted → returned (with comments) → resubmitted → accepted; each step is a method here that
/// refuses a step the current status does not allow. An accepted report is never changed again: an amendment
/// is a new version (<see cref="Amend"/>) with <see cref="Revision"/> + 1, and the earlier versions stay.
/// </summary>
public class Report : IRecordsActivity
{
    public int Id { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    /// <summary>The district reported on (never null; nullable only to match <see cref="IScoped"/>).</summary>
    public int? DistrictId { get; set; }
    public int? ActivityBlockId => null;

    /// <summary>The month reported on, as its first day.</summary>
    public DateOnly Period { get; set; }
    /// <summary>1 for the first version of a district's month, +1 for each amendment.</summary>
    public int Revision { get; set; } = 1;
    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    /// <summary>Claimed figures by indicator key (see <see cref="ReportIndicators"/>).</summary>
    public Dictionary<string, int> Figures { get; set; } = [];
    public string? Achievements { get; set; }
    public string? Problems { get; set; }
    public string? HelpNeeded { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string? UpdatedByName { get; set; }
    public DateTime? UpdatedUtc { get; set; }
    /// <summary>True when the state office last entered or submitted it rather than the district president.</summary>
    public bool EnteredOnBehalf { get; set; }

    /// <summary>The first submission of the month (kept across amendments): timeliness is judged by it.</summary>
    public DateTime? FirstSubmittedUtc { get; set; }
    /// <summary>The latest submission of this version: the review queue is ordered by it, oldest first.</summary>
    public DateTime? LastSubmittedUtc { get; set; }
    public string? SubmittedByName { get; set; }
    public bool SubmittedOnBehalf { get; set; }
    public DateTime? ReviewedUtc { get; set; }
    public string? ReviewedByName { get; set; }

    public List<ReportEvent> Events { get; set; } = [];
    public uint Version { get; set; }

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;
    public bool IsAwaitingReview => Status is ReportStatus.Submitted or ReportStatus.Resubmitted;

    /// <summary>A new draft for a district and month.</summary>
    public static Report Start(Territory district, DateOnly period, ReportActor by, DateTime nowUtc)
    {
        if (district.Level != TerritoryLevel.District) throw new ReportWorkflowException(ReportRules.NotADistrict);
        var report = new Report
        {
            StateId = district.StateId, DivisionId = district.DivisionId, DistrictId = district.Id,
            Period = ReportPeriod.Normalise(period),
            CreatedByUserId = by.UserId, CreatedByName = by.Name, CreatedUtc = nowUtc, EnteredOnBehalf = by.OnBehalf,
        };
        report.Record(ReportEventKind.Created, by, nowUtc, null);
        return report;
    }

    /// <summary>Changes the figures and texts of a draft or a returned report.</summary>
    public void Edit(IReadOnlyDictionary<string, int> figures, string? achievements, string? problems, string? helpNeeded, ReportActor by, DateTime nowUtc)
    {
        if (!IsEditable) throw new ReportWorkflowException(ReportRules.NotEditable);
        Figures = new Dictionary<string, int>(figures);
        Achievements = achievements;
        Problems = problems;
        HelpNeeded = helpNeeded;
        UpdatedByName = by.Name;
        UpdatedUtc = nowUtc;
        EnteredOnBehalf = by.OnBehalf;
    }

    /// <summary>Draft → submitted, returned → resubmitted.</summary>
    public void Submit(ReportActor by, DateTime nowUtc, string? note = null)
    {
        if (!IsEditable) throw new ReportWorkflowException(ReportRules.NotSubmittable);
        var kind = Status == ReportStatus.Returned ? ReportEventKind.Resubmitted : ReportEventKind.Submitted;
        Status = Status == ReportStatus.Returned ? ReportStatus.Resubmitted : ReportStatus.Submitted;
        FirstSubmittedUtc ??= nowUtc;
        LastSubmittedUtc = nowUtc;
        SubmittedByName = by.Name;
        SubmittedOnBehalf = by.OnBehalf;
        Record(kind, by, nowUtc, note);
    }

    /// <summary>Submitted or resubmitted → returned, with the reviewer's comment (required).</summary>
    public void Return(ReportActor by, DateTime nowUtc, string? comment)
    {
        if (!IsAwaitingReview) throw new ReportWorkflowException(ReportRules.NotAwaitingReview);
        if (string.IsNullOrWhiteSpace(comment)) throw new ReportWorkflowException(ReportRules.ReturnNeedsComment);
        Status = ReportStatus.Returned;
        ReviewedUtc = nowUtc;
        ReviewedByName = by.Name;
        Record(ReportEventKind.Returned, by, nowUtc, comment.Trim());
    }

    /// <summary>Submitted or resubmitted → accepted; the comment is optional.</summary>
    public void Accept(ReportActor by, DateTime nowUtc, string? comment = null)
    {
        if (!IsAwaitingReview) throw new ReportWorkflowException(ReportRules.NotAwaitingReview);
        Status = ReportStatus.Accepted;
        ReviewedUtc = nowUtc;
        ReviewedByName = by.Name;
        Record(ReportEventKind.Accepted, by, nowUtc, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
    }

    /// <summary>
    /// Starts the next version of an accepted report as a draft with the same figures. This version stays as it
    /// is (accepted); the caller makes sure it is the newest version of its month.
    /// </summary>
    public Report Amend(ReportActor by, DateTime nowUtc)
    {
        if (Status != ReportStatus.Accepted) throw new ReportWorkflowException(ReportRules.NotAmendable);
        var next = new Report
        {
            StateId = StateId, DivisionId = DivisionId, DistrictId = DistrictId, Period = Period, Revision = Revision + 1,
            Figures = new Dictionary<string, int>(Figures), Achievements = Achievements, Problems = Problems, HelpNeeded = HelpNeeded,
            CreatedByUserId = by.UserId, CreatedByName = by.Name, CreatedUtc = nowUtc, EnteredOnBehalf = by.OnBehalf,
            FirstSubmittedUtc = FirstSubmittedUtc,
        };
        next.Record(ReportEventKind.AmendmentStarted, by, nowUtc, null);
        return next;
    }

    /// <summary>A comment in the thread of a report that has been submitted at least once.</summary>
    public void Comment(ReportActor by, DateTime nowUtc, string? text)
    {
        if (Status == ReportStatus.Draft) throw new ReportWorkflowException(ReportRules.NoCommentOnDraft);
        if (string.IsNullOrWhiteSpace(text)) throw new ReportWorkflowException(ReportRules.CommentNeedsText);
        Record(ReportEventKind.Comment, by, nowUtc, text.Trim());
    }

    private void Record(ReportEventKind kind, ReportActor by, DateTime nowUtc, string? text) =>
        Events.Add(new ReportEvent
        {
            StateId = StateId, DivisionId = DivisionId, DistrictId = DistrictId, Kind = kind, Text = text, AtUtc = nowUtc,
            UserId = by.UserId, UserName = by.Name, UserRole = by.Role, OnBehalf = by.OnBehalf,
        });
}

/// <summary>One entry in a report's thread: a workflow step or a comment, with who did it and when.</summary>
public class ReportEvent : IScoped
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public ReportEventKind Kind { get; set; }
    public string? Text { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string UserRole { get; set; } = "";
    public bool OnBehalf { get; set; }
}

/// <summary>Report months and their due dates. Dates are Indian Standard Time (UTC+5:30, no daylight saving).</summary>
public static class ReportPeriod
{
    public static DateOnly Normalise(DateOnly d) => IndiaTime.MonthOf(d);

    /// <summary>The last instant (UTC) a report for the month counts as on time: the end of <paramref name="dueDay"/> of the next month, in India.</summary>
    public static DateTime DueUtc(DateOnly period, int dueDay)
    {
        var next = Normalise(period).AddMonths(1);
        var day = Math.Clamp(dueDay, 1, DateTime.DaysInMonth(next.Year, next.Month));
        return IndiaTime.DayStartUtc(new DateOnly(next.Year, next.Month, day).AddDays(1));
    }

    /// <summary>The due date as a calendar date (the day shown to users).</summary>
    public static DateOnly DueDate(DateOnly period, int dueDay) => IndiaTime.Day(DueUtc(period, dueDay)).AddDays(-1);

    /// <summary>"2026-10" for October 2026: the form used in URLs and forms.</summary>
    public static string Format(DateOnly period) => period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses "yyyy-MM" strictly; anything else is null.</summary>
    public static DateOnly? Parse(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-') return null;
        return int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
               && int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
               && y is >= 1900 and <= 9999 && m is >= 1 and <= 12
            ? new DateOnly(y, m, 1)
            : null;
    }
}
