using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Configurations;

public class SrijanCampaignConfiguration : IEntityTypeConfiguration<SrijanCampaign>
{
    public void Configure(EntityTypeBuilder<SrijanCampaign> b)
    {
        b.HasKey(c => new { c.Id, c.StateId });
        b.Property(c => c.Id).UseIdentityByDefaultColumn();
        b.Property(c => c.NameEn).HasMaxLength(200);
        b.Property(c => c.NameHi).HasMaxLength(200);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.HasOne<Territory>().WithMany().HasForeignKey(c => c.StateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.StateId, c.StartedOn });
    }
}

public class SrijanDistrictConfiguration : IEntityTypeConfiguration<SrijanDistrict>
{
    public void Configure(EntityTypeBuilder<SrijanDistrict> b)
    {
        b.HasKey(d => new { d.Id, d.StateId });
        b.Property(d => d.Id).UseIdentityByDefaultColumn();
        b.Property(d => d.PanelSubmittedBy).HasMaxLength(256);
        b.Property(d => d.Version).IsRowVersion();
        b.HasOne(d => d.Campaign).WithMany().HasForeignKey(d => new { d.CampaignId, d.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Territory).WithMany().HasForeignKey(d => d.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SrijanCandidate>().WithMany().HasForeignKey(d => new { d.ChosenCandidateId, d.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Appointment>().WithMany().HasForeignKey(d => new { d.AppointmentId, d.StateId }).OnDelete(DeleteBehavior.Restrict);
        // A district is in a campaign once.
        b.HasIndex(d => new { d.CampaignId, d.StateId, d.TerritoryId }).IsUnique();
        b.HasIndex(d => new { d.CampaignId, d.Stage });
        b.HasIndex(d => new { d.DivisionId, d.CampaignId });
        b.HasIndex(d => d.DistrictId);
        b.HasIndex(d => d.TerritoryId);
    }
}

public class SrijanObserverConfiguration : IEntityTypeConfiguration<SrijanObserver>
{
    public void Configure(EntityTypeBuilder<SrijanObserver> b)
    {
        b.HasKey(o => new { o.Id, o.StateId });
        b.Property(o => o.Id).UseIdentityByDefaultColumn();
        b.Property(o => o.AssignedBy).HasMaxLength(256);
        b.HasOne<SrijanDistrict>().WithMany().HasForeignKey(o => new { o.SrijanDistrictId, o.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Person).WithMany().HasForeignKey(o => new { o.PersonId, o.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.SrijanDistrictId, o.StateId, o.PersonId }).IsUnique();
        b.HasIndex(o => new { o.PersonId, o.StateId });
    }
}

public class SrijanConsultationConfiguration : IEntityTypeConfiguration<SrijanConsultation>
{
    public void Configure(EntityTypeBuilder<SrijanConsultation> b)
    {
        b.HasKey(c => new { c.Id, c.StateId });
        b.Property(c => c.Id).UseIdentityByDefaultColumn();
        b.Property(c => c.LinkedBy).HasMaxLength(256);
        b.HasOne<SrijanDistrict>().WithMany().HasForeignKey(c => new { c.SrijanDistrictId, c.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Meeting).WithMany().HasForeignKey(c => new { c.MeetingId, c.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.SrijanDistrictId, c.StateId, c.MeetingId }).IsUnique();
        b.HasIndex(c => new { c.MeetingId, c.StateId });
    }
}

public class SrijanCandidateConfiguration : IEntityTypeConfiguration<SrijanCandidate>
{
    public void Configure(EntityTypeBuilder<SrijanCandidate> b)
    {
        b.HasKey(c => new { c.Id, c.StateId });
        b.Property(c => c.Id).UseIdentityByDefaultColumn();
        b.Property(c => c.Remarks).HasMaxLength(SrijanCandidate.MaxText);
        b.Property(c => c.HeardNotes).HasMaxLength(SrijanCandidate.MaxText);
        b.Property(c => c.HeardBy).HasMaxLength(200);
        b.Property(c => c.AddedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsRowVersion();
        b.HasOne<SrijanDistrict>().WithMany().HasForeignKey(c => new { c.SrijanDistrictId, c.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Person).WithMany().HasForeignKey(c => new { c.PersonId, c.StateId }).OnDelete(DeleteBehavior.Restrict);
        // A person is on a district's panel once.
        b.HasIndex(c => new { c.SrijanDistrictId, c.StateId, c.PersonId }).IsUnique();
        b.HasIndex(c => new { c.PersonId, c.StateId });
    }
}
