using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Analytics.Warnings;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Regions;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Tests.Analytics;

[Collection(SqliteCollection.Name)]
public sealed class WarningsServiceTests(SqliteAppFactory app)
{
    [Fact]
    public async Task A_warning_is_raised_acknowledged_updated_resolved_when_the_data_is_fixed_and_reopened_when_it_returns()
    {
        await using var scope = app.Scope(out var db);
        var clock = new TestClock(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var service = NewService(scope, db, clock);
        var (enterprise, year) = await AddPoolEnterpriseAsync(db, "W", "预警测试生物", CultivationPool.Gazelle, 50_000m, 37_500m);
        var only = RefreshScope.Of(enterpriseIds: [enterprise.Id]);
        var key = $"EnterpriseRevenueDrop:enterprise:{enterprise.Id}:{year}";

        async Task<Warning> Stored()
        {
            db.ChangeTracker.Clear();
            return await db.Set<Warning>().Include(w => w.Events).SingleAsync(w => w.Key == key);
        }
        async Task SetRevenue(decimal wan)
        {
            var figure = await db.EnterpriseFigures.SingleAsync(f => f.EnterpriseId == enterprise.Id && f.Year == year);
            figure.Revenue = wan;
            await db.SaveChangesAsync();
        }

        // 25% down (5 → 3.75 亿元, no tier crossed): raised.
        // Counts also include the plan warnings of the enterprise's regions (its revenue is in their actuals): assert on this warning.
        Assert.True((await service.RefreshAsync(only, default)).Raised >= 1);
        var w = await Stored();
        Assert.Equal((WarningStatus.Raised, WarningSeverity.Warning, enterprise.Id), (w.Status, w.Severity, w.EnterpriseId!.Value));
        Assert.Contains("下降25.0%", w.Message);

        // Nothing changed: no new event.
        await service.RefreshAsync(only, default);
        Assert.Single((await Stored()).Events);

        clock.Now = clock.Now.AddDays(1);
        await service.AcknowledgeAsync(w.Id, "analyst", "已联系企业了解订单情况", default);

        // 22.5% down: the sentence changes, the warning stays acknowledged (same severity).
        await SetRevenue(38_750m);
        await service.RefreshAsync(only, default);
        w = await Stored();
        Assert.Equal(WarningStatus.Acknowledged, w.Status);
        Assert.Contains("下降22.5%", w.Message);

        // 5% down: resolved by the refresh.
        await SetRevenue(47_500m);
        Assert.True((await service.RefreshAsync(only, default)).Resolved >= 1);
        w = await Stored();
        Assert.Equal(WarningStatus.Resolved, w.Status);
        Assert.Equal(WarningService.ConditionClearedNote, w.Events.OrderBy(e => e.Id).Last().Note);

        // 75% down: reopened, now critical.
        await SetRevenue(12_500m);
        Assert.True((await service.RefreshAsync(only, default)).Reopened >= 1);
        w = await Stored();
        Assert.Equal((WarningStatus.Raised, WarningSeverity.Critical), (w.Status, w.Severity));
        Assert.Null(w.ResolvedAt);
        Assert.Equal([WarningAction.Raised, WarningAction.Acknowledged, WarningAction.Updated, WarningAction.Resolved, WarningAction.Reopened],
            w.Events.OrderBy(e => e.Id).Select(e => e.Action).ToArray());
        Assert.Equal("已联系企业了解订单情况", w.Events.Single(e => e.Action == WarningAction.Acknowledged).Note);
        Assert.True(w.IsSynthetic);
    }

    [Fact]
    public async Task An_acknowledged_warning_is_raised_again_when_its_severity_rises()
    {
        await using var scope = app.Scope(out var db);
        var clock = new TestClock(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var service = NewService(scope, db, clock);
        var (enterprise, year) = await AddPoolEnterpriseAsync(db, "V", "预警升级测试", CultivationPool.Leading, 5_000m, 3_900m);
        var only = RefreshScope.Of(enterpriseIds: [enterprise.Id]);
        await service.RefreshAsync(only, default);
        var id = await db.Set<Warning>().Where(w => w.EnterpriseId == enterprise.Id && w.Kind == WarningKind.EnterpriseRevenueDrop).Select(w => w.Id).SingleAsync();
        await service.AcknowledgeAsync(id, "admin", "已约谈", default);

        var figure = await db.EnterpriseFigures.SingleAsync(f => f.EnterpriseId == enterprise.Id && f.Year == year);
        figure.Revenue = 2_000m;
        await db.SaveChangesAsync();
        await service.RefreshAsync(only, default);

        db.ChangeTracker.Clear();
        var w = await db.Set<Warning>().SingleAsync(x => x.Id == id);
        Assert.Equal((WarningStatus.Raised, WarningSeverity.Critical), (w.Status, w.Severity));
    }

    [Fact]
    public async Task A_key_enterprise_whose_largest_site_moves_to_another_city_raises_a_move_warning_from_the_audit_log()
    {
        await using var scope = app.Scope(out var db);
        var service = NewService(scope, db, new TestClock(DateTimeOffset.UtcNow.AddMinutes(1)));
        var nanshan = await db.Regions.FirstAsync(r => r.Name == "南山区" && r.Level == RegionLevel.District);
        var futian = await db.Regions.FirstAsync(r => r.Name == "福田区" && r.Level == RegionLevel.District);
        var tianhe = await db.Regions.FirstAsync(r => r.Name == "天河区" && r.Level == RegionLevel.District);
        var luohu = await db.Regions.FirstAsync(r => r.Name == "罗湖区" && r.Level == RegionLevel.District);
        var enterprise = new Enterprise
        {
            CreditCode = CreditCode.Complete($"91440300U{Random.Shared.Next(0, 99_999_999):D8}"), Name = $"迁出测试医药{Guid.NewGuid():N}"[..16],
            RegisteredRegionId = nanshan.Id, IndustryCode = "BIO", IsSynthetic = true,
            Pools = [new PoolMembership { Pool = CultivationPool.Leading, FromYear = 2000 }],
            ProductionSites = [new ProductionSite { RegionId = nanshan.Id, Share = 0.7m }, new ProductionSite { RegionId = futian.Id, Share = 0.3m }],
        };
        db.Add(enterprise);
        await db.SaveChangesAsync();
        var only = RefreshScope.Of(enterpriseIds: [enterprise.Id]);
        var key = $"EnterpriseMovedOut:enterprise:{enterprise.Id}:Production";

        // Created in the window with its sites: nothing moved.
        await service.RefreshAsync(only, default);
        Assert.False(await db.Set<Warning>().AnyAsync(w => w.Key == key));

        // The smaller site moving within the city is no move out either.
        var small = await db.ProductionSites.SingleAsync(s => s.EnterpriseId == enterprise.Id && s.RegionId == futian.Id);
        small.RegionId = luohu.Id;
        await db.SaveChangesAsync();
        await service.RefreshAsync(only, default);
        Assert.False(await db.Set<Warning>().AnyAsync(w => w.Key == key));

        var largest = await db.ProductionSites.SingleAsync(s => s.EnterpriseId == enterprise.Id && s.Share == 0.7m);
        largest.RegionId = tianhe.Id;
        await db.SaveChangesAsync();
        await service.RefreshAsync(only, default);
        var w = await db.Set<Warning>().AsNoTracking().SingleAsync(x => x.Key == key);
        Assert.Equal(WarningSeverity.Critical, w.Severity);
        Assert.Contains($"重点企业{enterprise.Name}（龙头企业）的最大生产基地于", w.Message);
        Assert.Contains("由南山区迁至天河区（广州市），已迁出深圳市", w.Message);
    }


    private static WarningService NewService(IServiceScope scope, Core.Data.AppDbContext db, TimeProvider clock) =>
        new(db, scope.ServiceProvider.GetRequiredService<ProgressService>(), Microsoft.Extensions.Options.Options.Create(new WarningOptions()), clock);

    /// <summary>A synthetic 南山区 pool member with revenue (万元) in the latest figure year and the year before; unique code and name.</summary>
    private static async Task<(Enterprise Enterprise, int Year)> AddPoolEnterpriseAsync(Core.Data.AppDbContext db, string codeLetter, string namePrefix,
        CultivationPool pool, decimal previousRevenue, decimal revenue)
    {
        var year = await db.EnterpriseFigures.Where(f => f.Quarter == 0).MaxAsync(f => f.Year);
        var region = await db.Regions.FirstAsync(r => r.Name == "南山区" && r.Level == RegionLevel.District);
        var enterprise = new Enterprise
        {
            CreditCode = CreditCode.Complete($"91440300{codeLetter}{Random.Shared.Next(0, 99_999_999):D8}"), Name = $"{namePrefix}{Guid.NewGuid():N}"[..16],
            RegisteredRegionId = region.Id, IndustryCode = "BIO", IsSynthetic = true,
            Pools = [new PoolMembership { Pool = pool, FromYear = year - 5 }],
            Figures = [new EnterpriseFigure { Year = year - 1, Revenue = previousRevenue }, new EnterpriseFigure { Year = year, Revenue = revenue }],
        };
        db.Add(enterprise);
        await db.SaveChangesAsync();
        return (enterprise, year);
    }
}
