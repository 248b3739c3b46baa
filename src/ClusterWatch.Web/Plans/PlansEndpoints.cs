using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Regions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Plans;

public static class PlansEndpoints
{
    /// <summary>Plans, their items, indicators, units, audit and imports; every write sits in one group so a policy can be attached there.</summary>
    public static RouteGroupBuilder MapPlans(this RouteGroupBuilder api)
    {
        var writes = api.MapGroup("").WithTags("Editing").RequireAuthorization(Accounts.Policies.Admin);

        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", ListPlans).WithName("ListPlans");
        plans.MapGet("/export", ExportPlans).WithName("ExportPlans");
        plans.MapGet("/{id:int}", GetPlan).WithName("GetPlan");
        var editPlans = writes.MapGroup("/plans").WithTags("Plans");
        editPlans.MapPost("/", CreatePlan);
        editPlans.MapPut("/{id:int}", UpdatePlan);
        editPlans.MapDelete("/{id:int}", DeletePlan);

        PlanItemsEndpoints.MapPlanItems(api, writes);
        IndicatorsEndpoints.MapIndicators(api, writes);
        UnitsEndpoints.MapUnits(api, writes);
        AuditEndpoints.MapAudit(api, writes);
        PlanImportEndpoints.MapPlanImports(api, writes);
        PlanExtractionEndpoints.MapPlanExtraction(api, writes);
        return api;
    }

    private static IQueryable<PlanSummaryDto> Summaries(IQueryable<Plan> plans) =>
        plans.AsNoTracking().OrderBy(p => p.PeriodStart).ThenBy(p => p.Id).Select(p => new PlanSummaryDto(
            p.Id, p.Slug, p.Title, p.Issuer, p.DocNumber,
            p.Region == null ? null : new RegionRef(p.Region.Code, p.Region.Name, p.Region.SeriesCode),
            p.PeriodStart, p.PeriodEnd, p.Status,
            new PlanCounts(p.Targets.Count(), p.Baselines.Count(), p.Allocations.Count(), p.Tasks.Count())));

