using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Configurations;

public class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.HasKey(p => new { p.Id, p.StateId });
        b.Property(p => p.Id).UseIdentityByDefaultColumn();
        b.Property(p => p.NameEn).HasMaxLength(200).IsRequired();
        b.Property(p => p.NameHi).HasMaxLength(200).IsRequired();
        b.Property(p => p.Mobile).HasMaxLength(16).IsRequired();
        b.Property(p => p.Email).HasMaxLength(256);
        b.Property(p => p.Address).HasMaxLength(500);
        b.Property(p => p.FormerParty).HasMaxLength(100);
        b.Property(p => p.Version).IsRowVersion();
        b.HasOne<Territory>().WithMany().HasForeignKey(p => p.HomeTerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Trainings).WithOne().HasForeignKey(t => new { t.PersonId, t.StateId }).OnDelete(DeleteBehavior.Restrict);
        // A mobile number is one person's within a state (a unique index must hold state_id to be sharded by state);
        // the person forms check the number across all states before saving.
        b.HasIndex(p => new { p.Mobile, p.StateId }).IsUnique().HasDatabaseName("ix_people_mobile");
        // The people list of a state and of a district, in name order: a page is read from the index, not sorted.
        b.HasIndex(p => new { p.StateId, p.NameEn, p.Id });
        b.HasIndex(p => new { p.DistrictId, p.NameEn, p.Id });
        b.HasIndex(p => p.DivisionId);
        // The people a state's unit count holds itself (no division, no district): a handful among lakhs.
        b.HasIndex(p => p.StateId, "ix_people_state_unit").HasFilter("division_id IS NULL AND district_id IS NULL");
        b.HasIndex(p => p.NameEn).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(p => p.NameHi).HasMethod("gin").HasOperators("gin_trgm_ops");
        // Leaders from other parties who still need training.
        b.HasIndex(p => new { p.StateId, p.DistrictId }, "ix_people_from_other_party").HasFilter("former_party IS NOT NULL")
            .HasDatabaseName("ix_people_from_other_party");
        // And ix_people_state_id_lower_email, (state_id, lower(email)) WHERE email IS NOT NULL, an expression index
        // created by the migration PeopleListIndexes: "my action items" find the signed-in user's person by email.
    }
}

public class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> b)
    {
        b.HasKey(t => new { t.Id, t.StateId });
        b.Property(t => t.Id).UseIdentityByDefaultColumn();
        b.Property(t => t.Description).HasMaxLength(300).IsRequired();
        b.HasIndex(t => new { t.PersonId, t.StateId });
    }
}

public class WingConfiguration : IEntityTypeConfiguration<Wing>
{
    public void Configure(EntityTypeBuilder<Wing> b)
    {
        b.Property(w => w.Code).HasMaxLength(20).IsRequired();
        b.Property(w => w.NameEn).HasMaxLength(100).IsRequired();
        b.Property(w => w.NameHi).HasMaxLength(100).IsRequired();
        b.HasIndex(w => w.Code).IsUnique();
        b.HasData(ReferenceData.Wings);
    }
}

public class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(p => p.Code).HasMaxLength(30).IsRequired();
        b.Property(p => p.NameEn).HasMaxLength(100).IsRequired();
        b.Property(p => p.NameHi).HasMaxLength(100).IsRequired();
        b.HasIndex(p => new { p.Level, p.Code }).IsUnique();
        b.HasData(ReferenceData.Posts);
    }
}

public class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.HasKey(c => new { c.Id, c.StateId });
        b.Property(c => c.Id).UseIdentityByDefaultColumn();
        b.Property(c => c.NameEn).HasMaxLength(200).IsRequired();
        b.Property(c => c.NameHi).HasMaxLength(200).IsRequired();
        b.Property(c => c.Version).IsRowVersion();
        b.HasOne<Territory>().WithMany().HasForeignKey(c => c.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.TerritoryId, c.Kind });
        b.HasIndex(c => new { c.DistrictId, c.Kind });
        b.HasIndex(c => new { c.StateId, c.Kind });
        b.Ignore(c => c.ActivityBlockId);
    }
}

public class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.HasKey(a => new { a.Id, a.StateId });
        b.Property(a => a.Id).UseIdentityByDefaultColumn();
        b.Property(a => a.EndNote).HasMaxLength(500);
        b.Property(a => a.InactiveReason).HasMaxLength(500);
        b.Property(a => a.Version).IsRowVersion();
        b.HasOne(a => a.Person).WithMany().HasForeignKey(a => new { a.PersonId, a.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Post).WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Wing).WithMany().HasForeignKey(a => a.WingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Territory).WithMany().HasForeignKey(a => a.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Committee).WithMany().HasForeignKey(a => new { a.CommitteeId, a.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Appointment>().WithMany().HasForeignKey(a => new { a.SuccessorId, a.StateId }).OnDelete(DeleteBehavior.Restrict);
        // A person holds a post in a wing at a territory at most once at a time.
        b.HasIndex(a => new { a.PersonId, a.StateId, a.PostId, a.WingId, a.TerritoryId }).IsUnique().HasFilter("\"to\" IS NULL")
            .HasDatabaseName("ux_appointments_current");
        b.HasIndex(a => new { a.TerritoryId, a.To });
        b.HasIndex(a => new { a.CommitteeId, a.StateId });
        // Current holders of a post (booth agents for coverage) by territory.
        b.HasIndex(a => new { a.PostId, a.TerritoryId }).HasFilter("\"to\" IS NULL").HasDatabaseName("ix_appointments_current_post");
        // The inactive list by district, and the dashboard's inactive counts by division, district and block (index-only).
        // Includes "to": the inactive page counts open and replaced ones by district from the index alone.
        b.HasIndex(a => new { a.StateId, a.DistrictId, a.InactiveSince }).HasFilter("inactive_since IS NOT NULL")
            .IncludeProperties(a => a.To).HasDatabaseName("ix_appointments_inactive");
        b.HasIndex(a => new { a.StateId, a.DivisionId, a.DistrictId, a.BlockId }).HasFilter("inactive_since IS NOT NULL AND \"to\" IS NULL")
            .HasDatabaseName("ix_appointments_inactive_current");
        b.HasIndex(a => new { a.DistrictId, a.To });
        b.HasIndex(a => new { a.StateId, a.To });
        b.Ignore(a => a.ActivityBlockId);
    }
}

