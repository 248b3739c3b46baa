using System.CommandLine;
using ClusterWatch.Core.Plans.Extraction;

namespace ClusterWatch.Cli.Plans;

/// <summary>`plan parse FILE [--json]` and `plan import FILE`: the same reader, parser and importer as the web page.</summary>
public static class PlanCommands
{
    public static Command Create()
    {
        var plan = new Command("plan", "Plan documents (规划文件): parse into targets, baselines, allocations and tasks; import as a draft plan");

        var parseFile = new Argument<FileInfo>("file") { Description = "Plan document: .txt (UTF-8 or GB18030), .docx or saved .html" };
        var json = new Option<bool>("--json") { Description = "Print exactly the JSON of plan-extraction-contract.md" };
        var parse = new Command("parse", "Print the structure the parser finds in one document");
        parse.Arguments.Add(parseFile);
        parse.Options.Add(json);
        parse.SetAction(parseResult =>
        {
            if (!TryRead(parseResult.GetValue(parseFile)!, out var text, out var name)) return 2;
            var extraction = PlanExtractor.Parse(text);
            Console.WriteLine(parseResult.GetValue(json) ? extraction.ToJson() : PlanImportReport.Summary(extraction));
            return 0;
        });
        plan.Subcommands.Add(parse);

        var importFile = new Argument<FileInfo>("file") { Description = "Plan document: .txt (UTF-8 or GB18030), .docx or saved .html" };
        var import = new Command("import", "Parse a document and save it as a draft plan; prints its id, counts and the new units proposed");
        import.Arguments.Add(importFile);
        import.SetAction(async (parseResult, ct) =>
        {
            if (!TryRead(parseResult.GetValue(importFile)!, out var text, out var name)) return 2;
            var extraction = PlanExtractor.Parse(text);
            return await CliHost.WithDb(async (db, _) =>
            {
                var result = await new PlanImporter(db).SaveAsync(extraction, text, name, ct: ct);
                if (!result.Succeeded)
                {
                    Console.Error.Write(PlanImportReport.Failed(result.Errors));
                    return 2;
                }
                Console.Write(PlanImportReport.Saved(result));
                return 0;
            });
        });
        plan.Subcommands.Add(import);
        return plan;
    }

    /// <summary>Reads the document as text; a missing or unreadable file prints the reason and returns false.</summary>
    private static bool TryRead(FileInfo file, out string text, out string name)
    {
        text = "";
        name = file.Name;
        if (!file.Exists)
        {
            Console.Error.WriteLine($"文件不存在：{file.FullName}");
            return false;
        }
        try
        {
            using var stream = file.OpenRead();
            text = PlanDocumentReader.ReadText(stream, file.Name);
            return true;
        }
        catch (PlanDocumentException e)
        {
            Console.Error.WriteLine($"无法解析“{file.Name}”：{e.Message}");
            return false;
        }
    }
}
