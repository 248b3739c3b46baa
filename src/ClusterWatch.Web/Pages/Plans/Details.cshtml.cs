using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Plans;

public class DetailsModel(AppDbContext db) : PageModel
{
    public PlanDetailDto Plan { get; private set; } = null!;
    public List<TargetDto> Targets { get; private set; } = [];
    public List<BaselineDto> Baselines { get; private set; } = [];
    public List<AllocationDto> Allocations { get; private set; } = [];
    public List<TaskDto> Tasks { get; private set; } = [];

    /// <summary>Columns of the allocation table: year, then indicator, in the order they first appear.</summary>
    public List<(int Year, IndicatorRef Indicator)> AllocationColumns { get; private set; } = [];
    public List<RegionRef> AllocationRows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await PlansEndpoints.FindDetailAsync(db, id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        Targets = (await db.Targets.AsNoTracking().Include(t => t.Indicator).Include(t => t.Region).Where(t => t.PlanId == id)
            .OrderBy(t => t.Year).ThenBy(t => t.Id).ToListAsync(ct)).Select(TargetDto.From).ToList();
        Baselines = (await db.Baselines.AsNoTracking().Include(t => t.Indicator).Include(t => t.Region).Where(t => t.PlanId == id)
            .OrderBy(t => t.Year).ThenBy(t => t.Id).ToListAsync(ct)).Select(BaselineDto.From).ToList();
        var allocations = await db.Allocations.AsNoTracking().Include(t => t.Indicator).Include(t => t.Region).Where(t => t.PlanId == id)
            .OrderBy(t => t.Id).ToListAsync(ct);
        Allocations = allocations.Select(AllocationDto.From).ToList();
        AllocationColumns = Allocations.Select(a => (a.Year, a.Indicator)).DistinctBy(c => (c.Year, c.Indicator.Id))
            .OrderBy(c => c.Year).ToList();
        // The plan's own region (全市 row) goes last, as in the plan's table.
        AllocationRows = allocations.Select(a => a.Region!).DistinctBy(r => r.Id)
            .OrderBy(r => r.Code == plan.Region?.Code ? 1 : 0).ThenBy(r => r.SeriesCode).ThenBy(r => r.Code)
            .Select(r => RegionRef.From(r)!).ToList();
        Tasks = (await PlanItemsEndpoints.VisibleTasks(db.PlanTasks.AsNoTracking().Where(t => t.PlanId == id),
                await PlanItemsEndpoints.TaskUnitScopeAsync(db, User, ct))
            .Include(t => t.Assignments).ThenInclude(a => a.Unit)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id).AsSplitQuery().ToListAsync(ct)).Select(TaskDto.From).ToList();
        return Page();
    }

    public AllocationDto? AllocationAt(RegionRef region, int year, int indicatorId) =>
        Allocations.FirstOrDefault(a => a.Region?.Code == region.Code && a.Region?.Name == region.Name && a.Year == year && a.Indicator.Id == indicatorId);
}
