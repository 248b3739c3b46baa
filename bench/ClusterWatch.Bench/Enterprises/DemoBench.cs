using System.Diagnostics;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;


namespace ClusterWatch.Bench.Enterprises;

/// <summary>`demo`: seeds reference data into a temp database, then times the synthetic enterprise generator.</summary>
public static class DemoBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var enterprises = 5000;
        var seed = 20260101;
        var provider = DatabaseProvider.Sqlite;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--enterprises": enterprises = int.Parse(args[++i]); break;
                case "--seed": seed = int.Parse(args[++i]); break;
                case "--provider":
                    provider = args[++i].ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseProvider.Sqlite,
                        "postgresql" or "postgres" or "pg" => DatabaseProvider.PostgreSQL,
                        var other => throw new ArgumentException($"unknown provider {other}"),
                    };
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}");
                    return 2;
            }
        }

        await using var database = TempDatabase.Create(provider);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseOptions.Configure(options, provider, database.ConnectionString);
        await using var db = new AppDbContext(options.Options, new FixedAuditUser("bench"));
        await MigrationRunner.MigrateAsync(db);
        await SeedData.SeedReferenceDataAsync(db, AppPaths.SeedData, NullLogger.Instance);
        Console.WriteLine($"{provider}: reference data seeded; generating {enterprises:N0} synthetic enterprises (seed {seed}) …");

        var clock = Stopwatch.StartNew();
        var progress = new ConsoleProgress(clock);
        var result = await DemoGenerator.GenerateAsync(db, enterprises, seed, progress);
        clock.Stop();
        using var self = Process.GetCurrentProcess();
        var rows = result.Enterprises + result.Figures + result.IndicatorValues;
        var rowsPerSecond = rows / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine($"{result.Enterprises:N0} enterprises, {result.Figures:N0} figure rows, {result.IndicatorValues:N0} indicator values in {clock.Elapsed.TotalSeconds:0.00} s: {rowsPerSecond:N0} rows/s");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            mode = "demo",
            provider = provider.ToString(),
            enterprises = result.Enterprises,
            seed,
            figures = result.Figures,
            indicatorValues = result.IndicatorValues,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
            rowsPerSecond = Math.Round(rowsPerSecond),
            peakWorkingSetMb = self.PeakWorkingSet64 / (1024 * 1024),
            databaseMb = database.SizeMb(),
        }));
        return 0;
    }

    private sealed class ConsoleProgress(Stopwatch clock) : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine($"  [{clock.Elapsed.TotalSeconds,7:0.0} s] {value}");
    }
}
