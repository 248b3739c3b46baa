using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Reporting;

/// <summary>
/// Synthetic (示例数据) report forms and 2023-2025 submissions in every state, deterministic for a seed:
/// the 2010-2012 work plan's quarterly task progress for the units its tasks name, and quarterly biotech figures
/// for each Shenzhen district (with the city total from 市统计局).
/// </summary>
public static class ReportingDemo
{
    public const string TaskFormName = "工作方案任务进度季报（示例数据）";
    public const string FigureFormName = "各区生物产业季度数据（示例数据）";
    public const string WorkPlanSlug = "shenzhen-bio-internet-newenergy-workplan-2010-2012";
    public const int FirstYear = 2023, LastYear = 2025;
    private const string Officer = "示例信息员";
    private const string Office = "示例管理员";

    private static readonly string[] FigureIndicators = ["生物产业规模", "生物产业 具有全球专利保护的创新药数", "生物产业 具有全球专利保护的新型生物医疗设备产品数"];

    public sealed record Result(int Forms, int Submissions, int Versions);

    public static async Task<Result> SeedAsync(AppDbContext db, int seed, CancellationToken ct = default)
    {
        if (await db.Set<ReportForm>().AnyAsync(f => f.IsSynthetic, ct)) return new Result(0, 0, 0);
        var random = new Random(seed);
        var auditWas = db.AuditEnabled;
        db.AuditEnabled = false; // one summary audit entry below
        try
        {
            var forms = new List<ReportForm>();
            if (await BuildTaskFormAsync(db, ct) is { } taskForm) forms.Add(taskForm);
            if (await BuildFigureFormAsync(db, ct) is { } figureForm) forms.Add(figureForm);
            db.AddRange(forms);
            await db.SaveChangesAsync(ct);

            var service = new SubmissionService(db);
            int submissions = 0, versions = 0;
            foreach (var form in forms)
            {
                var loaded = (await service.LoadFormAsync(form.Id, ct))!;
                var (s, v) = await SeedSubmissionsAsync(db, service, loaded, random, ct);
                submissions += s;
                versions += v;
            }
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow, User = "seed", Action = "seed reporting demo", EntityType = nameof(Submission), EntityId = "",
                After = JsonSerializer.Serialize(new { label = "示例数据", forms = forms.Select(f => f.Name), submissions, versions, seed }, SubmissionService.Json),
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return new Result(forms.Count, submissions, versions);
        }
        finally
        {
            db.AuditEnabled = auditWas;
        }
    }

