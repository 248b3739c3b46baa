using ClusterWatch.Core.Data;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Plans;

/// <summary>The audit log (who changed what, before and after) with a restore button for modified or deleted rows.</summary>
public class HistoryModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public PagedList<AuditEntryDto> Entries { get; private set; } = new([], 0, 1, 50);
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostRestoreAsync(long auditId, CancellationToken ct)
    {
        var outcome = await new AuditRestorer(db).RestoreAsync(auditId, ct);
        Message = outcome.Message;
        MessageIsError = outcome.Status != RestoreStatus.Restored;
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var result = await AuditEndpoints.ListAudit(db, EntityType, EntityId, null, Math.Max(1, PageNumber), 50, ct);
        if (result.Result is Ok<PagedList<AuditEntryDto>> ok) Entries = ok.Value!;
    }
}
