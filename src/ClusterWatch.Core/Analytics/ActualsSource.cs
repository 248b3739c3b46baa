using ClusterWatch.Core.Analytics.Refresh;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Analytics;

/// <summary>An actual value of an indicator in a region for one year, and where it came from.</summary>
public sealed record ActualPoint(int Year, decimal Value, bool IsSynthetic, string Source);

/// <summary>
/// Actual values per year for indicators: computed ones from enterprise figures, the others from IndicatorValues. Computed
/// ones come from the AnalyticsFacts when those are current for the figures and the indicators ask only standard tiers;
/// otherwise they are aggregated live in the database grouped by year × region × sub-industry (never loading the figures).
/// useFacts: null decides as above, true/false forces one way (tests compare the two).
/// </summary>
public sealed class ActualsSource(AppDbContext db, RegionScopes regions, AggregateCache? cache = null, bool? useFacts = null)
{
    public const string NoDataText = "无数据";
    public const string SyntheticText = "示例数据";

    private sealed record ComputationKey(ComputedMeasure Measure, Caliber Caliber, decimal? ThresholdYi);

    /// <summary>Amount (万元, count or patents) attributed to a region for a year and sub-industry, from real or synthetic enterprises.</summary>
    private sealed record AttributedRow(int Year, int RegionId, string IndustryCode, bool IsSynthetic, decimal Amount);

    /// <summary>
    /// One GROUP BY bucket of yearly figures: year × region × sub-industry × synthetic, with the sums
    /// of every measure and the number of enterprises at or above up to five tier thresholds, by revenue and by output.
    /// Amounts are read as double in SQL (SQLite has no native decimal, and its decimal functions are slow) and rounded back.
    /// </summary>
    private sealed class Bucket
    {
        public int Year { get; init; }
        public int RegionId { get; init; }
        public string IndustryCode { get; init; } = "";
        public bool IsSynthetic { get; init; }
        public double Revenue { get; init; }
        public double Output { get; init; }
        public double Rd { get; init; }
        public double Patents { get; init; }
        public int Revenue0 { get; init; }
        public int Revenue1 { get; init; }
        public int Revenue2 { get; init; }
        public int Revenue3 { get; init; }
        public int Revenue4 { get; init; }
        public int Output0 { get; init; }
        public int Output1 { get; init; }
        public int Output2 { get; init; }
        public int Output3 { get; init; }
        public int Output4 { get; init; }

        public int RevenueTier(int i) => i switch { 0 => Revenue0, 1 => Revenue1, 2 => Revenue2, 3 => Revenue3, _ => Revenue4 };
        public int OutputTier(int i) => i switch { 0 => Output0, 1 => Output1, 2 => Output2, 3 => Output3, _ => Output4 };
    }

    private const int TiersPerQuery = 5;

    private Dictionary<ComputationKey, List<AttributedRow>> _computed = [];
    private readonly Dictionary<ComputationKey, ILookup<int, AttributedRow>> _byRegion = [];
    private List<IndicatorValue> _values = [];
    /// <summary>The data version and year window the computed rows were loaded for, when they come from the cache.</summary>
    private (long Version, string Window)? _cached;

