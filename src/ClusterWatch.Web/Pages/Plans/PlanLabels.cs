using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using ClusterWatch.Web.Infrastructure;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClusterWatch.Web.Pages.Plans;

/// <summary>Display names for the plan enums, and the bridge from API field errors to form fields.</summary>
public static class PlanLabels
{
    public static string Status(PlanStatus status) => status == PlanStatus.Draft ? T("草稿", "Draft") : T("已确认", "Confirmed");

    public static string TaskStatus(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.InProgress => T("推进中", "In progress"),
        PlanTaskStatus.Done => T("已完成", "Done"),
        PlanTaskStatus.Lagging => T("滞后", "Lagging"),
        _ => T("未开始", "Not started"),
    };

    public static string TaskStatusClass(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.InProgress => "status-warning",
        PlanTaskStatus.Done => "status-ontrack",
        PlanTaskStatus.Lagging => "status-lagging",
        _ => "status-nodata",
    };

    public static string Comparator(Comparator comparator) => comparator switch
    {
        Core.Plans.Comparator.AtLeast => "≥",
        Core.Plans.Comparator.About => T("约", "~"),
        Core.Plans.Comparator.AtMost => "≤",
        _ => "=",
    };

    public static string Level(RegionLevel level) => level switch
    {
        RegionLevel.Country => T("国家", "Country"),
        RegionLevel.Province => T("省", "Province"),
        RegionLevel.City => T("地级市", "City"),
        RegionLevel.District => T("区县", "District"),
        _ => T("功能区", "Functional zone"),
    };

    public static string UnitKind(UnitKind kind) => kind switch
    {
        Core.Plans.UnitKind.Department => T("部门", "Department"),
        Core.Plans.UnitKind.DistrictGovernment => T("区政府", "District government"),
        Core.Plans.UnitKind.Collective => T("集合称谓", "Collective"),
        _ => T("其他", "Other"),
    };

    public static string Value(decimal value, decimal? valueMax, string unit) =>
        valueMax is { } max ? $"{Format.Number(value)}–{Format.Number(max)} {unit}" : $"{Format.Number(value)} {unit}";

    /// <summary>Copies API validation errors (camelCase JSON names) onto the form's Input.* fields.</summary>
    public static void AddTo(this FieldErrors errors, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var bracket = field.IndexOf('[');
            var name = bracket > 0 ? field[..bracket] : field;
            var key = $"{prefix}.{char.ToUpperInvariant(name[0])}{name[1..]}";
            foreach (var message in messages) modelState.AddModelError(key, message);
        }
    }

    /// <summary>Turns model-binding failures (text in a number field) into one Chinese message per field; true when there were any.</summary>
    public static bool ReplaceBindingErrors(ModelStateDictionary modelState)
    {
        var any = false;
        foreach (var entry in modelState.Values.Where(e => e.Errors.Count > 0))
        {
            entry.Errors.Clear();
            entry.Errors.Add(T("格式不正确，请输入数字。", "Not a valid number."));
            any = true;
        }
        return any;
    }

    private static string T(string zh, string en) => Strings.IsEnglish ? en : zh;
}