    public static async Task<Results<Ok<PagedList<PlanSummaryDto>>, ValidationProblem>> ListPlans(AppDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var query = db.Plans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(p => p.Title.Contains(q.Trim()));
        var total = await query.CountAsync(ct);
        var items = await Summaries(query).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<PlanSummaryDto>(items, total, paging.Page, paging.PageSize));
    }

    /// <summary>Every plan the list's q matches, as XLSX.</summary>
    public static async Task<FileContentHttpResult> ExportPlans(AppDbContext db, string? q, CancellationToken ct)
    {
        var query = db.Plans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(p => p.Title.Contains(q.Trim()));
        var items = await Summaries(query).ToListAsync(ct);
        var sheet = new XlsxSheet("规划", ["编号", "标识", "标题", "发布机构", "文号", "地区", "地区代码", "起始年份", "截止年份", "状态", "目标数", "基期值数", "分解数", "任务数"],
            items.Select(p => (IReadOnlyList<object?>)[p.Id, p.Slug, p.Title, p.Issuer, p.DocNumber, p.Region?.Name, p.Region?.Code, p.PeriodStart, p.PeriodEnd,
                Pages.Plans.PlanLabels.Status(p.Status), p.Counts.Targets, p.Counts.Baselines, p.Counts.Allocations, p.Counts.Tasks]));
        return TypedResults.File(XlsxWriter.ToBytes([sheet]), Enterprises.EnterprisesEndpoints.XlsxContentType, $"规划-{DateTime.Now:yyyyMMdd}.xlsx");
    }

    public static async Task<PlanDetailDto?> FindDetailAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var summary = await Summaries(db.Plans.Where(p => p.Id == id)).SingleOrDefaultAsync(ct);
        if (summary is null) return null;
        var extra = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.FullText, p.Source }).SingleAsync(ct);
        return new PlanDetailDto(summary.Id, summary.Slug, summary.Title, summary.Issuer, summary.DocNumber, summary.Region,
            summary.PeriodStart, summary.PeriodEnd, summary.Status, extra.Source, summary.Counts, extra.FullText);
    }

    public static async Task<Results<Ok<PlanDetailDto>, ProblemHttpResult>> GetPlan(AppDbContext db, int id, CancellationToken ct)
    {
        var plan = await FindDetailAsync(db, id, ct);
        return plan is null ? Problems.NotFound($"没有编号为 {id} 的规划。") : TypedResults.Ok(plan);
    }

    public static async Task<Results<Created<PlanDetailDto>, ValidationProblem>> CreatePlan(AppDbContext db, PlanWrite body, CancellationToken ct)
    {
        var plan = new Plan();
        var errors = await ApplyAsync(db, plan, body, ct);
        if (errors.Any) return errors.ToProblem();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/plans/{plan.Id}", (await FindDetailAsync(db, plan.Id, ct))!);
    }

    public static async Task<Results<Ok<PlanDetailDto>, ValidationProblem, ProblemHttpResult>> UpdatePlan(AppDbContext db, int id, PlanWrite body, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return Problems.NotFound($"没有编号为 {id} 的规划。");
        var errors = await ApplyAsync(db, plan, body, ct);
        if (errors.Any) return errors.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await FindDetailAsync(db, id, ct))!);
    }

    /// <summary>Deletes the plan with its items; they are loaded first so each one gets its own audit entry (and can be restored).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePlan(AppDbContext db, int id, CancellationToken ct)
    {
        var plan = await db.Plans.Include(p => p.Targets).Include(p => p.Baselines).Include(p => p.Allocations)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return Problems.NotFound($"没有编号为 {id} 的规划。");
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<FieldErrors> ApplyAsync(AppDbContext db, Plan plan, PlanWrite body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var title = body.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add("title", "标题不能为空。");
        else if (title.Length > 256) errors.Add("title", "标题不能超过 256 字。");
        var slug = string.IsNullOrWhiteSpace(body.Slug) ? (plan.Slug.Length > 0 ? plan.Slug : $"plan-{Guid.NewGuid():N}"[..13]) : body.Slug.Trim();
        if (slug.Length > 128) errors.Add("slug", "标识不能超过 128 字。");
        else if (await db.Plans.AnyAsync(p => p.Slug == slug && p.Id != plan.Id, ct)) errors.Add("slug", $"标识“{slug}”已被其他规划使用。");
        if (body.Issuer is { Length: > 128 }) errors.Add("issuer", "发布机构不能超过 128 字。");
        if (body.DocNumber is { Length: > 64 }) errors.Add("docNumber", "文号不能超过 64 字。");
        if (body.Source is { Length: > 256 }) errors.Add("source", "来源不能超过 256 字。");
        var region = await RegionLookup.FindAsync(db, body.RegionCode, ct: ct);
        if (string.IsNullOrWhiteSpace(body.RegionCode)) errors.Add("regionCode", "请填写规划所属地区的区划代码。");
        else if (region is null) errors.Add("regionCode", $"没有代码为 {body.RegionCode} 的区划。");
        foreach (var (field, year) in new[] { ("periodStart", body.PeriodStart), ("periodEnd", body.PeriodEnd) })
            if (year is < PlanValueText.MinYear or > PlanValueText.MaxYear) errors.Add(field, $"年份须在 {PlanValueText.MinYear}–{PlanValueText.MaxYear} 之间。");
        if (body.PeriodStart is { } start && body.PeriodEnd is { } end && end < start) errors.Add("periodEnd", "结束年份早于开始年份。");
        if (body.Status is { } status && !Enum.IsDefined(status)) errors.Add("status", "未知的状态。");
        if (errors.Any) return errors;

        plan.Title = title;
        plan.Slug = slug;
        plan.Issuer = string.IsNullOrWhiteSpace(body.Issuer) ? null : body.Issuer.Trim();
        plan.DocNumber = string.IsNullOrWhiteSpace(body.DocNumber) ? null : body.DocNumber.Trim();
        plan.Source = string.IsNullOrWhiteSpace(body.Source) ? null : body.Source.Trim();
        plan.RegionId = region!.Id;
        plan.PeriodStart = body.PeriodStart;
        plan.PeriodEnd = body.PeriodEnd;
        plan.Status = body.Status ?? plan.Status;
        if (body.FullText is not null) plan.FullText = body.FullText;
        return errors;
    }
}
