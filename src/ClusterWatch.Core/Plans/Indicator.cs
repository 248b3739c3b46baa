namespace ClusterWatch.Core.Plans;

public enum Caliber { ByProductionPlace = 0, ByRegistration = 1 }
public enum Aggregation { Sum = 0, Count = 1, Average = 2, Latest = 3 }
public enum IndicatorKind { Amount = 0, Count = 1, Ratio = 2 }
public enum Direction { Increase = 0, Decrease = 1 }
public enum Sector { Bio = 0, Internet = 1, NewEnergy = 2, All = 3 }

/// <summary>How an indicator's actual value is derived from enterprise figures, if it is.</summary>
public enum ComputedMeasure { None = 0, Revenue = 1, OutputValue = 2, RevenueTierCount = 3, OutputTierCount = 4, RdExpense = 5, InventionPatents = 6 }

/// <summary>What is measured: name, unit, aggregation, caliber, preferred direction.</summary>
public class Indicator
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public IndicatorKind Kind { get; set; }
    public Aggregation Aggregation { get; set; }
    public Caliber Caliber { get; set; }
    public Direction Direction { get; set; }
    public Sector Sector { get; set; }
    /// <summary>Restricts computation to one sub-industry code and its children (e.g. "BIO.DEV"); null = the whole sector.</summary>
    public string? IndustryCode { get; set; }
    public ComputedMeasure Measure { get; set; }
    /// <summary>Tier threshold in 亿元 for tier counts (1, 10, 100, 500, 1000).</summary>
    public decimal? TierThreshold { get; set; }
}
