using System.Text.RegularExpressions;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Regions;
using ClusterWatch.Core.Seeding;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Enterprises;

/// <summary>A real listed company of the directory (名录); IsSynthetic is always false, the field is there so clients can treat every list alike.</summary>
public sealed record DirectoryCompanyDto(
    string TsCode, string Name, string? FullName, string? Area, string? City, RegionDto? CityRegion, RegionDto? District,
    string? Industry, bool IsBiomedical, string? ListDate, string? DelistDate, string Status, string StatusLabel, string? Board,
    string? RegisteredAddress, string Source, bool IsSynthetic);

/// <summary>Directory filters as the query string gives them: city/district by 6-digit code or name, status L/D/P or 上市/退市/暂停上市.</summary>
public sealed record DirectoryFilter(string? Q = null, string? City = null, string? District = null, bool? Biomedical = null,
    string? Industry = null, string? Status = null);

/// <summary>Filters, pages and exports the listed-company directory; shared by the API and the Directory page.</summary>
public sealed partial class DirectoryQuery(AppDbContext db)
{
    public const string SheetName = "上市公司名录";

    /// <summary>Where the data comes from and what may be done with it (from SeedData/companies/SOURCES.md).</summary>
    public static readonly IReadOnlyList<string> SourceNotes =
    [
        "真实公开数据，不是示例数据；不与合成演示企业混合。",
        "来源：Tushare Pro stock_basic 全部 A 股列表（2026-03-04 快照，经 GitHub 仓库 AFAN-LIFE/macropage 转存，5,806 行）；深圳证券交易所官方 A 股列表（2025-10-22 下载）补充公司全称、城市、注册地址和板块。",
        "许可：转存仓库为 CC BY 4.0，但内容来自 Tushare Pro，其再分发受 Tushare 条款约束；深交所列表未声明许可。仅供开发和演示使用，正式使用前请从获授权的渠道更新。",
        "区县由注册地址解析（坪山新区、光明新区归入坪山区、光明区），可能有误；行业为 Tushare 行业分类，化学制药、生物制药、中成药、医疗保健、医药商业计为生物医药。",
    ];

    public static readonly IReadOnlyList<string> ExportHeaders =
        ["代码", "简称", "全称", "地区", "城市", "城市代码", "区县", "区县代码", "行业", "生物医药", "上市日期", "退市日期", "状态", "板块", "注册地址", "数据来源"];

    public static string StatusLabel(string status) => status switch
    {
        "L" => Infrastructure.Strings.IsEnglish ? "Listed" : "上市",
        "D" => Infrastructure.Strings.IsEnglish ? "Delisted" : "退市",
        "P" => Infrastructure.Strings.IsEnglish ? "Suspended" : "暂停上市",
        _ => status,
    };

    /// <summary>20181016 → 2018-10-16 (Tushare writes dates as yyyyMMdd).</summary>
    public static string? Date(string? yyyymmdd) =>
        yyyymmdd is { Length: 8 } d && d.All(char.IsAsciiDigit) ? $"{d[..4]}-{d[4..6]}-{d[6..]}" : yyyymmdd;

