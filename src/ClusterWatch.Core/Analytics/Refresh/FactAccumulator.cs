namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>An enterprise as the facts group it: where it is registered, its sub-industry and whether it is synthetic.</summary>
public readonly record struct FactEnterprise(int Id, int RegisteredRegionId, string IndustryCode, bool IsSynthetic);

/// <summary>One production site of an enterprise with its share of the enterprise's output.</summary>
public readonly record struct FactSite(int EnterpriseId, int RegionId, double Share);

/// <summary>
/// Where one enterprise-site row adds up: the registration key (registered region, sub-industry, synthetic), the site key
/// (site region, sub-industry, synthetic) and whether the site is the enterprise's primary production place.
/// </summary>
public readonly record struct FactGroup(int RegistrationKey, int SiteKey, bool IsPrimary);

/// <summary>
/// The sums of figures in one group and period as the database can pre-aggregate them (PostgreSQL does, in parallel):
/// plain sums, share-weighted sums, the row count and the counts at or above each revenue and output tier.
/// </summary>
public sealed class FactTotals
{
    public double Revenue, OutputValue, RdExpense, InventionPatents;
    public double SharedRevenue, SharedOutputValue, SharedRdExpense, SharedInventionPatents;
    public int Rows;
    public readonly int[] RevenueTiers = new int[FactAccumulator.TierCount];
    public readonly int[] OutputTiers = new int[FactAccumulator.TierCount];
}

/// <summary>
/// Turns figure rows into AnalyticsFacts for the three calibers in one pass: each enterprise's figures go to its registered
/// region (sums and tier counts) and to its primary production place (tier counts) once, and to every production site by its
/// share (sums). An enterprise without recorded sites produces where it is registered; the primary place is the largest
/// share, ties to the lowest region id. Keeps per-period arrays over (region, sub-industry, synthetic) keys, so a row costs a
/// few additions whatever the number of enterprises.
/// </summary>
public sealed class FactAccumulator
{
    public const int TierCount = 5;
    private const int Sums = 4;

    private static readonly double[] Thresholds = RevenueTier.ThresholdsYi.Select(t => (double)RevenueTier.ThresholdInWan(t)).ToArray();

    private readonly List<(int RegionId, string IndustryCode, bool IsSynthetic)> _keys = [];
    private readonly List<FactGroup> _groups = [];
    private readonly Dictionary<int, (int Start, int Count)> _entriesOf = [];
    private readonly List<(int Group, double Share)> _entries = [];
    private readonly Dictionary<int, Period> _periods = [];
    private int _lastPeriodKey = int.MinValue;
    private Period? _lastPeriod;

    public IReadOnlyList<FactGroup> Groups => _groups;

    /// <summary>Every enterprise-site row as (enterprise, group, share), for a database that aggregates by group itself.</summary>
    public IEnumerable<(int EnterpriseId, int Group, double Share)> EnterpriseGroups =>
        _entriesOf.SelectMany(e => Enumerable.Range(e.Value.Start, e.Value.Count).Select(i => (e.Key, _entries[i].Group, _entries[i].Share)));

    public int EnterpriseCount => _entriesOf.Count;

    public FactAccumulator(IEnumerable<FactEnterprise> enterprises, IEnumerable<FactSite> sites)
    {
        var keyIndex = new Dictionary<(int, string, bool), int>();
        var groupIndex = new Dictionary<FactGroup, int>();
        var sitesOf = sites.ToLookup(s => s.EnterpriseId);
        foreach (var e in enterprises)
        {
            if (_entriesOf.ContainsKey(e.Id)) continue;
            var registration = Key(e.RegisteredRegionId);
            var own = sitesOf[e.Id].ToList();
            if (own.Count == 0) own.Add(new FactSite(e.Id, e.RegisteredRegionId, 1.0));
            var primary = own.OrderByDescending(s => s.Share).ThenBy(s => s.RegionId).First();
            _entriesOf[e.Id] = (_entries.Count, own.Count);
            var primaryTaken = false;
            foreach (var site in own)
            {
                // Two sites in the same region with the largest share: only one of them is the primary place.
                var isPrimary = !primaryTaken && site.RegionId == primary.RegionId && site.Share == primary.Share;
                primaryTaken |= isPrimary;
                var group = new FactGroup(registration, Key(site.RegionId), isPrimary);
                if (!groupIndex.TryGetValue(group, out var g)) { g = _groups.Count; groupIndex[group] = g; _groups.Add(group); }
                _entries.Add((g, site.Share));
            }

            int Key(int regionId)
            {
                var key = (regionId, e.IndustryCode, e.IsSynthetic);
                if (!keyIndex.TryGetValue(key, out var k)) { k = _keys.Count; keyIndex[key] = k; _keys.Add(key); }
                return k;
            }
        }
    }

