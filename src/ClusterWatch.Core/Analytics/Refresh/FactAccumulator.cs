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

/// <summary>What a database-side group adds to: the registration and primary-place facts, the production split, or all three.</summary>
public enum FactRole : byte
{
    /// <summary>A single site with the whole output: the plain sums serve the registration and the split alike.</summary>
    All = 0,
    /// <summary>The registered region's sums and counts and the primary place's counts of an enterprise with several sites or a partial share.</summary>
    RegistrationAndPrimary = 1,
    /// <summary>One site's share-weighted sums.</summary>
    Split = 2,
}

/// <summary>A group the database sums figures by (PostgreSQL does, in parallel): keys and role; Split groups have no registration key.</summary>
public readonly record struct WeightedGroup(int RegistrationKey, int SiteKey, FactRole Role);

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
                AddTo(period.RegistrationSums, r, revenue, outputValue, rdExpense, inventionPatents);
                period.RegistrationRows[r]++;
                for (var t = 0; t < revenueLevel; t++) period.RegistrationTiers[r * 2 * TierCount + t]++;
                for (var t = 0; t < outputLevel; t++) period.RegistrationTiers[r * 2 * TierCount + TierCount + t]++;
                var p = group.SiteKey;
                period.PrimaryRows[p]++;
                for (var t = 0; t < revenueLevel; t++) period.PrimaryTiers[p * 2 * TierCount + t]++;
                for (var t = 0; t < outputLevel; t++) period.PrimaryTiers[p * 2 * TierCount + TierCount + t]++;
            }
            AddTo(period.SplitSums, group.SiteKey, revenue * share, outputValue * share, rdExpense * share, inventionPatents * share);
            period.SplitRows[group.SiteKey]++;
        }
    }

    /// <summary>
    /// The enterprise rows a database sums by group: (enterprise, weighted group, weight, whether its tier counts matter), and
    /// the groups. Every enterprise's figures reach its registration and primary place once with weight 1, and every site by its share.
    /// </summary>
    public (List<(int EnterpriseId, int Group, double Weight, bool CountsTiers)> Rows, List<WeightedGroup> Groups) WeightedGroups()
    {
        var groups = new List<WeightedGroup>();
        var index = new Dictionary<WeightedGroup, int>();
        var rows = new List<(int, int, double, bool)>(_entries.Count + _entriesOf.Count / 10);
        int Of(WeightedGroup g)
        {
            if (!index.TryGetValue(g, out var i)) { i = groups.Count; index[g] = i; groups.Add(g); }
            return i;
        }
        foreach (var (enterpriseId, (start, count)) in _entriesOf)
        {
            var (first, firstShare) = _entries[start];
            if (count == 1 && firstShare == 1.0)
            {
                var g = _groups[first];
                rows.Add((enterpriseId, Of(new WeightedGroup(g.RegistrationKey, g.SiteKey, FactRole.All)), 1.0, true));
                continue;
            }
            for (var i = start; i < start + count; i++)
            {
                var (group, share) = _entries[i];
                var g = _groups[group];
                if (g.IsPrimary) rows.Add((enterpriseId, Of(new WeightedGroup(g.RegistrationKey, g.SiteKey, FactRole.RegistrationAndPrimary)), 1.0, true));
                rows.Add((enterpriseId, Of(new WeightedGroup(-1, g.SiteKey, FactRole.Split)), share, false));
            }
        }
        return (rows, groups);
    }

    /// <summary>Adds the weighted sums and row count of one database group in one period.</summary>
    public void AddSums(int year, int quarter, WeightedGroup group, double revenue, double outputValue, double rdExpense, double inventionPatents, int rows)
    {
        var period = PeriodOf(year, quarter);
        if (group.Role != FactRole.Split)
        {
            AddTo(period.RegistrationSums, group.RegistrationKey, revenue, outputValue, rdExpense, inventionPatents);
            period.RegistrationRows[group.RegistrationKey] += rows;
            period.PrimaryRows[group.SiteKey] += rows;
        }
        if (group.Role != FactRole.RegistrationAndPrimary)
        {
            AddTo(period.SplitSums, group.SiteKey, revenue, outputValue, rdExpense, inventionPatents);
            period.SplitRows[group.SiteKey] += rows;
        }
    }

    /// <summary>Adds the count of one database group's rows at a revenue and output tier level (TierLevel) in one period.</summary>
    public void AddTierCount(int year, int quarter, WeightedGroup group, int revenueLevel, int outputLevel, int rows)
    {
        if (group.Role == FactRole.Split) return;
        var period = PeriodOf(year, quarter);
        var (r, p) = (group.RegistrationKey * 2 * TierCount, group.SiteKey * 2 * TierCount);
        for (var t = 0; t < revenueLevel; t++) { period.RegistrationTiers[r + t] += rows; period.PrimaryTiers[p + t] += rows; }
        for (var t = 0; t < outputLevel; t++) { period.RegistrationTiers[r + TierCount + t] += rows; period.PrimaryTiers[p + TierCount + t] += rows; }
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

    private static void AddTo(double[] sums, int key, double revenue, double outputValue, double rdExpense, double inventionPatents)
    {
        sums[key * Sums] += revenue;
        sums[key * Sums + 1] += outputValue;
        sums[key * Sums + 2] += rdExpense;
        sums[key * Sums + 3] += inventionPatents;
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
