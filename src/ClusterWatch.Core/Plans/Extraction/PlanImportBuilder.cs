using ClusterWatch.Core.Regions;
using ClusterWatch.Core.Seeding;

namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>Turns a PlanExtraction and its text into a Plan graph with indicators, regions and units resolved; the one path for seeding and import.</summary>
/// <remarks>Indicators and new units are shared across the plans one builder builds, so two plans naming the same new unit get one.</remarks>
public sealed class PlanImportBuilder
{
    private readonly RegionResolver _regions;
    private readonly UnitResolver _units;
    private readonly Dictionary<(string Name, string Unit), Indicator> _indicators = new();
    private readonly Dictionary<string, Unit> _newUnits = new(StringComparer.Ordinal);

    /// <param name="knownIndicators">Indicators already in the database (tracked), reused by name and unit.</param>
    public PlanImportBuilder(RegionResolver regions, UnitResolver units, IEnumerable<Indicator>? knownIndicators = null)
    {
        _regions = regions;
        _units = units;
        foreach (var indicator in knownIndicators ?? []) _indicators.TryAdd((indicator.Name, indicator.Unit), indicator);
    }

    /// <summary>Every indicator the built plans use, known or new.</summary>
    public IReadOnlyCollection<Indicator> Indicators => _indicators.Values;

    public static Comparator? ParseComparator(string? text) => text?.Trim() switch
    {
        "=" or "" or null => Comparator.Equal,
        ">=" or "≥" => Comparator.AtLeast,
        "~" or "≈" => Comparator.About,
        "<=" or "≤" => Comparator.AtMost,
        _ => null,
    };

    public static string ComparatorSymbol(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => ">=",
        Comparator.About => "~",
        Comparator.AtMost => "<=",
        _ => "=",
    };

    /// <summary>Builds the plan; rows that cannot be resolved are listed in Errors (the plan is then not to be saved).</summary>
    public PlanImportPreview Build(string slug, PlanExtraction x, string fullText, string source, PlanStatus status)
    {
        var errors = new List<PlanImportError>();
        var planRegion = _regions.Resolve(x.Region);
        if (planRegion is null) errors.Add(new("region", $"规划所属地区“{x.Region}”无法识别，请填写省、市或区县名称。"));
        Check(errors, "title", "规划标题", x.Title, 256, required: true);
        Check(errors, "issuer", "发布机构", x.Issuer, 128);
        Check(errors, "docNumber", "文号", x.DocNumber, 64);
        if (x.PeriodStart is { } ps && x.PeriodEnd is { } pe && ps > pe) errors.Add(new("periodEnd", $"规划期限有误：起始年 {ps} 晚于结束年 {pe}。"));

        var plan = new Plan
        {
            Slug = slug, Title = x.Title.Trim(), Issuer = x.Issuer, DocNumber = x.DocNumber, Region = planRegion,
            PeriodStart = x.PeriodStart, PeriodEnd = x.PeriodEnd, FullText = fullText, Status = status, Source = Truncate(source, 256),
        };
        var preview = new PlanImportPreview { Plan = plan, Extraction = x };
        var locator = new PlanImportSourceLocator(fullText);

        foreach (var (t, i) in x.Targets.Select((t, i) => (t, i)))
        {
            var at = $"targets[{i}]";
            var where = $"目标第{i + 1}条";
            var comparator = ParseComparator(t.Comparator);
            if (comparator is null) errors.Add(new($"{at}.comparator", $"{where}：比较符“{t.Comparator}”无法识别（应为 =、>=、~、<=）。"));
            if (t.ValueMax is { } max && max < t.Value) errors.Add(new($"{at}.valueMax", $"{where}：上限 {max} 小于下限 {t.Value}。"));
            Check(errors, $"{at}.quote", where + "原文", t.Quote, 1000);
            plan.Targets.Add(new Target
            {
                Indicator = IndicatorFor(errors, at, where, t.Indicator, t.Unit), Region = RegionFor(errors, at, where, t.Region, planRegion),
                Year = YearOf(errors, at, where, t.Year), Comparator = comparator ?? Comparator.Equal,
                Value = t.Value, ValueMax = t.ValueMax, Unit = t.Unit, Quote = t.Quote,
            });
            preview.TargetSources.Add(locator.Locate(t.Quote));
        }

        foreach (var (b, i) in x.Baselines.Select((b, i) => (b, i)))
        {
            var at = $"baselines[{i}]";
            var where = $"基数第{i + 1}条";
            Check(errors, $"{at}.quote", where + "原文", b.Quote, 1000);
            plan.Baselines.Add(new Baseline
            {
                Indicator = IndicatorFor(errors, at, where, b.Indicator, b.Unit), Region = RegionFor(errors, at, where, b.Region, planRegion),
                Year = YearOf(errors, at, where, b.Year), Value = b.Value, Unit = b.Unit, Quote = b.Quote,
            });
            preview.BaselineSources.Add(locator.Locate(b.Quote));
        }

        foreach (var (a, i) in x.Allocations.Select((a, i) => (a, i)))
        {
            var at = $"allocations[{i}]";
            var where = $"目标分解第{i + 1}条";
            plan.Allocations.Add(new Allocation
            {
                Indicator = IndicatorFor(errors, at, where, a.Indicator, a.Unit), Region = RegionFor(errors, at, where, a.Region, planRegion),
                Year = YearOf(errors, at, where, a.Year), Value = a.Value, Unit = a.Unit,
            });
        }

        var taskText = new TaskTextFinder(fullText);
        foreach (var (task, i) in x.Tasks.Select((t, i) => (t, i)))
        {
            var at = $"tasks[{i}]";
            var where = $"任务第{i + 1}条（{task.Number}）";
            Check(errors, $"{at}.number", where + "编号", task.Number, 32, required: true);
            Check(errors, $"{at}.title", where + "标题", task.Title, 256, required: true);
            var planTask = new PlanTask
            {
                Number = task.Number.Trim(), Title = task.Title.Trim(), SortOrder = i, Status = PlanTaskStatus.NotStarted,
                Text = string.IsNullOrWhiteSpace(task.Title) ? null : taskText.Find(task.Title),
            };
            var resolved = new List<PlanImportUnit>();
            var written = task.Units.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct().ToList();
            if (written.Count == 0) errors.Add(new($"{at}.units", $"{where}：没有责任单位。"));
            foreach (var (name, position) in written.Select((u, p) => (u, p)))
            {
                var isLead = task.LeadUnits.Any(l => PlanText.WithoutWhitespace(l) == PlanText.WithoutWhitespace(name));
                if (!Check(errors, $"{at}.units", $"{where}责任单位", name, 128)) continue;
                var unit = planRegion is null ? null : _units.Resolve(name, planRegion);
                var isNew = unit is null && planRegion is not null;
                if (isNew) unit = NewUnit(name, planRegion!, preview);
                resolved.Add(new PlanImportUnit(name, isLead, unit is { Id: > 0 } ? unit.Id : null, isNew ? null : unit?.FullName, isNew));
                if (unit is null) continue;
                planTask.Assignments.Add(new TaskAssignment
                {
                    Unit = unit, Position = position, WrittenAs = name, Role = isLead ? AssignmentRole.Lead : AssignmentRole.Participant,
                });
            }
            preview.TaskUnits.Add(resolved);
            preview.TaskSources.Add(locator.LocateTask(task.Title));
            plan.Tasks.Add(planTask);
        }

        preview.Errors.AddRange(errors);
        preview.NewIndicators.AddRange(_indicators.Values.Where(i => i.Id == 0 && UsedBy(plan, i)));
        return preview;
    }

