using ClusterWatch.Core.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterWatch.Core.Analytics.Chains;

public class IndustryChainConfiguration : IEntityTypeConfiguration<IndustryChain>
{
    public void Configure(EntityTypeBuilder<IndustryChain> b)
    {
        b.ToTable("IndustryChains");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(32).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(32).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(64).IsRequired();
        b.Property(x => x.Description).HasMaxLength(500).IsRequired();
        b.HasMany(x => x.Links).WithOne(x => x.Chain).HasForeignKey(x => x.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ChainLinkConfiguration : IEntityTypeConfiguration<ChainLink>
{
    public void Configure(EntityTypeBuilder<ChainLink> b)
    {
        b.ToTable("ChainLinks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(48).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.ChainId, x.Stage, x.SortOrder });
        b.Property(x => x.Name).HasMaxLength(64).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(128).IsRequired();
        b.Property(x => x.Definition).HasMaxLength(500).IsRequired();
        b.Property(x => x.IndustryCodes).HasMaxLength(256).IsRequired();
        b.Property(x => x.Keywords).HasMaxLength(500).IsRequired();
        b.Property(x => x.IpcCodes).HasMaxLength(256).IsRequired();
        b.Property(x => x.SourcePlan).HasMaxLength(128).IsRequired();
        b.Property(x => x.SourceQuote).HasMaxLength(1000).IsRequired();
    }
}

public class EnterpriseChainLinkConfiguration : IEntityTypeConfiguration<EnterpriseChainLink>
{
    public void Configure(EntityTypeBuilder<EnterpriseChainLink> b)
    {
        b.ToTable("EnterpriseChainLinks");
        b.HasKey(x => new { x.EnterpriseId, x.LinkId });
        b.HasIndex(x => x.LinkId);
        b.Property(x => x.MatchedBy).HasConversion<string>().HasMaxLength(16).IsRequired();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChainLink>().WithMany().HasForeignKey(x => x.LinkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class DirectoryChainLinkConfiguration : IEntityTypeConfiguration<DirectoryChainLink>
{
    public void Configure(EntityTypeBuilder<DirectoryChainLink> b)
    {
        b.ToTable("DirectoryChainLinks");
        b.HasKey(x => new { x.DirectoryCompanyId, x.LinkId });
        b.HasIndex(x => x.LinkId);
        b.Property(x => x.MatchedBy).HasConversion<string>().HasMaxLength(16).IsRequired();
        b.HasOne<DirectoryCompany>().WithMany().HasForeignKey(x => x.DirectoryCompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChainLink>().WithMany().HasForeignKey(x => x.LinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
