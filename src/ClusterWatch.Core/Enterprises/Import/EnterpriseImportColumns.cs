namespace ClusterWatch.Core.Enterprises.Import;

/// <summary>The Chinese column headers of the enterprise import file and template, in template order.</summary>
public static class EnterpriseImportColumns
{
    public const string CreditCode = "统一社会信用代码";
    public const string Name = "企业名称";
    public const string RegisteredRegion = "注册地区";
    public const string ProductionRegions = "生产地区";
    public const string Industry = "细分行业";
    public const string ListingStatus = "上市状态";
    public const string StockCode = "股票代码";
    public const string FoundedYear = "成立年份";
    public const string Tags = "标签";
    public const string Year = "年份";
    public const string Quarter = "季度";
    public const string Revenue = "营业收入（万元）";
    public const string OutputValue = "产值（万元）";
    public const string RdExpense = "研发投入（万元）";
    public const string Employees = "从业人员";
    public const string InventionPatents = "发明专利（件）";

    public static IReadOnlyList<string> All { get; } =
    [
        CreditCode, Name, RegisteredRegion, ProductionRegions, Industry, ListingStatus, StockCode, FoundedYear, Tags,
        Year, Quarter, Revenue, OutputValue, RdExpense, Employees, InventionPatents,
    ];

    /// <summary>Columns a file must have; the others may be left out.</summary>
    public static IReadOnlyList<string> Required { get; } = [CreditCode, Name, RegisteredRegion, Industry];

    /// <summary>Header spellings users type that mean the same column (half-width brackets, no unit).</summary>
    public static string Canonical(string header)
    {
        var h = header.Trim().Replace('(', '（').Replace(')', '）').Replace(" ", "");
        return h switch
        {
            "营业收入" => Revenue,
            "产值" or "工业总产值" => OutputValue,
            "研发投入" or "研发费用" => RdExpense,
            "从业人员（人）" or "从业人数" => Employees,
            "发明专利" or "发明专利数" => InventionPatents,
            "信用代码" => CreditCode,
            "注册地" => RegisteredRegion,
            "行业" => Industry,
            _ => h,
        };
    }

    public static readonly IReadOnlyDictionary<string, CultivationPool> PoolsByLabel = new Dictionary<string, CultivationPool>
    {
        ["龙头"] = CultivationPool.Leading,
        ["瞪羚"] = CultivationPool.Gazelle,
        ["独角兽"] = CultivationPool.Unicorn,
        ["专精特新"] = CultivationPool.Specialized,
        ["高新技术"] = CultivationPool.HighTech,
        ["小升规"] = CultivationPool.ScaleUp,
    };

    public static string PoolLabel(CultivationPool pool) => PoolsByLabel.First(p => p.Value == pool).Key;

    public static readonly IReadOnlyDictionary<string, Enterprises.ListingStatus> ListingByLabel = new Dictionary<string, Enterprises.ListingStatus>
    {
        ["未上市"] = Enterprises.ListingStatus.Unlisted,
        ["已上市"] = Enterprises.ListingStatus.Listed,
        ["上市"] = Enterprises.ListingStatus.Listed,
        ["已退市"] = Enterprises.ListingStatus.Delisted,
        ["退市"] = Enterprises.ListingStatus.Delisted,
    };

    public static string ListingLabel(Enterprises.ListingStatus status) => status switch
    {
        Enterprises.ListingStatus.Listed => "已上市",
        Enterprises.ListingStatus.Delisted => "已退市",
        _ => "未上市",
    };
}
