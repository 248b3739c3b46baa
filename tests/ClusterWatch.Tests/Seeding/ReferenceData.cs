using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using ClusterWatch.Core.Seeding;

namespace ClusterWatch.Tests.Seeding;

/// <summary>The seed regions and units built in memory from the shipped SeedData files (no database).</summary>
internal static class ReferenceData
{
    private static readonly Lazy<(List<Region> Regions, List<Unit> Units)> Built = new(() =>
    {
        var regions = RegionSeed.Build(Path.Combine(AppPaths.SeedData, "divisions"));
        return (regions, UnitDirectory.Build(regions));
    });

    public static List<Region> Regions => Built.Value.Regions;
    public static List<Unit> Units => Built.Value.Units;
    public static RegionResolver RegionResolver => new(Regions);
    public static UnitResolver UnitResolver => new(Units, Regions);
    public static Region Region(string code) => Regions.Single(r => r.Code == code);
}
