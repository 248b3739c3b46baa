namespace ClusterWatch.Core.Enterprises;

public enum ListingStatus { Unlisted = 0, Listed = 1, Delisted = 2 }

/// <summary>A firm in the region's enterprise database (企业信息库).</summary>
public class Enterprise
{
    public int Id { get; set; }
    /// <summary>Unified social credit code, 18 characters, GB 32100-2015 check character.</summary>
    public string CreditCode { get; set; } = "";
    public string Name { get; set; } = "";
    public int RegisteredRegionId { get; set; }
    public Regions.Region? RegisteredRegion { get; set; }
    /// <summary>Code of the sub-industry in the taxonomy (see Industry).</summary>
    public string IndustryCode { get; set; } = "";
    public ListingStatus ListingStatus { get; set; }
    public string? StockCode { get; set; }
    public int? FoundedYear { get; set; }
    /// <summary>True for generated demo data (示例数据); never mixed with real records.</summary>
    public bool IsSynthetic { get; set; }
    public List<ProductionSite> ProductionSites { get; set; } = [];
    public List<PoolMembership> Pools { get; set; } = [];
    public List<EnterpriseFigure> Figures { get; set; } = [];
}

/// <summary>Where an enterprise produces, and the share of its output produced there (sum of shares = 1).</summary>
public class ProductionSite
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public int RegionId { get; set; }
    public Regions.Region? Region { get; set; }
    public decimal Share { get; set; } = 1m;
}

public enum CultivationPool { Leading = 0, Gazelle = 1, Unicorn = 2, Specialized = 3, HighTech = 4, ScaleUp = 5 }

/// <summary>Membership of a cultivation pool (龙头/瞪羚/独角兽/专精特新/高新技术/小升规) with dates in and out.</summary>
public class PoolMembership
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public CultivationPool Pool { get; set; }
    public int FromYear { get; set; }
    public int? ToYear { get; set; }
}

/// <summary>Figures of one enterprise for one year (Quarter 0) or quarter (1-4). Amounts in 万元.</summary>
public class EnterpriseFigure
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public decimal Revenue { get; set; }
    public decimal OutputValue { get; set; }
    public decimal RdExpense { get; set; }
    public int Employees { get; set; }
    public int InventionPatents { get; set; }
}

/// <summary>A node of the sub-industry taxonomy (生物药, 医疗器械 › 体外诊断 …).</summary>
public class Industry
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? ParentCode { get; set; }
    public Plans.Sector Sector { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A real company in the reference directory (名录), loaded from public listings; never synthetic.</summary>
public class DirectoryCompany
{
    public int Id { get; set; }
    public string TsCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string? FullName { get; set; }
    public string? Area { get; set; }
    public string? Industry { get; set; }
    public string? ListDate { get; set; }
    public string? DelistDate { get; set; }
    public string Status { get; set; } = "L";
    public string? City { get; set; }
    public string? CityCode { get; set; }
    public string? DistrictCode { get; set; }
    public string? RegisteredAddress { get; set; }
    public string? Board { get; set; }
    public bool IsBiomedical { get; set; }
    public string Source { get; set; } = "";
}
