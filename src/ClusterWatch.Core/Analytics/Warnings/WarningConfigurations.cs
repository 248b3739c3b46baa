using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterWatch.Core.Analytics.Warnings;

public class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> b)
    {
        b.ToTable("Warnings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Key).HasMaxLength(200).IsRequired();
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Message).HasMaxLength(1000).IsRequired();
        b.Property(x => x.LinksJson).HasMaxLength(4000).IsRequired();
        b.Property(x => x.AcknowledgedBy).HasMaxLength(64);
        b.Property(x => x.AcknowledgeNote).HasMaxLength(500);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => new { x.Status, x.Severity });
        b.HasIndex(x => x.RegionId);
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => x.PlanId);
        b.HasIndex(x => x.EnterpriseId);
        // Subjects may be deleted later; the warning then simply loses its link (and resolves on the next refresh).
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Events).WithOne(x => x.Warning).HasForeignKey(x => x.WarningId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class WarningEventConfiguration : IEntityTypeConfiguration<WarningEvent>
{
    public void Configure(EntityTypeBuilder<WarningEvent> b)
    {
        b.ToTable("WarningEvents");
        b.HasKey(x => x.Id);
        b.Property(x => x.By).HasMaxLength(64).IsRequired();
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Message).HasMaxLength(1000).IsRequired();
        b.HasIndex(x => new { x.WarningId, x.At });
    }
}
