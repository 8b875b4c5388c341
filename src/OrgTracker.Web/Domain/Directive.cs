namespace OrgTracker.Web.Domain;

/// <summary>How far a unit has carried out a directive, as its head reports it.</summary>
public enum ComplianceStatus
{
    Done = 1,
    PartlyDone = 2,
    NotDone = 3,
}

/// <summary>
/// An instruction (निर्देश) sent down the organisation: by the state to all its districts, the districts of chosen
/// divisions or chosen districts, or by a district to its blocks. It lies in the scope of the unit that issued it
/// (a state directive has no division or district); the units it was sent to are its <see cref="DirectiveTarget"/>s,
/// and a user below the issuer sees the directive only through a target in their scope.
/// </summary>
public class Directive : IScoped
{
    public const int MaxTextLength = 4000;

    public int Id { get; set; }
    public string? TextEn { get; set; }
    public string? TextHi { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>The unit that issued it (a state, or a district for its blocks).</summary>
    public int IssuedById { get; set; }
    public TerritoryLevel IssuedAtLevel { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public DateTime IssuedUtc { get; set; }
    public string IssuedByUser { get; set; } = "";
    public string IssuedByName { get; set; } = "";
    public uint Version { get; set; }

    /// <summary>The text in the user's language, else the other one.</summary>
    public static string Text(string? en, string? hi) =>
        (Localization.IsHindi ? (string.IsNullOrEmpty(hi) ? en : hi) : (string.IsNullOrEmpty(en) ? hi : en)) ?? "";

    public void PlaceAt(Territory t)
    {
        IssuedById = t.Id;
        IssuedAtLevel = t.Level;
        StateId = t.StateId;
        DivisionId = t.Level == TerritoryLevel.Division ? t.Id : t.DivisionId;
        DistrictId = t.Level == TerritoryLevel.District ? t.Id : t.DistrictId;
    }

    /// <summary>A directive needs its text (in Hindi, English or both) and a due date not in the past.</summary>
    public static void Check(string? textEn, string? textHi, DateOnly dueOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(textEn) && string.IsNullOrWhiteSpace(textHi)) throw new DomainException("Write the directive in Hindi or English.");
        if (dueOn < today) throw new DomainException("The due date cannot be in the past.");
    }

    /// <summary>Overdue: the due date (India's day) has passed and the unit has not reported it done.</summary>
    public static bool IsOverdue(DateOnly dueOn, ComplianceStatus? latest, DateOnly today) => dueOn < today && latest != ComplianceStatus.Done;
}

/// <summary>
/// One unit a directive was sent to (a district, or a block when its district cascades the directive or issues
/// its own). The users whose scope is the unit (or covers it, for a block) answer for it: they acknowledge it
/// (पावती) and report compliance (अनुपालन) as <see cref="DirectiveAnswer"/>s, every answer a new row; the target
/// keeps the latest for lists and counts. A block target cascaded from its district's target points at it.
/// </summary>
public class DirectiveTarget : IScoped
{
    public int Id { get; set; }
    public int DirectiveId { get; set; }
    public Directive? Directive { get; set; }
    public int TerritoryId { get; set; }
    public Territory? Territory { get; set; }
    public TerritoryLevel Level { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public int? BlockId { get; set; }
    /// <summary>The district's target this block target was cascaded from.</summary>
    public int? ParentTargetId { get; set; }
    public DateTime? AcknowledgedUtc { get; set; }
    public string? AcknowledgedBy { get; set; }
    public long? LatestAnswerId { get; set; }
    public ComplianceStatus? LatestStatus { get; set; }
    public DateTime? AnsweredUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public uint Version { get; set; }

    public void PlaceAt(Territory t)
    {
        TerritoryId = t.Id;
        Level = t.Level;
        StateId = t.StateId;
        DivisionId = t.DivisionId;
        DistrictId = t.Level == TerritoryLevel.District ? t.Id : t.DistrictId;
        BlockId = t.Level == TerritoryLevel.Block ? t.Id : t.BlockId;
    }

    /// <summary>Acknowledged once; later acknowledgements change nothing.</summary>
    public void Acknowledge(DateTime nowUtc, string user)
    {
        if (AcknowledgedUtc is not null) return;
        AcknowledgedUtc = nowUtc;
        AcknowledgedBy = user;
    }

    /// <summary>A new answer: it becomes the latest (an answer also acknowledges the directive); earlier ones stay.</summary>
    public DirectiveAnswer Answer(ComplianceStatus status, string? note, DateTime nowUtc, string user, string userName)
    {
        if (!Enum.IsDefined(status)) throw new DomainException("Choose done, partly done or not done.");
        if (status != ComplianceStatus.Done && string.IsNullOrWhiteSpace(note))
            throw new DomainException("Write a note: what is left and why.");
        Acknowledge(nowUtc, user);
        LatestStatus = status;
        AnsweredUtc = nowUtc;
        return new DirectiveAnswer
        {
            TargetId = Id, DirectiveId = DirectiveId, StateId = StateId, DivisionId = DivisionId, DistrictId = DistrictId,
            Status = status, Note = string.IsNullOrWhiteSpace(note) ? null : note, AnsweredUtc = nowUtc, AnsweredBy = user, AnsweredByName = userName,
        };
    }

    public bool IsOverdue(DateOnly dueOn, DateOnly today) => Directive.IsOverdue(dueOn, LatestStatus, today);
}

/// <summary>One compliance report of a unit on a directive. Never changed or deleted: a new report is a new row.</summary>
public class DirectiveAnswer : IScoped
{
    public long Id { get; set; }
    public int TargetId { get; set; }
    public int DirectiveId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public ComplianceStatus Status { get; set; }
    public string? Note { get; set; }
    public DateTime AnsweredUtc { get; set; }
    public string AnsweredBy { get; set; } = "";
    public string AnsweredByName { get; set; } = "";
}

/// <summary>
/// A file of a directive: its attachment (the circular: a photo, re-encoded, or a PDF) or an evidence photo of an
/// answer. Kept in PostgreSQL like meeting photos, scoped like what it belongs to.
/// </summary>
public class DirectiveFile : IScoped
{
    public const int MaxPhotosPerAnswer = 10;
    public const int MaxPdfMegabytes = 10;
    public const string Pdf = "application/pdf", Jpeg = "image/jpeg";

    public int Id { get; set; }
    public int DirectiveId { get; set; }
    /// <summary>Null for the directive's attachment.</summary>
    public long? AnswerId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = Jpeg;
    public byte[] Content { get; set; } = [];
    public byte[]? Thumbnail { get; set; }
    public DateTime UploadedUtc { get; set; }
    public string UploadedBy { get; set; } = "";

    /// <summary>True when the bytes begin as a PDF does.</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);
}
