using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using ClusterWatch.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Seeding;

/// <summary>What seeding puts into an empty database, exactly, once per provider.</summary>
public abstract class SeedContentTests(SeededDatabase database)
{
    [Fact]
    public void Seeding_regions_units_plans_and_directory_takes_well_under_ten_seconds()
    {
        Assert.True(database.SeedTime < TimeSpan.FromSeconds(10), $"seeding took {database.SeedTime}");
    }

    [Fact]
    public async Task Guangdong_its_21_cities_and_the_Shenzhen_and_Guangzhou_districts_are_seeded()
    {
        await using var db = database.NewContext();
        var guangdong = await db.Regions.SingleAsync(r => r.Code == "440000");
        Assert.Equal("广东省", guangdong.Name);
        Assert.Equal(RegionLevel.Province, guangdong.Level);
        Assert.Equal(21, await db.Regions.CountAsync(r => r.ParentId == guangdong.Id && r.Level == RegionLevel.City));
        var shenzhen = await db.Regions.SingleAsync(r => r.Code == "440300");
        var guangzhou = await db.Regions.SingleAsync(r => r.Code == "440100");
        Assert.Equal(9, await db.Regions.CountAsync(r => r.ParentId == shenzhen.Id && r.Level == RegionLevel.District));
        Assert.Equal(11, await db.Regions.CountAsync(r => r.ParentId == guangzhou.Id && r.Level == RegionLevel.District));
        Assert.Equal(122, await db.Regions.CountAsync(r => r.Level == RegionLevel.District));
    }

    [Fact]
    public async Task The_four_new_areas_are_functional_zones_and_three_have_a_district_successor()
    {
        await using var db = database.NewContext();
        var zones = await db.Regions.Include(r => r.Successor).Where(r => r.Level == RegionLevel.FunctionalZone).ToListAsync();
        Assert.Equal(["光明新区", "坪山新区", "大鹏新区", "龙华新区"], zones.Select(z => z.Name).Order());
        Assert.Equal("440311", zones.Single(z => z.Name == "光明新区").Successor?.Code);
        Assert.Equal("440310", zones.Single(z => z.Name == "坪山新区").Successor?.Code);
        Assert.Equal("440309", zones.Single(z => z.Name == "龙华新区").Successor?.Code);
        var dapeng = zones.Single(z => z.Name == "大鹏新区");
        Assert.Null(dapeng.Successor);
        Assert.False(dapeng.IsOfficialCode);
        Assert.True(dapeng.IsCurrent);
    }

    [Fact]
    public async Task The_five_plans_hold_the_gold_counts()
    {
        await using var db = database.NewContext();
        Assert.Equal(5, await db.Plans.CountAsync(p => p.Status == PlanStatus.Confirmed && p.Source == PlanSeed.ParsedSource));
        Assert.Equal(94, await db.Targets.CountAsync());
        Assert.Equal(11, await db.Baselines.CountAsync());
        Assert.Equal(73, await db.PlanTasks.CountAsync());
        Assert.Equal(54, await db.Allocations.CountAsync());
        var workplan = await db.Plans.SingleAsync(p => p.Slug == "shenzhen-bio-internet-newenergy-workplan-2010-2012");
        Assert.Contains("按产值发生地统计", workplan.FullText);
    }

    [Fact]
    public async Task Every_unit_a_task_names_is_assigned_in_the_written_order()
    {
        var expected = Directory.GetFiles(Path.Combine(AppPaths.SeedData, "plans"), "*.json")
            .Sum(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("tasks").EnumerateArray().Sum(t => t.GetProperty("units").GetArrayLength()));
        await using var db = database.NewContext();
        Assert.Equal(expected, await db.TaskAssignments.CountAsync(a => a.Unit != null));
        var scienceDepartments = await db.TaskAssignments.Where(a => a.WrittenAs == "科技厅").Select(a => a.Unit!.FullName).Distinct().ToListAsync();
        Assert.Equal(["广东省科学技术厅"], scienceDepartments);
        var firstTask = await db.PlanTasks.Include(t => t.Assignments).ThenInclude(a => a.Unit)
            .SingleAsync(t => t.Plan!.Slug == "shenzhen-biomed-cluster-2020-2025" && t.SortOrder == 0);
        var ordered = firstTask.Assignments.OrderBy(a => a.Position).ToList();
        Assert.Equal(AssignmentRole.Lead, ordered[0].Role);
        Assert.All(ordered.Skip(1), a => Assert.Equal(AssignmentRole.Participant, a.Role));
    }

