using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Enterprises.Import;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Enterprises;

public sealed record ProductionSiteDto(RegionDto Region, decimal Share);
public sealed record PoolDto(CultivationPool Pool, string Label, int FromYear, int? ToYear);
public sealed record FigureDto(int Year, int Quarter, decimal Revenue, decimal OutputValue, decimal RdExpense, int Employees, int InventionPatents);

public sealed record EnterpriseDetails(
    int Id, string CreditCode, string Name, RegionDto Region, IndustryDto Industry, ListingStatus ListingStatus, string? StockCode,
    int? FoundedYear, bool IsSynthetic, IReadOnlyList<PoolDto> Pools, IReadOnlyList<ProductionSiteDto> ProductionSites,
    IReadOnlyList<FigureDto> YearlyFigures, IReadOnlyList<FigureDto> QuarterlyFigures);

public static class EnterprisesEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapEnterprises(this RouteGroupBuilder api)
    {
        var enterprises = api.MapGroup("/enterprises").WithTags("Enterprises");
        enterprises.MapGet("/", ListAsync).WithName("ListEnterprises");
        enterprises.MapGet("/export", ExportAsync).WithName("ExportEnterprises");
        enterprises.MapGet("/{creditCode}", GetAsync).WithName("GetEnterprise");

        var imports = api.MapGroup("/imports/enterprises").WithTags("Enterprises");
        imports.MapPost("/", ImportAsync).WithName("ImportEnterprises").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(TabularFileReader.MaxBytes + 1024 * 1024));
        imports.MapGet("/template", Template).WithName("EnterpriseImportTemplate");

        api.MapDirectory();
        return api;
    }

    private static EnterpriseFilter Filter(string? region, string? industry, int? tier, string? pool, string? q, bool? synthetic, int? year, string? creditGrade) =>
        new(region, industry, tier, pool, q, synthetic, year) { CreditGrade = creditGrade };

    private static async Task<Results<Ok<EnterprisePage>, ValidationProblem>> ListAsync(
        AppDbContext db, string? region, string? industry, int? tier, string? pool, string? q, bool? synthetic, int? year, string? creditGrade,
        int? page, int? pageSize, CancellationToken ct)
    {
        var (result, errors) = await new EnterpriseListQuery(db).PageAsync(Filter(region, industry, tier, pool, q, synthetic, year, creditGrade), page ?? 1, pageSize ?? 50, ct);
        return result is null ? TypedResults.ValidationProblem(errors, title: "查询条件有误") : TypedResults.Ok(result);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        AppDbContext db, string? region, string? industry, int? tier, string? pool, string? q, bool? synthetic, int? year, string? creditGrade, CancellationToken ct)
    {
        var (items, listYear, errors) = await new EnterpriseListQuery(db).AllAsync(Filter(region, industry, tier, pool, q, synthetic, year, creditGrade), ct);
        if (items is null) return TypedResults.ValidationProblem(errors, title: "查询条件有误");
        var bytes = XlsxWriter.ToBytes([EnterpriseExport.Sheet(items, listYear)]);
        return TypedResults.File(bytes, XlsxContentType, $"企业名录-{DateTime.Now:yyyyMMdd}.xlsx");
    }

    private static async Task<Results<Ok<EnterpriseDetails>, ProblemHttpResult>> GetAsync(AppDbContext db, string creditCode, CancellationToken ct)
    {
        var details = await LoadDetailsAsync(db, creditCode, ct);
        return details is null
            ? TypedResults.Problem(title: "未找到企业", detail: $"没有统一社会信用代码为“{creditCode}”的企业", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(details);
    }

    public static async Task<EnterpriseDetails?> LoadDetailsAsync(AppDbContext db, string creditCode, CancellationToken ct)
    {
        var code = CreditCode.Normalize(creditCode);
        var e = await db.Enterprises.AsNoTracking().AsSplitQuery()
            .Include(x => x.RegisteredRegion)
            .Include(x => x.ProductionSites).ThenInclude(s => s.Region)
            .Include(x => x.Pools)
            .Include(x => x.Figures)
            .FirstOrDefaultAsync(x => x.CreditCode == code, ct);
        if (e is null) return null;
        var figures = e.Figures.OrderBy(f => f.Year).ThenBy(f => f.Quarter)
            .Select(f => new FigureDto(f.Year, f.Quarter, f.Revenue, f.OutputValue, f.RdExpense, f.Employees, f.InventionPatents)).ToList();
        return new EnterpriseDetails(e.Id, e.CreditCode, e.Name, new RegionDto(e.RegisteredRegion!.Code, e.RegisteredRegion.Name),
            new IndustryDto(e.IndustryCode, IndustryTaxonomy.Find(e.IndustryCode)?.Name ?? e.IndustryCode), e.ListingStatus, e.StockCode,
            e.FoundedYear, e.IsSynthetic,
            e.Pools.OrderBy(p => p.Pool).ThenBy(p => p.FromYear).Select(p => new PoolDto(p.Pool, EnterpriseImportColumns.PoolLabel(p.Pool), p.FromYear, p.ToYear)).ToList(),
            e.ProductionSites.OrderByDescending(s => s.Share).Select(s => new ProductionSiteDto(new RegionDto(s.Region!.Code, s.Region.Name), s.Share)).ToList(),
            figures.Where(f => f.Quarter == 0).ToList(), figures.Where(f => f.Quarter != 0).ToList());
    }

    private static async Task<Results<Ok<EnterpriseImportResult>, ProblemHttpResult>> ImportAsync(HttpRequest request, AppDbContext db, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return TypedResults.Problem(title: "请以 multipart/form-data 上传文件", detail: "表单字段名为 file", statusCode: StatusCodes.Status400BadRequest);
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return TypedResults.Problem(title: "未收到文件", detail: "请在表单字段 file 中上传 CSV 或 Excel（.xlsx）文件", statusCode: StatusCodes.Status400BadRequest);
        await using var stream = file.OpenReadStream();
        var result = await new EnterpriseImporter(db).ImportAsync(stream, file.FileName, ct);
        return result.Succeeded ? TypedResults.Ok(result) : Rejected(result);
    }

    public static ProblemHttpResult Rejected(EnterpriseImportResult result) => TypedResults.Problem(
        title: "导入失败，未写入任何数据",
        detail: $"文件中有 {result.Errors.Count} 处错误（涉及 {result.Errors.Select(e => e.Row).Distinct().Count()} 行），请修改后重新导入",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });

    private static Results<FileContentHttpResult, ProblemHttpResult> Template([FromQuery] string? format)
    {
        using var memory = new MemoryStream();
        switch ((format ?? "xlsx").ToLowerInvariant())
        {
            case "xlsx":
                EnterpriseImportTemplate.WriteXlsx(memory);
                return TypedResults.File(memory.ToArray(), XlsxContentType, EnterpriseImportTemplate.XlsxFileName);
            case "csv":
                EnterpriseImportTemplate.WriteCsv(memory);
                return TypedResults.File(memory.ToArray(), "text/csv; charset=utf-8", EnterpriseImportTemplate.CsvFileName);
            default:
                return TypedResults.Problem(title: "不支持的模板格式", detail: "format 应为 xlsx 或 csv", statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
