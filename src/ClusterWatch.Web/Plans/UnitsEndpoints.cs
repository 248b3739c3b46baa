using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Enterprises;
using ClusterWatch.Web.Regions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Plans;

public static class UnitsEndpoints
{
    public static void MapUnits(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var group = reads.MapGroup("/units").WithTags("Units");
        group.MapGet("/", ListUnits).WithName("ListUnits");
        group.MapGet("/export", ExportUnits).WithName("ExportUnits");
        group.MapGet("/resolve", ResolveUnit).WithName("ResolveUnit");
        group.MapGet("/{id:int}", GetUnit).WithName("GetUnit");

        var edit = writes.MapGroup("/units").WithTags("Units");
        edit.MapPost("/", CreateUnit);
        edit.MapPut("/{id:int}", UpdateUnit);
        edit.MapDelete("/{id:int}", DeleteUnit);
    }

    private static IQueryable<Unit> WithDetails(AppDbContext db) =>
        db.Units.AsNoTracking().Include(u => u.Aliases).Include(u => u.Region).Include(u => u.Successor);

    public static async Task<Results<Ok<PagedList<UnitDto>>, ValidationProblem>> ListUnits(AppDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var query = Filter(db, q);
        var total = await query.CountAsync(ct);
        var ids = await query.OrderBy(u => u.Id).Skip(paging.Skip).Take(paging.PageSize).Select(u => u.Id).ToListAsync(ct);
        var units = await WithDetails(db).Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        var items = units.OrderBy(u => u.Id).Select(UnitDto.From).ToList();
        return TypedResults.Ok(new PagedList<UnitDto>(items, total, paging.Page, paging.PageSize));
    }

    /// <summary>Every unit the list's q matches, as XLSX.</summary>
    public static async Task<FileContentHttpResult> ExportUnits(AppDbContext db, string? q, CancellationToken ct)
    {
        var ids = await Filter(db, q).Select(u => u.Id).ToListAsync(ct);
        var units = (await WithDetails(db).Where(u => ids.Contains(u.Id)).ToListAsync(ct)).OrderBy(u => u.Id).Select(UnitDto.From);
        var sheet = new XlsxSheet("责任单位", ["编号", "全称", "简称", "类型", "地区", "地区代码", "起始年份", "终止年份", "继承单位", "别名"],
            units.Select(u => (IReadOnlyList<object?>)[u.Id, u.FullName, u.ShortName, Pages.Plans.PlanLabels.UnitKind(u.Kind), u.Region?.Name, u.Region?.Code,
                u.ValidFromYear, u.ValidToYear, u.SuccessorName, string.Join("、", u.Aliases)]));
        return TypedResults.File(XlsxWriter.ToBytes([sheet]), EnterprisesEndpoints.XlsxContentType, $"责任单位-{DateTime.Now:yyyyMMdd}.xlsx");
    }

    private static IQueryable<Unit> Filter(AppDbContext db, string? q)
    {
        var query = db.Units.AsNoTracking();
        if (string.IsNullOrWhiteSpace(q)) return query;
        var term = q.Trim();
        return query.Where(u => u.FullName.Contains(term) || u.ShortName.Contains(term) || u.Aliases.Any(a => a.Alias.Contains(term)));
    }

