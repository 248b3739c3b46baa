using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Plans;

public static class IndicatorsEndpoints
{
    public static void MapIndicators(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var group = reads.MapGroup("/indicators").WithTags("Indicators");
        group.MapGet("/", ListIndicators).WithName("ListIndicators");
        group.MapGet("/{id:int}", GetIndicator).WithName("GetIndicator");
        var edit = writes.MapGroup("/indicators").WithTags("Indicators");
        edit.MapPost("/", CreateIndicator);
        edit.MapPut("/{id:int}", UpdateIndicator);
    }

    public static async Task<Results<Ok<PagedList<IndicatorDto>>, ValidationProblem>> ListIndicators(AppDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var query = db.Indicators.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(i => i.Name.Contains(q.Trim()));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(i => i.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<IndicatorDto>(items.Select(IndicatorDto.From).ToList(), total, paging.Page, paging.PageSize));
    }

    public static async Task<Results<Ok<IndicatorDto>, ProblemHttpResult>> GetIndicator(AppDbContext db, int id, CancellationToken ct) =>
        await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } indicator
            ? TypedResults.Ok(IndicatorDto.From(indicator))
            : Problems.NotFound($"没有编号为 {id} 的指标。");

    public static async Task<Results<Created<IndicatorDto>, ValidationProblem>> CreateIndicator(AppDbContext db, IndicatorWrite body, CancellationToken ct)
    {
        var indicator = new Indicator();
        var errors = await ApplyAsync(db, indicator, body, ct);
        if (errors.Any) return errors.ToProblem();
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/indicators/{indicator.Id}", IndicatorDto.From(indicator));
    }

    public static async Task<Results<Ok<IndicatorDto>, ValidationProblem, ProblemHttpResult>> UpdateIndicator(AppDbContext db, int id, IndicatorWrite body, CancellationToken ct)
    {
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (indicator is null) return Problems.NotFound($"没有编号为 {id} 的指标。");
        var errors = await ApplyAsync(db, indicator, body, ct);
        if (errors.Any) return errors.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(IndicatorDto.From(indicator));
    }

    /// <summary>Fields left out of a new indicator's body are filled by IndicatorClassifier from its name and unit.</summary>
    public static async Task<FieldErrors> ApplyAsync(AppDbContext db, Indicator indicator, IndicatorWrite body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = body.Name?.Trim() ?? "";
        var unit = body.Unit?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", "指标名称不能为空。");
        else if (name.Length > 128) errors.Add("name", "指标名称不能超过 128 字。");
        if (unit.Length == 0) errors.Add("unit", "单位不能为空。");
        else if (unit.Length > 16) errors.Add("unit", "单位不能超过 16 字。");
        if (body.IndustryCode is { Length: > 32 }) errors.Add("industryCode", "产业代码不能超过 32 字。");
        if (body.TierThreshold is < 0) errors.Add("tierThreshold", "门槛不能为负数。");
        if (body.Kind is { } k && !Enum.IsDefined(k)) errors.Add("kind", "未知的指标类型。");
        if (body.Aggregation is { } a && !Enum.IsDefined(a)) errors.Add("aggregation", "未知的汇总方式。");
        if (body.Caliber is { } c && !Enum.IsDefined(c)) errors.Add("caliber", "未知的统计口径。");
        if (body.Direction is { } d && !Enum.IsDefined(d)) errors.Add("direction", "未知的方向。");
        if (body.Sector is { } s && !Enum.IsDefined(s)) errors.Add("sector", "未知的产业。");
        if (body.Measure is { } m && !Enum.IsDefined(m)) errors.Add("measure", "未知的计算方式。");
        if (!errors.Any && await db.Indicators.AnyAsync(i => i.Name == name && i.Unit == unit && i.Id != indicator.Id, ct))
            errors.Add("name", $"已有名称为“{name}”、单位为“{unit}”的指标。");
        if (errors.Any) return errors;

        var guess = PlanItemImporter.DefaultIndicator(name, unit);
        var isNew = indicator.Id == 0;
        indicator.Name = name;
        indicator.Unit = unit;
        indicator.Kind = body.Kind ?? (isNew ? guess.Kind : indicator.Kind);
        indicator.Aggregation = body.Aggregation ?? (isNew ? guess.Aggregation : indicator.Aggregation);
        indicator.Caliber = body.Caliber ?? (isNew ? guess.Caliber : indicator.Caliber);
        indicator.Direction = body.Direction ?? (isNew ? guess.Direction : indicator.Direction);
        indicator.Sector = body.Sector ?? (isNew ? guess.Sector : indicator.Sector);
        indicator.Measure = body.Measure ?? (isNew ? guess.Measure : indicator.Measure);
        indicator.IndustryCode = body.IndustryCode ?? (isNew ? guess.IndustryCode : indicator.IndustryCode);
        indicator.TierThreshold = body.TierThreshold ?? (isNew ? guess.TierThreshold : indicator.TierThreshold);
        return errors;
    }
}