    public async Task<(PagedList<DirectoryCompanyDto>? Page, FieldErrors Errors)> PageAsync(DirectoryFilter filter, Paging paging, CancellationToken ct)
    {
        var (query, errors) = await FilterAsync(filter, ct);
        if (query is null) return (null, errors);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.TsCode).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return (new PagedList<DirectoryCompanyDto>(await ToDtosAsync(rows, ct), total, paging.Page, paging.PageSize), errors);
    }

    public async Task<(IReadOnlyList<DirectoryCompanyDto>? Items, FieldErrors Errors)> AllAsync(DirectoryFilter filter, CancellationToken ct)
    {
        var (query, errors) = await FilterAsync(filter, ct);
        if (query is null) return (null, errors);
        return (await ToDtosAsync(await query.OrderBy(c => c.TsCode).ToListAsync(ct), ct), errors);
    }

    /// <summary>By ts code (300760.SZ) or, when it names exactly one company, the bare stock code (300760).</summary>
    public async Task<DirectoryCompanyDto?> FindAsync(string code, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var company = await db.DirectoryCompanies.AsNoTracking().FirstOrDefaultAsync(c => c.TsCode == normalized, ct);
        if (company is null && !normalized.Contains('.') && normalized.Length > 0)
        {
            var bySymbol = await db.DirectoryCompanies.AsNoTracking().Where(c => c.TsCode.StartsWith(normalized + ".")).Take(2).ToListAsync(ct);
            if (bySymbol.Count == 1) company = bySymbol[0];
        }
        return company is null ? null : (await ToDtosAsync([company], ct))[0];
    }

    /// <summary>The Tushare industries present in the directory, biomedical ones first.</summary>
    public async Task<IReadOnlyList<string>> IndustriesAsync(CancellationToken ct)
    {
        var industries = await db.DirectoryCompanies.AsNoTracking().Where(c => c.Industry != null).Select(c => c.Industry!).Distinct().ToListAsync(ct);
        return industries.OrderBy(i => DirectorySeed.BiomedicalIndustries.Contains(i) ? 0 : 1).ThenBy(i => i, StringComparer.Ordinal).ToList();
    }

    public static XlsxSheet Sheet(IReadOnlyList<DirectoryCompanyDto> items) => new(SheetName, ExportHeaders, items.Select(c => (IReadOnlyList<object?>)
    [
        c.TsCode, c.Name, c.FullName, c.Area, c.CityRegion?.Name ?? c.City, c.CityRegion?.Code, c.District?.Name, c.District?.Code, c.Industry,
        c.IsBiomedical ? "是" : "否", Date(c.ListDate), Date(c.DelistDate), StatusLabel(c.Status), c.Board, c.RegisteredAddress, c.Source,
    ]));

    public static XlsxSheet NotesSheet() => new("说明", ["说明"], SourceNotes.Select(n => (IReadOnlyList<object?>)[n]));

    private async Task<(IQueryable<DirectoryCompany>? Query, FieldErrors Errors)> FilterAsync(DirectoryFilter filter, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = db.DirectoryCompanies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(c => c.Name.Contains(term) || (c.FullName != null && c.FullName.Contains(term)) || c.TsCode.Contains(upper));
        }

        Region? city = null;
        if (!string.IsNullOrWhiteSpace(filter.City))
        {
            var text = filter.City.Trim();
            city = await FindRegionAsync(text, [RegionLevel.City], null, ct);
            if (city is not null) query = query.Where(c => c.CityCode == city.Code);
            else if (IsCode(text)) errors.Add("city", $"没有代码为 {text} 的城市。");
            else
            {
                // Only Guangdong's cities are in Regions; elsewhere the SZSE city name (北京市) is all there is.
                var withSuffix = text.EndsWith('市') ? text : text + "市";
                query = query.Where(c => c.City == text || c.City == withSuffix);
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            var text = filter.District.Trim();
            var district = await FindRegionAsync(text, [RegionLevel.District, RegionLevel.FunctionalZone], city, ct);
            if (district is null) errors.Add("district", IsCode(text) ? $"没有代码为 {text} 的区县。" : $"未找到名为“{text}”的区县。");
            else query = query.Where(c => c.DistrictCode == district.Code);
        }

        if (filter.Biomedical is bool biomedical) query = query.Where(c => c.IsBiomedical == biomedical);
        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            var industry = filter.Industry.Trim();
            query = query.Where(c => c.Industry == industry);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            var status = ParseStatus(filter.Status);
            if (status is null) errors.Add("status", $"未知的上市状态“{filter.Status.Trim()}”，可选：L（上市）、D（退市）、P（暂停上市）。");
            else query = query.Where(c => c.Status == status);
        }
        return (errors.Any ? null : query, errors);
    }

    public static string? ParseStatus(string text) => text.Trim().ToUpperInvariant() switch
    {
        "L" or "上市" => "L",
        "D" or "退市" => "D",
        "P" or "暂停上市" => "P",
        _ => null,
    };

    private static bool IsCode(string text) => SixDigits().IsMatch(text);

    /// <summary>A region by code or name; a name inside the given city wins, then a current region over a historical one.</summary>
    private async Task<Region?> FindRegionAsync(string text, RegionLevel[] levels, Region? within, CancellationToken ct)
    {
        var query = db.Regions.AsNoTracking().Where(r => levels.Contains(r.Level));
        if (IsCode(text)) query = query.Where(r => r.Code == text);
        else
        {
            var withSuffix = levels.Contains(RegionLevel.City) && !text.EndsWith('市') ? text + "市" : text;
            query = query.Where(r => r.Name == text || r.Name == withSuffix);
        }
        var candidates = await query.ToListAsync(ct);
        return candidates
            .OrderBy(r => within is not null && r.ParentId == within.Id ? 0 : 1)
            .ThenBy(r => r.ValidToYear is null ? 0 : 1)
            .ThenBy(r => r.Code.StartsWith("44", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(r => r.Id)
            .FirstOrDefault();
    }

    private async Task<IReadOnlyList<DirectoryCompanyDto>> ToDtosAsync(IReadOnlyList<DirectoryCompany> rows, CancellationToken ct)
    {
        var codes = rows.SelectMany(c => new[] { c.CityCode, c.DistrictCode }).OfType<string>().Distinct().ToList();
        var names = codes.Count == 0 ? [] : (await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code))
                .Select(r => new { r.Code, r.Name, Current = r.ValidToYear == null }).ToListAsync(ct))
            .OrderBy(r => r.Current ? 0 : 1).GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First().Name);
        RegionDto? Region(string? code) => code is null ? null : new RegionDto(code, names.GetValueOrDefault(code) ?? code);
        return rows.Select(c => new DirectoryCompanyDto(c.TsCode, c.Name, c.FullName, c.Area, c.City, Region(c.CityCode), Region(c.DistrictCode),
            c.Industry, c.IsBiomedical, c.ListDate, c.DelistDate, c.Status, StatusLabel(c.Status), c.Board, c.RegisteredAddress, c.Source,
            IsSynthetic: false)).ToList();
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();
}