    /// <summary>How many tier thresholds an amount in 万元 reaches (0 to TierCount).</summary>
    public static int TierLevel(double amountWan)
    {
        var level = 0;
        while (level < Thresholds.Length && amountWan >= Thresholds[level]) level++;
        return level;
    }

    /// <summary>Adds one enterprise's figure row (amounts in 万元); rows of enterprises outside the grouping are ignored.</summary>
    public void AddFigure(int enterpriseId, int year, int quarter, double revenue, double outputValue, double rdExpense, double inventionPatents)
    {
        if (!_entriesOf.TryGetValue(enterpriseId, out var entries)) return;
        var period = PeriodOf(year, quarter);
        var revenueLevel = TierLevel(revenue);
        var outputLevel = TierLevel(outputValue);
        for (var i = entries.Start; i < entries.Start + entries.Count; i++)
        {
            var (g, share) = _entries[i];
            var group = _groups[g];
            if (group.IsPrimary)
            {
                var r = group.RegistrationKey;
                period.RegistrationSums[r * Sums] += revenue;
                period.RegistrationSums[r * Sums + 1] += outputValue;
                period.RegistrationSums[r * Sums + 2] += rdExpense;
                period.RegistrationSums[r * Sums + 3] += inventionPatents;
                period.RegistrationRows[r]++;
                for (var t = 0; t < revenueLevel; t++) period.RegistrationTiers[r * 2 * TierCount + t]++;
                for (var t = 0; t < outputLevel; t++) period.RegistrationTiers[r * 2 * TierCount + TierCount + t]++;
                var p = group.SiteKey;
                period.PrimaryRows[p]++;
                for (var t = 0; t < revenueLevel; t++) period.PrimaryTiers[p * 2 * TierCount + t]++;
                for (var t = 0; t < outputLevel; t++) period.PrimaryTiers[p * 2 * TierCount + TierCount + t]++;
            }
            var s = group.SiteKey;
            period.SplitSums[s * Sums] += revenue * share;
            period.SplitSums[s * Sums + 1] += outputValue * share;
            period.SplitSums[s * Sums + 2] += rdExpense * share;
            period.SplitSums[s * Sums + 3] += inventionPatents * share;
            period.SplitRows[s]++;
        }
    }

    /// <summary>Adds the pre-aggregated totals of one group in one period.</summary>
    public void AddTotals(int year, int quarter, int group, FactTotals totals)
    {
        var period = PeriodOf(year, quarter);
        var g = _groups[group];
        if (g.IsPrimary)
        {
            var r = g.RegistrationKey;
            period.RegistrationSums[r * Sums] += totals.Revenue;
            period.RegistrationSums[r * Sums + 1] += totals.OutputValue;
            period.RegistrationSums[r * Sums + 2] += totals.RdExpense;
            period.RegistrationSums[r * Sums + 3] += totals.InventionPatents;
            period.RegistrationRows[r] += totals.Rows;
            var p = g.SiteKey;
            period.PrimaryRows[p] += totals.Rows;
            for (var t = 0; t < TierCount; t++)
            {
                period.RegistrationTiers[r * 2 * TierCount + t] += totals.RevenueTiers[t];
                period.RegistrationTiers[r * 2 * TierCount + TierCount + t] += totals.OutputTiers[t];
                period.PrimaryTiers[p * 2 * TierCount + t] += totals.RevenueTiers[t];
                period.PrimaryTiers[p * 2 * TierCount + TierCount + t] += totals.OutputTiers[t];
            }
        }
        var s = g.SiteKey;
        period.SplitSums[s * Sums] += totals.SharedRevenue;
        period.SplitSums[s * Sums + 1] += totals.SharedOutputValue;
        period.SplitSums[s * Sums + 2] += totals.SharedRdExpense;
        period.SplitSums[s * Sums + 3] += totals.SharedInventionPatents;
        period.SplitRows[s] += totals.Rows;
    }

