using System.Security.Claims;
using ClusterWatch.Core.Accounts;
using ClusterWatch.Core.Data;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using ClusterWatch.Web.Regions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Plans;

/// <summary>Targets, baselines, allocations and tasks of a plan: lists under /plans/{id}, single items under /targets/{id} etc.</summary>
public static class PlanItemsEndpoints
{
    public static void MapPlanItems(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var plans = reads.MapGroup("/plans/{planId:int}").WithTags("Plans");
        plans.MapGet("/targets", ListTargets).WithName("ListTargets");
        plans.MapGet("/baselines", ListBaselines).WithName("ListBaselines");
        plans.MapGet("/allocations", ListAllocations).WithName("ListAllocations");
        plans.MapGet("/tasks", ListTasks).WithName("ListTasks");
        reads.MapGet("/targets/{id:int}", GetTarget).WithTags("Plans");
        reads.MapGet("/baselines/{id:int}", GetBaseline).WithTags("Plans");
        reads.MapGet("/allocations/{id:int}", GetAllocation).WithTags("Plans");
        reads.MapGet("/tasks/{id:int}", GetTask).WithTags("Plans");

        var editPlans = writes.MapGroup("/plans/{planId:int}").WithTags("Plans");
        editPlans.MapPost("/targets", CreateTarget);
        editPlans.MapPost("/baselines", CreateBaseline);
        editPlans.MapPost("/allocations", CreateAllocation);
        editPlans.MapPost("/tasks", CreateTask);
        writes.MapPut("/targets/{id:int}", UpdateTarget).WithTags("Plans");
        writes.MapDelete("/targets/{id:int}", DeleteTarget).WithTags("Plans");
        writes.MapPut("/baselines/{id:int}", UpdateBaseline).WithTags("Plans");
        writes.MapDelete("/baselines/{id:int}", DeleteBaseline).WithTags("Plans");
        writes.MapPut("/allocations/{id:int}", UpdateAllocation).WithTags("Plans");
        writes.MapDelete("/allocations/{id:int}", DeleteAllocation).WithTags("Plans");
        writes.MapPut("/tasks/{id:int}", UpdateTask).WithTags("Plans");
        writes.MapDelete("/tasks/{id:int}", DeleteTask).WithTags("Plans");
    }

    private static ProblemHttpResult NoPlan(int planId) => Problems.NotFound($"没有编号为 {planId} 的规划。");

    // ---- lists ----

    public static async Task<Results<Ok<PagedList<TargetDto>>, ValidationProblem, ProblemHttpResult>> ListTargets(
        AppDbContext db, int planId, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return NoPlan(planId);
        var query = db.Targets.AsNoTracking().Where(t => t.PlanId == planId);
        if (year is not null) query = query.Where(t => t.Year == year);
        var total = await query.CountAsync(ct);
        var items = await query.Include(t => t.Indicator).Include(t => t.Region).OrderBy(t => t.Year).ThenBy(t => t.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<TargetDto>(items.Select(TargetDto.From).ToList(), total, paging.Page, paging.PageSize));
    }

    public static async Task<Results<Ok<PagedList<BaselineDto>>, ValidationProblem, ProblemHttpResult>> ListBaselines(
        AppDbContext db, int planId, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return NoPlan(planId);
        var query = db.Baselines.AsNoTracking().Where(t => t.PlanId == planId);
        if (year is not null) query = query.Where(t => t.Year == year);
        var total = await query.CountAsync(ct);
        var items = await query.Include(t => t.Indicator).Include(t => t.Region).OrderBy(t => t.Year).ThenBy(t => t.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<BaselineDto>(items.Select(BaselineDto.From).ToList(), total, paging.Page, paging.PageSize));
    }

    public static async Task<Results<Ok<PagedList<AllocationDto>>, ValidationProblem, ProblemHttpResult>> ListAllocations(
        AppDbContext db, int planId, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return NoPlan(planId);
        var query = db.Allocations.AsNoTracking().Where(t => t.PlanId == planId);
        if (year is not null) query = query.Where(t => t.Year == year);
        var total = await query.CountAsync(ct);
        var items = await query.Include(t => t.Indicator).Include(t => t.Region)
            .OrderBy(t => t.Year).ThenBy(t => t.IndicatorId).ThenBy(t => t.Region!.Code).ThenBy(t => t.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<AllocationDto>(items.Select(AllocationDto.From).ToList(), total, paging.Page, paging.PageSize));
    }

