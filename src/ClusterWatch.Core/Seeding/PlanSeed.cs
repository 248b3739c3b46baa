using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Plans.Extraction;
using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Seeding;

/// <summary>Turns plan extractions and their texts into Plans with indicators, targets, baselines, allocations and tasks.</summary>
public sealed class PlanSeed(RegionResolver regions, UnitResolver units)
{
    public const string GoldSource = "gold extraction (hand-checked)";

    private readonly Dictionary<(string Name, string Unit), Indicator> _indicators = new();

    public IReadOnlyCollection<Indicator> Indicators => _indicators.Values;

    public static Comparator ParseComparator(string text) => text.Trim() switch
    {
        "=" => Comparator.Equal,
        ">=" or "≥" => Comparator.AtLeast,
        "~" => Comparator.About,
        "<=" or "≤" => Comparator.AtMost,
        _ => throw new InvalidDataException($"比较符“{text}”无法识别（应为 =、>=、~、<=）"),
    };

    /// <summary>Builds one plan; slug names the plan in error messages.</summary>
    public Plan Build(string slug, PlanExtraction x, string fullText)
    {
        var planRegion = regions.Resolve(x.Region) ?? throw new InvalidDataException($"规划 {slug}：地区“{x.Region}”无法识别");
        var plan = new Plan
        {
            Slug = slug, Title = x.Title, Issuer = x.Issuer, DocNumber = x.DocNumber, Region = planRegion,
            PeriodStart = x.PeriodStart, PeriodEnd = x.PeriodEnd, FullText = fullText,
            Status = PlanStatus.Confirmed, Source = GoldSource,
        };

        foreach (var (t, i) in x.Targets.Select((t, i) => (t, i)))
            plan.Targets.Add(new Target
            {
                Indicator = IndicatorFor(t.Indicator, t.Unit), Region = RegionFor(slug, $"目标第{i + 1}条", t.Region, planRegion),
                Year = t.Year, Comparator = ParseComparator(t.Comparator), Value = t.Value, ValueMax = t.ValueMax, Unit = t.Unit, Quote = t.Quote,
            });
        foreach (var (b, i) in x.Baselines.Select((b, i) => (b, i)))
            plan.Baselines.Add(new Baseline
            {
                Indicator = IndicatorFor(b.Indicator, b.Unit), Region = RegionFor(slug, $"基数第{i + 1}条", b.Region, planRegion),
                Year = b.Year, Value = b.Value, Unit = b.Unit, Quote = b.Quote,
            });
        foreach (var (a, i) in x.Allocations.Select((a, i) => (a, i)))
            plan.Allocations.Add(new Allocation
            {
                Indicator = IndicatorFor(a.Indicator, a.Unit), Region = RegionFor(slug, $"目标分解第{i + 1}条", a.Region, planRegion),
                Year = a.Year, Value = a.Value, Unit = a.Unit,
            });

        var taskText = new TaskTextFinder(fullText);
        foreach (var (task, i) in x.Tasks.Select((t, i) => (t, i)))
        {
            var planTask = new PlanTask
            {
                Number = task.Number, Title = task.Title, SortOrder = i, Status = PlanTaskStatus.NotStarted,
                Text = taskText.Find(task.Title),
            };
            foreach (var (written, position) in task.Units.Select((u, p) => (u, p)))
            {
                var unit = units.Resolve(written, planRegion)
                    ?? throw new InvalidDataException($"规划 {slug} 任务 {task.Number}：责任单位“{written}”无法识别");
                planTask.Assignments.Add(new TaskAssignment
                {
                    Unit = unit, Position = position, WrittenAs = written,
                    Role = task.LeadUnits.Contains(written) ? AssignmentRole.Lead : AssignmentRole.Participant,
                });
            }
            plan.Tasks.Add(planTask);
        }
        return plan;
    }

    private Indicator IndicatorFor(string name, string unit)
    {
        if (_indicators.TryGetValue((name, unit), out var existing)) return existing;
        var c = IndicatorClassifier.Classify(name, unit); // names without a sector prefix are bio-industry: all five plans are
        var indicator = new Indicator
        {
            Name = name, Unit = unit, Kind = c.Kind, Aggregation = c.Aggregation, Caliber = c.Caliber, Direction = c.Direction,
            Sector = c.Sector, IndustryCode = c.IndustryCode, Measure = c.Measure, TierThreshold = c.TierThreshold,
        };
        _indicators[(name, unit)] = indicator;
        return indicator;
    }

    private Region RegionFor(string slug, string where, string name, Region planRegion) =>
        regions.Resolve(name, planRegion) ?? throw new InvalidDataException($"规划 {slug} {where}：地区“{name}”无法识别");

}
