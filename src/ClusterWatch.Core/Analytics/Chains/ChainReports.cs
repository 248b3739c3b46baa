using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterWatch.Core.Analytics.Chains;

/// <summary>
/// The chain map of a region: per link its enterprises (registered in the region), revenue in the latest year with figures,
/// leading firms, location quotient against the benchmark with its class and rule, and for weak or missing links the 招商清单.
/// Counts are GROUP BY queries over the materialised mappings; results are cached until the data changes (AggregateCache).
/// </summary>
public sealed class ChainReports(AppDbContext db, IOptions<ChainOptions> options, TimeProvider clock, AggregateCache? cache = null)
{
    public const string DirectoryBenchmark = "directory";
    public const string DefaultRegionCode = "440300";
    private const decimal WanPerYi = 10_000m;
    /// <summary>How many years back from the newest figures the revenue year is looked for.</summary>
    private const int MaxYearsBack = 20;
    private ChainOptions Options => options.Value;

    public int DefaultYear => clock.GetUtcNow().Year;

    /// <summary>A region by code (440300, 4403DP) or name (深圳市, 深圳); a current region wins over a historical one.</summary>
    public async Task<Region?> FindRegionAsync(string text, CancellationToken ct)
    {
        var t = text.Trim();
        if (t.Length == 0) return null;
        var candidates = await db.Regions.AsNoTracking()
            .Where(r => r.Code == t || r.Name == t || r.Name == t + "市" || r.Name == t + "区" || r.Name == t + "省").ToListAsync(ct);
        return candidates.OrderBy(r => r.Code == t ? 0 : 1).ThenBy(r => r.ValidToYear is null ? 0 : 1).ThenBy(r => r.Level).ThenBy(r => r.Id).FirstOrDefault();
    }

