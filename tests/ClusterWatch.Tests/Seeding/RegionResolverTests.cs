using ClusterWatch.Core.Regions;

namespace ClusterWatch.Tests.Seeding;

public class RegionResolverTests
{
    private readonly RegionResolver _resolver = ReferenceData.RegionResolver;
    private static readonly Region Shenzhen = ReferenceData.Region("440300");

    [Theory]
    [InlineData("南山区", "440305")]
    [InlineData("南山", "440305")]
    [InlineData(" 南 山 区 ", "440305")]
    [InlineData("440305", "440305")]
    [InlineData("深圳市", "440300")]
    [InlineData("深圳", "440300")]
    [InlineData("广东省", "440000")]
    [InlineData("广东", "440000")]
    [InlineData("东莞市", "441900")]
    [InlineData("天河区", "440106")]
    [InlineData("深圳市福田区", "440304")]
    [InlineData("坪山", "440310")]
    [InlineData("光明", "440311")]
    public void Resolves_names_short_names_and_codes_as_plans_write_them(string written, string expectedCode)
    {
        Assert.Equal(expectedCode, _resolver.Resolve(written, Shenzhen)?.Code);
    }

    [Fact]
    public void Functional_zone_names_resolve_to_the_historical_zone_not_the_later_district()
    {
        var zone = _resolver.Resolve("坪山新区")!;
        Assert.Equal(RegionLevel.FunctionalZone, zone.Level);
        Assert.Equal(2016, zone.ValidToYear);
        Assert.False(zone.IsOfficialCode);
    }

    [Fact]
    public void Whole_city_is_read_in_the_context_of_the_plan_region()
    {
        Assert.Equal("440300", _resolver.Resolve("全市", Shenzhen)?.Code);
        Assert.Equal("440300", _resolver.Resolve("全市", ReferenceData.Region("440305"))?.Code);
        Assert.Equal("440100", _resolver.Resolve("全市", ReferenceData.Region("440100"))?.Code);
        Assert.Null(_resolver.Resolve("全市"));
    }

    [Fact]
    public void Whole_country_is_the_country_region()
    {
        var country = _resolver.Resolve("全国")!;
        Assert.Equal(RegionLevel.Country, country.Level);
        Assert.Equal("100000", country.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("火星区")]
    [InlineData("999999")]
    public void Unknown_names_give_null(string written)
    {
        Assert.Null(_resolver.Resolve(written, Shenzhen));
    }

    [Theory]
    [InlineData("坪山新区", "440310")]
    [InlineData("光明新区", "440311")]
    [InlineData("龙华新区", "440309")]
    public void A_former_new_area_lines_up_with_the_district_that_replaced_it(string zone, string districtCode)
    {
        var series = _resolver.SeriesOf(_resolver.Resolve(zone)!);
        Assert.Equal(districtCode, series.Code);
        Assert.True(series.IsCurrent);
        Assert.Same(_resolver.Resolve(zone)!.Successor, series);
    }

    [Fact]
    public void A_current_region_and_Dapeng_are_their_own_series()
    {
        var nanshan = _resolver.Resolve("南山区")!;
        Assert.Same(nanshan, _resolver.SeriesOf(nanshan));
        var dapeng = _resolver.Resolve("大鹏新区")!;
        Assert.Same(dapeng, _resolver.SeriesOf(dapeng));
        Assert.Equal("4403DP", dapeng.Code);
        Assert.Contains("440307009", dapeng.Note);
    }

    [Fact]
    public void Guangdong_has_21_cities_and_Shenzhen_9_districts_and_Guangzhou_11()
    {
        var regions = ReferenceData.Regions;
        Assert.Equal(21, regions.Count(r => r.Level == RegionLevel.City && r.Parent?.Code == "440000"));
        Assert.Equal(9, regions.Count(r => r.Level == RegionLevel.District && r.Parent?.Code == "440300"));
        Assert.Equal(11, regions.Count(r => r.Level == RegionLevel.District && r.Parent?.Code == "440100"));
        Assert.DoesNotContain(regions, r => r.Parent?.Code is "441900" or "442000");
        Assert.Equal(122, regions.Count(r => r.Level == RegionLevel.District));
    }

    [Fact]
    public void New_districts_start_in_the_year_they_replaced_their_zone()
    {
        Assert.Equal(2018, _resolver.Resolve("光明区")!.ValidFromYear);
        Assert.Equal(2017, _resolver.Resolve("坪山区")!.ValidFromYear);
        Assert.Equal(2017, _resolver.Resolve("龙华区")!.ValidFromYear);
        Assert.Null(_resolver.Resolve("南山区")!.ValidFromYear);
        Assert.Equal("Nanshan District", _resolver.Resolve("南山区")!.NameEn);
    }
}
