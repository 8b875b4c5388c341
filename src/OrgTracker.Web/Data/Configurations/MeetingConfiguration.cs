using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Configurations;

public class MeetingProgrammeConfiguration : IEntityTypeConfiguration<MeetingProgramme>
{
    public void Configure(EntityTypeBuilder<MeetingProgramme> b)
    {
        b.Property(p => p.Title).HasMaxLength(200).IsRequired();
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsRowVersion();
        b.HasOne<Territory>().WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.StateId, p.DistrictId });
    }
}

public class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(200).IsRequired();
        b.Property(m => m.Venue).HasMaxLength(300);
        b.Property(m => m.Chair).HasMaxLength(200);
        b.Property(m => m.Agenda).HasMaxLength(8000);
        b.Property(m => m.Minutes).HasMaxLength(20000);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.Property(m => m.Version).IsRowVersion();
        b.HasOne(m => m.Programme).WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Territory).WithMany().HasForeignKey(m => m.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Wing).WithMany().HasForeignKey(m => m.WingId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Invitees).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // Lists and calendars: a scope and a date range, newest first.
        b.HasIndex(m => new { m.StateId, m.StartsUtc });
        // Held meetings by start with the columns the dashboard groups them by: its counts read the index alone.
        b.HasIndex(m => new { m.StateId, m.StartsUtc }, "ix_meetings_held").HasFilter("status = 2")
            .IncludeProperties(m => new { m.DivisionId, m.DistrictId, m.BlockId });
        b.HasIndex(m => new { m.DivisionId, m.StartsUtc });
        b.HasIndex(m => new { m.DistrictId, m.StartsUtc });
        // The same body (carry-forward): a programme's sessions, or one territory's meetings of a type.
        b.HasIndex(m => new { m.ProgrammeId, m.StartsUtc });
        b.HasIndex(m => new { m.TerritoryId, m.Type, m.StartsUtc });
    }
}

public class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> b)
    {
        b.Property(i => i.Reason).HasMaxLength(300);
        b.Property(i => i.Version).IsRowVersion();
        b.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Appointment).WithMany().HasForeignKey(i => i.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.MeetingId, i.PersonId }).IsUnique();
        // A person's attendance history and the absent-three-times signal.
        b.HasIndex(i => new { i.PersonId, i.MeetingId });
        // Meetings above a user's scope that their area was invited to.
        b.HasIndex(i => new { i.DistrictId, i.MeetingId });
        b.HasIndex(i => new { i.DivisionId, i.MeetingId });
    }
}

public class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> b)
    {
        b.Property(d => d.Text).HasMaxLength(2000).IsRequired();
        b.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.MeetingId);
    }
}

public class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.Property(a => a.Text).HasMaxLength(1000).IsRequired();
        b.Property(a => a.Note).HasMaxLength(1000);
        b.Property(a => a.Version).IsRowVersion();
        b.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MeetingDecision>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territory>().WithMany().HasForeignKey(a => a.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.MeetingId);
        b.HasIndex(a => new { a.OwnerId, a.Status });
        // Open items by territory, oldest due first (overdue lists and dashboards).
        b.HasIndex(a => new { a.StateId, a.DistrictId, a.DueOn }).HasFilter("status IN (1, 2)").HasDatabaseName("ix_action_items_open")
            .IncludeProperties(a => a.DivisionId);
    }
}

public class MeetingPhotoConfiguration : IEntityTypeConfiguration<MeetingPhoto>
{
    public void Configure(EntityTypeBuilder<MeetingPhoto> b)
    {
        b.Property(p => p.Caption).HasMaxLength(300);
        b.Property(p => p.UploadedBy).HasMaxLength(256);
        b.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.MeetingId);
    }
}

/// <summary>A training recorded from a training meeting points at it (the training itself is configured with people).</summary>
public class TrainingMeetingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> b)
    {
        b.HasOne<Meeting>().WithMany().HasForeignKey(t => t.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => t.MeetingId);
    }
}
