using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Configurations;

public class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.HasKey(r => new { r.Id, r.StateId });
        b.Property(r => r.Id).UseIdentityByDefaultColumn();
        b.Property(r => r.DistrictId).IsRequired();
        b.Property(r => r.DivisionId).IsRequired();
        // The indicator set is configurable, so the figures are one jsonb object {"MeetingsHeld": 4, …}.
        b.Property(r => r.Figures).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<Dictionary<string, int>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, int>(),
            new ValueComparer<Dictionary<string, int>>(
                (a, c) => a!.Count == c!.Count && !a.Except(c).Any(),
                v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)),
                v => new Dictionary<string, int>(v)));
        b.Property(r => r.Achievements).HasMaxLength(4000);
        b.Property(r => r.Problems).HasMaxLength(4000);
        b.Property(r => r.HelpNeeded).HasMaxLength(4000);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.Property(r => r.UpdatedByName).HasMaxLength(200);
        b.Property(r => r.SubmittedByName).HasMaxLength(200);
        b.Property(r => r.ReviewedByName).HasMaxLength(200);
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne<Territory>().WithMany().HasForeignKey(r => r.StateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territory>().WithMany().HasForeignKey(r => r.DivisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territory>().WithMany().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => new { e.ReportId, e.StateId }).OnDelete(DeleteBehavior.Cascade);

        // One row per version of a district's month; also a district's history (trend) in period order.
        b.HasIndex(r => new { r.DistrictId, r.Period, r.Revision, r.StateId }).IsUnique().HasDatabaseName("ix_reports_district_id_period_revision");
        // A month across a state or a division (status, ranking).
        b.HasIndex(r => new { r.StateId, r.Period });
        b.HasIndex(r => new { r.DivisionId, r.Period });
        // The review queue: awaiting review, oldest submission first.
        b.HasIndex(r => new { r.StateId, r.Status, r.LastSubmittedUtc });
    }
}

public class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> b)
    {
        b.HasKey(e => new { e.Id, e.StateId });
        b.Property(e => e.Id).UseIdentityByDefaultColumn();
        b.Property(e => e.Text).HasMaxLength(4000);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.UserName).HasMaxLength(200);
        b.Property(e => e.UserRole).HasMaxLength(40);
        b.HasIndex(e => new { e.ReportId, e.StateId, e.AtUtc });
        b.HasIndex(e => new { e.StateId, e.AtUtc });
    }
}
