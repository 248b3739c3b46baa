using System.CommandLine;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;

namespace ClusterWatch.Cli.Enterprises;

/// <summary>`demo generate` and `demo clear`: the synthetic enterprise set (示例数据).</summary>
public static class DemoCommands
{
    public static Command Create()
    {
        var demo = new Command("demo", "Synthetic demo enterprises (示例数据)");

        var enterprises = new Option<int?>("--enterprises") { Description = "Number of synthetic enterprises (default Database:DemoEnterprises, 5000)" };
        var seed = new Option<int?>("--seed") { Description = "Random seed; the same seed gives the same data (default Database:DemoSeed)" };
        var replace = new Option<bool>("--replace") { Description = "Delete existing synthetic data first (real data is never touched)" };
        var generate = new Command("generate", "Generate synthetic enterprises, their figures and synthetic indicator actuals");
        generate.Options.Add(enterprises);
        generate.Options.Add(seed);
        generate.Options.Add(replace);
        generate.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, sp) =>
        {
            var options = CliHost.Options(sp);
            var count = parse.GetValue(enterprises) ?? options.DemoEnterprises;
            var runSeed = parse.GetValue(seed) ?? options.DemoSeed;
            if (count < 0)
            {
                Console.Error.WriteLine("--enterprises 不能为负数。");
                return 2;
            }
            await MigrationRunner.MigrateAsync(db, ct);
            if (await DemoGenerator.HasSyntheticDataAsync(db, ct))
            {
                if (!parse.GetValue(replace))
                {
                    Console.Error.WriteLine("数据库中已有示例数据（synthetic data already present）。使用 --replace 先删除示例数据再生成，或运行 demo clear。");
                    return 1;
                }
                var cleared = await DemoGenerator.ClearAsync(db, ct);
                Console.WriteLine($"已删除示例数据：{cleared.Enterprises:N0} 家企业，{cleared.IndicatorValues:N0} 条指标实际值。");
            }
            try
            {
                Console.WriteLine($"生成示例数据（示例数据，synthetic）：{count:N0} 家企业，种子 {runSeed} …");
                var result = await DemoGenerator.GenerateAsync(db, count, runSeed, new ConsoleProgress(), ct);
                Console.WriteLine($"完成：{result.Enterprises:N0} 家示例企业，{result.Figures:N0} 行经营数据，{result.IndicatorValues:N0} 条示例指标实际值，用时 {result.Seconds:0.0} 秒"
                                  + (result.Seconds > 0 ? $"（{result.Figures / result.Seconds:N0} 行/秒）。" : "。"));
                return 0;
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine(ex.Message + "（可先运行 db migrate --seed 导入行政区划和规划）");
                return 1;
            }
        }));
        demo.Subcommands.Add(generate);

        var clear = new Command("clear", "Delete all synthetic enterprises, their figures, sites, pools and synthetic indicator values (real data is kept)");
        clear.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, _) =>
        {
            await MigrationRunner.MigrateAsync(db, ct);
            var cleared = await DemoGenerator.ClearAsync(db, ct);
            Console.WriteLine($"已删除示例数据：{cleared.Enterprises:N0} 家企业，{cleared.IndicatorValues:N0} 条指标实际值。");
            return 0;
        }));
        demo.Subcommands.Add(clear);
        return demo;
    }

    /// <summary>Prints progress on the calling thread, so lines keep their order.</summary>
    private sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine("  " + value);
    }
}