    [Fact]
    public async Task The_resolvers_work_on_regions_and_units_read_without_navigations()
    {
        await using var db = database.NewContext();
        var regions = new RegionResolver(await db.Regions.AsNoTracking().ToListAsync());
        var shenzhen = regions.Resolve("深圳市")!;
        Assert.Equal("440305", regions.Resolve("南山", shenzhen)?.Code);
        Assert.Equal("440300", regions.Resolve("全市", regions.Resolve("南山区"))?.Code);
        Assert.Equal("440310", regions.SeriesOf(regions.Resolve("坪山新区")!).Code);

        var units = new UnitResolver(await db.Units.AsNoTracking().Include(u => u.Aliases).ToListAsync(), regions.All);
        Assert.Equal("广东省发展和改革委员会", units.Resolve("发展改革委", regions.Resolve("广东省"))?.FullName);
        Assert.Equal("深圳市发展和改革委员会", units.Resolve("发展改革委", regions.Resolve("福田区"))?.FullName);
        Assert.Equal("深圳市工业和信息化局", UnitResolver.CurrentOf(units.Resolve("科工贸信委", shenzhen)!).FullName);
    }

    [Fact]
    public async Task Allocations_to_a_new_area_point_at_the_historical_zone()
    {
        await using var db = database.NewContext();
        var regions = await db.Allocations.Where(a => a.Region!.Name == "坪山新区" || a.Region!.Name == "光明新区")
            .Select(a => a.Region!.Level).Distinct().ToListAsync();
        Assert.Equal([RegionLevel.FunctionalZone], regions);
    }

    [Fact]
    public async Task Indicators_carry_the_caliber_of_their_sector()
    {
        await using var db = database.NewContext();
        var bio = await db.Indicators.SingleAsync(i => i.Name == "生物产业规模");
        var internet = await db.Indicators.SingleAsync(i => i.Name == "互联网产业规模");
        Assert.Equal(Caliber.ByProductionPlace, bio.Caliber);
        Assert.Equal(Caliber.ByRegistration, internet.Caliber);
        Assert.Equal(ComputedMeasure.OutputValue, bio.Measure);
    }

    [Fact]
    public async Task The_directory_holds_every_real_listed_company_and_one_audit_entry()
    {
        var rows = File.ReadLines(Path.Combine(AppPaths.SeedData, "companies", DirectorySeed.TushareFile)).Count() - 1;
        await using var db = database.NewContext();
        Assert.InRange(rows, 5700, 5900);
        Assert.Equal(rows, await db.DirectoryCompanies.CountAsync(c => c.Source.StartsWith(DirectorySeed.TushareFile)));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "seed directory"));
        var mindray = await db.DirectoryCompanies.SingleAsync(c => c.TsCode == "300760.SZ");
        Assert.Equal("440300", mindray.CityCode);
        Assert.True(mindray.IsBiomedical);
        Assert.NotNull(mindray.FullName);
    }
}

public sealed class SqliteSeedContentTests(SqliteSeededDatabase database) : SeedContentTests(database), IClassFixture<SqliteSeededDatabase>;

[Trait("Database", "PostgreSQL")]
public sealed class PostgresSeedContentTests(PostgresSeededDatabase database) : SeedContentTests(database), IClassFixture<PostgresSeededDatabase>;
