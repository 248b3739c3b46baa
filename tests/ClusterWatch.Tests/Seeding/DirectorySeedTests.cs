using ClusterWatch.Core.Regions;
using ClusterWatch.Core.Seeding;

namespace ClusterWatch.Tests.Seeding;

public class DirectorySeedTests
{
    private static readonly Dictionary<string, List<Region>> DistrictsByCity = ReferenceData.Regions
        .Where(r => r.Level is RegionLevel.District or RegionLevel.FunctionalZone && r.Parent is not null)
        .GroupBy(r => r.Parent!.Code).ToDictionary(g => g.Key, g => g.ToList());

    [Theory]
    [InlineData("广东省深圳市南山区科技中三路1号", "440305")]
    [InlineData("深圳市坪山新区坑梓街道", "440310")]
    [InlineData("广东省深圳市光明新区公明街道", "440311")]
    [InlineData("广东省深圳市大鹏新区葵涌街道延安路一号", null)]
    [InlineData("广东省深圳市笋岗东路1002号宝安广场A座", null)]
    [InlineData(null, null)]
    public void The_district_comes_from_the_address_with_former_new_areas_counted_in_their_district(string? address, string? expected)
    {
        Assert.Equal(expected, DirectorySeed.DistrictFromAddress(address, "440300", DistrictsByCity, ReferenceData.RegionResolver));
    }

    [Fact]
    public void A_district_of_another_city_is_not_matched()
    {
        Assert.Null(DirectorySeed.DistrictFromAddress("广东省深圳市南山区科技园", "440100", DistrictsByCity, ReferenceData.RegionResolver));
    }
}
