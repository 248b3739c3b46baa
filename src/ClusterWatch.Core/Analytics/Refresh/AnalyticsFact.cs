using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>Which region a fact row attributes enterprise figures to.</summary>
public enum FactCaliber
{
    /// <summary>The registered region: sums and tier counts.</summary>
    Registration = 0,
    /// <summary>Each production site by its share: sums only.</summary>
    ProductionSplit = 1,
    /// <summary>The whole enterprise in the region of its largest production share: tier counts only.</summary>
    PrimaryProductionPlace = 2,
}

/// <summary>
/// Pre-aggregated enterprise figures per year × quarter (0 = year) × caliber × region × sub-industry × synthetic, written by
/// AnalyticsRefreshService with INSERT … SELECT … GROUP BY. Amounts in 万元 as double, as the live aggregation reads them.
/// </summary>
public class AnalyticsFact
{
    public int Year { get; set; }
    public int Quarter { get; set; }
    public FactCaliber Caliber { get; set; }
    public int RegionId { get; set; }
    public string IndustryCode { get; set; } = "";
    public bool IsSynthetic { get; set; }
    public double Revenue { get; set; }
    public double OutputValue { get; set; }
    public double RdExpense { get; set; }
    public double InventionPatents { get; set; }
    public int Enterprises { get; set; }
    /// <summary>Enterprises with revenue at or above 1, 10, 100, 500, 1000 亿元 (RevenueTier.ThresholdsYi, in order).</summary>
    public int RevenueTier1 { get; set; }
    public int RevenueTier2 { get; set; }
    public int RevenueTier3 { get; set; }
    public int RevenueTier4 { get; set; }
    public int RevenueTier5 { get; set; }
    /// <summary>Enterprises with output value at or above each standard tier.</summary>
    public int OutputTier1 { get; set; }
    public int OutputTier2 { get; set; }
    public int OutputTier3 { get; set; }
    public int OutputTier4 { get; set; }
    public int OutputTier5 { get; set; }

    public int RevenueTier(int index) => index switch { 0 => RevenueTier1, 1 => RevenueTier2, 2 => RevenueTier3, 3 => RevenueTier4, _ => RevenueTier5 };
    public int OutputTier(int index) => index switch { 0 => OutputTier1, 1 => OutputTier2, 2 => OutputTier3, 3 => OutputTier4, _ => OutputTier5 };
}

public class AnalyticsFactConfiguration : IEntityTypeConfiguration<AnalyticsFact>
{
    public void Configure(EntityTypeBuilder<AnalyticsFact> b)
    {
        b.ToTable("AnalyticsFacts");
        b.HasKey(x => new { x.Year, x.Quarter, x.Caliber, x.RegionId, x.IndustryCode, x.IsSynthetic });
        b.Property(x => x.IndustryCode).HasMaxLength(32).IsRequired();
        // Incremental refresh deletes by region and year.
        b.HasIndex(x => new { x.RegionId, x.Year });
    }
}
