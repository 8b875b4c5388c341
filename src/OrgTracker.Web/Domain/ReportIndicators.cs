namespace OrgTracker.Web.Domain;

/// <summary>
/// One number a district reports each month. <see cref="Label"/> is the English resource key;
/// <see cref="Max"/> is the largest believable monthly figure (anything above is refused as a typing error);
/// <see cref="Target"/> and <see cref="Weight"/> feed the score (docs/reports-scoring.md).
/// </summary>
public sealed record Indicator(string Key, string Label, int Max, int Target, int Weight);

/// <summary>The fixed catalogue of indicators, with their default limits, targets and weights.</summary>
public static class ReportIndicators
{
    public const string MeetingsHeld = nameof(MeetingsHeld);
    public const string BlockCommitteesFormed = nameof(BlockCommitteesFormed);
    public const string BoothCommitteesFormed = nameof(BoothCommitteesFormed);
    public const string BoothAgentsAppointed = nameof(BoothAgentsAppointed);
    public const string MembersEnrolled = nameof(MembersEnrolled);
    public const string TrainingSessionsHeld = nameof(TrainingSessionsHeld);
    public const string PublicProgrammes = nameof(PublicProgrammes);
    public const string SocialMediaPosts = nameof(SocialMediaPosts);
    public const string InactiveIdentified = nameof(InactiveIdentified);

    public static readonly IReadOnlyList<Indicator> Defaults =
    [
        new(MeetingsHeld, "Meetings held", 500, 4, 10),
        new(BlockCommitteesFormed, "Block committees formed", 100, 2, 10),
        new(BoothCommitteesFormed, "Booth committees formed", 10_000, 40, 10),
        new(BoothAgentsAppointed, "Booth agents appointed", 10_000, 80, 15),
        new(MembersEnrolled, "Members enrolled", 5_00_000, 1_000, 15),
        new(TrainingSessionsHeld, "Training sessions held", 300, 2, 5),
        new(PublicProgrammes, "Public programmes and protests", 500, 4, 5),
        new(SocialMediaPosts, "Social-media posts", 10_000, 60, 5),
        new(InactiveIdentified, "Inactive office-bearers identified", 10_000, 1, 5),
    ];

    public static Indicator? Find(string key) => Defaults.FirstOrDefault(i => i.Key == key);

    private static readonly Dictionary<string, int> Positions = Defaults.Select((i, n) => (i.Key, n)).ToDictionary();

    /// <summary>An indicator's place in <see cref="Defaults"/>: where its figure sits in a <see cref="ReportMonth.Figures"/> array.</summary>
    public static int Position(string key) => Positions[key];
}

/// <summary>How a claimed figure compares with the one OrgTracker recorded itself.</summary>
public enum FigureMatch
{
    /// <summary>OrgTracker holds no such figure (yet): nothing to compare.</summary>
    NotRecorded = 0,
    Same = 1,
    ClaimedMore = 2,
    ClaimedLess = 3,
}

/// <summary>A claimed figure beside the recorded one. Every difference, however small, is marked for the reviewer.</summary>
public sealed record FigureComparison(int? Claimed, int? Recorded)
{
    public FigureMatch Match => Recorded is not { } r ? FigureMatch.NotRecorded
        : (Claimed ?? 0) == r ? FigureMatch.Same
        : (Claimed ?? 0) > r ? FigureMatch.ClaimedMore
        : FigureMatch.ClaimedLess;

    /// <summary>Claimed minus recorded (a missing claim counts as 0); null when nothing is recorded.</summary>
    public int? Difference => Recorded is { } r ? (Claimed ?? 0) - r : null;

    public bool Differs => Match is FigureMatch.ClaimedMore or FigureMatch.ClaimedLess;
}

/// <summary>
/// The score of a district for a month, 0–100, as documented in docs/reports-scoring.md:
/// up to <see cref="IndicatorPoints"/> for the figures (each indicator's share of its target, capped at 1,
/// weighted) and up to <see cref="TimelinessPoints"/> for submitting on time. A month with no submitted report scores 0.
/// </summary>
public static class ReportScoring
{
    public const int IndicatorPoints = 80;
    public const int TimelinessPoints = 20;
    /// <summary>Late by up to this many days still earns half the timeliness points.</summary>
    public const int GraceDays = 5;

    public static int Score(IReadOnlyDictionary<string, int>? figures, DateTime? firstSubmittedUtc, DateTime dueUtc, IReadOnlyList<Indicator> indicators)
    {
        if (figures is null || firstSubmittedUtc is null) return 0;
        return (int)Math.Round(IndicatorScore(figures, indicators) + Timeliness(firstSubmittedUtc.Value, dueUtc), MidpointRounding.AwayFromZero);
    }

    /// <summary>The same from figures in the order of <see cref="ReportIndicators.Defaults"/> (a report month's summary row).</summary>
    public static int Score(int[]? figures, DateTime? firstSubmittedUtc, DateTime dueUtc, IReadOnlyList<Indicator> indicators)
    {
        if (figures is null || firstSubmittedUtc is null) return 0;
        return (int)Math.Round(IndicatorScore(key => figures[ReportIndicators.Position(key)], indicators) + Timeliness(firstSubmittedUtc.Value, dueUtc),
            MidpointRounding.AwayFromZero);
    }

    public static double IndicatorScore(IReadOnlyDictionary<string, int> figures, IReadOnlyList<Indicator> indicators) =>
        IndicatorScore(figures.GetValueOrDefault, indicators);

    private static double IndicatorScore(Func<string, int> figure, IReadOnlyList<Indicator> indicators)
    {
        double total = 0, earned = 0;
        foreach (var i in indicators)
        {
            if (i.Weight <= 0 || i.Target <= 0) continue;
            total += i.Weight;
            earned += i.Weight * Math.Min(1.0, Math.Max(0, figure(i.Key)) / (double)i.Target);
        }
        return total == 0 ? 0 : IndicatorPoints * earned / total;
    }

    public static double Timeliness(DateTime firstSubmittedUtc, DateTime dueUtc) =>
        firstSubmittedUtc <= dueUtc ? TimelinessPoints
        : firstSubmittedUtc <= dueUtc.AddDays(GraceDays) ? TimelinessPoints / 2.0
        : TimelinessPoints / 4.0;

    /// <summary>Standard competition ranking (1, 2, 2, 4) by score, highest first.</summary>
    public static Dictionary<T, int> Rank<T>(IEnumerable<(T Key, int Score)> scores) where T : notnull
    {
        var ordered = scores.OrderByDescending(s => s.Score).ToList();
        var ranks = new Dictionary<T, int>();
        for (var i = 0; i < ordered.Count; i++)
            ranks[ordered[i].Key] = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranks[ordered[i - 1].Key] : i + 1;
        return ranks;
    }
}
