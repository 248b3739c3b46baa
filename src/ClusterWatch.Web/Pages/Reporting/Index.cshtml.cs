using ClusterWatch.Core.Data;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Reporting;

/// <summary>My reports (an officer's forms × recent periods) or, for the office, the forms and the reports waiting for review.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(ReportForm Form, int UnitId, string UnitName, ReportingPeriod Period, DateTimeOffset Deadline, Submission? Submission, bool Open, bool Locked);

    public List<Row> Rows { get; private set; } = [];
    public List<ReportForm> Forms { get; private set; } = [];
    public List<Submission> Pending { get; private set; } = [];
    public bool IsOffice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        IsOffice = UnitScope.RestrictedUnitId(User) is null;
        Forms = await db.Set<ReportForm>().AsNoTracking().Include(f => f.Assignments).ThenInclude(a => a.Unit).OrderBy(f => f.Id).ToListAsync(ct);
        if (IsOffice)
        {
            Pending = await db.Set<Submission>().AsNoTracking().Include(s => s.Form).Include(s => s.Unit)
                .Where(s => s.Status == SubmissionStatus.Submitted).OrderBy(s => s.Id).Take(500).ToListAsync(ct);
            Pending = Pending.OrderBy(s => s.SubmittedAt).ToList(); // SQLite cannot order by DateTimeOffset
            return;
        }
        var unitId = UnitScope.ReporterUnitId(User) ?? -1;
        var mine = Forms.Where(f => f.IsActive && f.Assignments.Any(a => a.UnitId == unitId)).ToList();
        var submissions = await db.Set<Submission>().AsNoTracking().Where(s => s.UnitId == unitId).ToListAsync(ct);
        foreach (var form in mine)
        {
            var calendar = new ReportingCalendar(CalendarRules.Of(form));
            var unitName = form.Assignments.First(a => a.UnitId == unitId).Unit?.ShortName ?? "";
            var period = calendar.Current(now);
            for (var n = 0; n < 6; n++, period = period.Previous())
            {
                var s = submissions.FirstOrDefault(x => x.FormId == form.Id && x.PeriodKey == period.Key);
                Rows.Add(new Row(form, unitId, unitName, period, calendar.Deadline(period), s, calendar.IsOpen(period, now), calendar.IsLocked(period, now, s?.UnlockedBy is not null)));
            }
        }
    }
}