public static class DirectoryEndpoints
{
    public static RouteGroupBuilder MapDirectory(this RouteGroupBuilder api)
    {
        var directory = api.MapGroup("/directory").WithTags("Directory");
        directory.MapGet("/", ListAsync).WithName("ListDirectoryCompanies");
        directory.MapGet("/export", ExportAsync).WithName("ExportDirectoryCompanies");
        directory.MapGet("/{tsCode}", GetAsync).WithName("GetDirectoryCompany");
        return api;
    }

    private static async Task<Results<Ok<PagedList<DirectoryCompanyDto>>, ValidationProblem>> ListAsync(
        AppDbContext db, string? q, string? city, string? district, bool? biomedical, string? industry, string? status,
        int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var pagingProblem)) return pagingProblem!;
        var (result, errors) = await new DirectoryQuery(db).PageAsync(new DirectoryFilter(q, city, district, biomedical, industry, status), paging, ct);
        return result is null ? errors.ToProblem("查询条件有误") : TypedResults.Ok(result);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        AppDbContext db, string? q, string? city, string? district, bool? biomedical, string? industry, string? status, CancellationToken ct)
    {
        var (items, errors) = await new DirectoryQuery(db).AllAsync(new DirectoryFilter(q, city, district, biomedical, industry, status), ct);
        if (items is null) return errors.ToProblem("查询条件有误");
        var bytes = XlsxWriter.ToBytes([DirectoryQuery.Sheet(items), DirectoryQuery.NotesSheet()]);
        return TypedResults.File(bytes, EnterprisesEndpoints.XlsxContentType, $"上市公司名录-{DateTime.Now:yyyyMMdd}.xlsx");
    }

    private static async Task<Results<Ok<DirectoryCompanyDto>, ProblemHttpResult>> GetAsync(AppDbContext db, string tsCode, CancellationToken ct)
    {
        var company = await new DirectoryQuery(db).FindAsync(tsCode, ct);
        return company is null ? Problems.NotFound($"名录中没有代码为“{tsCode}”的上市公司。") : TypedResults.Ok(company);
    }
}
