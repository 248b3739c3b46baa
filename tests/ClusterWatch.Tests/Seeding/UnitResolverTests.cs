using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;

namespace ClusterWatch.Tests.Seeding;

public class UnitResolverTests
{
    private readonly UnitResolver _resolver = ReferenceData.UnitResolver;
    private static readonly Region Shenzhen = ReferenceData.Region("440300");
    private static readonly Region Guangdong = ReferenceData.Region("440000");
    private static readonly Region Guangzhou = ReferenceData.Region("440100");

    [Theory]
    [InlineData("市发展改革委")]
    [InlineData("发展改革委")]
    [InlineData("深圳市发展改革委")]
    [InlineData("深圳市发展和改革委员会")]
    public void Every_form_of_the_Shenzhen_development_commission_is_one_unit(string written)
    {
        Assert.Equal("深圳市发展和改革委员会", _resolver.Resolve(written, Shenzhen)?.FullName);
    }

    [Fact]
    public void Every_alias_of_every_unit_resolves_back_to_that_unit_in_its_own_region()
    {
        foreach (var unit in ReferenceData.Units)
            foreach (var alias in unit.Aliases)
                Assert.Same(unit, _resolver.Resolve(alias.Alias, unit.Region));
    }

    [Fact]
    public void The_same_short_name_means_the_department_of_the_plan_region()
    {
        Assert.Equal("广东省发展和改革委员会", _resolver.Resolve("发展改革委", Guangdong)?.FullName);
        Assert.Equal("广州市发展和改革委员会", _resolver.Resolve("市发展改革委", Guangzhou)?.FullName);
        Assert.Equal("广东省市场监督管理局", _resolver.Resolve("市场监管局", Guangdong)?.FullName);
        Assert.Equal("深圳市市场监督管理局", _resolver.Resolve("市场监管局", Shenzhen)?.FullName);
    }

    [Fact]
    public void A_district_context_prefers_the_units_of_its_city()
    {
        Assert.Equal("深圳市发展和改革委员会", _resolver.Resolve("发展改革委", ReferenceData.Region("440305"))?.FullName);
    }

    [Fact]
    public void Province_departments_resolve_without_prefix()
    {
        Assert.Equal("广东省科学技术厅", _resolver.Resolve("科技厅", Guangdong)?.FullName);
        Assert.Equal("广东省科学技术厅", _resolver.Resolve("省科技厅", Guangdong)?.FullName);
        Assert.Equal("广东省工业和信息化厅", _resolver.Resolve("工业和信息化厅", Guangdong)?.FullName);
    }

    [Fact]
    public void District_governments_belong_to_their_district()
    {
        var nanshan = _resolver.Resolve("南山区政府", Shenzhen)!;
        Assert.Equal("深圳市南山区人民政府", nanshan.FullName);
        Assert.Equal(UnitKind.DistrictGovernment, nanshan.Kind);
        Assert.Equal("440305", nanshan.Region?.Code);
        Assert.Equal("4403DP", _resolver.Resolve("大鹏新区管委会", Shenzhen)?.Region?.Code);
    }

    [Fact]
    public void The_science_industry_trade_commission_ends_at_the_industry_bureau()
    {
        var old = _resolver.Resolve("科工贸信委", Shenzhen)!;
        Assert.Equal("深圳市科技工贸和信息化委员会", old.FullName);
        var chain = UnitResolver.SuccessorChain(old);
        Assert.Equal(["深圳市科技工贸和信息化委员会", "深圳市经济贸易和信息化委员会", "深圳市工业和信息化局"], chain.Select(u => u.FullName));
        Assert.Same(_resolver.Resolve("市工业和信息化局", Shenzhen), UnitResolver.CurrentOf(old));
    }

    [Theory]
    [InlineData("卫生人口计生委", "深圳市卫生健康委员会")]
    [InlineData("规划国土委", "深圳市规划和自然资源局")]
    [InlineData("人居环境委", "深圳市生态环境局")]
    [InlineData("药品监管局", "深圳市市场监督管理局")]
    [InlineData("财政委", "深圳市财政局")]
    [InlineData("金融办", "深圳市地方金融监督管理局")]
    [InlineData("光明新区管委会", "深圳市光明区人民政府")]
    public void Renamed_units_lead_to_the_unit_of_today(string written, string current)
    {
        var unit = _resolver.Resolve(written, Shenzhen)!;
        Assert.NotEqual(current, unit.FullName);
        Assert.Equal(current, UnitResolver.CurrentOf(unit).FullName);
    }

    [Fact]
    public void Both_the_old_drug_administration_and_the_market_regulator_are_separate_units()
    {
        var drugs = _resolver.Resolve("药品监管局", Shenzhen)!;
        var market = _resolver.Resolve("市市场监管局", Shenzhen)!;
        Assert.NotSame(drugs, market);
        Assert.Equal(2013, drugs.ValidToYear);
    }

    [Theory]
    [InlineData("")]
    [InlineData("市外星办")]
    public void Unknown_names_give_null(string written)
    {
        Assert.Null(_resolver.Resolve(written, Shenzhen));
    }
}
