using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Reporting;

/// <summary>An overdue unit and how to reach its information officers.</summary>
public sealed record OverdueUnit(int UnitId, string UnitName, string StateText, IReadOnlyList<OfficerContact> Officers);

public sealed record OfficerContact(string UserName, string DisplayName, string? Phone, string? Email);

/// <summary>Database reads shared by the API and the pages.</summary>
public static class ReportingQueries
{
    public static async Task<Completeness> CompletenessAsync(AppDbContext db, ReportForm form, ReportingPeriod period, CancellationToken ct)
    {
        var expected = await db.Set<ReportFormAssignment>().AsNoTracking().Where(a => a.FormId == form.Id)
            .Select(a => new ExpectedUnit(a.UnitId, a.Unit!.ShortName)).ToListAsync(ct);
        var submissions = await db.Set<Submission>().AsNoTracking().Where(s => s.FormId == form.Id && s.PeriodKey == period.Key)
            .Select(s => new UnitSubmission(s.UnitId, s.Status, s.SubmittedAt, s.Id)).ToListAsync(ct);
        return CompletenessCalculator.Calculate(new ReportingCalendar(CalendarRules.Of(form)), period, expected, submissions);
    }

    /// <summary>Units that have not submitted (missing, draft or returned), with their enabled reporters' contacts.</summary>
    public static async Task<List<OverdueUnit>> OverdueAsync(AppDbContext db, Completeness completeness, CancellationToken ct)
    {
        var open = completeness.Units.Where(u => u.State is UnitReportState.Missing or UnitReportState.Draft or UnitReportState.Returned).ToList();
        var ids = open.Select(u => u.UnitId).ToList();
        var officers = await db.Set<User>().AsNoTracking().Where(u => u.UnitId != null && ids.Contains(u.UnitId.Value) && u.Role == UserRole.Reporter && !u.Disabled)
            .OrderBy(u => u.UserName).ToListAsync(ct);
        return open.Select(u => new OverdueUnit(u.UnitId, u.UnitName, u.StateText,
            officers.Where(o => o.UnitId == u.UnitId).Select(o => new OfficerContact(o.UserName, o.DisplayName, o.Phone, o.Email)).ToList())).ToList();
    }

    /// <summary>The reminder list as an XLSX workbook (one row per officer, or per unit without one).</summary>
    public static byte[] ReminderWorkbook(ReportForm form, ReportingPeriod period, DateTimeOffset deadline, IEnumerable<OverdueUnit> overdue)
    {
        var rows = overdue.SelectMany(u => u.Officers.Count == 0
            ? [new object?[] { form.Name, period.Key, u.UnitName, u.StateText, "（未设信息员）", null, null, SubmissionService.Local(deadline) }]
            : u.Officers.Select(o => new object?[] { form.Name, period.Key, u.UnitName, u.StateText, o.DisplayName, o.Phone, o.Email, SubmissionService.Local(deadline) }))
            .Select(r => (IReadOnlyList<object?>)r).ToList();
        return XlsxWriter.ToBytes([new XlsxSheet("催报名单", ["报表", "报送期", "单位", "状态", "信息员", "电话", "电子邮箱", "截止时间"], rows)]);
    }
}
