using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterWatch.Core.Analytics.Assessment;

public class AssessmentSchemeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> b)
    {
        b.ToTable("AssessmentSchemes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(128).IsRequired();
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Indicators).WithOne(x => x.Scheme).HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AssessmentIndicatorConfiguration : IEntityTypeConfiguration<AssessmentIndicator>
{
    public void Configure(EntityTypeBuilder<AssessmentIndicator> b)
    {
        b.ToTable("AssessmentIndicators");
        b.HasKey(x => x.Id);
        b.Property(x => x.Weight).HasPrecision(6, 2);
        b.HasIndex(x => new { x.SchemeId, x.Kind }).IsUnique();
    }
}

public class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> b)
    {
        b.ToTable("AssessmentResults");
        b.HasKey(x => x.Id);
        b.Property(x => x.PeriodKey).HasMaxLength(8).IsRequired();
        b.Property(x => x.Score).HasPrecision(6, 2);
        b.Property(x => x.PreviousScore).HasPrecision(6, 2);
        b.Property(x => x.Change).HasPrecision(6, 2);
        b.Property(x => x.BreakdownJson).HasMaxLength(20000).IsRequired();
        b.HasIndex(x => new { x.SchemeId, x.PeriodKey, x.UnitId }).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasOne(x => x.Scheme).WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class AssessmentPublicationConfiguration : IEntityTypeConfiguration<AssessmentPublication>
{
    public void Configure(EntityTypeBuilder<AssessmentPublication> b)
    {
        b.ToTable("AssessmentPublications");
        b.HasKey(x => x.Id);
        b.Property(x => x.PeriodKey).HasMaxLength(8).IsRequired();
        b.Property(x => x.PublishedBy).HasMaxLength(64).IsRequired();
        b.Property(x => x.WithdrawnBy).HasMaxLength(64);
        b.HasIndex(x => new { x.SchemeId, x.PeriodKey });
        b.HasOne(x => x.Scheme).WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}