    /// <summary>The fact rows with at least one figure behind them, for the regions in scope (null = every region).</summary>
    public IEnumerable<AnalyticsFact> Facts(IReadOnlySet<int>? regions)
    {
        foreach (var (periodKey, period) in _periods.OrderBy(p => p.Key))
        {
            var (year, quarter) = (periodKey >> 3, periodKey & 7);
            for (var k = 0; k < _keys.Count; k++)
            {
                var (regionId, industryCode, isSynthetic) = _keys[k];
                if (regions is not null && !regions.Contains(regionId)) continue;
                AnalyticsFact New(FactCaliber caliber) => new()
                {
                    Year = year, Quarter = quarter, Caliber = caliber, RegionId = regionId, IndustryCode = industryCode, IsSynthetic = isSynthetic,
                };
                if (period.RegistrationRows[k] > 0)
                {
                    var f = New(FactCaliber.Registration);
                    (f.Revenue, f.OutputValue, f.RdExpense, f.InventionPatents) =
                        (period.RegistrationSums[k * Sums], period.RegistrationSums[k * Sums + 1], period.RegistrationSums[k * Sums + 2], period.RegistrationSums[k * Sums + 3]);
                    f.Enterprises = period.RegistrationRows[k];
                    SetTiers(f, period.RegistrationTiers, k);
                    yield return f;
                }
                if (period.SplitRows[k] > 0)
                {
                    var f = New(FactCaliber.ProductionSplit);
                    (f.Revenue, f.OutputValue, f.RdExpense, f.InventionPatents) =
                        (period.SplitSums[k * Sums], period.SplitSums[k * Sums + 1], period.SplitSums[k * Sums + 2], period.SplitSums[k * Sums + 3]);
                    f.Enterprises = period.SplitRows[k];
                    yield return f;
                }
                if (period.PrimaryRows[k] > 0)
                {
                    var f = New(FactCaliber.PrimaryProductionPlace);
                    f.Enterprises = period.PrimaryRows[k];
                    SetTiers(f, period.PrimaryTiers, k);
                    yield return f;
                }
            }
        }
    }

    private static void SetTiers(AnalyticsFact f, int[] tiers, int key)
    {
        var o = key * 2 * TierCount;
        (f.RevenueTier1, f.RevenueTier2, f.RevenueTier3, f.RevenueTier4, f.RevenueTier5) = (tiers[o], tiers[o + 1], tiers[o + 2], tiers[o + 3], tiers[o + 4]);
        o += TierCount;
        (f.OutputTier1, f.OutputTier2, f.OutputTier3, f.OutputTier4, f.OutputTier5) = (tiers[o], tiers[o + 1], tiers[o + 2], tiers[o + 3], tiers[o + 4]);
    }

    private Period PeriodOf(int year, int quarter)
    {
        var key = (year << 3) | quarter;
        if (key == _lastPeriodKey) return _lastPeriod!;
        if (!_periods.TryGetValue(key, out var period)) _periods[key] = period = new Period(_keys.Count);
        (_lastPeriodKey, _lastPeriod) = (key, period);
        return period;
    }

    private sealed class Period(int keys)
    {
        public readonly double[] RegistrationSums = new double[keys * Sums];
        public readonly int[] RegistrationRows = new int[keys];
        public readonly int[] RegistrationTiers = new int[keys * 2 * TierCount];
        public readonly int[] PrimaryRows = new int[keys];
        public readonly int[] PrimaryTiers = new int[keys * 2 * TierCount];
        public readonly double[] SplitSums = new double[keys * Sums];
        public readonly int[] SplitRows = new int[keys];
    }
}
