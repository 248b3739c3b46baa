using ClusterWatch.Core.Plans;

namespace ClusterWatch.Tests.Seeding;

public class IndicatorClassifierTests
{
    [Fact]
    public void Bio_figures_count_where_output_is_produced_and_internet_where_registered()
    {
        Assert.Equal(Caliber.ByProductionPlace, IndicatorClassifier.Classify("生物产业规模", "亿元").Caliber);
        Assert.Equal(Caliber.ByRegistration, IndicatorClassifier.Classify("互联网产业规模", "亿元").Caliber);
        Assert.Equal(Caliber.ByRegistration, IndicatorClassifier.Classify("新能源产业规模", "亿元").Caliber);
    }

    [Theory]
    [InlineData("生物产业规模", Sector.Bio, "")]
    [InlineData("互联网产业 营业收入超亿元企业数", Sector.Internet, "INTERNET")]
    [InlineData("新能源产业 年产值超十亿元企业数", Sector.NewEnergy, "NEWENERGY")]
    [InlineData("生物、互联网、新能源三大产业规模", Sector.All, "")]
    [InlineData("生物医疗设备 年销售收入超亿元企业数", Sector.Bio, "BIO.DEVICE")]
    [InlineData("体外诊断检测产品 年销售收入超十亿元企业数", Sector.Bio, "BIO.DEVICE.IVD")]
    [InlineData("生物药 年销售收入超亿元企业数", Sector.Bio, "BIO.DRUG.BIOLOGIC")]
    [InlineData("化学药 年销售收入超亿元企业数", Sector.Bio, "BIO.DRUG.CHEMICAL")]
    [InlineData("中药 年销售收入超亿元企业数", Sector.Bio, "BIO.DRUG.TCM")]
    [InlineData("组织工程与干细胞 年销售收入超亿元企业数", Sector.Bio, "BIO.CELLGENE")]
    [InlineData("生物农业 年销售收入超亿元企业数", Sector.Bio, "BIO.AGRI")]
    [InlineData("生物环保 年销售收入超亿元企业数", Sector.Bio, "BIO.ENV")]
    [InlineData("重点支持的行业龙头企业数", Sector.Bio, "")]
    public void Sector_and_sub_industry_come_from_the_name_prefix(string name, Sector sector, string industryCode)
    {
        var c = IndicatorClassifier.Classify(name, "家");
        Assert.Equal(sector, c.Sector);
        Assert.Equal(industryCode, c.IndustryCode ?? "");
    }

    [Theory]
    [InlineData("生物产业 年产值超亿元企业数", ComputedMeasure.OutputTierCount, 1)]
    [InlineData("生物产业 年产值超十亿元企业数", ComputedMeasure.OutputTierCount, 10)]
    [InlineData("生物产业 销售收入超百亿元企业数", ComputedMeasure.RevenueTierCount, 100)]
    [InlineData("互联网产业 营业收入超亿元企业数", ComputedMeasure.RevenueTierCount, 1)]
    [InlineData("销售收入超五百亿元企业数", ComputedMeasure.RevenueTierCount, 500)]
    [InlineData("销售收入超千亿元龙头企业数", ComputedMeasure.RevenueTierCount, 1000)]
    [InlineData("销售收入过10亿元的生物企业数", ComputedMeasure.RevenueTierCount, 10)]
    [InlineData("销售收入过亿元的生物企业数", ComputedMeasure.RevenueTierCount, 1)]
    public void Tier_counts_get_their_measure_and_threshold_in_yi(string name, ComputedMeasure measure, int threshold)
    {
        var c = IndicatorClassifier.Classify(name, "家");
        Assert.Equal(measure, c.Measure);
        Assert.Equal(threshold, c.TierThreshold);
        Assert.Equal(IndicatorKind.Count, c.Kind);
        Assert.Equal(Aggregation.Count, c.Aggregation);
    }

    [Theory]
    [InlineData("生物产业规模", "亿元", ComputedMeasure.OutputValue, IndicatorKind.Amount)]
    [InlineData("生物医药产业总产值", "亿元", ComputedMeasure.OutputValue, IndicatorKind.Amount)]
    [InlineData("生物产业销售收入", "亿元", ComputedMeasure.Revenue, IndicatorKind.Amount)]
    [InlineData("生物医药与健康产业营业收入", "亿元", ComputedMeasure.Revenue, IndicatorKind.Amount)]
    [InlineData("规模以上生物医药企业研发投入强度", "%", ComputedMeasure.None, IndicatorKind.Ratio)]
    [InlineData("药品临床批件数", "个", ComputedMeasure.None, IndicatorKind.Count)]
    [InlineData("重大公共服务平台数", "个", ComputedMeasure.None, IndicatorKind.Count)]
    public void Amounts_are_computed_from_output_or_revenue_and_other_indicators_are_reported(string name, string unit, ComputedMeasure measure, IndicatorKind kind)
    {
        var c = IndicatorClassifier.Classify(name, unit);
        Assert.Equal(measure, c.Measure);
        Assert.Equal(kind, c.Kind);
        Assert.Null(c.TierThreshold);
    }

    [Fact]
    public void Direction_is_increase_unless_the_name_says_it_falls()
    {
        Assert.Equal(Direction.Increase, IndicatorClassifier.Classify("生物产业规模", "亿元").Direction);
        Assert.Equal(Direction.Decrease, IndicatorClassifier.Classify("单位产值能耗下降率", "%").Direction);
    }
}
