using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Reporting;

/// <summary>Reporting and timeliness rates for a form: one period's units, the last eight periods as a chart, the overdue list.</summary>
public class CompletenessModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Form { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public List<ReportForm> Forms { get; private set; } = [];
    public ReportForm? Selected { get; private set; }
    public Completeness? Result { get; private set; }
    public List<OverdueUnit> Overdue { get; private set; } = [];
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (UnitScope.RestrictedUnitId(User) is not null) return StatusCode(StatusCodes.Status403Forbidden);
        Forms = await db.Set<ReportForm>().AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);
        Selected = Forms.FirstOrDefault(f => f.Id == Form) ?? Forms.FirstOrDefault();
        if (Selected is null) return Page();
        Form = Selected.Id;
        var calendar = new ReportingCalendar(CalendarRules.Of(Selected));
        var period = calendar.Parse(Period) ?? calendar.Current(DateTimeOffset.UtcNow);
        Period = period.Key;
        Result = await ReportingQueries.CompletenessAsync(db, Selected, period, ct);
        Overdue = await ReportingQueries.OverdueAsync(db, Result, ct);
        var history = new List<Completeness>();
        var p = period;
        for (var n = 0; n < 8; n++, p = p.Previous()) history.Insert(0, await ReportingQueries.CompletenessAsync(db, Selected, p, ct));
        ChartJson = JsonSerializer.Serialize(new
        {
            periods = history.Select(h => h.PeriodKey),
            onTime = history.Select(h => h.OnTime), late = history.Select(h => h.Late), returned = history.Select(h => h.Returned),
            missing = history.Select(h => h.Missing - h.Returned), reportingRate = history.Select(h => h.ReportingRate), timelinessRate = history.Select(h => h.TimelinessRate),
        });
        return Page();
    }
}
