using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterWatch.Core.Enterprises.Credit;

public class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> b)
    {
        b.ToTable("CreditRecords");
        b.HasKey(x => x.Id);
        b.Property(x => x.IndicatorCode).HasMaxLength(32).IsRequired();
        b.Property(x => x.Title).HasMaxLength(256).IsRequired();
        b.Property(x => x.DocumentNo).HasMaxLength(64);
        b.Property(x => x.Issuer).HasMaxLength(128).IsRequired();
        b.Property(x => x.Source).HasMaxLength(128).IsRequired();
        b.Property(x => x.ImportedBy).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.EnterpriseId, x.OccurredOn });
        b.HasIndex(x => x.IndicatorCode);
        b.HasOne(x => x.Enterprise).WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CreditScoreConfiguration : IEntityTypeConfiguration<CreditScore>
{
    public void Configure(EntityTypeBuilder<CreditScore> b)
    {
        b.ToTable("CreditScores");
        b.HasKey(x => x.EnterpriseId);
        b.Property(x => x.EnterpriseId).ValueGeneratedNever();
        b.Property(x => x.Grade).HasMaxLength(2).IsRequired();
        b.Property(x => x.SchemeVersion).HasMaxLength(32).IsRequired();
        b.Property(x => x.Factors).IsRequired();
        b.HasIndex(x => new { x.Grade, x.EnterpriseId });
        b.HasIndex(x => x.NextChangeOn);
        b.HasOne(x => x.Enterprise).WithOne().HasForeignKey<CreditScore>(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}
