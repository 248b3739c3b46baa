using System.Diagnostics;
using System.Text.Json;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterWatch.Bench.Analytics;

/// <summary>`dashboard`: the progress dashboard's numbers (ProgressService) for every plan and year, cold and cached, on a demo database.</summary>
public static class DashboardBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var enterprises = 5000;
        var provider = DatabaseProvider.Sqlite;
        var rounds = 3;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--enterprises": enterprises = int.Parse(args[++i]); break;
                case "--rounds": rounds = int.Parse(args[++i]); break;
                case "--provider": provider = args[++i].ToLowerInvariant().StartsWith("p") ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite; break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        await using var database = TempDatabase.Create(provider);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseOptions.Configure(options, provider, database.ConnectionString);
        await using (var setup = new AppDbContext(options.Options, new FixedAuditUser("bench")))
        {
            await MigrationRunner.MigrateAsync(setup);
            await SeedData.SeedReferenceDataAsync(setup, AppPaths.SeedData, NullLogger.Instance);
            await DemoGenerator.GenerateAsync(setup, enterprises, 20260101);
        }

        List<(int Id, int Start, int End)> plans;
        await using (var db = new AppDbContext(options.Options))
            plans = (await db.Plans.Select(p => new { p.Id, p.PeriodStart, p.PeriodEnd }).ToListAsync())
                .Select(p => (p.Id, p.PeriodStart ?? 2020, Math.Min(p.PeriodEnd ?? 2025, 2025))).ToList();
        var requests = plans.SelectMany(p => Enumerable.Range(p.Start, p.End - p.Start + 1).Select(y => (p.Id, Year: y))).ToList();
        Console.WriteLine($"{provider}: {enterprises:N0} synthetic enterprises, {plans.Count} plans, {requests.Count} plan-years × {rounds} rounds");

        var cold = new List<double>();
        var warm = new List<double>();
        var cache = new AggregateCache();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (planId, year) in requests)
            {
                await using var db = new AppDbContext(options.Options);
                var clock = Stopwatch.StartNew();
                await new ProgressService(db, cache: new AggregateCache()).GetAsync(planId, year, CancellationToken.None);
                cold.Add(clock.Elapsed.TotalMilliseconds);

                clock.Restart();
                await new ProgressService(db, cache: cache).GetAsync(planId, year, CancellationToken.None);
                if (round > 0) warm.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var summary = new
        {
            mode = "dashboard",
            provider = provider.ToString(),
            enterprises,
            requests = cold.Count,
            coldP50Ms = Percentile(cold, 50),
            coldP95Ms = Percentile(cold, 95),
            coldMaxMs = Math.Round(cold.Max(), 1),
            cachedP50Ms = Percentile(warm, 50),
            cachedP95Ms = Percentile(warm, 95),
        };
        Console.WriteLine($"cold (no cache): p50 {summary.coldP50Ms} ms, p95 {summary.coldP95Ms} ms, max {summary.coldMaxMs} ms; cached: p50 {summary.cachedP50Ms} ms, p95 {summary.cachedP95Ms} ms");
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    private static double Percentile(List<double> values, int p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
    }
}