    public async Task<IReadOnlyList<IndustryChain>> ChainsAsync(CancellationToken ct) =>
        await db.Set<IndustryChain>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);

    public async Task<ChainOverview> OverviewAsync(Region region, Region? benchmark, int year, CancellationToken ct) =>
        await CachedAsync($"overview|{region.Id}|{benchmark?.Id}|{year}|{Options.StrongAtOrAbove}", async () =>
        {
            var context = await ContextAsync(region, benchmark, ct);
            var chains = await ChainsAsync(ct);
            var links = await db.Set<ChainLink>().AsNoTracking().ToListAsync(ct);
            var summaries = new List<ChainSummary>();
            foreach (var chain in chains)
            {
                var chainLinks = links.Where(l => l.ChainId == chain.Id).ToList();
                var counts = await CountsAsync(context, chainLinks, ct);
                var classes = chainLinks.Select(l => Classify(l, counts, context).Class).ToList();
                summaries.Add(new ChainSummary(chain.Id, chain.Code, chain.Name, chain.NameEn, chain.Description, chainLinks.Count, counts.RegionInChain,
                    new ChainClassCounts(classes.Count(c => c == LinkClass.Strong), classes.Count(c => c == LinkClass.Weak), classes.Count(c => c == LinkClass.Missing))));
            }
            return new ChainOverview(context.RegionRef, context.BenchmarkRef, year, context.Synthetic, DataNote(context.Synthetic),
                Options.StrongAtOrAbove, summaries);
        });

    public async Task<ChainDetail?> DetailAsync(int chainId, Region region, Region? benchmark, int year, CancellationToken ct)
    {
        var chain = await db.Set<IndustryChain>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct);
        if (chain is null) return null;
        return await CachedAsync($"detail|{chainId}|{region.Id}|{benchmark?.Id}|{year}|{Options.StrongAtOrAbove}|{Options.LeadingFirms}", async () =>
        {
            var context = await ContextAsync(region, benchmark, ct);
            var links = await db.Set<ChainLink>().AsNoTracking().Where(l => l.ChainId == chainId)
                .OrderBy(l => l.Stage).ThenBy(l => l.SortOrder).ToListAsync(ct);
            var counts = await CountsAsync(context, links, ct);
            var linkIds = links.Select(l => l.Id).ToList();
            var synthetic = context.Synthetic;
            var regionIds = context.RegionIds;

            // One pass over the region's mapped firms with their revenue of the latest year with figures (newest year first).
            var revenue = new Dictionary<int, decimal>();
            var leaders = new Dictionary<int, List<ChainLeadingFirm>>();
            int? revenueYear = null;
            var newest = await db.EnterpriseFigures.AsNoTracking().Where(f => f.Year <= year && f.Quarter == 0).MaxAsync(f => (int?)f.Year, ct);
            for (var candidate = newest ?? 0; newest is not null && candidate > newest - MaxYearsBack; candidate--)
            {
                var rows = await (from m in db.Set<EnterpriseChainLink>()
                                  join e in db.Enterprises on m.EnterpriseId equals e.Id
                                  join f in db.EnterpriseFigures on e.Id equals f.EnterpriseId
                                  where linkIds.Contains(m.LinkId) && e.IsSynthetic == synthetic && regionIds.Contains(e.RegisteredRegionId)
                                        && f.Year == candidate && f.Quarter == 0
                                  select new { m.LinkId, e.Id, e.CreditCode, e.Name, Revenue = (double)f.Revenue }).ToListAsync(ct);
                if (rows.Count == 0)
                {
                    if (counts.RegionInChain == 0) break; // no firm in the chain: no year will have figures
                    continue;
                }
                revenueYear = candidate;
                foreach (var group in rows.GroupBy(r => r.LinkId))
                {
                    revenue[group.Key] = Yi(group.Sum(r => (decimal)r.Revenue));
                    leaders[group.Key] = group.OrderByDescending(r => r.Revenue).ThenBy(r => r.Id).Take(Options.LeadingFirms)
                        .Select(r => new ChainLeadingFirm(r.Id, r.CreditCode, r.Name, Yi((decimal)r.Revenue), $"/Enterprises/{Uri.EscapeDataString(r.CreditCode)}")).ToList();
                }
                break;
            }
            var directory = await DirectoryRowsAsync(linkIds, ct);

            var reports = new List<ChainLinkReport>();
            foreach (var link in links)
            {
                var lq = Classify(link, counts, context);
                var attraction = lq.Class == LinkClass.Strong ? [] : AttractionList(directory[link.Id], context);
                var industryCodes = ChainLink.Split(link.IndustryCodes);
                reports.Add(new ChainLinkReport(link.Id, link.Code, StageKey(link.Stage), StageName(link.Stage), link.Name, link.NameEn, link.Definition,
                    industryCodes, industryCodes.Select(c => IndustryTaxonomy.Find(c)?.Name ?? c).ToList(), ChainLink.Split(link.Keywords), ChainLink.Split(link.IpcCodes),
                    link.SourcePlan, link.SourceQuote,
                    counts.RegionByLink.GetValueOrDefault(link.Id), counts.BenchmarkByLink.GetValueOrDefault(link.Id),
                    revenue.GetValueOrDefault(link.Id), leaders.GetValueOrDefault(link.Id) ?? [],
                    lq.Value, lq.Text, ClassKey(lq.Class), LocationQuotient.Label(lq.Class), lq.Rule, attraction));
            }
            return new ChainDetail(chain.Id, chain.Code, chain.Name, chain.NameEn, chain.Description, context.RegionRef, context.BenchmarkRef,
                year, revenueYear, synthetic, DataNote(synthetic), counts.RegionInChain, counts.BenchmarkInChain, Options.StrongAtOrAbove,
                MethodText(context), reports);
        });
    }

    /// <summary>The link's 招商清单 for the region, whatever its class (the XLSX export); null when the link is not in the chain.</summary>
    public async Task<(ChainLink Link, IReadOnlyList<AttractionCandidate> Items)?> AttractionAsync(int chainId, int linkId, Region region, CancellationToken ct)
    {
        var link = await db.Set<ChainLink>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == linkId && l.ChainId == chainId, ct);
        if (link is null) return null;
        var context = await ContextAsync(region, null, ct);
        return (link, AttractionList((await DirectoryRowsAsync([linkId], ct))[linkId], context));
    }

    public static IReadOnlyList<AttractionCandidate> Sort(IReadOnlyList<AttractionCandidate> items, string? sort, bool descending)
    {
        Func<AttractionCandidate, string> key = (sort ?? "").Trim().ToLowerInvariant() switch
        {
            "name" => c => c.Name,
            "city" => c => c.City ?? "",
            "board" => c => c.Board ?? "",
            "listdate" => c => c.ListDate ?? "",
            _ => c => c.StockCode,
        };
        var ordered = descending ? items.OrderByDescending(key, StringComparer.Ordinal) : items.OrderBy(key, StringComparer.Ordinal);
        return ordered.ThenBy(c => c.TsCode, StringComparer.Ordinal).ToList();
    }

    public static readonly IReadOnlyList<string> SortKeys = ["stockCode", "name", "city", "board", "listDate"];

    public static string StageKey(ChainStage s) => s.ToString().ToLowerInvariant();
    public static string StageName(ChainStage s) => s switch { ChainStage.Upstream => "上游", ChainStage.Midstream => "中游", _ => "下游" };
    public static string ClassKey(LinkClass c) => c.ToString().ToLowerInvariant();

    private sealed record Context(Region Region, ChainRegionRef RegionRef, List<int> RegionIds, Region? Benchmark, ChainBenchmarkRef BenchmarkRef,
        List<int> BenchmarkIds, bool Synthetic, HashSet<string> RegionCodes);

    private sealed record Counts(Dictionary<int, int> RegionByLink, int RegionInChain, Dictionary<int, int> BenchmarkByLink, int BenchmarkInChain);

    private async Task<Context> ContextAsync(Region region, Region? benchmark, CancellationToken ct)
    {
        var scopes = new RegionScopes(await db.Regions.AsNoTracking().Select(r => new RegionNode(r.Id, r.Code, r.Name, r.ParentId, r.SuccessorId, r.SeriesCode)).ToListAsync(ct));
        var regionIds = scopes.Within(region.Id).ToList();
        var codes = regionIds.Select(id => scopes.Find(id)?.Code).OfType<string>().ToHashSet();
        // Real and synthetic enterprises are never mixed: real ones are used as soon as any real firm is mapped to a link.
        var synthetic = !await (from m in db.Set<EnterpriseChainLink>() join e in db.Enterprises on m.EnterpriseId equals e.Id where !e.IsSynthetic select m).AnyAsync(ct);
        var benchmarkRef = benchmark is null
            ? new ChainBenchmarkRef(DirectoryBenchmark, DirectoryBenchmark, "上市公司名录", "名录中在上市的生物医药公司（化学制药、生物制药、中成药、医疗保健、医药商业），真实数据")
            : new ChainBenchmarkRef("region", benchmark.Code, benchmark.Name, $"{benchmark.Name}企业信息库中注册的企业{(synthetic ? "（示例数据）" : "")}");
        return new Context(region, new ChainRegionRef(region.Code, region.Name), regionIds, benchmark, benchmarkRef,
            benchmark is null ? [] : scopes.Within(benchmark.Id).ToList(), synthetic, codes);
    }

    private async Task<Counts> CountsAsync(Context context, IReadOnlyList<ChainLink> links, CancellationToken ct)
    {
        var linkIds = links.Select(l => l.Id).ToList();
        var (regionByLink, regionInChain) = await EnterpriseCountsAsync(linkIds, context.RegionIds, context.Synthetic, ct);
        if (context.Benchmark is not null)
        {
            var (byLink, inChain) = await EnterpriseCountsAsync(linkIds, context.BenchmarkIds, context.Synthetic, ct);
            return new Counts(regionByLink, regionInChain, byLink, inChain);
        }
        var directory = from m in db.Set<DirectoryChainLink>()
                        join c in db.DirectoryCompanies on m.DirectoryCompanyId equals c.Id
                        where linkIds.Contains(m.LinkId) && c.IsBiomedical && c.Status == "L"
                        select m;
        var benchmarkByLink = await directory.GroupBy(m => m.LinkId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var benchmarkInChain = await directory.Select(m => m.DirectoryCompanyId).Distinct().CountAsync(ct);
        return new Counts(regionByLink, regionInChain, benchmarkByLink, benchmarkInChain);
    }

    private async Task<(Dictionary<int, int> ByLink, int InChain)> EnterpriseCountsAsync(List<int> linkIds, List<int> regionIds, bool synthetic, CancellationToken ct)
    {
        var mapped = from m in db.Set<EnterpriseChainLink>()
                     join e in db.Enterprises on m.EnterpriseId equals e.Id
                     where linkIds.Contains(m.LinkId) && e.IsSynthetic == synthetic && regionIds.Contains(e.RegisteredRegionId)
                     select m;
        var byLink = await mapped.GroupBy(m => m.LinkId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var inChain = await mapped.Select(m => m.EnterpriseId).Distinct().CountAsync(ct);
        return (byLink, inChain);
    }

    private LocationQuotientResult Classify(ChainLink link, Counts counts, Context context) =>
        LocationQuotient.Classify(counts.RegionByLink.GetValueOrDefault(link.Id), counts.RegionInChain,
            counts.BenchmarkByLink.GetValueOrDefault(link.Id), counts.BenchmarkInChain, Options.StrongAtOrAbove,
            context.Benchmark is null ? "名录" : context.Benchmark.Name);

    private sealed record DirectoryRow(int LinkId, Enterprises.DirectoryCompany Company, ChainMatch MatchedBy);

    /// <summary>The listed biomedical companies mapped to the links, by link.</summary>
    private async Task<ILookup<int, DirectoryRow>> DirectoryRowsAsync(List<int> linkIds, CancellationToken ct) =>
        (await (from m in db.Set<DirectoryChainLink>()
                join c in db.DirectoryCompanies on m.DirectoryCompanyId equals c.Id
                where linkIds.Contains(m.LinkId) && c.IsBiomedical && c.Status == "L"
                select new DirectoryRow(m.LinkId, c, m.MatchedBy)).AsNoTracking().ToListAsync(ct)).ToLookup(r => r.LinkId);

    /// <summary>Companies of the link whose city or district is not in the region (no known place counts as outside).</summary>
    private static IReadOnlyList<AttractionCandidate> AttractionList(IEnumerable<DirectoryRow> rows, Context context)
    {
        var province = context.Region.Level == RegionLevel.Province ? context.Region.Name.Replace("省", "") : null;
        var items = rows
            .Where(r => !(r.Company.CityCode is { } city && context.RegionCodes.Contains(city))
                && !(r.Company.DistrictCode is { } district && context.RegionCodes.Contains(district))
                && !(province is not null && (r.Company.Area == province || (context.Region.Code == "440000" && r.Company.Area == "深圳"))))
            .Select(r => new AttractionCandidate(r.Company.TsCode, r.Company.TsCode.Split('.')[0], r.Company.Name, r.Company.FullName,
                r.Company.City ?? r.Company.Area, r.Company.CityCode, r.Company.Board, FormatDate(r.Company.ListDate), r.Company.Industry,
                r.MatchedBy.ToString().ToLowerInvariant()))
            .ToList();
        return Sort(items, null, false);
    }

    private static decimal Yi(decimal wan) => Math.Round(wan / WanPerYi, 2, MidpointRounding.AwayFromZero);

    private static string? FormatDate(string? yyyymmdd) =>
        yyyymmdd is { Length: 8 } d && d.All(char.IsAsciiDigit) ? $"{d[..4]}-{d[4..6]}-{d[6..]}" : yyyymmdd;

    private static string DataNote(bool synthetic) => synthetic
        ? "示例数据：企业库中只有合成的示例企业，本页企业数、营业收入和龙头企业均为示例数据；对标名录和招商清单为真实上市公司。"
        : "企业库真实数据（按注册地统计）；对标名录和招商清单为真实上市公司。";

    private string MethodText(Context context) =>
        $"企业按子行业代码、名称关键词或专利 IPC 分类号归入环节（一家企业可属多个环节），按注册地统计。区位熵 =（本地区该环节企业数 ÷ 本地区该链企业数）÷（{context.BenchmarkRef.Name}该环节企业数 ÷ {context.BenchmarkRef.Name}该链企业数）；" +
        $"区位熵 ≥ {Options.StrongAtOrAbove:0.00} 为强，低于为弱，本地区没有企业为缺失；基准在该环节没有企业时无法计算，本地区有企业即判为强。营业收入取所选年份及以前最近一个有数据的年度，单位亿元。";

    private async Task<T> CachedAsync<T>(string key, Func<Task<T>> compute) where T : class
    {
        if (cache is null) return await compute();
        var version = await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
        return await cache.GetOrAddAsync(version, "chains|" + key, compute);
    }
}
