using System.CommandLine;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises.Credit;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Cli.Enterprises;

/// <summary>`credit import FILE`, `credit template --out FILE`, `credit refresh` and `credit demo`: the same importer, template and scoring as the web app.</summary>
public static class CreditCommands
{
    public static Command Create()
    {
        var credit = new Command("credit", "Enterprise public credit (公共信用评价): import records, template, rescore");

        var file = new Argument<FileInfo>("file") { Description = "CSV (UTF-8 or GB18030) or XLSX file in the template's columns" };
        var import = new Command("import", "Import credit records and rescore the enterprises concerned; a file with any bad row is rejected whole");
        import.Arguments.Add(file);
        import.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, services) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"文件不存在：{path.FullName}");
                return 2;
            }
            await using var stream = path.OpenRead();
            var importer = new CreditImporter(db, services.GetRequiredService<CreditScoringService>(), services.GetRequiredService<TimeProvider>());
            var result = await importer.ImportAsync(stream, path.Name, services.GetRequiredService<IAuditUser>().Name, ct);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine($"导入失败，未写入任何数据。共 {result.Errors.Count} 处错误：");
                foreach (var e in result.Errors)
                    Console.Error.WriteLine(e.Row == 0 ? $"  {e.Message}" : $"  第{e.Row}行 [{e.Column}] “{e.Value}”：{e.Message}");
                return 1;
            }
            Console.WriteLine($"导入成功：读取 {result.RowsRead} 行，新增记录 {result.RecordsCreated} 条，已存在 {result.RecordsAlreadyPresent} 条，重新评分企业 {result.EnterprisesRescored} 家。");
            return 0;
        }));
        credit.Subcommands.Add(import);

        var output = new Option<FileInfo>("--out") { Description = "Where to write the template (.xlsx with the indicator sheet, or .csv)", Required = true };
        var template = new Command("template", "Write the import template (headers; rules on 说明, indicators on 指标)");
        template.Options.Add(output);
        template.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            using (var stream = path.Create())
            {
                if (path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)) CreditImportTemplate.WriteCsv(stream);
                else CreditImportTemplate.WriteXlsx(stream, CreditScoringModel.Default.Scheme);
            }
            Console.WriteLine($"模板已写入 {path.FullName}");
            return 0;
        });
        credit.Subcommands.Add(template);

        var refresh = new Command("refresh", "Rescore every enterprise (validity windows move with the date)");
        refresh.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, services) =>
        {
            var result = await services.GetRequiredService<CreditScoringService>().RefreshAsync(RefreshScope.Full, ct);
            Console.WriteLine($"已重新评分 {result.EnterprisesScored} 家企业（信用记录 {result.RecordsRead} 条），用时 {result.ElapsedMilliseconds} 毫秒。");
            return 0;
        }));
        credit.Subcommands.Add(refresh);

        var seed = new Option<int?>("--seed") { Description = "Random seed (default Database:DemoSeed)" };
        var demo = new Command("demo", "Generate synthetic credit records (示例数据) for the synthetic enterprises, then rescore all");
        demo.Options.Add(seed);
        demo.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, services) =>
        {
            var result = await CreditDemo.SeedAsync(db, parse.GetValue(seed) ?? CliHost.Options(services).DemoSeed, ct);
            Console.WriteLine(result.Records == 0
                ? "数据库中已有示例信用记录，未重复生成。"
                : $"已生成示例信用记录 {result.Records:N0} 条（示例数据），重新评分企业 {result.EnterprisesScored:N0} 家。");
            return 0;
        }));
        credit.Subcommands.Add(demo);
        return credit;
    }
}
