namespace OrgTracker.Web.Domain;

public enum ImportStatus
{
    Queued = 1,
    Running = 2,
    Done = 3,
    Failed = 4,
    /// <summary>Stopped on its page by someone who may import, before its rows were saved.</summary>
    Cancelled = 5,
}

public enum ImportFormat
{
    Csv = 1,
    Excel = 2,
}

/// <summary>
/// A bulk import of members into a drive, run by a background worker. The job lives in PostgreSQL (the uploaded
/// file in <see cref="MemberImportChunk"/>s) so that any instance of the application may run it; the job carries the
/// uploader's scope (<see cref="StateId"/>, <see cref="DivisionId"/>, <see cref="DistrictId"/>), which limits the
/// booths its rows may name and who may see it.
/// </summary>
public class MemberImportJob : IScoped
{
    public long Id { get; set; }
    public int DriveId { get; set; }
    public int StateId { get; set; }
    public int? DivisionId { get; set; }
    public int? DistrictId { get; set; }
    public string FileName { get; set; } = "";
    public ImportFormat Format { get; set; }
    public long BytesTotal { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Queued;
    public string? CreatedByUserId { get; set; }
    public string? CreatedByName { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    /// <summary>Written by the running worker every second; a running job without a recent heartbeat is taken over.</summary>
    public DateTime? HeartbeatUtc { get; set; }
    public string? Worker { get; set; }
    public int Attempts { get; set; }
    public long BytesRead { get; set; }
    public long RowsRead { get; set; }
    public long Added { get; set; }
    public long AlreadyPresent { get; set; }
    public long ErrorRows { get; set; }
    /// <summary>Why the job failed (not a row error: those are <see cref="MemberImportError"/>s).</summary>
    public string? Failure { get; set; }
    public uint Version { get; set; }

    /// <summary>The scope the uploader had: their district, else their division, else the state.</summary>
    public (TerritoryLevel Level, int Id) Scope =>
        DistrictId is { } d ? (TerritoryLevel.District, d) : DivisionId is { } v ? (TerritoryLevel.Division, v) : (TerritoryLevel.State, StateId);

    public bool IsFinished => Status is ImportStatus.Done or ImportStatus.Failed or ImportStatus.Cancelled;
}

/// <summary>One piece (up to 1 MB) of an uploaded file, in order of <see cref="Seq"/>; removed when the job ends.</summary>
public class MemberImportChunk
{
    public long JobId { get; set; }
    /// <summary>The job's state (the distribution column when sharded by state, docs/scaling.md).</summary>
    public int StateId { get; set; }
    public int Seq { get; set; }
    public byte[] Data { get; set; } = [];
}

/// <summary>
/// A bad row of an import: its line number, what is wrong (problem codes, shown in the reader's language), and the
/// values as given, so that the error report can be corrected and imported again.
/// </summary>
public class MemberImportError
{
    public long JobId { get; set; }
    /// <summary>The job's state (the distribution column when sharded by state, docs/scaling.md).</summary>
    public int StateId { get; set; }
    public int Line { get; set; }
    /// <summary>Problem codes separated by ';' (see <c>ImportProblems</c>).</summary>
    public string Problems { get; set; } = "";
    /// <summary>For a repeated mobile number: the other line of the file that has it.</summary>
    public int? OtherLine { get; set; }
    /// <summary>For a mobile number already in the drive: the booth it was enrolled at (named only when in the reader's scope).</summary>
    public int? OtherBoothId { get; set; }
    public string? Name { get; set; }
    public string? Mobile { get; set; }
    public string? AcNumber { get; set; }
    public string? PartNumber { get; set; }
    public string? Gender { get; set; }
    public string? BirthYear { get; set; }
    public string? Channel { get; set; }
    public string? EnrolledOn { get; set; }
    public string? EnrolledBy { get; set; }
}
