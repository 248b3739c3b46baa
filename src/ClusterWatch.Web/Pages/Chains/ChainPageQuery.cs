using ClusterWatch.Core.Analytics.Chains;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Regions;
using ClusterWatch.Web.Analytics;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Chains;

/// <summary>The selectors both chain pages share: region, benchmark, year, and the regions to choose from (Guangdong, current).</summary>
public sealed class ChainPageQuery
{
    public string Region { get; private set; } = ChainReports.DefaultRegionCode;
    public string Benchmark { get; private set; } = ChainReports.DirectoryBenchmark;
    public int Year { get; private set; }
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public ChainEndpoints.ChainQuery? Query { get; private set; }

    public const int FirstYear = 2008;

    public static async Task<ChainPageQuery> LoadAsync(AppDbContext db, ChainReports reports, string? region, string? benchmark, string? year, CancellationToken ct)
    {
        var (query, errors) = await ChainEndpoints.ParseAsync(reports, region, benchmark, year, ct);
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.ValidToYear == null && r.Code.StartsWith("44") && r.Level != RegionLevel.Country).OrderBy(r => r.Code).ToListAsync(ct);
        return new ChainPageQuery
        {
            Query = query,
            Errors = errors.ToDictionary().SelectMany(e => e.Value).ToList(),
            Region = query?.Region.Code ?? region ?? ChainReports.DefaultRegionCode,
            Benchmark = query?.Benchmark?.Code ?? ChainReports.DirectoryBenchmark,
            Year = query?.Year ?? reports.DefaultYear,
            Regions = regions,
            Years = Enumerable.Range(FirstYear, Math.Max(1, reports.DefaultYear - FirstYear + 1)).Reverse().ToList(),
        };
    }

    /// <summary>Indented option text: districts under their city.</summary>
    public static string OptionText(Region r) => (r.Level >= RegionLevel.District ? "　" : "") + $"{r.Name}（{r.Code}）";

    public string QueryString(int? chainId = null) =>
        (chainId is null ? "?" : $"?id={chainId}&") + $"region={Uri.EscapeDataString(Region)}&benchmark={Uri.EscapeDataString(Benchmark)}&year={Year}";
}
