using System.Net;
using System.Net.Http.Json;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Analytics.Refresh;
using ClusterWatch.Core.Data;
using ClusterWatch.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Tests.Analytics;

/// <summary>The analytics fact table against the live aggregation, the incremental refresh, and the status endpoint, per provider.</summary>
public abstract class RefreshFactsTests(AppFactory app)
{
    private async Task<RefreshResult> RefreshAsync(RefreshScope scope)
    {
        await using var scopeServices = app.Services.CreateAsyncScope();
        return await scopeServices.ServiceProvider.GetRequiredService<AnalyticsRefreshService>().RefreshAsync(scope, null, CancellationToken.None);
    }

    private async Task<RefreshResult> RefreshChangesAsync()
    {
        await using var scopeServices = app.Services.CreateAsyncScope();
        return await scopeServices.ServiceProvider.GetRequiredService<AnalyticsRefreshService>().RefreshChangesAsync(null, CancellationToken.None);
    }

    private sealed record FactKey(int Year, int Quarter, FactCaliber Caliber, int RegionId, string IndustryCode, bool IsSynthetic);

    private async Task<Dictionary<FactKey, AnalyticsFact>> FactsAsync()
    {
        using var scope = app.Scope(out var db);
        return await db.Set<AnalyticsFact>().AsNoTracking().ToDictionaryAsync(f => new FactKey(f.Year, f.Quarter, f.Caliber, f.RegionId, f.IndustryCode, f.IsSynthetic));
    }

    private static bool SameNumbers(AnalyticsFact a, AnalyticsFact b) =>
        Math.Abs(a.Revenue - b.Revenue) < 1e-6 && Math.Abs(a.OutputValue - b.OutputValue) < 1e-6 && Math.Abs(a.RdExpense - b.RdExpense) < 1e-6
        && Math.Abs(a.InventionPatents - b.InventionPatents) < 1e-6 && a.Enterprises == b.Enterprises
        && Enumerable.Range(0, 5).All(i => a.RevenueTier(i) == b.RevenueTier(i) && a.OutputTier(i) == b.OutputTier(i));

    [Fact]
    public async Task Every_plan_actual_read_from_the_facts_equals_the_live_aggregation()
    {
        await RefreshAsync(RefreshScope.Full);
        using var scope = app.Scope(out var db);
        Assert.True(await ActualsSource.FactsAreCurrentAsync(db, CancellationToken.None));
        var regions = new RegionScopes(await db.Regions.AsNoTracking()
            .Select(r => new RegionNode(r.Id, r.Code, r.Name, r.ParentId, r.SuccessorId, r.SeriesCode)).ToListAsync());
        var compared = 0;
        foreach (var planId in await db.Plans.Select(p => p.Id).ToListAsync())
        {
            var series = (await db.Targets.AsNoTracking().Include(t => t.Indicator).Where(t => t.PlanId == planId).ToListAsync())
                .Select(t => (t.Indicator!, t.RegionId, t.Unit))
                .Concat((await db.Allocations.AsNoTracking().Include(a => a.Indicator).Where(a => a.PlanId == planId).ToListAsync())
                    .Select(a => (a.Indicator!, a.RegionId, a.Unit)))
                .Where(s => s.Item1.Measure != ClusterWatch.Core.Plans.ComputedMeasure.None)
                .ToList();
            if (series.Count == 0) continue;
            var fromFacts = new ActualsSource(db, regions, useFacts: true);
            var live = new ActualsSource(db, regions, useFacts: false);
            var indicators = series.Select(s => s.Item1).DistinctBy(i => i.Id).ToList();
            await fromFacts.LoadAsync(indicators, 2008, 2025, null, CancellationToken.None);
            await live.LoadAsync(indicators, 2008, 2025, null, CancellationToken.None);
            foreach (var (indicator, regionId, unit) in series)
            {
                var expected = live.For(indicator, regionId, unit);
                var actual = fromFacts.For(indicator, regionId, unit);
                Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
                foreach (var (year, point) in expected)
                {
                    // Both sum doubles rounded to 4 places; the facts add partial sums, so allow one unit of the last place.
                    Assert.True(Math.Abs(point.Value - actual[year].Value) <= 0.0001m, $"{indicator.Name} region {regionId} {year}: live {point.Value}, facts {actual[year].Value}");
                    Assert.Equal(point.IsSynthetic, actual[year].IsSynthetic);
                    Assert.Equal(point.Source, actual[year].Source);
                    compared++;
                }
            }
        }
        Assert.True(compared > 50, $"only {compared} actuals compared");
    }

