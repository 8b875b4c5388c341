using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data;

public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) { }

    /// <summary>For <see cref="ReadDb"/>: the same model on the read connection.</summary>
    protected AppDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<LokSabhaConstituency> LokSabhaConstituencies => Set<LokSabhaConstituency>();
    public DbSet<AssemblyConstituency> AssemblyConstituencies => Set<AssemblyConstituency>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Training> Trainings => Set<Training>();
    public DbSet<Wing> Wings => Set<Wing>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<CoverageCell> CoverageCells => Set<CoverageCell>();
    public DbSet<UnitActivity> UnitActivities => Set<UnitActivity>();
    public DbSet<VacancyCell> VacancyCells => Set<VacancyCell>();
    public DbSet<UnitCount> UnitCounts => Set<UnitCount>();
    public DbSet<UnitFigure> UnitFigures => Set<UnitFigure>();
    public DbSet<AbsenceRun> AbsenceRuns => Set<AbsenceRun>();
    public DbSet<TrainingNeed> TrainingNeeds => Set<TrainingNeed>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();
    public DbSet<MeetingProgramme> MeetingProgrammes => Set<MeetingProgramme>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingInvitee> MeetingInvitees => Set<MeetingInvitee>();
    public DbSet<MeetingDecision> MeetingDecisions => Set<MeetingDecision>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<MeetingPhoto> MeetingPhotos => Set<MeetingPhoto>();
    public DbSet<Directive> Directives => Set<Directive>();
    public DbSet<DirectiveTarget> DirectiveTargets => Set<DirectiveTarget>();
    public DbSet<DirectiveAnswer> DirectiveAnswers => Set<DirectiveAnswer>();
    public DbSet<DirectiveFile> DirectiveFiles => Set<DirectiveFile>();
    public DbSet<SrijanCampaign> SrijanCampaigns => Set<SrijanCampaign>();
    public DbSet<SrijanDistrict> SrijanDistricts => Set<SrijanDistrict>();
    public DbSet<SrijanObserver> SrijanObservers => Set<SrijanObserver>();
    public DbSet<SrijanConsultation> SrijanConsultations => Set<SrijanConsultation>();
    public DbSet<SrijanCandidate> SrijanCandidates => Set<SrijanCandidate>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Authorization.AuthSession> AuthSessions => Set<Authorization.AuthSession>();
    public DbSet<MembershipDrive> MembershipDrives => Set<MembershipDrive>();
    public DbSet<DriveTarget> DriveTargets => Set<DriveTarget>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberBoothCount> MemberBoothCounts => Set<MemberBoothCount>();
    public DbSet<MemberDailyCount> MemberDailyCounts => Set<MemberDailyCount>();
    public DbSet<MemberMonthCount> MemberMonthCounts => Set<MemberMonthCount>();
    public DbSet<MemberSeatCount> MemberSeatCounts => Set<MemberSeatCount>();
    public DbSet<MeetingMonth> MeetingMonths => Set<MeetingMonth>();
    public DbSet<ReportMonth> ReportMonths => Set<ReportMonth>();
    public DbSet<MemberImportJob> MemberImportJobs => Set<MemberImportJob>();
    public DbSet<MemberImportChunk> MemberImportChunks => Set<MemberImportChunk>();
    public DbSet<MemberImportError> MemberImportErrors => Set<MemberImportError>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();
    public DbSet<Authorization.LoginThrottleEntry> LoginThrottles => Set<Authorization.LoginThrottleEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
