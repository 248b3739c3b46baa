using ClusterWatch.Core.Data;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Reporting;

/// <summary>A report's versions, two of them side by side, and the office's accept / return / unlock.</summary>
public class HistoryModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? A { get; set; }
    [BindProperty(SupportsGet = true)] public int? B { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Submission Submission { get; private set; } = null!;
    public List<SubmissionVersion> Versions { get; private set; } = [];
    public SubmissionVersion? Left { get; private set; }
    public SubmissionVersion? Right { get; private set; }
    public Dictionary<int, string> TaskTitles { get; private set; } = [];
    public string? Error { get; private set; }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var s = await db.Set<Submission>().AsNoTracking().Include(x => x.Form).Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (s is null) return NotFound();
        if (!UnitScope.CanAccessUnit(User, s.UnitId)) return StatusCode(StatusCodes.Status403Forbidden);
        Submission = s;
        Versions = await db.Set<SubmissionVersion>().AsNoTracking().Include(v => v.TaskReports).Where(v => v.SubmissionId == Id).OrderBy(v => v.Number).ToListAsync(ct);
        Right = Versions.FirstOrDefault(v => v.Number == (B ?? s.CurrentVersion)) ?? Versions.LastOrDefault();
        Left = Versions.FirstOrDefault(v => v.Number == (A ?? (Right?.Number ?? 1) - 1));
        var ids = Versions.SelectMany(v => v.TaskReports).Select(t => t.PlanTaskId).Distinct().ToList();
        TaskTitles = await db.PlanTasks.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => $"{t.Number} {t.Title}".Trim(), ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        ActAsync((service, s) => service.AcceptAsync(s, User.Identity?.Name ?? "web", DateTimeOffset.UtcNow, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        ActAsync((service, s) => service.ReturnAsync(s, Reason ?? "", User.Identity?.Name ?? "web", DateTimeOffset.UtcNow, ct), ct);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) =>
        ActAsync(async (service, s) => { await service.UnlockAsync(s, User.Identity?.Name ?? "web", DateTimeOffset.UtcNow, ct); return null; }, ct);

    private async Task<IActionResult> ActAsync(Func<SubmissionService, Submission, Task<string?>> action, CancellationToken ct)
    {
        var s = await db.Set<Submission>().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (s is null) return NotFound();
        var error = await action(new SubmissionService(db), s);
        db.ChangeTracker.Clear();
        if (error is null) return RedirectToPage(new { Id });
        Error = error;
        return await LoadAsync(ct) ?? Page();
    }
}
