using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterWatch.Core.Data;

public class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(12).IsRequired();
        b.Property(x => x.Name).HasMaxLength(64).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(64);
        b.Property(x => x.SeriesCode).HasMaxLength(12).IsRequired();
        b.Property(x => x.Note).HasMaxLength(500);
        b.Ignore(x => x.IsCurrent);
        b.HasIndex(x => new { x.Code, x.Name }).IsUnique();
        b.HasIndex(x => x.Name);
        b.HasIndex(x => x.SeriesCode);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.FullName).HasMaxLength(128).IsRequired();
        b.Property(x => x.ShortName).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.FullName);
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Aliases).WithOne(x => x.Unit).HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class UnitAliasConfiguration : IEntityTypeConfiguration<UnitAlias>
{
    public void Configure(EntityTypeBuilder<UnitAlias> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Alias).HasMaxLength(128).IsRequired();
        b.HasIndex(x => x.Alias);
        b.HasIndex(x => new { x.UnitId, x.Alias }).IsUnique();
    }
}

public class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Slug).HasMaxLength(128).IsRequired();
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Title).HasMaxLength(256).IsRequired();
        b.Property(x => x.Issuer).HasMaxLength(128);
        b.Property(x => x.DocNumber).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(256);
        b.Property(x => x.FullText).IsRequired();
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Targets).WithOne(x => x.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Baselines).WithOne(x => x.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Allocations).WithOne(x => x.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Tasks).WithOne(x => x.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(128).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(16).IsRequired();
        b.Property(x => x.IndustryCode).HasMaxLength(32);
        b.Property(x => x.TierThreshold).HasPrecision(18, 4);
        b.HasIndex(x => new { x.Name, x.Unit }).IsUnique();
    }
}

public class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.ValueMax).HasPrecision(18, 4);
        b.Property(x => x.Unit).HasMaxLength(16).IsRequired();
        b.Property(x => x.Quote).HasMaxLength(1000);
        b.HasIndex(x => new { x.PlanId, x.Year });
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class BaselineConfiguration : IEntityTypeConfiguration<Baseline>
{
    public void Configure(EntityTypeBuilder<Baseline> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Unit).HasMaxLength(16).IsRequired();
        b.Property(x => x.Quote).HasMaxLength(1000);
        b.HasIndex(x => new { x.PlanId, x.IndicatorId });
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Unit).HasMaxLength(16).IsRequired();
        b.HasIndex(x => new { x.PlanId, x.Year });
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(32).IsRequired();
        b.Property(x => x.Title).HasMaxLength(256).IsRequired();
        b.HasIndex(x => new { x.PlanId, x.SortOrder });
        b.HasMany(x => x.Assignments).WithOne(x => x.PlanTask).HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class TaskAssignmentConfiguration : IEntityTypeConfiguration<TaskAssignment>
{
    public void Configure(EntityTypeBuilder<TaskAssignment> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.WrittenAs).HasMaxLength(128).IsRequired();
        b.HasIndex(x => x.UnitId);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.IndicatorId, x.RegionId, x.Year, x.Quarter, x.Source }).IsUnique();
        b.HasOne(x => x.Indicator).WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.CreditCode).HasMaxLength(18).IsFixedLength().IsRequired();
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.Property(x => x.Name).HasMaxLength(128).IsRequired();
        b.Property(x => x.IndustryCode).HasMaxLength(32).IsRequired();
        b.Property(x => x.StockCode).HasMaxLength(16);
        b.HasIndex(x => x.RegisteredRegionId);
        b.HasIndex(x => x.IndustryCode);
        b.HasOne(x => x.RegisteredRegion).WithMany().HasForeignKey(x => x.RegisteredRegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.ProductionSites).WithOne(x => x.Enterprise).HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Pools).WithOne(x => x.Enterprise).HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Figures).WithOne(x => x.Enterprise).HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ProductionSiteConfiguration : IEntityTypeConfiguration<ProductionSite>
{
    public void Configure(EntityTypeBuilder<ProductionSite> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Share).HasPrecision(9, 6);
        b.HasIndex(x => new { x.EnterpriseId, x.RegionId }).IsUnique();
        b.HasIndex(x => x.RegionId);
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PoolMembershipConfiguration : IEntityTypeConfiguration<PoolMembership>
{
    public void Configure(EntityTypeBuilder<PoolMembership> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Pool, x.EnterpriseId });
    }
}

public class EnterpriseFigureConfiguration : IEntityTypeConfiguration<EnterpriseFigure>
{
    public void Configure(EntityTypeBuilder<EnterpriseFigure> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Revenue).HasPrecision(18, 2);
        b.Property(x => x.OutputValue).HasPrecision(18, 2);
        b.Property(x => x.RdExpense).HasPrecision(18, 2);
        b.HasIndex(x => new { x.EnterpriseId, x.Year, x.Quarter }).IsUnique();
        b.HasIndex(x => new { x.Year, x.Quarter });
    }
}

public class IndustryConfiguration : IEntityTypeConfiguration<Industry>
{
    public void Configure(EntityTypeBuilder<Industry> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(64).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(64).IsRequired();
        b.Property(x => x.ParentCode).HasMaxLength(32);
    }
}

public class DirectoryCompanyConfiguration : IEntityTypeConfiguration<DirectoryCompany>
{
    public void Configure(EntityTypeBuilder<DirectoryCompany> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.TsCode).HasMaxLength(16).IsRequired();
        b.HasIndex(x => x.TsCode).IsUnique();
        b.Property(x => x.Name).HasMaxLength(64).IsRequired();
        b.Property(x => x.FullName).HasMaxLength(128);
        b.Property(x => x.Area).HasMaxLength(32);
        b.Property(x => x.Industry).HasMaxLength(32);
        b.Property(x => x.ListDate).HasMaxLength(8);
        b.Property(x => x.DelistDate).HasMaxLength(8);
        b.Property(x => x.Status).HasMaxLength(2);
        b.Property(x => x.City).HasMaxLength(32);
        b.Property(x => x.CityCode).HasMaxLength(6);
        b.Property(x => x.DistrictCode).HasMaxLength(6);
        b.Property(x => x.RegisteredAddress).HasMaxLength(256);
        b.Property(x => x.Board).HasMaxLength(16);
        b.Property(x => x.Source).HasMaxLength(128).IsRequired();
        b.HasIndex(x => x.CityCode);
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.User).HasMaxLength(64).IsRequired();
        b.Property(x => x.Action).HasMaxLength(32).IsRequired();
        b.Property(x => x.EntityType).HasMaxLength(64).IsRequired();
        b.Property(x => x.EntityId).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.At);
    }
}
