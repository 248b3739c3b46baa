using System.CommandLine;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Analytics.Refresh;
using ClusterWatch.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Cli.Analytics;

/// <summary>`analytics refresh [--full]`: rebuilds the analytics facts and the other features' results, printing stage timings.</summary>
public static class AnalyticsCommands
{
    public static Command Create()
    {
        var analytics = new Command("analytics", "Analytics facts and refresh (产业动态分析)");
        var full = new Option<bool>("--full") { Description = "Rebuild everything instead of only what changed since the last refresh" };
        var refresh = new Command("refresh", "Refresh the analytics facts, warnings, chains, credit and assessment; prints each stage's time");
        refresh.Options.Add(full);
        refresh.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, sp) =>
        {
            await MigrationRunner.MigrateAsync(db, ct);
            var service = sp.GetRequiredService<AnalyticsRefreshService>();
            var progress = new ConsoleProgress();
            var result = parse.GetValue(full)
                ? await service.RefreshAsync(RefreshScope.Full, progress, ct)
                : await service.RefreshChangesAsync(progress, ct);
            if (!result.DidWork)
            {
                Console.WriteLine("自上次刷新以来数据无变动，未刷新（use --full to rebuild everything）。");
                return 0;
            }
            Console.WriteLine($"{(result.IsFull ? "全量" : "增量")}刷新完成，用时 {result.TotalSeconds:0.000} 秒（至审计记录 {result.LastAuditId}）：");
            foreach (var stage in result.Stages)
                Console.WriteLine($"  {stage.Stage,-12} {stage.Seconds,8:0.000} 秒  {stage.Touched}");
            return result.Stages.Any(s => s.Touched.StartsWith("失败", StringComparison.Ordinal)) ? 1 : 0;
        }));
        analytics.Subcommands.Add(refresh);
        return analytics;
    }

    private sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine("  … " + value);
    }
}
