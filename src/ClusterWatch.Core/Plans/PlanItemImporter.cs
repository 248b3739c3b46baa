using ClusterWatch.Core.Data;
using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Plans;

public enum PlanItemKind { Targets = 0, Allocations = 1, Tasks = 2 }

/// <summary>A problem with one row and field of an upload (row 1 = the header row).</summary>
public sealed record PlanItemImportError(int Row, string Field, string Message);

/// <summary>What an import would add; Errors non-empty means nothing may be written.</summary>
public sealed class PlanItemImportResult
{
    public List<Target> Targets { get; } = [];
    public List<Allocation> Allocations { get; } = [];
    public List<PlanTask> Tasks { get; } = [];
    public List<Indicator> NewIndicators { get; } = [];
    public List<PlanItemImportError> Errors { get; } = [];
    public bool Succeeded => Errors.Count == 0;
    public int ItemCount => Targets.Count + Allocations.Count + Tasks.Count;
}

/// <summary>Turns rows of a targets / allocations / tasks table (Chinese headers) into plan items, checking every row and field.</summary>
public sealed class PlanItemImporter
{
    public static readonly IReadOnlyDictionary<PlanItemKind, string[]> Columns = new Dictionary<PlanItemKind, string[]>
    {
        [PlanItemKind.Targets] = ["指标", "单位", "地区", "年份", "比较符", "目标值", "目标上限", "原文"],
        [PlanItemKind.Allocations] = ["指标", "单位", "地区", "年份", "分解值"],
        [PlanItemKind.Tasks] = ["编号", "标题", "内容", "牵头单位", "参与单位"],
    };

    public static readonly IReadOnlyDictionary<PlanItemKind, string[]> RequiredColumns = new Dictionary<PlanItemKind, string[]>
    {
        [PlanItemKind.Targets] = ["指标", "年份", "目标值"],
        [PlanItemKind.Allocations] = ["指标", "地区", "年份", "分解值"],
        [PlanItemKind.Tasks] = ["标题", "牵头单位"],
    };

    private readonly Plan _plan;
    private readonly List<Indicator> _indicators;
    private readonly RegionNameResolver _regions;
    private readonly UnitResolver _units;
    private readonly Region? _planRegion;
    private readonly Func<string, string, Indicator> _newIndicator;

    /// <param name="newIndicator">Builds an indicator for an unknown name and unit (classification); null = default values.</param>
    public PlanItemImporter(Plan plan, IEnumerable<Indicator> indicators, IEnumerable<Region> regions, IEnumerable<Unit> units,
        Func<string, string, Indicator>? newIndicator = null)
    {
        _plan = plan;
        _indicators = indicators.ToList();
        _regions = new RegionNameResolver(regions);
        _units = new UnitResolver(units, _regions.All);
        _planRegion = plan.Region ?? _regions.ById(plan.RegionId);
        _newIndicator = newIndicator ?? DefaultIndicator;
    }

    public PlanItemImportResult Import(PlanItemKind kind, TabularTable table)
    {
        var result = new PlanItemImportResult();
        var present = table.Headers.Select(NameText.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var column in RequiredColumns[kind].Where(c => !present.Contains(c)))
            result.Errors.Add(new PlanItemImportError(1, column, $"缺少必需的列“{column}”（应有的列：{string.Join("、", Columns[kind])}）。"));
        if (!result.Succeeded) return result;

        var sortOrder = 0;
        foreach (var row in table.Rows)
        {
            var cells = row.Cells.GroupBy(c => NameText.Normalize(c.Key)).ToDictionary(g => g.Key, g => (string?)g.First().Value?.Trim(), StringComparer.Ordinal);
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            var reader = new RowReader(row.RowNumber, cells, result.Errors);
            switch (kind)
            {
                case PlanItemKind.Targets: ReadTarget(reader, result); break;
                case PlanItemKind.Allocations: ReadAllocation(reader, result); break;
                case PlanItemKind.Tasks: ReadTask(reader, result, ++sortOrder); break;
            }
        }
        if (result.ItemCount == 0 && result.Succeeded)
            result.Errors.Add(new PlanItemImportError(2, "", "文件中没有数据行。"));
        return result;
    }

