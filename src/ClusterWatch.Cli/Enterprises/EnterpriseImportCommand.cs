using System.CommandLine;
using ClusterWatch.Core.Enterprises.Import;

namespace ClusterWatch.Cli.Enterprises;

/// <summary>`enterprises import FILE` and `enterprises template --out FILE`: the same importer and template as the web page.</summary>
public static class EnterpriseImportCommand
{
    public static Command Create()
    {
        var enterprises = new Command("enterprises", "Enterprise database (企业信息库): import and template");

        var file = new Argument<FileInfo>("file") { Description = "CSV (UTF-8 or GB18030) or XLSX file in the template's columns" };
        var import = new Command("import", "Import enterprises and their figures; a file with any bad row is rejected whole");
        import.Arguments.Add(file);
        import.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, _) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"文件不存在：{path.FullName}");
                return 2;
            }
            await using var stream = path.OpenRead();
            var result = await new EnterpriseImporter(db).ImportAsync(stream, path.Name, ct);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine($"导入失败，未写入任何数据。共 {result.Errors.Count} 处错误：");
                foreach (var e in result.Errors)
                    Console.Error.WriteLine(e.Row == 0 ? $"  {e.Message}" : $"  第{e.Row}行 [{e.Column}] “{e.Value}”：{e.Message}");
                return 1;
            }
            Console.WriteLine($"导入成功：读取 {result.RowsRead} 行，新增企业 {result.EnterprisesCreated} 家，更新企业 {result.EnterprisesUpdated} 家，写入指标 {result.FiguresWritten} 条。");
            return 0;
        }));
        enterprises.Subcommands.Add(import);

        var output = new Option<FileInfo>("--out") { Description = "Where to write the template (.xlsx or .csv)", Required = true };
        var template = new Command("template", "Write the import template (headers; rules on the 说明 sheet)");
        template.Options.Add(output);
        template.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            using (var stream = path.Create())
            {
                if (path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)) EnterpriseImportTemplate.WriteCsv(stream);
                else EnterpriseImportTemplate.WriteXlsx(stream);
            }
            Console.WriteLine($"模板已写入 {path.FullName}");
            return 0;
        });
        enterprises.Subcommands.Add(template);
        return enterprises;
    }
}
