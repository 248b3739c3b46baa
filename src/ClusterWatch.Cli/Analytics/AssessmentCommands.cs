using System.CommandLine;
using ClusterWatch.Core.Analytics.Assessment;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Cli.Analytics;

/// <summary>`assessment schemes|compute|publish|withdraw`: the admin page's actions, for scripts (考核).</summary>
public static class AssessmentCommands
{
    public static Command Create()
    {
        var assessment = new Command("assessment", "Assessment schemes and rankings (考核): list, compute, publish, withdraw");

        var schemes = new Command("schemes", "List the schemes with their weights and computed periods");
        schemes.SetAction(async (_, ct) => await CliHost.WithDb(async (db, sp) =>
        {
            var service = sp.GetRequiredService<AssessmentService>();
            foreach (var scheme in await db.Set<AssessmentScheme>().AsNoTracking().Include(s => s.Indicators).OrderBy(s => s.Id).ToListAsync(ct))
            {
                var weights = string.Join("，", scheme.Indicators.OrderBy(i => i.SortOrder).Select(i => $"{i.Kind} {i.Weight:0.##}"));
                Console.WriteLine($"{scheme.Id}\t{scheme.Name}\t{scheme.PeriodType}\t{weights}");
                foreach (var period in await service.PeriodsAsync(scheme.Id, ct))
                    Console.WriteLine($"\t{period.PeriodKey}\t{period.Units} 个单位\t{(period.Published ? $"已发布 {period.PublishedAt:yyyy-MM-dd HH:mm}" : "未发布")}");
            }
            return 0;
        }));
        assessment.Subcommands.Add(schemes);

        foreach (var (verb, description) in new[]
                 {
                     ("compute", "Score and rank every unit for a period (refused for a published period)"),
                     ("publish", "Publish a computed period, so anonymous visitors can open its ranking"),
                     ("withdraw", "Withdraw a published period"),
                 })
        {
            var scheme = new Option<int>("--scheme") { Description = "Scheme id (see `assessment schemes`)", Required = true };
            var period = new Option<string>("--period") { Description = "Period such as 2024 or 2025Q2", Required = true };
            var command = new Command(verb, description);
            command.Options.Add(scheme);
            command.Options.Add(period);
            command.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, sp) =>
            {
                await MigrationRunner.MigrateAsync(db, ct);
                var service = sp.GetRequiredService<AssessmentService>();
                var actor = "cli:" + Environment.UserName;
                var id = parse.GetValue(scheme);
                var key = parse.GetValue(period)!;
                var outcome = verb switch
                {
                    "compute" => await service.ComputeAsync(id, key, actor, ct),
                    "publish" => await service.PublishAsync(id, key, actor, ct),
                    _ => await service.WithdrawAsync(id, key, actor, ct),
                };
                return Print(outcome);
            }));
            assessment.Subcommands.Add(command);
        }
        return assessment;
    }

    private static int Print(AssessmentOutcome outcome)
    {
        switch (outcome)
        {
            case AssessmentOutcome.Done done:
                var r = done.Ranking;
                Console.WriteLine($"「{r.Scheme.Name}」{r.PeriodLabel}：{(r.Published ? "已发布" : "未发布")}");
                foreach (var group in r.Groups)
                {
                    Console.WriteLine($"  {group.Label}");
                    foreach (var unit in group.Units)
                        Console.WriteLine($"    {unit.Rank,3}  {unit.Score,7:0.00}  {(unit.Change is { } c ? $"{c:+0.00;-0.00;0.00}" : "—"),7}  {unit.UnitName}");
                }
                return 0;
            case AssessmentOutcome.NotFound notFound:
                Console.Error.WriteLine(notFound.Detail);
                return 2;
            case AssessmentOutcome.Invalid invalid:
                Console.Error.WriteLine($"{invalid.Field}: {invalid.Detail}");
                return 2;
            case AssessmentOutcome.Conflict conflict:
                Console.Error.WriteLine(conflict.Detail);
                return 3;
            default:
                return 1;
        }
    }
}
