using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<LokSabhaConstituency> LokSabhaConstituencies => Set<LokSabhaConstituency>();
    public DbSet<AssemblyConstituency> AssemblyConstituencies => Set<AssemblyConstituency>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<MembershipDrive> MembershipDrives => Set<MembershipDrive>();
    public DbSet<DriveTarget> DriveTargets => Set<DriveTarget>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberBoothCount> MemberBoothCounts => Set<MemberBoothCount>();
    public DbSet<MemberDailyCount> MemberDailyCounts => Set<MemberDailyCount>();
    public DbSet<MemberImportJob> MemberImportJobs => Set<MemberImportJob>();
    public DbSet<MemberImportChunk> MemberImportChunks => Set<MemberImportChunk>();
    public DbSet<MemberImportError> MemberImportErrors => Set<MemberImportError>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
