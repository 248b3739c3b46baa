using System.Text.RegularExpressions;
using ClusterWatch.Core.Enterprises;

namespace ClusterWatch.Core.Plans;

/// <summary>How an indicator is read: kind, aggregation, sector, caliber, what it is computed from, sub-industry and direction.</summary>
public sealed record IndicatorClassification(
    IndicatorKind Kind, Aggregation Aggregation, Sector Sector, Caliber Caliber, ComputedMeasure Measure,
    decimal? TierThreshold, string? IndustryCode, Direction Direction);

/// <summary>Classifies an indicator from its name as the plans write it ("生物医疗设备 年销售收入超百亿元龙头企业数") and its unit.</summary>
public static partial class IndicatorClassifier
{
    /// <summary>专项 prefixes of the 2009 plan and the taxonomy node each one counts in.</summary>
    private static readonly (string Prefix, string Code)[] SpecialProjects =
    [
        ("生物医疗设备", IndustryTaxonomy.Device),
        ("体外诊断", IndustryTaxonomy.Ivd),
        ("生物药", IndustryTaxonomy.Biologic),
        ("化学药", IndustryTaxonomy.Chemical),
        ("中药", IndustryTaxonomy.Tcm),
        ("组织工程与干细胞", IndustryTaxonomy.CellGene),
        ("生物农业", IndustryTaxonomy.Agriculture),
        ("生物环保", IndustryTaxonomy.Environment),
    ];

    private static readonly Dictionary<string, decimal> TierWords = new()
    {
        [""] = 1, ["十"] = 10, ["10"] = 10, ["百"] = 100, ["100"] = 100, ["五百"] = 500, ["500"] = 500, ["千"] = 1000, ["1000"] = 1000,
    };

    [GeneratedRegex(@"(?<measure>销售收入|营业收入|年产值|产值).*?[超过](?<tier>十|百|五百|千|\d+)?亿元?")]
    private static partial Regex TierPattern();

    /// <param name="name">The indicator name as written, with its sector or 专项 as a space-separated prefix.</param>
    /// <param name="unit">The normalized unit: 亿元, 万元, %, 家, 个, 件 …</param>
    /// <param name="defaultSector">The sector of the plan, for names that do not say (the Guangdong, Guangzhou and 2020 plans are Bio).</param>
    public static IndicatorClassification Classify(string name, string unit, Sector defaultSector = Sector.Bio)
    {
        var kind = unit switch
        {
            "亿元" or "万元" or "元" => IndicatorKind.Amount,
            "%" => IndicatorKind.Ratio,
            _ => IndicatorKind.Count,
        };
        var sector = SectorOf(name, defaultSector);
        // The 2010-2012 work plan's table note: 生物产业数据按产值发生地统计；互联网、新能源产业数据按企业注册地统计.
        var caliber = sector is Sector.Internet or Sector.NewEnergy or Sector.All ? Caliber.ByRegistration : Caliber.ByProductionPlace;

        var (measure, tier) = MeasureOf(name, kind);
        var aggregation = measure is ComputedMeasure.RevenueTierCount or ComputedMeasure.OutputTierCount ? Aggregation.Count
            : kind == IndicatorKind.Ratio ? Aggregation.Average
            : Aggregation.Sum;

        var industryCode = sector switch
        {
            Sector.Internet => IndustryTaxonomy.Internet,
            Sector.NewEnergy => IndustryTaxonomy.NewEnergy,
            Sector.Bio => SpecialProjects.FirstOrDefault(p => name.StartsWith(p.Prefix, StringComparison.Ordinal)).Code,
            _ => null,
        };
        var direction = Regex.IsMatch(name, "下降|降低|减少|压减|能耗|排放") ? Direction.Decrease : Direction.Increase;
        return new IndicatorClassification(kind, aggregation, sector, caliber, measure, tier, industryCode, direction);
    }

    public static Sector SectorOf(string name, Sector defaultSector = Sector.Bio)
    {
        if (name.Contains("三大产业", StringComparison.Ordinal)) return Sector.All;
        if (name.StartsWith("互联网", StringComparison.Ordinal)) return Sector.Internet;
        if (name.StartsWith("新能源", StringComparison.Ordinal)) return Sector.NewEnergy;
        if (name.StartsWith("生物", StringComparison.Ordinal) || SpecialProjects.Any(p => name.StartsWith(p.Prefix, StringComparison.Ordinal))) return Sector.Bio;
        return defaultSector;
    }

    private static (ComputedMeasure Measure, decimal? Tier) MeasureOf(string name, IndicatorKind kind)
    {
        if (kind == IndicatorKind.Count && name.EndsWith("企业数", StringComparison.Ordinal) && TierPattern().Match(name) is { Success: true } m)
        {
            var threshold = TierWords.GetValueOrDefault(m.Groups["tier"].Value, 0m);
            if (threshold == 0m && decimal.TryParse(m.Groups["tier"].Value, out var digits)) threshold = digits;
            var isOutput = m.Groups["measure"].Value.Contains("产值", StringComparison.Ordinal);
            return (isOutput ? ComputedMeasure.OutputTierCount : ComputedMeasure.RevenueTierCount, threshold);
        }
        if (kind == IndicatorKind.Amount)
        {
            if (Regex.IsMatch(name, "销售收入|营业收入")) return (ComputedMeasure.Revenue, null);
            if (Regex.IsMatch(name, "产业规模|总产值|产值")) return (ComputedMeasure.OutputValue, null);
        }
        if (kind == IndicatorKind.Count && name.Contains("发明专利", StringComparison.Ordinal)) return (ComputedMeasure.InventionPatents, null);
        return (ComputedMeasure.None, null);
    }
}