public class CoverageCellConfiguration : IEntityTypeConfiguration<CoverageCell>
{
    public void Configure(EntityTypeBuilder<CoverageCell> b)
    {
        b.HasKey(c => new { c.BlockId, c.AssemblyConstituencyId, c.StateId });
        b.HasIndex(c => c.StateId);
        b.HasIndex(c => c.DivisionId);
        b.HasIndex(c => c.DistrictId);
        b.HasIndex(c => c.AssemblyConstituencyId);
    }
}

public class UnitActivityConfiguration : IEntityTypeConfiguration<UnitActivity>
{
    public void Configure(EntityTypeBuilder<UnitActivity> b)
    {
        b.HasKey(u => new { u.TerritoryId, u.StateId });
        b.Property(u => u.TerritoryId).ValueGeneratedNever();
        b.HasIndex(u => new { u.StateId, u.LastOn });
        b.HasIndex(u => u.DivisionId);
        b.HasIndex(u => u.DistrictId);
    }
}

public class UnitFigureConfiguration : IEntityTypeConfiguration<UnitFigure>
{
    public void Configure(EntityTypeBuilder<UnitFigure> b)
    {
        b.HasKey(u => new { u.UnitId, u.StateId });
        b.Property(u => u.UnitId).ValueGeneratedNever();
        b.HasIndex(u => u.StateId);
        b.HasIndex(u => u.DivisionId);
        b.HasIndex(u => u.DistrictId);
        b.HasIndex(u => u.BlockId);
    }
}

public class VacancyCellConfiguration : IEntityTypeConfiguration<VacancyCell>
{
    public void Configure(EntityTypeBuilder<VacancyCell> b)
    {
        b.HasKey(v => new { v.TerritoryId, v.StateId });
        b.Property(v => v.TerritoryId).ValueGeneratedNever();
        b.HasIndex(v => v.StateId);
        b.HasIndex(v => v.DivisionId);
        b.HasIndex(v => v.DistrictId);
        b.HasIndex(v => v.BlockId);
    }
}

public class UnitCountConfiguration : IEntityTypeConfiguration<UnitCount>
{
    public void Configure(EntityTypeBuilder<UnitCount> b)
    {
        b.HasKey(u => new { u.TerritoryId, u.StateId });
        b.Property(u => u.TerritoryId).ValueGeneratedNever();
        b.HasIndex(u => u.StateId);
        b.HasIndex(u => u.DivisionId);
        b.HasIndex(u => u.DistrictId);
        b.HasIndex(u => u.BlockId);
    }
}

public class AbsenceRunConfiguration : IEntityTypeConfiguration<AbsenceRun>
{
    public void Configure(EntityTypeBuilder<AbsenceRun> b)
    {
        b.HasKey(r => new { r.PersonId, r.StateId });
        b.Property(r => r.PersonId).ValueGeneratedNever();
        b.HasIndex(r => new { r.StateId, r.OldestUtc });
    }
}

public class ReportMonthConfiguration : IEntityTypeConfiguration<ReportMonth>
{
    public void Configure(EntityTypeBuilder<ReportMonth> b)
    {
        b.HasKey(m => new { m.DistrictId, m.Period, m.StateId });
        b.HasIndex(m => new { m.StateId, m.Period });
    }
}

public class MeetingMonthConfiguration : IEntityTypeConfiguration<MeetingMonth>
{
    public void Configure(EntityTypeBuilder<MeetingMonth> b)
    {
        b.HasKey(m => new { m.UnitId, m.Month, m.StateId });
        b.HasIndex(m => new { m.StateId, m.Month });
        b.HasIndex(m => m.DivisionId);
        b.HasIndex(m => m.DistrictId);
    }
}

public class TrainingNeedConfiguration : IEntityTypeConfiguration<TrainingNeed>
{
    public void Configure(EntityTypeBuilder<TrainingNeed> b)
    {
        b.HasKey(n => new { n.PersonId, n.StateId });
        b.Property(n => n.PersonId).ValueGeneratedNever();
        b.Property(n => n.NameEn).HasMaxLength(200);
        b.HasIndex(n => new { n.StateId, n.DistrictId });
        b.HasIndex(n => n.DivisionId);
        b.HasIndex(n => n.DistrictId);
    }
}
