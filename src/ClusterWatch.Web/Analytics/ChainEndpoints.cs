using System.Globalization;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Analytics.Chains;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Regions;
using ClusterWatch.Web.Enterprises;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterWatch.Web.Analytics;

/// <summary>/api/chains: the chain map of a region against a benchmark (the directory or another region), and the 招商清单 export.</summary>
public static class ChainEndpoints
{
    public static RouteGroupBuilder MapChains(this RouteGroupBuilder api)
    {
        var chains = api.MapGroup("/chains").WithTags("Chains");
        chains.MapGet("/", ListAsync).WithName("ListChains");
        chains.MapGet("/{id:int}", GetAsync).WithName("GetChain");
        chains.MapGet("/{id:int}/links/{linkId:int}/attraction.xlsx", ExportAttractionAsync).WithName("ExportChainAttractionList");
        return api;
    }

    /// <summary>The parsed query of every chain call: region (default 深圳市), benchmark (null = the directory) and year.</summary>
    public sealed record ChainQuery(Region Region, Region? Benchmark, int Year);

    /// <summary>Checks region/benchmark/year; each bad value is named in a Chinese message under its parameter.</summary>
    public static async Task<(ChainQuery? Query, FieldErrors Errors)> ParseAsync(ChainReports reports, string? region, string? benchmark, string? year, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var regionText = string.IsNullOrWhiteSpace(region) ? ChainReports.DefaultRegionCode : region.Trim();
        var selectedRegion = await reports.FindRegionAsync(regionText, ct);
        if (selectedRegion is null) errors.Add("region", $"参数 region：未找到代码或名称为“{regionText}”的地区。");

        Region? selectedBenchmark = null;
        if (!string.IsNullOrWhiteSpace(benchmark) && !string.Equals(benchmark.Trim(), ChainReports.DirectoryBenchmark, StringComparison.OrdinalIgnoreCase))
        {
            selectedBenchmark = await reports.FindRegionAsync(benchmark, ct);
            if (selectedBenchmark is null)
                errors.Add("benchmark", $"参数 benchmark 应为 directory（上市公司名录）或地区代码，未找到“{benchmark.Trim()}”。");
        }

        var selectedYear = reports.DefaultYear;
        if (!string.IsNullOrWhiteSpace(year) && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out selectedYear)
                                                  || selectedYear is < AnalyticsEndpoints.MinYear or > AnalyticsEndpoints.MaxYear))
            errors.Add("year", $"参数 year 应为 {AnalyticsEndpoints.MinYear}–{AnalyticsEndpoints.MaxYear} 之间的年份，收到“{year}”。");
        return (errors.Any ? null : new ChainQuery(selectedRegion!, selectedBenchmark, selectedYear), errors);
    }

    private static async Task<Results<Ok<ChainOverview>, ValidationProblem>> ListAsync(
        ChainReports reports, string? region, string? benchmark, string? year, CancellationToken ct)
    {
        var (query, errors) = await ParseAsync(reports, region, benchmark, year, ct);
        if (query is null) return errors.ToProblem("查询参数有误");
        return TypedResults.Ok(await reports.OverviewAsync(query.Region, query.Benchmark, query.Year, ct));
    }

    private static async Task<Results<Ok<ChainDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int id, ChainReports reports, AppDbContext db, AggregateCache cache, string? region, string? benchmark, string? year, CancellationToken ct)
    {
        // The same query on the same data version (the default year included) gives the same chain: answer it from the cache.
        var version = await AggregateCache.VersionAsync(db, ct);
        var key = string.Join('\u001f', "chain", id.ToString(CultureInfo.InvariantCulture), region, benchmark, year, reports.DefaultYear.ToString(CultureInfo.InvariantCulture));
        if (cache.TryGetResult<ChainDetail>(version, key, out var cached)) return TypedResults.Ok(cached);
        var (query, errors) = await ParseAsync(reports, region, benchmark, year, ct);
        if (query is null) return errors.ToProblem("查询参数有误");
        var detail = await reports.DetailAsync(id, query.Region, query.Benchmark, query.Year, ct);
        if (detail is not null) cache.SetResult(version, key, detail);
        return detail is null ? Problems.NotFound($"未找到编号为 {id} 的产业链。") : TypedResults.Ok(detail);
    }

    /// <summary>The link's 招商清单 for the region as XLSX, sorted by sort (stockCode, name, city, board, listDate) and desc.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAttractionAsync(
        int id, int linkId, ChainReports reports, string? region, string? sort, bool? desc, CancellationToken ct)
    {
        var (query, errors) = await ParseAsync(reports, region, null, null, ct);
        if (!string.IsNullOrWhiteSpace(sort) && !ChainReports.SortKeys.Contains(sort.Trim(), StringComparer.OrdinalIgnoreCase))
            errors.Add("sort", $"参数 sort 可选：{string.Join("、", ChainReports.SortKeys)}，收到“{sort}”。");
        if (query is null || errors.Any) return errors.ToProblem("查询参数有误");
        var result = await reports.AttractionAsync(id, linkId, query.Region, ct);
        if (result is not { } found) return Problems.NotFound($"产业链 {id} 中没有编号为 {linkId} 的环节。");
        var items = ChainReports.Sort(found.Items, sort, desc ?? false);
        var sheet = new XlsxSheet("招商清单", ["代码", "简称", "全称", "城市", "板块", "上市日期", "行业", "归入依据"],
            items.Select(c => (IReadOnlyList<object?>)[c.StockCode, c.Name, c.FullName, c.City, c.Board, c.ListDate, c.Industry, MatchedByName(c.MatchedBy)]));
        var notes = new XlsxSheet("说明", ["说明"], new[]
        {
            $"环节：{found.Link.Name}（{found.Link.Code}）；地区：{query.Region.Name}（{query.Region.Code}）以外的上市公司。",
            $"环节定义：{found.Link.Definition}",
        }.Concat(DirectoryQuery.SourceNotes).Select(n => (IReadOnlyList<object?>)[n]));
        var bytes = XlsxWriter.ToBytes([sheet, notes]);
        return TypedResults.File(bytes, EnterprisesEndpoints.XlsxContentType, $"招商清单-{found.Link.Name}-{query.Region.Name}.xlsx");
    }

    public static string MatchedByName(string matchedBy) => matchedBy switch
    {
        "industry" => "子行业",
        "keyword" => "名称关键词",
        "ipc" => "IPC 分类号",
        _ => matchedBy,
    };
}
