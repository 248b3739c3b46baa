namespace ClusterWatch.Core.Analytics.Warnings;

/// <summary>Chinese and English names of the warning kinds, severities, states and history actions.</summary>
public static class WarningLabels
{
    public static string Kind(WarningKind kind, bool english = false) => kind switch
    {
        WarningKind.TargetAtRisk => english ? "Target at risk" : "目标进度预警",
        WarningKind.AllocationAtRisk => english ? "District share at risk" : "分解目标进度预警",
        WarningKind.DistrictLaggingShare => english ? "District lagging the city" : "区完成率落后全市",
        WarningKind.TaskOverdue => english ? "Task overdue" : "任务逾期",
        WarningKind.TaskStalled => english ? "Task stalled" : "任务停滞",
        WarningKind.ReportMissing => english ? "Report missing" : "未报送",
        WarningKind.ReportLate => english ? "Report late" : "逾期报送",
        WarningKind.EnterpriseRevenueDrop => english ? "Revenue drop" : "重点企业营收下滑",
        WarningKind.EnterpriseTierChange => english ? "Revenue tier change" : "企业规模档次变化",
        _ => english ? "Key enterprise moved out" : "重点企业迁出",
    };

    public static string Severity(WarningSeverity severity, bool english = false) => severity switch
    {
        WarningSeverity.Notice => english ? "Notice" : "提示",
        WarningSeverity.Warning => english ? "Warning" : "预警",
        _ => english ? "Critical" : "严重",
    };

    public static string Status(WarningStatus status, bool english = false) => status switch
    {
        WarningStatus.Raised => english ? "Raised" : "待处理",
        WarningStatus.Acknowledged => english ? "Acknowledged" : "已确认",
        _ => english ? "Resolved" : "已解除",
    };

    public static string Action(WarningAction action, bool english = false) => action switch
    {
        WarningAction.Raised => english ? "Raised" : "提出",
        WarningAction.Updated => english ? "Updated" : "更新",
        WarningAction.Acknowledged => english ? "Acknowledged" : "确认",
        WarningAction.Resolved => english ? "Resolved" : "解除",
        _ => english ? "Reopened" : "重新提出",
    };

    /// <summary>Parses a severity given as its name (Critical) or its Chinese label (严重).</summary>
    public static WarningSeverity? ParseSeverity(string text)
    {
        if (Enum.TryParse<WarningSeverity>(text, true, out var s) && Enum.IsDefined(s) && !int.TryParse(text, out _)) return s;
        return Enum.GetValues<WarningSeverity>().Where(v => Severity(v) == text.Trim()).Select(v => (WarningSeverity?)v).FirstOrDefault();
    }
}