    private void ReadTarget(RowReader r, PlanItemImportResult result)
    {
        var indicator = ReadIndicator(r, result);
        var region = ReadRegion(r, required: false);
        var year = ReadYear(r);
        var comparatorText = r.Text("比较符");
        if (!PlanValueText.TryParseComparator(comparatorText, out var comparator))
            r.Error("比较符", $"无法识别的比较符“{comparatorText}”，可用：=、≥（>=）、~（约、左右）、≤（<=）。");
        var value = ReadAmount(r, "目标值", required: true);
        var valueMax = ReadAmount(r, "目标上限", required: false);
        if (value is not null && valueMax is not null && valueMax < value)
            r.Error("目标上限", $"目标上限 {valueMax} 小于目标值 {value}。");
        var quote = r.Text("原文");
        if (quote is { Length: > 1000 }) r.Error("原文", "原文超过 1000 字。");
        if (!r.HasErrors && indicator is not null && year is not null && value is not null)
        {
            result.Targets.Add(new Target
            {
                PlanId = _plan.Id, Indicator = indicator, IndicatorId = indicator.Id,
                RegionId = region?.Id ?? _plan.RegionId, Year = year.Value, Comparator = comparator,
                Value = value.Value, ValueMax = valueMax, Unit = UnitOf(r, indicator), Quote = string.IsNullOrWhiteSpace(quote) ? null : quote,
            });
        }
    }

    private void ReadAllocation(RowReader r, PlanItemImportResult result)
    {
        var indicator = ReadIndicator(r, result);
        var region = ReadRegion(r, required: true);
        var year = ReadYear(r);
        var value = ReadAmount(r, "分解值", required: true);
        if (!r.HasErrors && indicator is not null && region is not null && year is not null && value is not null)
        {
            result.Allocations.Add(new Allocation
            {
                PlanId = _plan.Id, Indicator = indicator, IndicatorId = indicator.Id, RegionId = region.Id,
                Year = year.Value, Value = value.Value, Unit = UnitOf(r, indicator),
            });
        }
    }

    private void ReadTask(RowReader r, PlanItemImportResult result, int sortOrder)
    {
        var number = r.Text("编号") ?? "";
        if (number.Length > 32) r.Error("编号", "编号超过 32 字。");
        var title = r.Text("标题");
        if (string.IsNullOrWhiteSpace(title)) r.Error("标题", "标题不能为空。");
        else if (title.Length > 256) r.Error("标题", "标题超过 256 字。");
        var leads = NameText.SplitUnitList(r.Text("牵头单位"));
        if (leads.Count == 0) r.Error("牵头单位", "至少需要一个牵头单位。");
        var participants = NameText.SplitUnitList(r.Text("参与单位"));
        var assignments = new List<TaskAssignment>();
        foreach (var (names, field, role) in new[] { (leads, "牵头单位", AssignmentRole.Lead), (participants, "参与单位", AssignmentRole.Participant) })
        {
            foreach (var name in names)
            {
                var unit = _units.Resolve(name, _planRegion);
                if (unit is null) { r.Error(field, $"未知单位“{name}”：请先在单位库中添加该单位或其别名。"); continue; }
                if (name.Length > 128) { r.Error(field, $"单位名称“{name}”超过 128 字。"); continue; }
                if (assignments.Any(a => a.UnitId == unit.Id && a.WrittenAs == name)) continue;
                assignments.Add(new TaskAssignment { UnitId = unit.Id, Role = role, Position = assignments.Count, WrittenAs = name });
            }
        }
        if (!r.HasErrors)
        {
            result.Tasks.Add(new PlanTask
            {
                PlanId = _plan.Id, Number = number, Title = title!, Text = r.Text("内容") is { Length: > 0 } text ? text : null,
                Status = PlanTaskStatus.NotStarted, SortOrder = sortOrder, Assignments = assignments,
            });
        }
    }