    /// <summary>The unit a plan means by a written name, e.g. 市发展改革委 in 深圳市 (440300).</summary>
    public static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> ResolveUnit(AppDbContext db, string? name, string? region, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            var errors = new FieldErrors();
            errors.Add("name", "请提供单位名称。");
            return errors.ToProblem();
        }
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        Core.Regions.Region? context = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            var found = await RegionLookup.FindAsync(db, region, ct: ct);
            if (found is null) return Problems.NotFound($"没有代码为 {region} 的区划。");
            context = regions.Single(r => r.Id == found.Id);
        }
        var resolver = new UnitResolver(await db.Units.AsNoTracking().Include(u => u.Aliases).ToListAsync(ct), regions);
        var unit = resolver.Resolve(name, context);
        if (unit is null) return Problems.NotFound($"没有名称或别名为“{name}”的单位。");
        return TypedResults.Ok(UnitDto.From(await WithDetails(db).SingleAsync(u => u.Id == unit.Id, ct)));
    }

    public static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetUnit(AppDbContext db, int id, CancellationToken ct)
    {
        var unit = await WithDetails(db).SingleOrDefaultAsync(u => u.Id == id, ct);
        return unit is null ? Problems.NotFound($"没有编号为 {id} 的单位。") : TypedResults.Ok(UnitDto.From(unit));
    }

    public static async Task<Results<Created<UnitDto>, ValidationProblem>> CreateUnit(AppDbContext db, UnitWrite body, CancellationToken ct)
    {
        var unit = new Unit();
        var errors = await ApplyAsync(db, unit, body, ct);
        if (errors.Any) return errors.ToProblem();
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        var dto = UnitDto.From(await WithDetails(db).SingleAsync(u => u.Id == unit.Id, ct));
        return TypedResults.Created($"/api/units/{unit.Id}", dto);
    }

    public static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> UpdateUnit(AppDbContext db, int id, UnitWrite body, CancellationToken ct)
    {
        var unit = await db.Units.Include(u => u.Aliases).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Problems.NotFound($"没有编号为 {id} 的单位。");
        var errors = await ApplyAsync(db, unit, body, ct);
        if (errors.Any) return errors.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UnitDto.From(await WithDetails(db).SingleAsync(u => u.Id == id, ct)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteUnit(AppDbContext db, int id, CancellationToken ct)
    {
        var unit = await db.Units.Include(u => u.Aliases).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return Problems.NotFound($"没有编号为 {id} 的单位。");
        var tasks = await db.TaskAssignments.CountAsync(a => a.UnitId == id, ct);
        if (tasks > 0) return Problems.Conflict($"单位“{unit.FullName}”仍是 {tasks} 项任务的责任单位，不能删除。");
        var predecessors = await db.Units.Where(u => u.SuccessorId == id).Select(u => u.FullName).ToListAsync(ct);
        if (predecessors.Count > 0) return Problems.Conflict($"单位“{unit.FullName}”是 {string.Join("、", predecessors)} 的继承单位，不能删除。");
        db.Units.Remove(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Checks a unit body and copies it onto the entity; aliases are replaced by the given list.</summary>
    public static async Task<FieldErrors> ApplyAsync(AppDbContext db, Unit unit, UnitWrite body, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var fullName = body.FullName?.Trim() ?? "";
        var shortName = string.IsNullOrWhiteSpace(body.ShortName) ? fullName : body.ShortName.Trim();
        if (fullName.Length == 0) errors.Add("fullName", "单位全称不能为空。");
        else if (fullName.Length > 128) errors.Add("fullName", "单位全称不能超过 128 字。");
        if (shortName.Length > 64) errors.Add("shortName", "单位简称不能超过 64 字。");
        if (body.Kind is { } kind && !Enum.IsDefined(kind)) errors.Add("kind", "未知的单位类型。");
        int? regionId = null;
        if (!string.IsNullOrWhiteSpace(body.RegionCode))
        {
            var region = await RegionLookup.FindAsync(db, body.RegionCode, ct: ct);
            if (region is null) errors.Add("regionCode", $"没有代码为 {body.RegionCode} 的区划。");
            else regionId = region.Id;
        }
        foreach (var (field, year) in new[] { ("validFromYear", body.ValidFromYear), ("validToYear", body.ValidToYear) })
            if (year is < PlanValueText.MinYear - 100 or > PlanValueText.MaxYear) errors.Add(field, "年份超出范围。");
        if (body.ValidFromYear is { } from && body.ValidToYear is { } to && to < from) errors.Add("validToYear", "终止年份早于起始年份。");
        if (body.SuccessorId is { } successorId)
        {
            if (unit.Id != 0 && successorId == unit.Id) errors.Add("successorId", "继承单位不能是本单位。");
            else if (!await db.Units.AnyAsync(u => u.Id == successorId, ct)) errors.Add("successorId", $"没有编号为 {successorId} 的单位。");
        }
        var aliases = (body.Aliases ?? []).Select(a => a?.Trim() ?? "").Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < aliases.Count; i++)
            if (aliases[i].Length > 128) errors.Add($"aliases[{i}]", "别名不能超过 128 字。");
        if (errors.Any) return errors;

        unit.FullName = fullName;
        unit.ShortName = shortName;
        unit.Kind = body.Kind ?? unit.Kind;
        unit.RegionId = regionId;
        unit.ValidFromYear = body.ValidFromYear;
        unit.ValidToYear = body.ValidToYear;
        unit.SuccessorId = body.SuccessorId;
        var removed = unit.Aliases.RemoveAll(a => !aliases.Contains(a.Alias));
        var added = aliases.Where(a => unit.Aliases.All(x => x.Alias != a)).ToList();
        foreach (var alias in added) unit.Aliases.Add(new UnitAlias { Alias = alias });
        // The unit itself is recorded as modified, so restoring that audit entry also brings back its aliases.
        if (unit.Id != 0 && (removed > 0 || added.Count > 0) && db.Entry(unit).State == EntityState.Unchanged) db.Entry(unit).State = EntityState.Modified;
        return errors;
    }
}
