using System.CommandLine;
using ClusterWatch.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Cli.Reporting;

/// <summary>`reporting forms` and `reporting completeness`: the reporting rates and the reminder list from the command line.</summary>
public static class ReportingCommands
{
    public static Command Create()
    {
        var reporting = new Command("reporting", "Information reporting (信息报送): forms, completeness and reminders");

        var forms = new Command("forms", "List the report forms");
        forms.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, _) =>
        {
            foreach (var f in await db.Set<ReportForm>().AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.Id, f.Name, f.PeriodType, Units = f.Assignments.Count }).ToListAsync(ct))
                Console.WriteLine($"{f.Id}\t{f.Name}\t{SubmissionService.PeriodText(f.PeriodType)}\t{f.Units} 个单位");
            return 0;
        }));
        reporting.Subcommands.Add(forms);

        var form = new Option<string>("--form") { Description = "Form id or exact name", Required = true };
        var period = new Option<string?>("--period") { Description = "Period such as 2025Q3 (default: the current one)" };
        var export = new Option<FileInfo?>("--export") { Description = "Write the reminder list (overdue units and officers) to this .xlsx file" };
        var completeness = new Command("completeness", "Expected, submitted, on time, late and missing units for a form and period");
        completeness.Options.Add(form);
        completeness.Options.Add(period);
        completeness.Options.Add(export);
        completeness.SetAction(async (parse, ct) => await CliHost.WithDb(async (db, _) =>
        {
            var text = parse.GetValue(form)!.Trim();
            var f = int.TryParse(text, out var id)
                ? await db.Set<ReportForm>().FirstOrDefaultAsync(x => x.Id == id, ct)
                : await db.Set<ReportForm>().FirstOrDefaultAsync(x => x.Name == text, ct);
            if (f is null)
            {
                Console.Error.WriteLine($"找不到报表「{text}」（可用 reporting forms 查看）。");
                return 1;
            }
            var calendar = new ReportingCalendar(CalendarRules.Of(f));
            var p = parse.GetValue(period) is { } key ? calendar.Parse(key) : calendar.Current(DateTimeOffset.UtcNow);
            if (p is null)
            {
                Console.Error.WriteLine($"报送期「{parse.GetValue(period)}」无效：该报表按{SubmissionService.PeriodText(f.PeriodType)}报送（如 2025Q3）。");
                return 2;
            }
            var result = await ReportingQueries.CompletenessAsync(db, f, p, ct);
            Console.WriteLine($"{f.Name} {p.Label}（截止 {SubmissionService.Local(result.Deadline)}）：应报 {result.Expected}，已报 {result.Submitted}，按时 {result.OnTime}，逾期 {result.Late}，未报 {result.Missing}（含退回 {result.Returned}）；报送率 {result.ReportingRate}%，及时率 {result.TimelinessRate}%");
            foreach (var u in result.Units) Console.WriteLine($"  {u.UnitName}\t{u.StateText}");
            if (parse.GetValue(export) is { } file)
            {
                var overdue = await ReportingQueries.OverdueAsync(db, result, ct);
                await File.WriteAllBytesAsync(file.FullName, ReportingQueries.ReminderWorkbook(f, p, result.Deadline, overdue), ct);
                Console.WriteLine($"催报名单已写入 {file.FullName}（{overdue.Count} 个单位）。");
            }
            return 0;
        }));
        reporting.Subcommands.Add(completeness);
        return reporting;
    }
}