    [Fact]
    public async Task Incremental_refresh_after_a_figure_edit_rebuilds_exactly_that_region_and_year_and_matches_a_full_refresh()
    {
        await RefreshAsync(RefreshScope.Full);
        int enterpriseId, year, registeredRegionId;
        List<int> siteRegions;
        using (var scope = app.Scope(out var db))
        {
            var figure = await db.EnterpriseFigures.Include(f => f.Enterprise).Where(f => f.Quarter == 0 && f.Year == 2023 && f.Revenue > 0)
                .OrderBy(f => f.Id).FirstAsync();
            (enterpriseId, year, registeredRegionId) = (figure.EnterpriseId, figure.Year, figure.Enterprise!.RegisteredRegionId);
            siteRegions = await db.ProductionSites.Where(s => s.EnterpriseId == enterpriseId).Select(s => s.RegionId).ToListAsync();
        }
        var touchedRegions = siteRegions.Append(registeredRegionId).ToHashSet();
        var before = await FactsAsync();
        // A marked fact of the same year in another region: an incremental refresh must leave it alone, a full one repairs it.
        var marker = before.Keys.First(k => k.Year == year && k.Quarter == 0 && !touchedRegions.Contains(k.RegionId) && k.Caliber == FactCaliber.Registration);
        using (var scope = app.Scope(out var db))
        {
            await db.Set<AnalyticsFact>().Where(f => f.Year == marker.Year && f.Quarter == 0 && f.Caliber == marker.Caliber && f.RegionId == marker.RegionId
                                                     && f.IndustryCode == marker.IndustryCode && f.IsSynthetic == marker.IsSynthetic)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Revenue, -1.0));
            var figure = await db.EnterpriseFigures.SingleAsync(f => f.EnterpriseId == enterpriseId && f.Year == year && f.Quarter == 0);
            figure.Revenue += 123_456.78m;
            await db.SaveChangesAsync();
        }

        await RefreshChangesAsync();
        var incremental = await FactsAsync();

        Assert.Equal(-1.0, incremental[marker].Revenue);
        var changed = incremental.Keys.Where(k => !before.TryGetValue(k, out var old) || !SameNumbers(old, incremental[k])).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed.Where(k => k != marker), k =>
        {
            Assert.Equal(year, k.Year);
            Assert.Contains(k.RegionId, touchedRegions);
        });
        Assert.Contains(changed, k => k.Caliber == FactCaliber.Registration && k.RegionId == registeredRegionId && k.Quarter == 0);

        await RefreshAsync(RefreshScope.Full);
        var full = await FactsAsync();
        Assert.Equal(before[marker].Revenue, full[marker].Revenue, 6);
        Assert.Equal(full.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal), incremental.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.All(full.Keys.Where(k => k != marker), k => Assert.True(SameNumbers(full[k], incremental[k]), $"{k} differs after a full refresh"));
    }

    [Fact]
    public async Task A_refresh_stopped_after_the_facts_redoes_the_later_stages_next_time()
    {
        await RefreshAsync(RefreshScope.Full);
        using (var scope = app.Scope(out var db))
        {
            var figure = await db.EnterpriseFigures.Where(f => f.Quarter == 0 && f.Year == 2022).OrderBy(f => f.Id).FirstAsync();
            figure.OutputValue += 1_000m;
            await db.SaveChangesAsync();
        }
        using var stop = new CancellationTokenSource();
        // Stopping as the warnings stage starts stands for a crash after the facts were rebuilt.
        var stopAtWarnings = new SynchronousProgress(stage => { if (stage == "warnings") stop.Cancel(); });

        await using (var services = app.Services.CreateAsyncScope())
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                services.ServiceProvider.GetRequiredService<AnalyticsRefreshService>().RefreshChangesAsync(stopAtWarnings, stop.Token));

        using (var scope = app.Scope(out var db))
            Assert.True(await ActualsSource.FactsAreCurrentAsync(db, CancellationToken.None));
        var next = await RefreshChangesAsync();
        Assert.Contains(next.Stages, s => s.Stage == "warnings");
        Assert.Contains(next.Stages, s => s.Stage == AnalyticsRefreshService.FactsStage);
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }

    [Fact]
    public async Task Status_endpoint_reports_the_last_refresh_with_its_stage_timings()
    {
        var result = await RefreshAsync(RefreshScope.Full);
        var client = await app.ClientAsync("admin");

        var response = await client.GetAsync("/api/analytics/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<StatusDto>();
        Assert.NotNull(status);
        Assert.NotNull(status.LastRefreshedAt);
        Assert.True(status.LastAuditId >= result.LastAuditId);
        Assert.True(status.NewestAuditId >= status.LastAuditId);
        Assert.NotEmpty(status.Stages);
        Assert.All(status.Stages, s => Assert.True(s.Seconds >= 0));
    }

    private sealed record StageDto(string Stage, double Seconds, string Touched);
    private sealed record StatusDto(bool Running, DateTimeOffset? LastRefreshedAt, long LastAuditId, long NewestAuditId, bool FactsCurrent, List<StageDto> Stages);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRefreshFactsTests(SqliteAppFactory app) : RefreshFactsTests(app);

[Collection(PostgresCollection.Name), Trait("Database", "PostgreSQL")]
public sealed class PostgresRefreshFactsTests(PostgresAppFactory app) : RefreshFactsTests(app);
