namespace ClusterWatch.Core.Enterprises;

/// <summary>What one demo generation wrote.</summary>
public sealed record DemoResult(int Enterprises, long Figures, int IndicatorValues, double Seconds);

/// <summary>What a clear of synthetic data removed.</summary>
public sealed record DemoClearResult(int Enterprises, int IndicatorValues);

/// <summary>One generated enterprise with its sites, pools and figures, held only until its batch is written.</summary>
internal sealed class GeneratedEnterprise
{
    public int Id;
    public string CreditCode = "";
    public string Name = "";
    public int RegionId;
    public string IndustryCode = "";
    public ListingStatus ListingStatus;
    public string? StockCode;
    public int FoundedYear;
    public readonly List<(int RegionId, decimal Share)> Sites = [];
    public readonly List<(CultivationPool Pool, int FromYear, int? ToYear)> Pools = [];
    public readonly List<GeneratedFigure> Figures = [];
}

internal readonly record struct GeneratedFigure(int Year, int Quarter, decimal Revenue, decimal OutputValue, decimal RdExpense, int Employees, int InventionPatents);

internal readonly record struct GeneratedIndicatorValue(int IndicatorId, int RegionId, int Year, decimal Value, string Note);
