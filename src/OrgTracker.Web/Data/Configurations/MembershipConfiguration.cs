using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Configurations;

public class MembershipDriveConfiguration : IEntityTypeConfiguration<MembershipDrive>
{
    public void Configure(EntityTypeBuilder<MembershipDrive> b)
    {
        b.Property(d => d.NameEn).HasMaxLength(200).IsRequired();
        b.Property(d => d.NameHi).HasMaxLength(200).IsRequired();
        b.Property(d => d.Version).IsRowVersion();
        b.Ignore(d => d.DivisionId);
        b.Ignore(d => d.DistrictId);
        b.HasOne<Territory>().WithMany().HasForeignKey(d => d.StateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.StateId, d.StartDate });
    }
}

public class DriveTargetConfiguration : IEntityTypeConfiguration<DriveTarget>
{
    public void Configure(EntityTypeBuilder<DriveTarget> b)
    {
        b.HasKey(t => new { t.DriveId, t.TerritoryId });
        b.Property(t => t.Version).IsRowVersion();
        b.HasOne<MembershipDrive>().WithMany().HasForeignKey(t => t.DriveId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Territory>().WithMany().HasForeignKey(t => t.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.DriveId, t.Level, t.DistrictId });
    }
}

/// <summary>
/// Members: the primary key (drive_id, mobile, state_id) is the rule "one person once per drive" (a drive is one
/// state's, so state_id, there for sharding by state (docs/scaling.md), changes nothing); the one other index,
/// (drive_id, booth_id, mobile), gives a booth's member list in key order without walking the drive (a district
/// president's most common list). There are no foreign keys: the bulk merge would otherwise pay a referential check
/// per row (docs/adr/0003-membership-import.md). Booths and drives are never deleted, and every write path takes the
/// booth and its ancestors from the territory table itself.
/// </summary>
public class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.HasKey(m => new { m.DriveId, m.Mobile, m.StateId });
        b.HasIndex(m => new { m.DriveId, m.BoothId, m.Mobile });
        b.Property(m => m.Name).HasMaxLength(200).IsRequired();
        b.Property(m => m.DivisionId).IsRequired();
        b.Property(m => m.DistrictId).IsRequired();
        b.Property(m => m.EnrolledBy).HasMaxLength(200);
        b.Property(m => m.RecordedByUserId).HasMaxLength(450);
        b.Property(m => m.VerifiedByUserId).HasMaxLength(450);
        b.Property(m => m.Version).IsRowVersion();
    }
}

public class MemberBoothCountConfiguration : IEntityTypeConfiguration<MemberBoothCount>
{
    public void Configure(EntityTypeBuilder<MemberBoothCount> b)
    {
        b.HasKey(c => new { c.DriveId, c.BoothId, c.StateId });
        b.Property(c => c.DivisionId).IsRequired();
        b.Property(c => c.DistrictId).IsRequired();
        // Booths of one block, for the per-booth list of a block.
        b.HasIndex(c => new { c.DriveId, c.BlockId });
    }
}

public class MemberDailyCountConfiguration : IEntityTypeConfiguration<MemberDailyCount>
{
    public void Configure(EntityTypeBuilder<MemberDailyCount> b)
    {
        b.HasKey(c => new { c.DriveId, c.BlockId, c.Day, c.StateId });
        b.Property(c => c.DivisionId).IsRequired();
        b.Property(c => c.DistrictId).IsRequired();
        b.HasIndex(c => new { c.DriveId, c.DistrictId });
    }
}

public class MemberMonthCountConfiguration : IEntityTypeConfiguration<MemberMonthCount>
{
    public void Configure(EntityTypeBuilder<MemberMonthCount> b)
    {
        b.HasKey(c => new { c.DriveId, c.BlockId, c.Month, c.StateId });
        b.Property(c => c.DivisionId).IsRequired();
        b.Property(c => c.DistrictId).IsRequired();
        b.HasIndex(c => new { c.DriveId, c.StateId });
        b.HasIndex(c => new { c.DriveId, c.DistrictId });
    }
}

public class MemberSeatCountConfiguration : IEntityTypeConfiguration<MemberSeatCount>
{
    public void Configure(EntityTypeBuilder<MemberSeatCount> b)
    {
        b.HasKey(c => new { c.DriveId, c.AssemblyConstituencyId, c.StateId });
        b.HasIndex(c => c.AssemblyConstituencyId);
    }
}

public class MemberImportJobConfiguration : IEntityTypeConfiguration<MemberImportJob>
{
    public void Configure(EntityTypeBuilder<MemberImportJob> b)
    {
        b.HasKey(j => new { j.Id, j.StateId });
        b.Property(j => j.Id).UseIdentityByDefaultColumn();
        b.Property(j => j.FileName).HasMaxLength(260).IsRequired();
        b.Property(j => j.CreatedByUserId).HasMaxLength(450);
        b.Property(j => j.CreatedByName).HasMaxLength(256);
        b.Property(j => j.Worker).HasMaxLength(200);
        b.Property(j => j.Failure).HasMaxLength(2000);
        b.Property(j => j.Version).IsRowVersion();
        b.Ignore(j => j.Scope);
        b.HasOne<MembershipDrive>().WithMany().HasForeignKey(j => j.DriveId).OnDelete(DeleteBehavior.Cascade);
        // The worker's queue: the oldest queued (or abandoned running) job first.
        b.HasIndex(j => new { j.Status, j.Id });
        b.HasIndex(j => new { j.DriveId, j.Id });
    }
}

public class MemberImportChunkConfiguration : IEntityTypeConfiguration<MemberImportChunk>
{
    public void Configure(EntityTypeBuilder<MemberImportChunk> b)
    {
        b.HasKey(c => new { c.JobId, c.StateId, c.Seq });
        b.HasOne<MemberImportJob>().WithMany().HasForeignKey(c => new { c.JobId, c.StateId }).OnDelete(DeleteBehavior.Cascade);
    }
}

public class MemberImportErrorConfiguration : IEntityTypeConfiguration<MemberImportError>
{
    public void Configure(EntityTypeBuilder<MemberImportError> b)
    {
        b.HasKey(e => new { e.JobId, e.StateId, e.Line });
        b.Property(e => e.Problems).HasMaxLength(500).IsRequired();
        b.HasOne<MemberImportJob>().WithMany().HasForeignKey(e => new { e.JobId, e.StateId }).OnDelete(DeleteBehavior.Cascade);
    }
}