    /// <summary>
    /// Loads what the indicators need for the years fromYear..toYear (and extraYear): one GROUP BY over the yearly figures by registered region,
    /// one over figures LEFT JOIN production sites for production-place sums, and one over the enterprises at or above the
    /// smallest tier for production-place tier counts; each only when an indicator asks for it. Then the IndicatorValues.
    /// </summary>
    public async Task LoadAsync(IEnumerable<Indicator> indicators, int fromYear, int toYear, int? extraYear, CancellationToken ct)
    {
        var list = indicators.ToList();
        var computed = list.Where(i => i.Measure != ComputedMeasure.None).Select(KeyOf).Distinct().ToList();
        var extra = extraYear ?? -1;
        if (computed.Count > 0)
        {
            if (cache is null) await ComputeAsync(computed, fromYear, toYear, extra, 0, ct);
            else
            {
                var version = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
                var keys = string.Join(";", computed.Select(k => $"{k.Measure}/{k.Caliber}/{k.ThresholdYi}").Order(StringComparer.Ordinal));
                _computed = await cache.GetOrAddAsync(version, $"computed|{fromYear}|{toYear}|{extra}|{keys}", async () =>
                {
                    await ComputeAsync(computed, fromYear, toYear, extra, version, ct);
                    return _computed;
                });
                _cached = (version, $"{fromYear}|{toYear}|{extra}|{useFacts}|{keys}");
            }
        }

        var ids = list.Where(i => i.Measure == ComputedMeasure.None).Select(i => i.Id).Distinct().ToList();
        _values = ids.Count == 0 ? [] : await db.IndicatorValues.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && v.Quarter == 0).ToListAsync(ct);
    }

    /// <summary>True when the last refresh covers every audited change of enterprises, figures and production sites.</summary>
    public static async Task<bool> FactsAreCurrentAsync(AppDbContext db, CancellationToken ct)
    {
        var marks = await db.Set<AnalyticsState>().AsNoTracking()
            .Where(s => s.Id == AnalyticsState.FactsMarkId || s.Id == AnalyticsState.SingletonId).Select(s => s.LastAuditId).ToListAsync(ct);
        if (marks.Count == 0) return false;
        var factsUpTo = marks.Max();
        var types = RefreshScopeDeriver.FactEntityTypes;
        return !await db.AuditEntries.AnyAsync(a => a.Id > factsUpTo && types.Contains(a.EntityType), ct);
    }

    private static bool OnlyStandardTiers(List<ComputationKey> computed) =>
        computed.All(k => !IsTier(k.Measure) || k.ThresholdYi is null || RevenueTier.ThresholdsYi.Contains(k.ThresholdYi.Value));

    private async Task ComputeAsync(List<ComputationKey> computed, int fromYear, int toYear, int extraYear, long version, CancellationToken ct)
    {
        _computed = computed.ToDictionary(k => k, _ => new List<AttributedRow>());
        if (OnlyStandardTiers(computed) && (useFacts ?? await FactsAreCurrentAsync(db, ct)))
        {
            await ComputeFromFactsAsync(computed, fromYear, toYear, extraYear, ct);
            return;
        }
        var thresholds = computed.Where(k => IsTier(k.Measure) && k.ThresholdYi is not null).Select(k => k.ThresholdYi!.Value).Distinct().Order().ToList();
        var chunks = thresholds.Chunk(TiersPerQuery).ToList();
        if (chunks.Count == 0) chunks.Add([]);
        var needsPrimary = computed.Any(k => k.Caliber == Caliber.ByProductionPlace && IsTier(k.Measure));
        var needsSplit = computed.Any(k => k.Caliber == Caliber.ByProductionPlace && !IsTier(k.Measure));
        Task<List<Bucket>> Load(string kind, double[]? limits, IQueryable<Bucket> query) =>
            cache is null ? query.ToListAsync(ct)
                : cache.GetOrAddAsync(version, $"{kind}|{fromYear}|{toYear}|{extraYear}|{(limits is null ? "" : string.Join(",", limits.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))))}", () => query.ToListAsync(ct));

        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            var limits = Enumerable.Range(0, TiersPerQuery).Select(i => i < chunk.Length ? (double)RevenueTier.ThresholdInWan(chunk[i]) : double.MaxValue).ToArray();
            foreach (var b in await Load("registration", limits, ByRegistrationQuery(fromYear, toYear, extraYear, limits)))
            {
                if (c == 0) AddSums(Caliber.ByRegistration, b, b.RegionId);
                AddTiers(Caliber.ByRegistration, b, b.RegionId, chunk);
                // Which regions have enterprises reporting that year (0 rather than no data), by production place too.
                if (needsPrimary) AddTiers(Caliber.ByProductionPlace, new Bucket { Year = b.Year, RegionId = b.RegionId, IndustryCode = b.IndustryCode, IsSynthetic = b.IsSynthetic }, b.RegionId, chunk);
            }
            if (needsPrimary && chunk.Length > 0)
                foreach (var b in await Load("primary", limits, ByPrimaryProductionPlaceQuery(fromYear, toYear, extraYear, limits)))
                    AddTiers(Caliber.ByProductionPlace, b, b.RegionId, chunk);
        }
        if (needsSplit)
            foreach (var b in await Load("production", null, ByProductionPlaceQuery(fromYear, toYear, extraYear)))
                AddSums(Caliber.ByProductionPlace, b, b.RegionId);
    }

    /// <summary>
    /// The same rows as the live queries, read from the facts: registration facts give sums and tier counts (and, for tier
    /// counts by production place, the regions that have data that year), split facts the production-place sums, primary
    /// facts the production-place tier counts of buckets with an enterprise at or above the smallest threshold asked for.
    /// </summary>
    private async Task ComputeFromFactsAsync(List<ComputationKey> computed, int fromYear, int toYear, int extraYear, CancellationToken ct)
    {
        var chunk = computed.Where(k => IsTier(k.Measure) && k.ThresholdYi is not null).Select(k => k.ThresholdYi!.Value).Distinct().Order().ToArray();
        var indexes = chunk.Select(t => RevenueTier.ThresholdsYi.ToList().IndexOf(t)).ToArray();
        var needsPrimary = computed.Any(k => k.Caliber == Caliber.ByProductionPlace && IsTier(k.Measure));
        var needsSplit = computed.Any(k => k.Caliber == Caliber.ByProductionPlace && !IsTier(k.Measure));
        var calibers = new List<FactCaliber> { FactCaliber.Registration };
        if (needsSplit) calibers.Add(FactCaliber.ProductionSplit);
        if (needsPrimary && chunk.Length > 0) calibers.Add(FactCaliber.PrimaryProductionPlace);
        var facts = await db.Set<AnalyticsFact>().AsNoTracking()
            .Where(f => f.Quarter == 0 && ((f.Year >= fromYear && f.Year <= toYear) || f.Year == extraYear) && calibers.Contains(f.Caliber))
            .ToListAsync(ct);
        Bucket ToBucket(AnalyticsFact f, bool withTiers) => new()
        {
            Year = f.Year, RegionId = f.RegionId, IndustryCode = f.IndustryCode, IsSynthetic = f.IsSynthetic,
            Revenue = f.Revenue, Output = f.OutputValue, Rd = f.RdExpense, Patents = f.InventionPatents,
            Revenue0 = withTiers && indexes.Length > 0 ? f.RevenueTier(indexes[0]) : 0, Revenue1 = withTiers && indexes.Length > 1 ? f.RevenueTier(indexes[1]) : 0,
            Revenue2 = withTiers && indexes.Length > 2 ? f.RevenueTier(indexes[2]) : 0, Revenue3 = withTiers && indexes.Length > 3 ? f.RevenueTier(indexes[3]) : 0,
            Revenue4 = withTiers && indexes.Length > 4 ? f.RevenueTier(indexes[4]) : 0,
            Output0 = withTiers && indexes.Length > 0 ? f.OutputTier(indexes[0]) : 0, Output1 = withTiers && indexes.Length > 1 ? f.OutputTier(indexes[1]) : 0,
            Output2 = withTiers && indexes.Length > 2 ? f.OutputTier(indexes[2]) : 0, Output3 = withTiers && indexes.Length > 3 ? f.OutputTier(indexes[3]) : 0,
            Output4 = withTiers && indexes.Length > 4 ? f.OutputTier(indexes[4]) : 0,
        };
        foreach (var f in facts)
        {
            switch (f.Caliber)
            {
                case FactCaliber.Registration:
                    var b = ToBucket(f, true);
                    AddSums(Caliber.ByRegistration, b, b.RegionId);
                    AddTiers(Caliber.ByRegistration, b, b.RegionId, chunk);
                    if (needsPrimary) AddTiers(Caliber.ByProductionPlace, new Bucket { Year = b.Year, RegionId = b.RegionId, IndustryCode = b.IndustryCode, IsSynthetic = b.IsSynthetic }, b.RegionId, chunk);
                    break;
                case FactCaliber.ProductionSplit:
                    var split = ToBucket(f, false);
                    AddSums(Caliber.ByProductionPlace, split, split.RegionId);
                    break;
                case FactCaliber.PrimaryProductionPlace:
                    // The live query only sees enterprises at or above the smallest threshold asked for.
                    if (f.RevenueTier(indexes[0]) == 0 && f.OutputTier(indexes[0]) == 0) break;
                    var primary = ToBucket(f, true);
                    AddTiers(Caliber.ByProductionPlace, primary, primary.RegionId, chunk);
                    break;
            }
        }
    }

    private void AddSums(Caliber caliber, Bucket b, int regionId)
    {
        AddRow(new(ComputedMeasure.Revenue, caliber, null), b, regionId, b.Revenue);
        AddRow(new(ComputedMeasure.OutputValue, caliber, null), b, regionId, b.Output);
        AddRow(new(ComputedMeasure.RdExpense, caliber, null), b, regionId, b.Rd);
        AddRow(new(ComputedMeasure.InventionPatents, caliber, null), b, regionId, b.Patents);
    }

    private void AddTiers(Caliber caliber, Bucket b, int regionId, decimal[] thresholds)
    {
        for (var i = 0; i < thresholds.Length; i++)
        {
            AddRow(new(ComputedMeasure.RevenueTierCount, caliber, thresholds[i]), b, regionId, b.RevenueTier(i));
            AddRow(new(ComputedMeasure.OutputTierCount, caliber, thresholds[i]), b, regionId, b.OutputTier(i));
        }
    }

    private void AddRow(ComputationKey key, Bucket b, int regionId, double amount)
    {
        // Only keys some indicator asked for; amounts are 万元 with two decimals (shares add four), so 4 places are exact.
        if (_computed.TryGetValue(key, out var rows))
            rows.Add(new AttributedRow(b.Year, regionId, b.IndustryCode, b.IsSynthetic, Math.Round((decimal)amount, 4, MidpointRounding.AwayFromZero)));
    }

    private static bool IsTier(ComputedMeasure m) => m is ComputedMeasure.RevenueTierCount or ComputedMeasure.OutputTierCount;

    /// <summary>Actuals by year for the indicator in the region (its series and descendants for computed indicators).</summary>
    public IReadOnlyDictionary<int, ActualPoint> For(Indicator indicator, int regionId, string unit) =>
        indicator.Measure == ComputedMeasure.None ? FromValues(indicator, regionId) : Computed(indicator, regionId, unit);

    private static ComputationKey KeyOf(Indicator i) => new(i.Measure, i.Caliber,
        i.Measure is ComputedMeasure.RevenueTierCount or ComputedMeasure.OutputTierCount ? i.TierThreshold : null);

    private Dictionary<int, ActualPoint> Computed(Indicator indicator, int regionId, string unit)
    {
        // The dashboard asks the same series on every request: reuse it until the data changes.
        if (cache is null || _cached is not { } cached) return ComputeSeries(indicator, regionId, unit);
        var key = KeyOf(indicator);
        return cache.GetOrAddSmall(cached.Version, $"series|{cached.Window}|{key}|{regionId}|{unit}|{IndustryScope.For(indicator).RootCode}",
            () => ComputeSeries(indicator, regionId, unit));
    }

    private Dictionary<int, ActualPoint> ComputeSeries(Indicator indicator, int regionId, string unit)
    {
        var key = KeyOf(indicator);
        if (!_computed.TryGetValue(key, out var rows)) return [];
        var result = new Dictionary<int, ActualPoint>();
        if (key.Measure is ComputedMeasure.RevenueTierCount or ComputedMeasure.OutputTierCount && key.ThresholdYi is null) return result;
        if (!_byRegion.TryGetValue(key, out var byRegion)) _byRegion[key] = byRegion = rows.ToLookup(r => r.RegionId);
        var industry = IndustryScope.For(indicator);
        var divisor = IsAmount(key.Measure) && unit != "万元" ? RevenueTier.WanPerYi : 1m;
        // A year without any enterprise of the sub-industry reporting in the region is no data, not zero.
        var inScopeByYear = regions.Within(regionId).SelectMany(r => byRegion[r]).Where(r => industry.Matches(r.IndustryCode)).GroupBy(r => r.Year);
        foreach (var yearRows in inScopeByYear)
        {
            var inScope = yearRows.ToList();
            // Real and synthetic figures are never mixed: real ones win.
            var real = inScope.Where(r => !r.IsSynthetic).ToList();
            var used = real.Count > 0 ? real : inScope;
            var synthetic = used[0].IsSynthetic;
            var value = Trajectory.Trim(Math.Round(used.Sum(r => r.Amount) / divisor, 4, MidpointRounding.AwayFromZero));
            result[yearRows.Key] = new ActualPoint(yearRows.Key, value, synthetic, ComputedSourceText(key, synthetic));
        }
        return result;
    }

    private static bool IsAmount(ComputedMeasure m) => m is ComputedMeasure.Revenue or ComputedMeasure.OutputValue or ComputedMeasure.RdExpense;

    private static string ComputedSourceText(ComputationKey key, bool synthetic)
    {
        var caliber = key.Caliber == Caliber.ByProductionPlace ? "产值发生地" : "注册地";
        var text = key.Measure is ComputedMeasure.RevenueTierCount or ComputedMeasure.OutputTierCount
            ? $"企业数据计数（{caliber}，{(key.Measure == ComputedMeasure.RevenueTierCount ? "营业收入" : "产值")} ≥ {ProgressRules.Format(key.ThresholdYi ?? 0)} 亿元）"
            : $"企业数据汇总（{caliber}）";
        return synthetic ? $"{SyntheticText}：{text}" : text;
    }

    private Dictionary<int, ActualPoint> FromValues(Indicator indicator, int regionId)
    {
        var series = regions.SameSeries(regionId);
        return _values.Where(v => v.IndicatorId == indicator.Id && series.Contains(v.RegionId))
            .GroupBy(v => v.Year)
            .Select(g => g.OrderBy(v => SourcePriority(v)).ThenBy(v => v.RegionId == regionId ? 0 : 1).First())
            .ToDictionary(v => v.Year, v =>
            {
                var synthetic = v.IsSynthetic || v.Source == ValueSource.Synthetic;
                return new ActualPoint(v.Year, v.Value, synthetic, ValueSourceText(v.Source, synthetic));
            });
    }

    /// <summary>Statistics, then submissions, then manual entries; synthetic values only when nothing else exists.</summary>
    private static int SourcePriority(IndicatorValue v) =>
        v.IsSynthetic || v.Source == ValueSource.Synthetic ? 9 : v.Source switch
        {
            ValueSource.Statistics => 0,
            ValueSource.Submission => 1,
            _ => 2,
        };

    private static string ValueSourceText(ValueSource source, bool synthetic)
    {
        var text = source switch
        {
            ValueSource.Statistics => "统计数据",
            ValueSource.Submission => "信息报送",
            ValueSource.Manual => "手工录入",
            _ => SyntheticText,
        };
        return synthetic && source != ValueSource.Synthetic ? $"{SyntheticText}：{text}" : text;
    }

    private IQueryable<EnterpriseFigureRow> YearlyFigures(int fromYear, int toYear, int extraYear) =>
        db.EnterpriseFigures.AsNoTracking()
            .Where(f => f.Quarter == 0 && ((f.Year >= fromYear && f.Year <= toYear) || f.Year == extraYear))
            .Select(f => new EnterpriseFigureRow
            {
                EnterpriseId = f.EnterpriseId, Year = f.Year, RegisteredRegionId = f.Enterprise!.RegisteredRegionId,
                IndustryCode = f.Enterprise.IndustryCode, IsSynthetic = f.Enterprise.IsSynthetic,
                Revenue = (double)f.Revenue, Output = (double)f.OutputValue, Rd = (double)f.RdExpense, Patents = f.InventionPatents,
            });

    private sealed class EnterpriseFigureRow
    {
        public int EnterpriseId { get; init; }
        public int Year { get; init; }
        public int RegisteredRegionId { get; init; }
        public string IndustryCode { get; init; } = "";
        public bool IsSynthetic { get; init; }
        public double Revenue { get; init; }
        public double Output { get; init; }
        public double Rd { get; init; }
        public int Patents { get; init; }
        public int RegionId { get; init; }
    }

    /// <summary>Sums and tier counts by registered region.</summary>
    private IQueryable<Bucket> ByRegistrationQuery(int fromYear, int toYear, int extraYear, double[] t) =>
        YearlyFigures(fromYear, toYear, extraYear)
            .GroupBy(r => new { r.Year, r.RegisteredRegionId, r.IndustryCode, r.IsSynthetic })
            .Select(g => new Bucket
            {
                Year = g.Key.Year, RegionId = g.Key.RegisteredRegionId, IndustryCode = g.Key.IndustryCode, IsSynthetic = g.Key.IsSynthetic,
                Revenue = g.Sum(r => r.Revenue), Output = g.Sum(r => r.Output), Rd = g.Sum(r => r.Rd), Patents = g.Sum(r => r.Patents),
                Revenue0 = g.Count(r => r.Revenue >= t[0]), Revenue1 = g.Count(r => r.Revenue >= t[1]), Revenue2 = g.Count(r => r.Revenue >= t[2]),
                Revenue3 = g.Count(r => r.Revenue >= t[3]), Revenue4 = g.Count(r => r.Revenue >= t[4]),
                Output0 = g.Count(r => r.Output >= t[0]), Output1 = g.Count(r => r.Output >= t[1]), Output2 = g.Count(r => r.Output >= t[2]),
                Output3 = g.Count(r => r.Output >= t[3]), Output4 = g.Count(r => r.Output >= t[4]),
            });

    /// <summary>Sums split over production sites by share; an enterprise without sites produces where it is registered.</summary>
    private IQueryable<Bucket> ByProductionPlaceQuery(int fromYear, int toYear, int extraYear) =>
        from r in YearlyFigures(fromYear, toYear, extraYear)
        join s in db.ProductionSites on r.EnterpriseId equals s.EnterpriseId into sites
        from s in sites.DefaultIfEmpty()
        let share = s == null ? 1.0 : (double)s.Share
        group new { r, share } by new { r.Year, RegionId = s == null ? r.RegisteredRegionId : s.RegionId, r.IndustryCode, r.IsSynthetic } into g
        select new Bucket
        {
            Year = g.Key.Year, RegionId = g.Key.RegionId, IndustryCode = g.Key.IndustryCode, IsSynthetic = g.Key.IsSynthetic,
            Revenue = g.Sum(x => x.r.Revenue * x.share), Output = g.Sum(x => x.r.Output * x.share),
            Rd = g.Sum(x => x.r.Rd * x.share), Patents = g.Sum(x => x.r.Patents * x.share),
        };

    /// <summary>
    /// Tier counts with each whole enterprise in the region of its largest production share (CaliberAttribution.PrimaryRegion:
    /// ties go to the lowest region id; without sites, the registered region). Only enterprises at or above the smallest
    /// threshold are looked at, so the per-enterprise lookup of sites stays cheap.
    /// </summary>
    private IQueryable<Bucket> ByPrimaryProductionPlaceQuery(int fromYear, int toYear, int extraYear, double[] t)
    {
        var smallest = t.Min();
        return YearlyFigures(fromYear, toYear, extraYear)
            .Where(r => r.Revenue >= smallest || r.Output >= smallest)
            .Select(r => new EnterpriseFigureRow
            {
                Year = r.Year, IndustryCode = r.IndustryCode, IsSynthetic = r.IsSynthetic, Revenue = r.Revenue, Output = r.Output,
                RegionId = db.ProductionSites.Where(s => s.EnterpriseId == r.EnterpriseId)
                    .OrderByDescending(s => (double)s.Share).ThenBy(s => s.RegionId).Select(s => (int?)s.RegionId).FirstOrDefault() ?? r.RegisteredRegionId,
            })
            .GroupBy(r => new { r.Year, r.RegionId, r.IndustryCode, r.IsSynthetic })
            .Select(g => new Bucket
            {
                Year = g.Key.Year, RegionId = g.Key.RegionId, IndustryCode = g.Key.IndustryCode, IsSynthetic = g.Key.IsSynthetic,
                Revenue0 = g.Count(r => r.Revenue >= t[0]), Revenue1 = g.Count(r => r.Revenue >= t[1]), Revenue2 = g.Count(r => r.Revenue >= t[2]),
                Revenue3 = g.Count(r => r.Revenue >= t[3]), Revenue4 = g.Count(r => r.Revenue >= t[4]),
                Output0 = g.Count(r => r.Output >= t[0]), Output1 = g.Count(r => r.Output >= t[1]), Output2 = g.Count(r => r.Output >= t[2]),
                Output3 = g.Count(r => r.Output >= t[3]), Output4 = g.Count(r => r.Output >= t[4]),
            });
    }
}
