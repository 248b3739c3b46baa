using System.Globalization;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;

namespace ClusterWatch.Core.Reporting;

/// <summary>The form as an Excel sheet an officer fills offline: one row per value, one per task; read back with row-numbered errors.</summary>
public static class ReportTemplate
{
    public static readonly string[] Headers = ["类别", "编号", "名称", "单位", "取值范围", "上期值", "本期值", "状态", "完成进度(%)", "本期完成情况", "存在问题", "下步计划"];
    public const string ValueKind = "指标";
    public const string TaskKind = "任务";

    /// <summary>Pre-filled with the previous period's values and task lines (and this period's, if saved), and the unit's tasks.</summary>
    public static byte[] Build(ReportForm form, string unitName, ReportingPeriod period, IReadOnlyList<PlanTask> tasks,
        IReadOnlyDictionary<string, decimal>? previous, SubmissionVersion? previousVersion, IReadOnlyDictionary<string, decimal>? current, SubmissionVersion? currentVersion)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var f in form.Indicators.OrderBy(i => i.SortOrder))
        {
            decimal? before = previous is not null && previous.TryGetValue(f.Label, out var p) ? p : null;
            decimal? now = current is not null && current.TryGetValue(f.Label, out var c) ? c : before;
            rows.Add([ValueKind, f.IndicatorId, f.Label, f.Unit, Range(f), before, now, null, null, null, null, null]);
        }
        foreach (var t in tasks)
        {
            var line = currentVersion?.TaskReports.FirstOrDefault(r => r.PlanTaskId == t.Id) ?? previousVersion?.TaskReports.FirstOrDefault(r => r.PlanTaskId == t.Id);
            rows.Add([TaskKind, t.Id, $"{t.Number} {t.Title}".Trim(), "%", "0-100", previousVersion?.TaskReports.FirstOrDefault(r => r.PlanTaskId == t.Id)?.Percent, null,
                SubmissionService.ProgressText(line?.Status ?? TaskProgress.NotStarted), line?.Percent ?? 0, line?.DoneThisPeriod, line?.Problems, line?.NextSteps]);
        }
        return XlsxWriter.ToBytes([new XlsxSheet($"{period.Key}", Headers, rows)]);
    }

    private static string Range(ReportFormIndicator f) =>
        f.MinValue is null && f.MaxValue is null ? "" : $"{(f.MinValue is { } a ? ValidationEngine.Fmt(a) : "")}-{(f.MaxValue is { } b ? ValidationEngine.Fmt(b) : "")}";

    public sealed record Parsed(Dictionary<string, decimal?> Values, List<TaskReportInput> Tasks, List<string> Errors);

    /// <summary>Reads a filled template: values by label, task lines by task id; every problem names its row.</summary>
    public static Parsed Parse(TabularTable table, ReportForm form, IReadOnlyList<PlanTask> tasks)
    {
        var values = new Dictionary<string, decimal?>();
        var lines = new List<TaskReportInput>();
        var errors = new List<string>();
        foreach (var h in new[] { "类别", "编号", "名称", "本期值" })
            if (!table.Headers.Contains(h)) errors.Add($"缺少列「{h}」：请使用下载的报送模板");
        if (errors.Count > 0) return new(values, lines, errors);
        foreach (var row in table.Rows)
        {
            var kind = row.Get("类别").Trim();
            if (kind == ValueKind)
            {
                var label = row.Get("名称").Trim();
                var field = form.Indicators.FirstOrDefault(i => i.Label == label);
                if (field is null) { errors.Add($"第 {row.RowNumber} 行：指标「{label}」不在本报表中"); continue; }
                var text = row.Get("本期值").Trim().Replace(",", "", StringComparison.Ordinal);
                if (text.Length == 0) { values[label] = null; continue; }
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) { errors.Add($"第 {row.RowNumber} 行：「{label}」的本期值「{text}」不是数字"); continue; }
                values[label] = v;
            }
            else if (kind == TaskKind)
            {
                if (!int.TryParse(row.Get("编号").Trim(), out var id) || tasks.All(t => t.Id != id)) { errors.Add($"第 {row.RowNumber} 行：任务编号「{row.Get("编号")}」不是本单位在本报表中的任务"); continue; }
                var status = SubmissionService.ParseProgress(row.Get("状态"));
                if (status is null) { errors.Add($"第 {row.RowNumber} 行：状态应为 未启动、推进中、已完成 或 滞后"); continue; }
                var percentText = row.Get("完成进度(%)").Trim().TrimEnd('%');
                if (!decimal.TryParse(percentText.Length == 0 ? "0" : percentText, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
                { errors.Add($"第 {row.RowNumber} 行：完成进度「{percentText}」不是数字"); continue; }
                lines.Add(new TaskReportInput(id, status.Value, (int)Math.Round(percent), Blank(row.Get("本期完成情况")), Blank(row.Get("存在问题")), Blank(row.Get("下步计划"))));
            }
            else if (kind.Length > 0) errors.Add($"第 {row.RowNumber} 行：类别应为「指标」或「任务」");
        }
        return new(values, lines, errors);
    }

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
