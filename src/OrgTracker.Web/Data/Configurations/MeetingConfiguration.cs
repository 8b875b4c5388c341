using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Configurations;

public class MeetingProgrammeConfiguration : IEntityTypeConfiguration<MeetingProgramme>
{
    public void Configure(EntityTypeBuilder<MeetingProgramme> b)
    {
        b.HasKey(p => new { p.Id, p.StateId });
        b.Property(p => p.Id).UseIdentityByDefaultColumn();
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
        b.HasKey(m => new { m.Id, m.StateId });
        b.Property(m => m.Id).UseIdentityByDefaultColumn();
        b.Property(m => m.Title).HasMaxLength(200).IsRequired();
        b.Property(m => m.Venue).HasMaxLength(300);
        b.Property(m => m.Chair).HasMaxLength(200);
        b.Property(m => m.Agenda).HasMaxLength(8000);
        b.Property(m => m.Minutes).HasMaxLength(20000);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.Property(m => m.Version).IsRowVersion();
        b.HasOne(m => m.Programme).WithMany().HasForeignKey(m => new { m.ProgrammeId, m.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Territory).WithMany().HasForeignKey(m => m.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Wing).WithMany().HasForeignKey(m => m.WingId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Invitees).WithOne().HasForeignKey(i => new { i.MeetingId, i.StateId }).OnDelete(DeleteBehavior.Cascade);
        // Lists and calendars: a scope and a date range, newest first.
        b.HasIndex(m => new { m.StateId, m.StartsUtc });
        // Held meetings by start with the columns the dashboard groups them by: its counts read the index alone.
        b.HasIndex(m => new { m.StateId, m.StartsUtc }, "ix_meetings_held").HasFilter("status = 2")
            .IncludeProperties(m => new { m.DivisionId, m.DistrictId, m.BlockId });
        b.HasIndex(m => new { m.DivisionId, m.StartsUtc });
        b.HasIndex(m => new { m.DistrictId, m.StartsUtc });
        // A block's meetings by start (its dashboard's held meetings and months): without it a block's dashboard read a
        // year of every state's held meetings to keep its own (27 ms under a generic plan, 4 ms planned for its values).
        b.HasIndex(m => new { m.BlockId, m.StartsUtc });
        // The same body (carry-forward): a programme's sessions, or one territory's meetings of a type.
        b.HasIndex(m => new { m.ProgrammeId, m.StartsUtc });
        b.HasIndex(m => new { m.TerritoryId, m.Type, m.StartsUtc });
    }
}

public class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> b)
    {
        b.HasKey(i => new { i.Id, i.StateId });
        b.Property(i => i.Id).UseIdentityByDefaultColumn();
        b.Property(i => i.Reason).HasMaxLength(300);
        b.Property(i => i.Version).IsRowVersion();
        b.HasOne(i => i.Person).WithMany().HasForeignKey(i => new { i.PersonId, i.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Appointment).WithMany().HasForeignKey(i => new { i.AppointmentId, i.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.MeetingId, i.StateId, i.PersonId }).IsUnique().HasDatabaseName("ix_meeting_invitees_meeting_id_person_id");
        // A person's attendance history and the absent-three-times signal.
        b.HasIndex(i => new { i.PersonId, i.StateId, i.MeetingId });
        // Meetings above a user's scope that their area was invited to.
        b.HasIndex(i => new { i.DistrictId, i.MeetingId });
        b.HasIndex(i => new { i.DivisionId, i.MeetingId });
    }
}

public class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> b)
    {
        b.HasKey(d => new { d.Id, d.StateId });
        b.Property(d => d.Id).UseIdentityByDefaultColumn();
        b.Property(d => d.Text).HasMaxLength(2000).IsRequired();
        b.HasOne<Meeting>().WithMany().HasForeignKey(d => new { d.MeetingId, d.StateId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.MeetingId, d.StateId });
    }
}

public class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.HasKey(a => new { a.Id, a.StateId });
        b.Property(a => a.Id).UseIdentityByDefaultColumn();
        b.Property(a => a.Text).HasMaxLength(1000).IsRequired();
        b.Property(a => a.Note).HasMaxLength(1000);
        b.Property(a => a.Version).IsRowVersion();
        b.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => new { a.MeetingId, a.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MeetingDecision>().WithMany().HasForeignKey(a => new { a.DecisionId, a.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Owner).WithMany().HasForeignKey(a => new { a.OwnerId, a.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territory>().WithMany().HasForeignKey(a => a.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.MeetingId, a.StateId });
        b.HasIndex(a => new { a.OwnerId, a.StateId, a.Status });
        // Open items by territory, oldest due first (overdue lists and dashboards).
        b.HasIndex(a => new { a.StateId, a.DistrictId, a.DueOn }).HasFilter("status IN (1, 2)").HasDatabaseName("ix_action_items_open")
            .IncludeProperties(a => a.DivisionId);
        // The overdue and open lists of a state or division, by due date: the first page without sorting every open item.
        b.HasIndex(a => new { a.StateId, a.DueOn, a.Id }).HasFilter("status IN (1, 2)").HasDatabaseName("ix_action_items_open_due");
    }
}

public class MeetingPhotoConfiguration : IEntityTypeConfiguration<MeetingPhoto>
{
    public void Configure(EntityTypeBuilder<MeetingPhoto> b)
    {
        b.HasKey(p => new { p.Id, p.StateId });
        b.Property(p => p.Id).UseIdentityByDefaultColumn();
        b.Property(p => p.Caption).HasMaxLength(300);
        b.Property(p => p.UploadedBy).HasMaxLength(256);
        b.HasOne<Meeting>().WithMany().HasForeignKey(p => new { p.MeetingId, p.StateId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.MeetingId, p.StateId });
    }
}

/// <summary>A training recorded from a training meeting points at it (the training itself is configured with people).</summary>
public class TrainingMeetingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> b)
    {
        // Restrict, not set-null: meetings are never deleted, and SET NULL would also null the shared state_id.
        b.HasOne<Meeting>().WithMany().HasForeignKey(t => new { t.MeetingId, t.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.MeetingId, t.StateId });
    }
}