    public static async Task<Results<Ok<PagedList<TaskDto>>, ValidationProblem, ProblemHttpResult>> ListTasks(
        AppDbContext db, ClaimsPrincipal user, int planId, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return NoPlan(planId);
        var query = VisibleTasks(db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId), await TaskUnitScopeAsync(db, user, ct));
        var total = await query.CountAsync(ct);
        var items = await query.Include(t => t.Assignments).ThenInclude(a => a.Unit).OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Skip(paging.Skip).Take(paging.PageSize).AsSplitQuery().ToListAsync(ct);
        return TypedResults.Ok(new PagedList<TaskDto>(items.Select(TaskDto.From).ToList(), total, paging.Page, paging.PageSize));
    }

    // ---- single items ----

    private static Task<Target?> LoadTarget(AppDbContext db, int id, CancellationToken ct) =>
        db.Targets.AsNoTracking().Include(t => t.Indicator).Include(t => t.Region).SingleOrDefaultAsync(t => t.Id == id, ct);
    private static Task<Baseline?> LoadBaseline(AppDbContext db, int id, CancellationToken ct) =>
        db.Baselines.AsNoTracking().Include(t => t.Indicator).Include(t => t.Region).SingleOrDefaultAsync(t => t.Id == id, ct);
    private static Task<Allocation?> LoadAllocation(AppDbContext db, int id, CancellationToken ct) =>
        db.Allocations.AsNoTracking().Include(t => t.Indicator).Include(t => t.Region).SingleOrDefaultAsync(t => t.Id == id, ct);
    private static Task<PlanTask?> LoadTask(AppDbContext db, int id, CancellationToken ct) =>
        db.PlanTasks.AsNoTracking().Include(t => t.Assignments).ThenInclude(a => a.Unit).SingleOrDefaultAsync(t => t.Id == id, ct);

    public static async Task<Results<Ok<TargetDto>, ProblemHttpResult>> GetTarget(AppDbContext db, int id, CancellationToken ct) =>
        await LoadTarget(db, id, ct) is { } t ? TypedResults.Ok(TargetDto.From(t)) : Problems.NotFound($"没有编号为 {id} 的目标。");
    public static async Task<Results<Ok<BaselineDto>, ProblemHttpResult>> GetBaseline(AppDbContext db, int id, CancellationToken ct) =>
        await LoadBaseline(db, id, ct) is { } t ? TypedResults.Ok(BaselineDto.From(t)) : Problems.NotFound($"没有编号为 {id} 的基数。");
    public static async Task<Results<Ok<AllocationDto>, ProblemHttpResult>> GetAllocation(AppDbContext db, int id, CancellationToken ct) =>
        await LoadAllocation(db, id, ct) is { } t ? TypedResults.Ok(AllocationDto.From(t)) : Problems.NotFound($"没有编号为 {id} 的目标分解。");
    public static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetTask(AppDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (await LoadTask(db, id, ct) is not { } t) return Problems.NotFound($"没有编号为 {id} 的任务。");
        if (await TaskUnitScopeAsync(db, user, ct) is { } unitIds && !t.Assignments.Any(a => unitIds.Contains(a.UnitId)))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权访问", detail: $"任务 {id} 不属于本单位。");
        return TypedResults.Ok(TaskDto.From(t));
    }

    /// <summary>The units whose tasks the user may see: null for admins and analysts (all), the reporter's unit (and its 各区政府) otherwise.</summary>
    public static async Task<IReadOnlyList<int>?> TaskUnitScopeAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        UnitScope.RestrictedUnitId(user) is int unitId ? await ReporterScope.TaskUnitIdsAsync(db, unitId, ct) : null;

    /// <summary>A reporter (信息员) sees only the tasks assigned to its own unit; admins and analysts see all.</summary>
    public static IQueryable<PlanTask> VisibleTasks(IQueryable<PlanTask> tasks, IReadOnlyList<int>? unitIds) =>
        unitIds is null ? tasks : tasks.Where(t => t.Assignments.Any(a => unitIds.Contains(a.UnitId)));

    // ---- targets ----

    public static async Task<Results<Created<TargetDto>, ValidationProblem, ProblemHttpResult>> CreateTarget(AppDbContext db, int planId, TargetWrite body, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NoPlan(planId);
        var target = new Target { PlanId = planId };
        var errors = await ApplyAsync(db, plan, target, body, ct);
        if (errors.Any) return errors.ToProblem();
        db.Targets.Add(target);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/targets/{target.Id}", TargetDto.From((await LoadTarget(db, target.Id, ct))!));
    }

    public static async Task<Results<Ok<TargetDto>, ValidationProblem, ProblemHttpResult>> UpdateTarget(AppDbContext db, int id, TargetWrite body, CancellationToken ct)
    {
        var target = await db.Targets.Include(t => t.Plan).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return Problems.NotFound($"没有编号为 {id} 的目标。");
        var errors = await ApplyAsync(db, target.Plan!, target, body, ct);
        if (errors.Any) return errors.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TargetDto.From((await LoadTarget(db, id, ct))!));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteTarget(AppDbContext db, int id, CancellationToken ct)
    {
        var target = await db.Targets.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return Problems.NotFound($"没有编号为 {id} 的目标。");
        db.Targets.Remove(target);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<FieldErrors> ApplyAsync(AppDbContext db, Plan plan, Target target, TargetWrite body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var indicator = await CheckIndicatorAsync(db, body.IndicatorId, errors, ct);
        var region = await CheckRegionAsync(db, plan, body.RegionCode, body.RegionName, required: false, errors, ct);
        CheckYear(body.Year, errors);
        if (!PlanValueText.TryParseComparator(body.Comparator, out var comparator))
            errors.Add("comparator", $"无法识别的比较符“{body.Comparator}”，可用：=、>=（≥）、~（约、左右）、<=（≤）。");
        CheckValue("value", body.Value, required: true, errors);
        CheckValue("valueMax", body.ValueMax, required: false, errors);
        if (body.Value is { } v && body.ValueMax is { } max && max < v) errors.Add("valueMax", $"目标上限 {max} 不能小于目标值 {v}。");
        var unit = CheckUnit(body.Unit, indicator, errors);
        if (body.Quote is { Length: > 1000 }) errors.Add("quote", "原文不能超过 1000 字。");
        if (errors.Any) return errors;

        target.IndicatorId = indicator!.Id;
        target.RegionId = region?.Id ?? plan.RegionId;
        target.Year = body.Year!.Value;
        target.Comparator = comparator;
        target.Value = body.Value!.Value;
        target.ValueMax = body.ValueMax;
        target.Unit = unit;
        target.Quote = string.IsNullOrWhiteSpace(body.Quote) ? null : body.Quote.Trim();
        return errors;
    }

    // ---- baselines ----

    public static async Task<Results<Created<BaselineDto>, ValidationProblem, ProblemHttpResult>> CreateBaseline(AppDbContext db, int planId, BaselineWrite body, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NoPlan(planId);
        var baseline = new Baseline { PlanId = planId };
        var errors = await ApplyAsync(db, plan, baseline, body, ct);
        if (errors.Any) return errors.ToProblem();
        db.Baselines.Add(baseline);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/baselines/{baseline.Id}", BaselineDto.From((await LoadBaseline(db, baseline.Id, ct))!));
    }

    public static async Task<Results<Ok<BaselineDto>, ValidationProblem, ProblemHttpResult>> UpdateBaseline(AppDbContext db, int id, BaselineWrite body, CancellationToken ct)
    {
        var baseline = await db.Baselines.Include(t => t.Plan).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (baseline is null) return Problems.NotFound($"没有编号为 {id} 的基数。");
        var errors = await ApplyAsync(db, baseline.Plan!, baseline, body, ct);
        if (errors.Any) return errors.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BaselineDto.From((await LoadBaseline(db, id, ct))!));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteBaseline(AppDbContext db, int id, CancellationToken ct)
    {
        var baseline = await db.Baselines.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (baseline is null) return Problems.NotFound($"没有编号为 {id} 的基数。");
        db.Baselines.Remove(baseline);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<FieldErrors> ApplyAsync(AppDbContext db, Plan plan, Baseline baseline, BaselineWrite body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var indicator = await CheckIndicatorAsync(db, body.IndicatorId, errors, ct);
        var region = await CheckRegionAsync(db, plan, body.RegionCode, body.RegionName, required: false, errors, ct);
        CheckYear(body.Year, errors);
        CheckValue("value", body.Value, required: true, errors);
        var unit = CheckUnit(body.Unit, indicator, errors);
        if (body.Quote is { Length: > 1000 }) errors.Add("quote", "原文不能超过 1000 字。");
        if (errors.Any) return errors;

        baseline.IndicatorId = indicator!.Id;
        baseline.RegionId = region?.Id ?? plan.RegionId;
        baseline.Year = body.Year!.Value;
        baseline.Value = body.Value!.Value;
        baseline.Unit = unit;
        baseline.Quote = string.IsNullOrWhiteSpace(body.Quote) ? null : body.Quote.Trim();
        return errors;
    }

    // ---- allocations ----

    public static async Task<Results<Created<AllocationDto>, ValidationProblem, ProblemHttpResult>> CreateAllocation(AppDbContext db, int planId, AllocationWrite body, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NoPlan(planId);
        var allocation = new Allocation { PlanId = planId };
        var errors = await ApplyAsync(db, plan, allocation, body, ct);
        if (errors.Any) return errors.ToProblem();
        db.Allocations.Add(allocation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/allocations/{allocation.Id}", AllocationDto.From((await LoadAllocation(db, allocation.Id, ct))!));
    }

    public static async Task<Results<Ok<AllocationDto>, ValidationProblem, ProblemHttpResult>> UpdateAllocation(AppDbContext db, int id, AllocationWrite body, CancellationToken ct)
    {
        var allocation = await db.Allocations.Include(t => t.Plan).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (allocation is null) return Problems.NotFound($"没有编号为 {id} 的目标分解。");
        var errors = await ApplyAsync(db, allocation.Plan!, allocation, body, ct);
        if (errors.Any) return errors.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AllocationDto.From((await LoadAllocation(db, id, ct))!));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAllocation(AppDbContext db, int id, CancellationToken ct)
    {
        var allocation = await db.Allocations.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (allocation is null) return Problems.NotFound($"没有编号为 {id} 的目标分解。");
        db.Allocations.Remove(allocation);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<FieldErrors> ApplyAsync(AppDbContext db, Plan plan, Allocation allocation, AllocationWrite body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var indicator = await CheckIndicatorAsync(db, body.IndicatorId, errors, ct);
        var region = await CheckRegionAsync(db, plan, body.RegionCode, body.RegionName, required: true, errors, ct);
        CheckYear(body.Year, errors);
        CheckValue("value", body.Value, required: true, errors);
        var unit = CheckUnit(body.Unit, indicator, errors);
        if (errors.Any) return errors;

        allocation.IndicatorId = indicator!.Id;
        allocation.RegionId = region!.Id;
        allocation.Year = body.Year!.Value;
        allocation.Value = body.Value!.Value;
        allocation.Unit = unit;
        return errors;
    }

    // ---- tasks ----

    public static async Task<Results<Created<TaskDto>, ValidationProblem, ProblemHttpResult>> CreateTask(AppDbContext db, int planId, TaskWrite body, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NoPlan(planId);
        var task = new PlanTask { PlanId = planId, Status = PlanTaskStatus.NotStarted };
        var errors = await ApplyAsync(db, plan, task, body, ct);
        if (errors.Any) return errors.ToProblem();
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/tasks/{task.Id}", TaskDto.From((await LoadTask(db, task.Id, ct))!));
    }

    public static async Task<Results<Ok<TaskDto>, ValidationProblem, ProblemHttpResult>> UpdateTask(AppDbContext db, int id, TaskWrite body, CancellationToken ct)
    {
        var task = await db.PlanTasks.Include(t => t.Plan).Include(t => t.Assignments).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return Problems.NotFound($"没有编号为 {id} 的任务。");
        var errors = await ApplyAsync(db, task.Plan!, task, body, ct);
        if (errors.Any) return errors.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TaskDto.From((await LoadTask(db, id, ct))!));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteTask(AppDbContext db, int id, CancellationToken ct)
    {
        var task = await db.PlanTasks.Include(t => t.Assignments).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return Problems.NotFound($"没有编号为 {id} 的任务。");
        db.PlanTasks.Remove(task);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Checks a task body; units (by written name) replace the assignments only when either list is given.</summary>
    public static async Task<FieldErrors> ApplyAsync(AppDbContext db, Plan plan, PlanTask task, TaskWrite body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var title = body.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add("title", "标题不能为空。");
        else if (title.Length > 256) errors.Add("title", "标题不能超过 256 字。");
        var number = body.Number?.Trim() ?? "";
        if (number.Length > 32) errors.Add("number", "编号不能超过 32 字。");
        if (body.Status is { } status && !Enum.IsDefined(status)) errors.Add("status", "未知的任务状态。");
        List<TaskAssignment>? assignments = null;
        if (body.LeadUnits is not null || body.ParticipantUnits is not null)
        {
            var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
            var resolver = new UnitResolver(await db.Units.AsNoTracking().Include(u => u.Aliases).ToListAsync(ct), regions);
            var planRegion = regions.SingleOrDefault(r => r.Id == plan.RegionId);
            assignments = [];
            foreach (var (names, field, role) in new[] { (body.LeadUnits ?? [], "leadUnits", AssignmentRole.Lead), (body.ParticipantUnits ?? [], "participantUnits", AssignmentRole.Participant) })
            {
                for (var i = 0; i < names.Count; i++)
                {
                    var name = names[i]?.Trim() ?? "";
                    if (name.Length == 0) continue;
                    var unit = resolver.Resolve(name, planRegion);
                    if (unit is null) { errors.Add($"{field}[{i}]", $"未知单位“{name}”：请先在单位库中添加该单位或其别名。"); continue; }
                    if (name.Length > 128) { errors.Add($"{field}[{i}]", "单位名称不能超过 128 字。"); continue; }
                    if (assignments.Any(a => a.UnitId == unit.Id && a.WrittenAs == name)) continue;
                    assignments.Add(new TaskAssignment { UnitId = unit.Id, Role = role, Position = assignments.Count, WrittenAs = name });
                }
            }
            if (!errors.Any && assignments.All(a => a.Role != AssignmentRole.Lead)) errors.Add("leadUnits", "至少需要一个牵头单位。");
        }
        if (errors.Any) return errors;

        task.Title = title;
        task.Number = number;
        task.Text = string.IsNullOrWhiteSpace(body.Text) ? null : body.Text.Trim();
        task.Status = body.Status ?? task.Status;
        if (body.SortOrder is { } sort) task.SortOrder = sort;
        else if (task.Id == 0) task.SortOrder = (await db.PlanTasks.Where(t => t.PlanId == plan.Id).MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 1;
        // Only replace the assignments when they differ, so a status change does not rewrite (and re-audit) every unit.
        if (assignments is not null && !assignments.Select(a => (a.UnitId, a.Role, a.Position, a.WrittenAs))
                .SequenceEqual(task.Assignments.OrderBy(a => a.Position).Select(a => (a.UnitId, a.Role, a.Position, a.WrittenAs))))
        {
            task.Assignments.Clear();
            task.Assignments.AddRange(assignments);
            // The task itself is recorded as modified, so restoring that audit entry also brings back its units.
            if (task.Id != 0 && db.Entry(task).State == EntityState.Unchanged) db.Entry(task).State = EntityState.Modified;
        }
        return errors;
    }

    // ---- shared checks ----

    private static async Task<Indicator?> CheckIndicatorAsync(AppDbContext db, int? indicatorId, FieldErrors errors, CancellationToken ct)
    {
        if (indicatorId is null) { errors.Add("indicatorId", "请选择指标。"); return null; }
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null) errors.Add("indicatorId", $"没有编号为 {indicatorId} 的指标。");
        return indicator;
    }

    private static async Task<Region?> CheckRegionAsync(AppDbContext db, Plan plan, string? code, string? name, bool required, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(name))
        {
            if (required) errors.Add("regionCode", "请填写地区的区划代码。");
            return null;
        }
        var region = await RegionLookup.FindAsync(db, code, name, ct);
        if (region is null)
            errors.Add(string.IsNullOrWhiteSpace(code) ? "regionName" : "regionCode", $"未知地区“{code ?? name}”。");
        return region;
    }

    private static void CheckYear(int? year, FieldErrors errors)
    {
        if (year is null) errors.Add("year", "年份不能为空。");
        else if (year is < PlanValueText.MinYear or > PlanValueText.MaxYear)
            errors.Add("year", $"年份须在 {PlanValueText.MinYear}–{PlanValueText.MaxYear} 之间。");
    }

    private static void CheckValue(string field, decimal? value, bool required, FieldErrors errors)
    {
        if (value is null) { if (required) errors.Add(field, "数值不能为空。"); }
        else if (value < 0) errors.Add(field, "数值不能为负数。");
    }

    private static string CheckUnit(string? unit, Indicator? indicator, FieldErrors errors)
    {
        var result = string.IsNullOrWhiteSpace(unit) ? indicator?.Unit ?? "" : unit.Trim();
        if (result.Length > 16) errors.Add("unit", "单位不能超过 16 字。");
        return result;
    }
}
