using System.Globalization;
using System.Text;

namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>The readable texts `plan parse` and `plan import` print (Chinese, one item a line).</summary>
public static class PlanImportReport
{
    public static string Summary(PlanExtraction x)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"标题：{x.Title}");
        sb.AppendLine($"发布机构：{x.Issuer ?? "—"}　文号：{x.DocNumber ?? "—"}　地区：{x.Region}　期限：{x.PeriodStart?.ToString() ?? "?"}–{x.PeriodEnd?.ToString() ?? "?"}");
        sb.AppendLine($"目标 {x.Targets.Count} 条，基数 {x.Baselines.Count} 条，目标分解 {x.Allocations.Count} 条，任务 {x.Tasks.Count} 条");
        if (x.Targets.Count > 0) sb.AppendLine().AppendLine("【目标】");
        foreach (var t in x.Targets)
            sb.AppendLine($"  {t.Year} {t.Region} {t.Indicator} {t.Comparator} {Number(t.Value)}{(t.ValueMax is { } m ? "–" + Number(m) : "")} {t.Unit}　「{t.Quote}」");
        if (x.Baselines.Count > 0) sb.AppendLine().AppendLine("【基数】");
        foreach (var b in x.Baselines)
            sb.AppendLine($"  {b.Year} {b.Region} {b.Indicator} {Number(b.Value)} {b.Unit}　「{b.Quote}」");
        if (x.Allocations.Count > 0) sb.AppendLine().AppendLine("【目标分解】");
        foreach (var a in x.Allocations)
            sb.AppendLine($"  {a.Year} {a.Region} {a.Indicator} {Number(a.Value)} {a.Unit}");
        if (x.Tasks.Count > 0) sb.AppendLine().AppendLine("【任务】");
        foreach (var task in x.Tasks)
            sb.AppendLine($"  {task.Number} {task.Title}　牵头：{string.Join("、", task.LeadUnits)}　责任单位：{string.Join("、", task.Units)}");
        return sb.ToString();
    }

    public static string Saved(PlanImportResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"已保存为{(r.Status == PlanStatus.Draft ? "草稿" : "已确认")}规划：编号 {r.PlanId}（{r.Slug}）");
        sb.AppendLine($"目标 {r.Targets} 条，基数 {r.Baselines} 条，目标分解 {r.Allocations} 条，任务 {r.Tasks} 条");
        sb.AppendLine(r.NewUnits.Count == 0 ? "新单位：无" : $"新单位 {r.NewUnits.Count} 个（单位库中没有，已新建）：{string.Join("、", r.NewUnits)}");
        if (r.NewIndicators.Count > 0) sb.AppendLine($"新指标 {r.NewIndicators.Count} 个：{string.Join("、", r.NewIndicators)}");
        return sb.ToString();
    }

    public static string Failed(IReadOnlyList<PlanImportError> errors)
    {
        var sb = new StringBuilder($"导入失败，未写入任何数据。共 {errors.Count} 处错误：\n");
        foreach (var e in errors) sb.AppendLine($"  {e.Message}");
        return sb.ToString();
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