    private Indicator? ReadIndicator(RowReader r, PlanItemImportResult result)
    {
        var name = r.Text("指标");
        var unit = r.Text("单位");
        if (string.IsNullOrWhiteSpace(name)) { r.Error("指标", "指标不能为空。"); return null; }
        if (name.Length > 128) { r.Error("指标", "指标名称超过 128 字。"); return null; }
        if (unit is { Length: > 16 }) { r.Error("单位", "单位超过 16 字。"); return null; }
        var key = NameText.Normalize(name);
        var known = _indicators.Concat(result.NewIndicators).Where(i => NameText.Normalize(i.Name) == key).ToList();
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var sameUnit = known.FirstOrDefault(i => NameText.Normalize(i.Unit) == NameText.Normalize(unit));
            if (sameUnit is not null) return sameUnit;
            if (known.Count > 0)
            {
                r.Error("单位", $"指标“{name}”的单位是{string.Join("、", known.Select(i => i.Unit))}，与文件中的“{unit}”不一致。");
                return null;
            }
            var created = _newIndicator(name.Trim(), unit.Trim());
            result.NewIndicators.Add(created);
            return created;
        }
        if (known.Count == 1) return known[0];
        if (known.Count > 1) { r.Error("单位", $"指标“{name}”有多个单位（{string.Join("、", known.Select(i => i.Unit))}），请填写单位。"); return null; }
        r.Error("指标", $"未知指标“{name}”：如需新建，请同时填写“单位”。");
        return null;
    }

    private Region? ReadRegion(RowReader r, bool required)
    {
        var text = r.Text("地区");
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) r.Error("地区", "地区不能为空。");
            return null;
        }
        var region = _regions.Resolve(text, _plan.RegionId);
        if (region is null) r.Error("地区", $"未知地区“{text}”：请填写区划名称或 6 位区划代码。");
        return region;
    }

    private static int? ReadYear(RowReader r)
    {
        var text = r.Text("年份");
        if (string.IsNullOrWhiteSpace(text)) { r.Error("年份", "年份不能为空。"); return null; }
        if (!PlanValueText.TryParseYear(text, out var year)) { r.Error("年份", $"年份“{text}”不是整数。"); return null; }
        if (year is < PlanValueText.MinYear or > PlanValueText.MaxYear)
        {
            r.Error("年份", $"年份 {year} 不在 {PlanValueText.MinYear}–{PlanValueText.MaxYear} 之间。");
            return null;
        }
        return year;
    }

    private static decimal? ReadAmount(RowReader r, string field, bool required)
    {
        var text = r.Text(field);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) r.Error(field, $"{field}不能为空。");
            return null;
        }
        if (!PlanValueText.TryParseDecimal(text, out var value)) { r.Error(field, $"{field}“{text}”不是数字。"); return null; }
        if (value < 0) { r.Error(field, $"{field}不能为负数（{value}）。"); return null; }
        return value;
    }

    private static string UnitOf(RowReader r, Indicator indicator) =>
        r.Text("单位") is { Length: > 0 } unit ? unit : indicator.Unit;

    /// <summary>A new indicator for an unknown name, classified from its name and unit by IndicatorClassifier.</summary>
    public static Indicator DefaultIndicator(string name, string unit)
    {
        var c = IndicatorClassifier.Classify(name, unit);
        return new Indicator
        {
            Name = name, Unit = unit, Kind = c.Kind, Aggregation = c.Aggregation, Sector = c.Sector, Caliber = c.Caliber,
            Measure = c.Measure, TierThreshold = c.TierThreshold, IndustryCode = c.IndustryCode, Direction = c.Direction,
        };
    }

    private sealed class RowReader(int row, IReadOnlyDictionary<string, string?> cells, List<PlanItemImportError> errors)
    {
        private int _errorCount;
        public bool HasErrors => _errorCount > 0;
        public string? Text(string column) => cells.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        public void Error(string field, string message)
        {
            _errorCount++;
            errors.Add(new PlanItemImportError(row, field, $"第 {row} 行“{field}”：{message}"));
        }
    }
}
