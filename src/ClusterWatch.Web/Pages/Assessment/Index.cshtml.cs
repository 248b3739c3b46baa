using ClusterWatch.Core.Analytics.Assessment;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Web.Analytics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Assessment;

/// <summary>考核管理: schemes with their weights, and per period compute, publish and withdraw (admins only).</summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(AppDbContext db, AssessmentService service, TimeProvider clock) : PageModel
{
    public sealed record SchemeRow(AssessmentScheme Scheme, string? PlanTitle, List<AssessmentPeriodState> Periods);

    public sealed class SchemeForm
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public int? PlanId { get; set; }
        public PeriodType PeriodType { get; set; } = PeriodType.Year;
        public bool IsSynthetic { get; set; }
        /// <summary>Weight per kind (by the kind's number); 0 or empty leaves the kind out.</summary>
        public Dictionary<AssessmentKind, decimal?> Weights { get; set; } = [];
    }

    [BindProperty] public SchemeForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    [TempData] public string? Notice { get; set; }
    public string? Error { get; private set; }
    public Dictionary<string, string[]> FieldErrors { get; private set; } = [];
    public List<SchemeRow> Schemes { get; private set; } = [];
    public List<(int Id, string Title)> Plans { get; private set; } = [];
    public static readonly AssessmentKind[] Kinds = Enum.GetValues<AssessmentKind>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Edit is { } id && await service.LoadSchemeAsync(id, ct) is { } s)
            Input = new SchemeForm
            {
                Id = s.Id, Name = s.Name, Description = s.Description, PlanId = s.PlanId, PeriodType = s.PeriodType, IsSynthetic = s.IsSynthetic,
                Weights = s.Indicators.ToDictionary(i => i.Kind, i => (decimal?)i.Weight),
            };
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().Include(s => s.Indicators).Include(s => s.Plan).OrderBy(s => s.Id).ToListAsync(ct);
        foreach (var s in schemes) Schemes.Add(new SchemeRow(s, s.Plan?.Title, await service.PeriodsAsync(s.Id, ct)));
        Plans = (await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var input = new AssessmentSchemeInput(Input.Name, Input.Description, Input.PlanId, Input.PeriodType, Input.IsSynthetic,
            Kinds.Where(k => Input.Weights.GetValueOrDefault(k) is > 0).Select(k => new AssessmentIndicatorInput(k, Input.Weights[k]!.Value)).ToList());
        var scheme = Input.Id is { } id
            ? await db.Set<AssessmentScheme>().Include(s => s.Indicators).FirstOrDefaultAsync(s => s.Id == id, ct)
            : new AssessmentScheme { CreatedAt = clock.GetUtcNow().ToUniversalTime(), CreatedBy = User.Identity?.Name ?? "admin" };
        if (scheme is null) return NotFound();
        var errors = await AssessmentEndpoints.ApplyAsync(db, scheme, input, ct);
        if (errors.Any)
        {
            FieldErrors = errors.ToDictionary().ToDictionary(e => e.Key, e => e.Value);
            Error = "考核方案有误：" + string.Join(" ", FieldErrors.SelectMany(e => e.Value));
            Edit = Input.Id;
            await LoadAsync(ct);
            return Page();
        }
        if (scheme.Id == 0) db.Add(scheme);
        await service.SaveAsync(ct);
        Notice = $"已保存考核方案「{scheme.Name}」。";
        return RedirectToPage(new { edit = scheme.Id });
    }

    public Task<IActionResult> OnPostComputeAsync(int scheme, string? period, CancellationToken ct) =>
        RunAsync(service.ComputeAsync(scheme, period ?? "", User.Identity?.Name, ct), "已计算", ct);

    public Task<IActionResult> OnPostPublishAsync(int scheme, string? period, CancellationToken ct) =>
        RunAsync(service.PublishAsync(scheme, period ?? "", User.Identity?.Name ?? "admin", ct), "已发布", ct);

    public Task<IActionResult> OnPostWithdrawAsync(int scheme, string? period, CancellationToken ct) =>
        RunAsync(service.WithdrawAsync(scheme, period ?? "", User.Identity?.Name ?? "admin", ct), "已撤回发布", ct);

    private async Task<IActionResult> RunAsync(Task<AssessmentOutcome> action, string verb, CancellationToken ct)
    {
        var outcome = await action;
        if (outcome is AssessmentOutcome.Done done)
        {
            Notice = $"{verb}「{done.Ranking.Scheme.Name}」{done.Ranking.PeriodLabel}：{done.Ranking.Groups.Sum(g => g.Units.Count)} 个单位。";
            return RedirectToPage();
        }
        Error = outcome switch
        {
            AssessmentOutcome.NotFound n => n.Detail,
            AssessmentOutcome.Invalid i => i.Detail,
            AssessmentOutcome.Conflict c => c.Detail,
            _ => "操作失败。",
        };
        await LoadAsync(ct);
        return Page();
    }
}
