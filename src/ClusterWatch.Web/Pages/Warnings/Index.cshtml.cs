using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Analytics.Warnings;
using ClusterWatch.Core.Data;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Web.Analytics;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Warnings;

/// <summary>预警: filters, severity, the sentence and its links, acknowledge with a note, history per warning, XLSX export.</summary>
public class IndexModel(AppDbContext db, WarningService service) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "open";
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Warning> Items { get; private set; } = [];
    public Dictionary<int, string> RegionNames { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<WarningSeverity, int> OpenBySeverity { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset? LastEvaluatedAt { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string ExportHref => "/api/warnings/export" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status, ["kind"] = Kind, ["severity"] = Severity, ["region"] = Region, ["plan"] = Plan?.ToString(),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public string PageHref(int page) => "/Warnings" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status ?? "", ["kind"] = Kind, ["severity"] = Severity, ["region"] = Region, ["plan"] = Plan?.ToString(), ["p"] = page.ToString(),
    }.Where(p => p.Value is not null));

    public bool CanAcknowledge => UnitScope.IsAdmin(User) || UnitScope.IsAnalyst(User) || UnitScope.ReporterUnitId(User) is not null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [WritePolicy(Policies.Reader)]
    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, string? note, CancellationToken ct)
    {
        var w = await db.Set<Warning>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || !await WarningEndpoints.CanSeeAsync(db, User, w, ct)) return NotFound();
        note = note?.Trim() ?? "";
        if (note.Length == 0) Error = $"预警 {id}：确认说明必填，请写明已采取或将采取的措施。";
        else if (note.Length > WarningEndpoints.MaxNoteLength) Error = $"预警 {id}：确认说明不能超过 {WarningEndpoints.MaxNoteLength} 字。";
        else if (w.Status == WarningStatus.Resolved) Error = $"预警 {id} 已解除，无需确认。";
        else
        {
            await service.AcknowledgeAsync(id, User.Identity?.Name ?? "web", note, ct);
            Message = $"已确认预警 {id}。";
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken ct)
    {
        var r = await service.RefreshAsync(RefreshScope.Full, ct);
        Message = $"已重新计算：新提出 {r.Raised} 条，更新 {r.Updated} 条，解除 {r.Resolved} 条，重新提出 {r.Reopened} 条；当前未解除 {r.Open} 条。";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var (query, errors) = await WarningEndpoints.QueryAsync(db, User, new WarningFilter(Status, Kind, Severity, Region, Plan), ct);
        Errors = errors.ToDictionary();
        if (errors.Any) return;
        Total = await query.CountAsync(ct);
        Items = await WarningEndpoints.Ordered(query).Include(w => w.Events).Skip((PageNumber - 1) * PageSize).Take(PageSize).AsSplitQuery().ToListAsync(ct);
        RegionNames = await WarningEndpoints.RegionNamesAsync(db, Items, ct);
        var (open, _) = await WarningEndpoints.QueryAsync(db, User, new WarningFilter("open", null, null, null, null), ct);
        OpenBySeverity = await open.GroupBy(w => w.Severity).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // SQLite cannot take the max of a DateTimeOffset: read the newest row's.
        LastEvaluatedAt = await db.Set<Warning>().OrderByDescending(w => w.Id).Select(w => (DateTimeOffset?)w.LastEvaluatedAt).FirstOrDefaultAsync(ct);
    }

    public static string SeverityClass(WarningSeverity s) => s switch
    {
        WarningSeverity.Critical => "status-lagging",
        WarningSeverity.Warning => "status-warning",
        _ => "status-nodata",
    };

    public static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Core.Reporting.ReportingCalendar.China).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
