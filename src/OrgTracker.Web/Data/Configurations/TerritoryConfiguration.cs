using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Data.Configurations;

public class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> b)
    {
        b.Property(t => t.NameEn).HasMaxLength(200).IsRequired();
        b.Property(t => t.NameHi).HasMaxLength(200).IsRequired();
        b.Property(t => t.Code).HasMaxLength(10);
        b.Property(t => t.Version).IsRowVersion();
        b.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territory>().WithMany().HasForeignKey(t => t.WardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.AssemblyConstituency).WithMany().HasForeignKey(t => t.AssemblyConstituencyId).OnDelete(DeleteBehavior.Restrict);

        // Drill-down lists children of one parent at one level, ordered by name.
        b.HasIndex(t => new { t.ParentId, t.Level, t.NameEn });
        // Counts and scope filters by ancestor.
        b.HasIndex(t => new { t.StateId, t.Level });
        b.HasIndex(t => new { t.DivisionId, t.Level });
        b.HasIndex(t => new { t.DistrictId, t.Level });
        b.HasIndex(t => new { t.BlockId, t.Level });
        b.HasIndex(t => t.WardId);
        // A booth is unique by its part number within its assembly constituency.
        b.HasIndex(t => new { t.AssemblyConstituencyId, t.PartNumber }).IsUnique();
        // Name search in either script: trigram indexes (pg_trgm) for ILIKE '%…%'.
        b.HasIndex(t => t.NameEn).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(t => t.NameHi).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

public class LokSabhaConstituencyConfiguration : IEntityTypeConfiguration<LokSabhaConstituency>
{
    public void Configure(EntityTypeBuilder<LokSabhaConstituency> b)
    {
        b.Property(t => t.NameEn).HasMaxLength(200).IsRequired();
        b.Property(t => t.NameHi).HasMaxLength(200).IsRequired();
        b.HasOne<Territory>().WithMany().HasForeignKey(t => t.StateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.StateId, t.Number }).IsUnique();
    }
}

public class AssemblyConstituencyConfiguration : IEntityTypeConfiguration<AssemblyConstituency>
{
    public void Configure(EntityTypeBuilder<AssemblyConstituency> b)
    {
        b.Property(t => t.NameEn).HasMaxLength(200).IsRequired();
        b.Property(t => t.NameHi).HasMaxLength(200).IsRequired();
        b.Property(t => t.Reservation).HasMaxLength(3);
        b.Property(t => t.WinningParty).HasMaxLength(20);
        b.Property(t => t.MarginPercent).HasPrecision(5, 2);
        b.HasOne<Territory>().WithMany().HasForeignKey(t => t.StateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Territory>().WithMany().HasForeignKey(t => t.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.LokSabhaConstituency).WithMany().HasForeignKey(t => t.LokSabhaConstituencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.StateId, t.Number }).IsUnique();
        b.HasIndex(t => t.DistrictId);
        b.HasIndex(t => t.DivisionId);
        b.HasIndex(t => new { t.StateId, t.PartyOutcome, t.MarginPercent });
    }
}

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(u => u.Role).HasMaxLength(40).IsRequired();
        b.Property(u => u.PasswordLink).HasMaxLength(40);
        b.Property(u => u.Version).IsRowVersion();
        b.HasOne(u => u.ScopeTerritory).WithMany().HasForeignKey(u => u.ScopeTerritoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.StateId, u.Role });
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(a => new { a.Id, a.StateId });
        b.Property(a => a.Id).UseIdentityByDefaultColumn();
        b.Property(a => a.Entity).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Changes).HasColumnType("jsonb");
        b.HasIndex(a => new { a.StateId, a.AtUtc });
        b.HasIndex(a => new { a.DistrictId, a.AtUtc });
        b.HasIndex(a => new { a.Entity, a.EntityId });
        b.HasIndex(a => a.UserId);
    }
}

public class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> b)
    {
        b.HasKey(k => new { k.UserId, k.Key });
        b.Property(k => k.UserId).HasMaxLength(450);
        b.Property(k => k.Location).HasMaxLength(2000);
        b.HasIndex(k => k.CreatedUtc);
    }
}

public class AuthSessionConfiguration : IEntityTypeConfiguration<Authorization.AuthSession>
{
    public void Configure(EntityTypeBuilder<Authorization.AuthSession> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresUtc);
    }
}

public class LoginThrottleConfiguration : IEntityTypeConfiguration<Authorization.LoginThrottleEntry>
{
    public void Configure(EntityTypeBuilder<Authorization.LoginThrottleEntry> b)
    {
        b.ToTable("login_throttles");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(80);
        b.HasIndex(t => t.LastFailureUtc);
    }
}