    private static async Task<ReportForm?> BuildTaskFormAsync(AppDbContext db, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == WorkPlanSlug, ct);
        if (plan is null) return null;
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.SortOrder).Select(t => new { t.Id, Units = t.Assignments.Select(a => a.UnitId) }).ToListAsync(ct);
        var unitIds = tasks.SelectMany(t => t.Units).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.Kind != UnitKind.Collective).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        return new ReportForm
        {
            Name = TaskFormName, PlanId = plan.Id, PeriodType = PeriodType.Quarter, DeadlineDay = 10, LockAfterDays = 30, OpenDaysBeforeEnd = 92, IsSynthetic = true,
            Description = "示例数据：按《深圳生物、互联网、新能源产业振兴发展工作方案（2010-2012）》信息报送制度，各责任单位每季度报送任务进展。",
            Tasks = tasks.Select((t, n) => new ReportFormTask { PlanTaskId = t.Id, SortOrder = n }).ToList(),
            Assignments = units.Select(u => new ReportFormAssignment { UnitId = u }).ToList(),
        };
    }

    private static async Task<ReportForm?> BuildFigureFormAsync(AppDbContext db, CancellationToken ct)
    {
        var shenzhen = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Name == "深圳市" && r.Level == RegionLevel.City && r.ValidToYear == null, ct);
        if (shenzhen is null) return null;
        var districts = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.DistrictGovernment && u.ValidToYear == null && u.Region!.ParentId == shenzhen.Id)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var statistics = await db.Units.AsNoTracking().Where(u => u.ShortName == "市统计局" && u.RegionId == shenzhen.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var indicators = new List<ReportFormIndicator>();
        foreach (var name in FigureIndicators)
        {
            var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Name == name, ct);
            if (indicator is null) continue;
            var label = name.Replace("生物产业 具有全球专利保护的", "全球专利保护", StringComparison.Ordinal);
            indicators.Add(new ReportFormIndicator
            {
                IndicatorId = indicator.Id, Label = label, Unit = indicator.Unit, MinValue = 0, MaxValue = indicator.Unit == "亿元" ? 5000 : 500,
                IsCumulative = true, SortOrder = indicators.Count,
            });
        }
        if (districts.Count == 0 || indicators.Count == 0) return null;
        var scale = indicators[0].Label;
        return new ReportForm
        {
            Name = FigureFormName, PeriodType = PeriodType.Quarter, DeadlineDay = 10, LockAfterDays = 30, OpenDaysBeforeEnd = 92, IsSynthetic = true,
            Description = "示例数据：各区政府每季度报送本区生物产业规模（年内累计）与创新成果数；市统计局报送全市合计。",
            Indicators = indicators,
            Assignments = districts.Concat(statistics is { } s ? [s] : []).Select(u => new ReportFormAssignment { UnitId = u }).ToList(),
            Rules =
            [
                new ValidationRule { Name = "年内累计不减", Left = $"#{{{scale}}}", Operator = RuleOperator.GreaterOrEqual, Right = $"#{{{scale}}}[previous_in_year]",
                    Importance = RuleImportance.Blocking, MissingValues = MissingValueStrategy.SkipIfAnyMissing, Message = $"「{scale}」为年内累计值，不能低于本年上一季度" },
                new ValidationRule { Name = "本季增量异常需说明", Left = $"#{{{scale}}} - #{{{scale}}}[previous_in_year]", Operator = RuleOperator.LessOrEqual,
                    Right = $"1.3 * #{{{scale}}}[previous_in_year]", Importance = RuleImportance.RequiresExplanation,
                    MissingValues = MissingValueStrategy.SkipIfAnyMissing, Message = $"「{scale}」本季增量超过此前累计的 1.3 倍，请核实并说明" },
                new ValidationRule { Name = "各区合计等于全市（±1%）", Left = $"sum(district:#{{{scale}}})", Operator = RuleOperator.Equal, Right = $"#{{{scale}}}",
                    Tolerance = 0.01m, Importance = RuleImportance.Warning, MissingValues = MissingValueStrategy.SkipIfAnyMissing, Message = $"各区「{scale}」之和与全市合计相差超过 1%" },
                new ValidationRule { Name = "区数不超过全市", Left = $"#{{{scale}}}", Operator = RuleOperator.LessOrEqual, Right = $"#{{{scale}}}@city",
                    Importance = RuleImportance.Blocking, MissingValues = MissingValueStrategy.SkipIfAnyMissing, Message = $"本区「{scale}」不能超过全市合计" },
            ],
        };
    }

    private enum Outcome { OnTimeAccepted, LateAccepted, Submitted, Returned, Draft, Missing }

    private static Outcome Pick(Random random, bool latest)
    {
        var roll = random.Next(100);
        if (latest) return roll switch { < 35 => Outcome.Submitted, < 60 => Outcome.OnTimeAccepted, < 72 => Outcome.Returned, < 84 => Outcome.Draft, < 92 => Outcome.LateAccepted, _ => Outcome.Missing };
        return roll switch { < 70 => Outcome.OnTimeAccepted, < 84 => Outcome.LateAccepted, < 90 => Outcome.Returned, < 94 => Outcome.Submitted, < 97 => Outcome.Draft, _ => Outcome.Missing };
    }

    private static async Task<(int Submissions, int Versions)> SeedSubmissionsAsync(AppDbContext db, SubmissionService service, ReportForm form, Random random, CancellationToken ct)
    {
        var calendar = new ReportingCalendar(CalendarRules.Of(form));
        var units = await db.Units.AsNoTracking().Where(u => form.Assignments.Select(a => a.UnitId).Contains(u.Id)).OrderBy(u => u.Id).ToListAsync(ct);
        var cityUnit = units.FirstOrDefault(u => u.Kind != UnitKind.DistrictGovernment && form.Indicators.Count > 0);
        var percents = new Dictionary<(int Unit, int Task), int>();
        var annualScale = units.ToDictionary(u => u.Id, _ => 20m + random.Next(0, 400));
        int submissions = 0, versions = 0;
        var last = new ReportingPeriod(PeriodType.Quarter, LastYear, 4);
        for (var period = new ReportingPeriod(PeriodType.Quarter, FirstYear, 1); string.CompareOrdinal(period.Key, last.Key) <= 0; period = period.Next())
        {
            var deadline = calendar.Deadline(period);
            var districtTotal = new Dictionary<string, decimal>();
            // Districts first, the city total last (it is their sum).
            foreach (var unit in units.OrderBy(u => u == cityUnit ? 1 : 0).ThenBy(u => u.Id))
            {
                var outcome = Pick(random, period == last);
                var values = new Dictionary<string, decimal>();
                if (form.Indicators.Count > 0)
                {
                    if (unit == cityUnit) foreach (var (k, v) in districtTotal) values[k] = v;
                    else
                    {
                        var growth = 1m + 0.08m * (period.Year - FirstYear);
                        values[form.Indicators[0].Label] = Math.Round(annualScale[unit.Id] * growth * period.Index / 4m * (0.95m + (decimal)random.NextDouble() * 0.1m), 2);
                        foreach (var extra in form.Indicators.Skip(1)) values[extra.Label] = random.Next(0, 2 + period.Index);
                        if (outcome is not Outcome.Missing) foreach (var (k, v) in values) districtTotal[k] = districtTotal.GetValueOrDefault(k) + v;
                    }
                }
                if (outcome == Outcome.Missing) continue;
                var tasks = SubmissionService.TasksFor(form, unit.Id).Take(form.Indicators.Count > 0 ? 0 : 6).Select(t =>
                {
                    var before = percents.GetValueOrDefault((unit.Id, t.Id));
                    var now = Math.Min(100, before + random.Next(0, 5) * 5);
                    percents[(unit.Id, t.Id)] = now;
                    var lagging = now < 100 && random.Next(10) == 0;
                    return new TaskReport
                    {
                        PlanTaskId = t.Id, Percent = now,
                        Status = now == 0 ? TaskProgress.NotStarted : now == 100 ? TaskProgress.Done : lagging ? TaskProgress.Lagging : TaskProgress.InProgress,
                        DoneThisPeriod = $"示例数据：{period.Label}推进「{Short(t.Title)}」相关工作，完成进度 {now}%。",
                        Problems = lagging ? "示例数据：配套资金到位较慢。" : null,
                        NextSteps = now < 100 ? "示例数据：下季度继续推进。" : null,
                    };
                }).ToList();

                var at = (outcome switch
                {
                    Outcome.LateAccepted => deadline.AddDays(random.Next(1, 12)).AddHours(-random.Next(0, 8)),
                    _ => deadline.AddDays(-random.Next(1, 9)).AddHours(-random.Next(6, 14)),
                }).ToUniversalTime(); // PostgreSQL stores UTC only
                var submission = new Submission
                {
                    FormId = form.Id, UnitId = unit.Id, PeriodKey = period.Key, CreatedAt = at.AddDays(-3), IsSynthetic = true,
                    Status = outcome switch
                    {
                        Outcome.OnTimeAccepted or Outcome.LateAccepted => SubmissionStatus.Accepted,
                        Outcome.Submitted => SubmissionStatus.Submitted,
                        Outcome.Returned => SubmissionStatus.Returned,
                        _ => SubmissionStatus.Draft,
                    },
                };
                var json = JsonSerializer.Serialize(new SortedDictionary<string, decimal>(values, StringComparer.Ordinal), SubmissionService.Json);
                submission.Versions.Add(new SubmissionVersion
                {
                    Number = 1, Action = "save", SavedBy = Officer, SavedAt = at.AddDays(-2), ValuesJson = json, RequestHash = $"demo-{period.Key}-{unit.Id}-1",
                    TaskReports = tasks.Select(Copy).ToList(),
                });
                if (outcome != Outcome.Draft)
                {
                    submission.Versions.Add(new SubmissionVersion
                    {
                        Number = 2, Action = "submit", SavedBy = Officer, SavedAt = at, ValuesJson = json, RequestHash = $"demo-{period.Key}-{unit.Id}-2",
                        TaskReports = tasks.Select(Copy).ToList(),
                    });
                    submission.SubmittedAt = at;
                    submission.SubmittedBy = Officer;
                }
                if (outcome is Outcome.OnTimeAccepted or Outcome.LateAccepted or Outcome.Returned)
                {
                    submission.ReviewedAt = at.AddDays(2);
                    submission.ReviewedBy = Office;
                }
                if (outcome == Outcome.Returned) submission.ReturnReason = "示例数据：请补充任务进展的佐证材料。";
                submission.CurrentVersion = submission.Versions.Count;
                db.Add(submission);
                await db.SaveChangesAsync(ct);
                if (submission.Status == SubmissionStatus.Accepted && form.Indicators.Count > 0) await service.WriteActualsAsync(submission, ct);
                submissions++;
                versions += submission.Versions.Count;
            }
            db.ChangeTracker.Clear();
        }
        return (submissions, versions);
    }

    private static TaskReport Copy(TaskReport t) => new()
    {
        PlanTaskId = t.PlanTaskId, Status = t.Status, Percent = t.Percent, DoneThisPeriod = t.DoneThisPeriod, Problems = t.Problems, NextSteps = t.NextSteps,
    };

    private static string Short(string title) => title.Length > 20 ? title[..20] + "…" : title;
}
