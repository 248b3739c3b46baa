using ClusterWatch.Core.Data;
using ClusterWatch.Core.Regions;
using ClusterWatch.Web.Enterprises;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Regions;

public sealed record RegionDto(int Id, string Code, string Name, string? NameEn, RegionLevel Level, string? ParentCode,
    int? ValidFromYear, int? ValidToYear, string? SuccessorCode, string SeriesCode, bool IsOfficialCode, string? Note);

public static class RegionsEndpoints
{
    public static RouteGroupBuilder MapRegions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/regions").WithTags("Regions");
        group.MapGet("/", ListRegions).WithName("ListRegions");
        group.MapGet("/export", ExportRegions).WithName("ExportRegions");
        group.MapGet("/{code}", GetRegion).WithName("GetRegion");
        return api;
    }

    private static IQueryable<RegionDto> Project(IQueryable<Region> regions) =>
        regions.Select(r => new RegionDto(r.Id, r.Code, r.Name, r.NameEn, r.Level, r.Parent != null ? r.Parent.Code : null,
            r.ValidFromYear, r.ValidToYear, r.Successor != null ? r.Successor.Code : null, r.SeriesCode, r.IsOfficialCode, r.Note));

    /// <summary>Children of ?parent=code; without parent and level, the top level (the province).</summary>
    public static async Task<Results<Ok<PagedList<RegionDto>>, ValidationProblem, ProblemHttpResult>> ListRegions(
        AppDbContext db, string? parent, string? level, bool? includeHistorical, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var pagingProblem)) return pagingProblem!;
        var (query, invalid, notFound) = await FilterAsync(db, parent, level, includeHistorical, q, topLevelByDefault: true, ct);
        if (invalid is not null) return invalid;
        if (notFound is not null) return notFound;
        var total = await query.CountAsync(ct);
        var items = await Project(Ordered(query)).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<RegionDto>(items, total, paging.Page, paging.PageSize));
    }

    /// <summary>The list's filters as XLSX; without parent, level and q it holds every region (the whole tree), not just the province.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportRegions(
        AppDbContext db, string? parent, string? level, bool? includeHistorical, string? q, CancellationToken ct)
    {
        var (query, invalid, notFound) = await FilterAsync(db, parent, level, includeHistorical, q, topLevelByDefault: false, ct);
        if (invalid is not null) return invalid;
        if (notFound is not null) return notFound;
        var items = await Project(Ordered(query)).ToListAsync(ct);
        var sheet = new XlsxSheet("行政区划", ["代码", "名称", "英文名称", "级别", "上级代码", "起始年份", "终止年份", "继承区划代码", "统计序列代码", "国标代码", "备注"],
            items.Select(r => (IReadOnlyList<object?>)[r.Code, r.Name, r.NameEn, Pages.Plans.PlanLabels.Level(r.Level), r.ParentCode,
                r.ValidFromYear, r.ValidToYear, r.SuccessorCode, r.SeriesCode, r.IsOfficialCode ? "是" : "否", r.Note]));
        return TypedResults.File(XlsxWriter.ToBytes([sheet]), EnterprisesEndpoints.XlsxContentType, $"行政区划-{DateTime.Now:yyyyMMdd}.xlsx");
    }

    private static IQueryable<Region> Ordered(IQueryable<Region> query) => query.OrderBy(r => r.Code).ThenBy(r => r.ValidToYear != null).ThenBy(r => r.Id);

    private static async Task<(IQueryable<Region> Query, ValidationProblem? Invalid, ProblemHttpResult? NotFound)> FilterAsync(
        AppDbContext db, string? parent, string? level, bool? includeHistorical, string? q, bool topLevelByDefault, CancellationToken ct)
    {
        var query = db.Regions.AsNoTracking();
        RegionLevel? levelFilter = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (!Enum.TryParse<RegionLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                var errors = new FieldErrors();
                errors.Add("level", $"未知的区划级别“{level}”，可选：{string.Join("、", Enum.GetNames<RegionLevel>())}。");
                return (query, errors.ToProblem(), null);
            }
            levelFilter = parsed;
            query = query.Where(r => r.Level == parsed);
        }
        if (!string.IsNullOrWhiteSpace(parent))
        {
            var parentRegion = await RegionLookup.FindAsync(db, parent, ct: ct);
            if (parentRegion is null) return (query, null, Problems.NotFound($"没有代码为 {parent} 的区划。"));
            query = query.Where(r => r.ParentId == parentRegion.Id);
        }
        else if (topLevelByDefault && levelFilter is null && string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(r => r.Level == RegionLevel.Province);
        }
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(r => r.Name.Contains(q.Trim()) || r.Code.StartsWith(q.Trim()));
        if (includeHistorical != true) query = query.Where(r => r.ValidToYear == null);
        return (query, null, null);
    }

    public static async Task<Results<Ok<RegionDto>, ProblemHttpResult>> GetRegion(AppDbContext db, string code, CancellationToken ct)
    {
        var region = await RegionLookup.FindAsync(db, code, ct: ct);
        if (region is null) return Problems.NotFound($"没有代码为 {code} 的区划。");
        var dto = await Project(db.Regions.AsNoTracking().Where(r => r.Id == region.Id)).SingleAsync(ct);
        return TypedResults.Ok(dto);
    }
}
