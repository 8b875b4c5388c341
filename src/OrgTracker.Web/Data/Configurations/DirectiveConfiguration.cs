using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Configurations;

public class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> b)
    {
        b.HasKey(d => new { d.Id, d.StateId });
        b.Property(d => d.Id).UseIdentityByDefaultColumn();
        b.Property(d => d.TextEn).HasMaxLength(Directive.MaxTextLength);
        b.Property(d => d.TextHi).HasMaxLength(Directive.MaxTextLength);
        b.Property(d => d.IssuedByUser).HasMaxLength(256);
        b.Property(d => d.IssuedByName).HasMaxLength(200);
        b.Property(d => d.Version).IsRowVersion();
        b.ToTable(t => t.HasCheckConstraint("ck_directives_text", "text_en IS NOT NULL OR text_hi IS NOT NULL"));
        b.HasOne<Territory>().WithMany().HasForeignKey(d => d.IssuedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.StateId, d.DueOn });
        b.HasIndex(d => new { d.DistrictId, d.DueOn });
    }
}

public class DirectiveTargetConfiguration : IEntityTypeConfiguration<DirectiveTarget>
{
    public void Configure(EntityTypeBuilder<DirectiveTarget> b)
    {
        b.HasKey(x => new { x.Id, x.StateId });
        b.Property(x => x.Id).UseIdentityByDefaultColumn();
        b.Property(x => x.AcknowledgedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne(x => x.Directive).WithMany().HasForeignKey(x => new { x.DirectiveId, x.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Territory).WithMany().HasForeignKey(x => x.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DirectiveTarget>().WithMany().HasForeignKey(x => new { x.ParentTargetId, x.StateId }).OnDelete(DeleteBehavior.Restrict);
        // A unit is sent a directive once.
        b.HasIndex(x => new { x.DirectiveId, x.StateId, x.TerritoryId }).IsUnique();
        b.HasIndex(x => new { x.ParentTargetId, x.StateId });
        // Grids, lists and dashboards: a scope's targets.
        b.HasIndex(x => new { x.StateId, x.Level, x.DirectiveId });
        b.HasIndex(x => new { x.DivisionId, x.Level, x.DirectiveId });
        b.HasIndex(x => new { x.DistrictId, x.DirectiveId });
        b.HasIndex(x => x.TerritoryId);
    }
}

public class DirectiveAnswerConfiguration : IEntityTypeConfiguration<DirectiveAnswer>
{
    public void Configure(EntityTypeBuilder<DirectiveAnswer> b)
    {
        b.HasKey(a => new { a.Id, a.StateId });
        b.Property(a => a.Id).UseIdentityByDefaultColumn();
        b.Property(a => a.Note).HasMaxLength(2000);
        b.Property(a => a.AnsweredBy).HasMaxLength(256);
        b.Property(a => a.AnsweredByName).HasMaxLength(200);
        b.HasOne<DirectiveTarget>().WithMany().HasForeignKey(a => new { a.TargetId, a.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Directive>().WithMany().HasForeignKey(a => new { a.DirectiveId, a.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.TargetId, a.StateId, a.Id });
    }
}

public class DirectiveFileConfiguration : IEntityTypeConfiguration<DirectiveFile>
{
    public void Configure(EntityTypeBuilder<DirectiveFile> b)
    {
        b.HasKey(f => new { f.Id, f.StateId });
        b.Property(f => f.Id).UseIdentityByDefaultColumn();
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.HasOne<Directive>().WithMany().HasForeignKey(f => new { f.DirectiveId, f.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DirectiveAnswer>().WithMany().HasForeignKey(f => new { f.AnswerId, f.StateId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.DirectiveId, f.StateId, f.AnswerId });
        b.HasIndex(f => new { f.AnswerId, f.StateId });
    }
}