    private static bool UsedBy(Plan plan, Indicator indicator) =>
        plan.Targets.Any(t => ReferenceEquals(t.Indicator, indicator)) || plan.Baselines.Any(b => ReferenceEquals(b.Indicator, indicator))
        || plan.Allocations.Any(a => ReferenceEquals(a.Indicator, indicator));

    private Unit NewUnit(string name, Region planRegion, PlanImportPreview preview)
    {
        var key = PlanText.WithoutWhitespace(name);
        if (!_newUnits.TryGetValue(key, out var unit))
        {
            unit = new Unit
            {
                FullName = name, ShortName = Truncate(name, 64)!, Kind = KindOf(name), Region = planRegion,
                Aliases = [new UnitAlias { Alias = name }],
            };
            _newUnits[key] = unit;
        }
        if (!preview.NewUnits.Contains(unit)) preview.NewUnits.Add(unit);
        return unit;
    }

    /// <summary>A guess the office can correct on the unit page: 各… is a group, a district government or 管委会 is a district body.</summary>
    public static UnitKind KindOf(string name) =>
        name.StartsWith('各') || name.Contains("各部门") || name.Contains("各单位") ? UnitKind.Collective
        : name.EndsWith("政府", StringComparison.Ordinal) || name.EndsWith("管委会", StringComparison.Ordinal) ? UnitKind.DistrictGovernment
        : UnitKind.Department;

    private Indicator? IndicatorFor(List<PlanImportError> errors, string at, string where, string? name, string? unit)
    {
        name = name?.Trim() ?? "";
        unit = unit?.Trim() ?? "";
        var ok = Check(errors, $"{at}.indicator", where + "指标名称", name, 128, required: true);
        ok &= Check(errors, $"{at}.unit", where + "单位", unit, 16, required: true);
        if (!ok) return null;
        if (_indicators.TryGetValue((name, unit), out var existing)) return existing;
        var c = IndicatorClassifier.Classify(name, unit); // names without a sector prefix are bio-industry, as in the five seed plans
        var indicator = new Indicator
        {
            Name = name, Unit = unit, Kind = c.Kind, Aggregation = c.Aggregation, Caliber = c.Caliber, Direction = c.Direction,
            Sector = c.Sector, IndustryCode = c.IndustryCode, Measure = c.Measure, TierThreshold = c.TierThreshold,
        };
        _indicators[(name, unit)] = indicator;
        return indicator;
    }

    private Region? RegionFor(List<PlanImportError> errors, string at, string where, string? name, Region? planRegion)
    {
        if (planRegion is null) return null;
        if (string.IsNullOrWhiteSpace(name)) return planRegion;
        var region = _regions.Resolve(name, planRegion);
        if (region is null) errors.Add(new($"{at}.region", $"{where}：地区“{name}”无法识别。"));
        return region;
    }

    private static int YearOf(List<PlanImportError> errors, string at, string where, int year)
    {
        if (year is < 1949 or > 2100) errors.Add(new($"{at}.year", $"{where}：年份 {year} 不在 1949–2100 之间。"));
        return year;
    }

    private static bool Check(List<PlanImportError> errors, string field, string what, string? value, int maxLength, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(value)) { errors.Add(new(field, $"{what}不能为空。")); return false; }
        if (value is not null && value.Length > maxLength) { errors.Add(new(field, $"{what}过长（{value.Length} 字，最多 {maxLength} 字）。")); return false; }
        return true;
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
