using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Enterprises;

/// <summary>A current region where synthetic enterprises may register, with its sampling weight.</summary>
internal sealed record DemoPlace(Region Region, string CityCode, string CityName, string CreditRegionCode, double Weight, double SizeOffset);

internal sealed class DemoPlaces
{
    public required IReadOnlyList<DemoPlace> All { get; init; }
    private double[] _cumulative = [];
    private Dictionary<string, List<DemoPlace>> _byCity = [];
    public int Count => All.Count;

    /// <summary>Log10 size offsets of typical firm size by district (南山、宝安 host the large firms).</summary>
    private static readonly Dictionary<string, double> SizeOffsets = new()
    {
        ["440305"] = 0.3, ["440306"] = 0.2, ["440304"] = -0.1, ["440303"] = -0.15, ["440308"] = 0.1,
        ["440307"] = -0.2, ["440311"] = -0.15, ["440310"] = -0.05, ["440112"] = 0.2, ["440106"] = 0.1,
    };

    /// <summary>Current districts (and cities without districts, e.g. 东莞、中山; and functional zones) weighted by city and district.</summary>
    public static DemoPlaces Build(IReadOnlyList<Region> regions)
    {
        var byId = regions.ToDictionary(r => r.Id);
        var hasCurrentChildren = regions.Where(r => r.IsCurrent && r.ParentId is not null).Select(r => r.ParentId!.Value).ToHashSet();
        Region? CityOf(Region r)
        {
            for (var x = r; x is not null; x = x.ParentId is int p ? byId.GetValueOrDefault(p) : null)
                if (x.Level == RegionLevel.City) return x;
            return null;
        }

        var candidates = regions
            .Where(r => r.IsCurrent && (r.Level is RegionLevel.District or RegionLevel.FunctionalZone
                                        || (r.Level == RegionLevel.City && !hasCurrentChildren.Contains(r.Id))))
            .Select(r => (Region: r, City: CityOf(r) ?? r))
            .ToList();
        // The plans are Guangdong's: when Guangdong is loaded, other provinces' districts get no synthetic firms.
        if (candidates.Any(c => c.City.Code.StartsWith("44", StringComparison.Ordinal)))
            candidates = candidates.Where(c => c.City.Code.StartsWith("44", StringComparison.Ordinal)).ToList();
        var citiesPresent = candidates.Select(c => c.City.Code).Distinct().ToList();
        var otherCities = citiesPresent.Count(c => !DemoGeneratorWords.CityWeights.ContainsKey(c));
        var places = new List<DemoPlace>();
        foreach (var group in candidates.GroupBy(c => c.City.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cityWeight = DemoGeneratorWords.CityWeights.TryGetValue(group.Key, out var w) ? w : DemoGeneratorWords.OtherCitiesWeight / Math.Max(1, otherCities);
            var members = group.OrderBy(c => c.Region.Code, StringComparer.Ordinal).ThenBy(c => c.Region.Id).ToList();
            var districtTotal = members.Sum(m => DistrictWeight(m.Region));
            foreach (var m in members)
            {
                var creditCode = m.Region.IsOfficialCode && m.Region.Code.Length == 6 && m.Region.Code.All(char.IsAsciiDigit) ? m.Region.Code
                    : m.City.Code.Length == 6 && m.City.Code.All(char.IsAsciiDigit) ? m.City.Code : "440000";
                places.Add(new DemoPlace(m.Region, group.Key, m.City.Name, creditCode,
                    cityWeight * DistrictWeight(m.Region) / districtTotal, SizeOffsets.GetValueOrDefault(m.Region.Code)));
            }
        }
        var result = new DemoPlaces { All = places };
        var total = places.Sum(p => p.Weight);
        var running = 0.0;
        result._cumulative = places.Select(p => running += p.Weight / total).ToArray();
        result._byCity = places.GroupBy(p => p.CityCode).ToDictionary(g => g.Key, g => g.ToList());
        return result;
    }

    private static double DistrictWeight(Region r) => DemoGeneratorWords.DistrictWeights.GetValueOrDefault(r.Code, 1.0);

    public DemoPlace Sample(Random rng)
    {
        var u = rng.NextDouble();
        var i = Array.BinarySearch(_cumulative, u);
        if (i < 0) i = ~i;
        return All[Math.Min(i, All.Count - 1)];
    }

    /// <summary>Another place in the same city where the firm produces, favouring the industrial districts (坪山、光明 …).</summary>
    public DemoPlace? SampleProductionElsewhere(Random rng, DemoPlace registered)
    {
        var others = _byCity[registered.CityCode].Where(p => p.Region.Id != registered.Region.Id).ToList();
        if (others.Count == 0) return null;
        var weights = others.Select(p => DemoGeneratorWords.ProductionDistrictWeights.GetValueOrDefault(p.Region.Code, 1.0)).ToArray();
        var u = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < others.Count; i++)
        {
            u -= weights[i];
            if (u < 0) return others[i];
        }
        return others[^1];
    }
}

/// <summary>Creates one enterprise at a time from its own derived random stream; only uniqueness of codes and names is shared.</summary>
internal sealed class EnterpriseFactory(DemoPlaces places, int seed, HashSet<string> takenCodes, HashSet<string> takenNames)
{
    private const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly char[] Brand = DemoGeneratorWords.BrandCharacters.Distinct().ToArray();

    /// <summary>Log10 of yearly revenue in 万元 of an established firm in 2008: median ≈ 170 万元, heavy upper tail.</summary>
    internal const double LevelMean = 2.25;
    internal const double LevelSigma = 1.15;

    /// <summary>A few fixed positions become the cluster's champions (龙头), so every set has its 百亿级 firms, as the plans expect.</summary>
    private static readonly (double Position, string RegionCode, string Industry, double Level)[] Champions =
    [
        (0.11, "440305", IndustryTaxonomy.Monitoring, 5.82), // 南山: a monitoring-and-imaging leader
        (0.43, "440306", IndustryTaxonomy.Biologic, 5.55), // 宝安
        (0.77, "440112", IndustryTaxonomy.Chemical, 5.65), // 黄埔 (广州)
        (0.27, "440305", IndustryTaxonomy.Internet, 6.2), // 南山: the internet giant the 2010-2012 work plan counts on
        (0.59, "440307", IndustryTaxonomy.NewEnergy, 6.0), // 龙岗
        (0.91, "440310", IndustryTaxonomy.NewEnergy, 5.85), // 坪山
    ];

    public GeneratedEnterprise Create(int index, int id, int total)
    {
        var rng = new Random(DemoGenerator.DeriveSeed(seed, index, 1));
        var champion = total >= 50 ? Champions.Where(c => (int)(c.Position * total) == index).Select(c => (c.RegionCode, c.Industry, c.Level)).FirstOrDefault() : default;
        var championPlace = champion.RegionCode is null ? null : places.All.FirstOrDefault(p => p.Region.Code == champion.RegionCode);
        var place = championPlace ?? places.Sample(rng);
        var industry = championPlace is null ? SampleIndustry(rng, place) : champion.Industry;
        var founded = championPlace is null ? SampleFounded(rng) : 1991 + rng.Next(5);
        var e = new GeneratedEnterprise
        {
            Id = id, RegionId = place.Region.Id, IndustryCode = industry, FoundedYear = founded,
            CreditCode = NewCreditCode(rng, place.CreditRegionCode),
            Name = NewName(rng, place.CityName, industry),
        };
        AddSites(rng, e, place);
        var revenue = AddFigures(rng, e, place, championPlace is null ? null : champion.Level);
        AddPoolsAndListing(rng, e, revenue);
        if (championPlace is not null) (e.ListingStatus, e.StockCode) = (ListingStatus.Listed, $"SYN{e.Id:D6}");
        return e;
    }

    private static string SampleIndustry(Random rng, DemoPlace place)
    {
        var table = place.CityCode switch
        {
            "440300" => DemoGeneratorWords.ShenzhenIndustries,
            "440100" => DemoGeneratorWords.GuangzhouIndustries,
            _ => DemoGeneratorWords.OtherIndustries,
        };
        var boosts = DemoGeneratorWords.DistrictIndustryBoosts.GetValueOrDefault(place.Region.Code);
        double Weight((string Code, double Weight) t) => t.Weight * (boosts?.GetValueOrDefault(t.Code, 1.0) ?? 1.0);
        var u = rng.NextDouble() * table.Sum(Weight);
        foreach (var t in table)
        {
            u -= Weight(t);
            if (u < 0) return t.Code;
        }
        return table[^1].Code;
    }

    private static int SampleFounded(Random rng)
    {
        var u = rng.NextDouble();
        return u < 0.25 ? 1985 + rng.Next(18) : u < 0.6 ? 2003 + rng.Next(10) : 2013 + rng.Next(12);
    }

    private string NewCreditCode(Random rng, string regionCode)
    {
        Span<char> org = stackalloc char[9];
        while (true)
        {
            for (var i = 0; i < 9; i++) org[i] = CodeAlphabet[rng.Next(CodeAlphabet.Length)];
            var code = CreditCode.Complete("91" + regionCode + new string(org));
            if (takenCodes.Add(code)) return code;
        }
    }

    private string NewName(Random rng, string cityName, string industry)
    {
        var words = DemoGeneratorWords.IndustryWords.GetValueOrDefault(industry) ?? ["生物科技"];
        for (var attempt = 0; ; attempt++)
        {
            var length = attempt < 8 ? 2 : attempt < 30 ? 3 : 4;
            var brand = new char[length];
            for (var i = 0; i < length; i++) brand[i] = Brand[rng.Next(Brand.Length)];
            if (brand[0] == brand[1]) continue;
            var name = cityName + new string(brand) + words[rng.Next(words.Length)] + DemoGeneratorWords.Suffixes[rng.Next(DemoGeneratorWords.Suffixes.Length)];
            if (takenNames.Add(name)) return name;
        }
    }

    private void AddSites(Random rng, GeneratedEnterprise e, DemoPlace place)
    {
        var u = rng.NextDouble();
        var other = u < 0.13 ? places.SampleProductionElsewhere(rng, place) : null;
        if (other is null) e.Sites.Add((place.Region.Id, 1m));
        else if (u < 0.10) e.Sites.Add((other.Region.Id, 1m));
        else
        {
            var share = Math.Round((decimal)(0.4 + 0.4 * rng.NextDouble()), 2);
            e.Sites.Add((place.Region.Id, share));
            e.Sites.Add((other.Region.Id, 1m - share));
        }
    }

    /// <summary>Macro growth (natural log per year) of the whole cluster: fast in the 2009-2015 plan years, slower later.</summary>
    private static double MacroGrowth(int year, string industry)
    {
        var g = year <= 2012 ? 0.12 : year <= 2015 ? 0.13 : year <= 2020 ? 0.08 : 0.05;
        if (industry is IndustryTaxonomy.Ivd or IndustryTaxonomy.Monitoring)
            g += year switch { 2020 => 0.45, 2021 => 0.05, 2023 => -0.55, _ => 0 };
        return g;
    }

    private static double Normal(Random rng, double mean, double sd)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double Uniform(Random rng, double min, double max) => min + (max - min) * rng.NextDouble();

    /// <summary>Adds yearly (from founding, not before 2008) and quarterly (2020 on) figures; returns yearly revenue by year.</summary>
    private static Dictionary<int, decimal> AddFigures(Random rng, GeneratedEnterprise e, DemoPlace place, double? championLevel)
    {
        var first = Math.Max(DemoGenerator.FirstYear, e.FoundedYear);
        var age0 = first - e.FoundedYear;
        var sectorOffset = IndustryTaxonomy.SectorOf(e.IndustryCode) == Plans.Sector.Bio ? 0.0 : 1.0; // internet and new-energy firms are fewer but larger
        var level = Normal(rng, LevelMean + place.SizeOffset + sectorOffset - 0.3 * Math.Max(0, 4 - age0), LevelSigma);
        if (level > 5.2) level = 5.2 + (level - 5.2) * 0.4;
        if (championLevel is double fixedLevel) level = fixedLevel + Normal(rng, 0, 0.05);
        var lnRevenue = Math.Max(1.0, level) * Math.Log(10);
        var firmGrowth = championLevel is null ? Normal(rng, 0, 0.06) : Math.Abs(Normal(rng, 0.01, 0.02));
        var declineFrom = championLevel is null && rng.NextDouble() < 0.12 ? first + rng.Next(2, 14) : int.MaxValue;
        var outputRatio = Uniform(rng, 0.85, 1.05);
        var rdRatio = Uniform(rng, 0.03, 0.15);
        var revenuePerEmployee = Uniform(rng, 35, 90);
        var costPerPatent = Uniform(rng, 1000, 4000);
        var patents = age0 > 3 ? (int)(Math.Exp(lnRevenue) * rdRatio / costPerPatent * Uniform(rng, 1, 4)) : 0;
        var revenueByYear = new Dictionary<int, decimal>();
        for (var year = first; year <= DemoGenerator.LastYear; year++)
        {
            if (year > first)
            {
                var age = year - e.FoundedYear;
                lnRevenue += MacroGrowth(year, e.IndustryCode) + firmGrowth + 0.3 * Math.Exp(-age / 3.0) + Normal(rng, 0, 0.1)
                             + (year >= declineFrom ? -0.16 : 0);
            }
            var revenue = Math.Max(5m, Math.Round((decimal)Math.Exp(lnRevenue), 2));
            var output = Math.Round(revenue * (decimal)Math.Clamp(outputRatio + Normal(rng, 0, 0.03), 0.8, 1.1), 2);
            var rd = Math.Round(revenue * (decimal)Math.Clamp(rdRatio + Normal(rng, 0, 0.008), 0.03, 0.15), 2);
            var employees = Math.Max(3, (int)Math.Round((double)revenue / (revenuePerEmployee * Math.Pow(1.05, year - DemoGenerator.FirstYear))));
            var granted = (int)Math.Floor((double)rd / costPerPatent * Uniform(rng, 0.6, 1.4) + rng.NextDouble());
            var previousPatents = patents;
            patents = Math.Max(0, patents + granted - (int)Math.Floor(patents * 0.04));
            revenueByYear[year] = revenue;
            e.Figures.Add(new GeneratedFigure(year, 0, revenue, output, rd, employees, patents));
            if (year >= DemoGenerator.FirstQuarterYear) AddQuarters(rng, e, year, revenue, output, rd, employees, previousPatents, patents);
        }
        return revenueByYear;
    }

    /// <summary>Quarter amounts sum exactly to the year; employees and valid patents are levels at quarter end (Q4 = year).</summary>
    private static void AddQuarters(Random rng, GeneratedEnterprise e, int year, decimal revenue, decimal output, decimal rd, int employees, int patentsBefore, int patentsAfter)
    {
        Span<double> shares = stackalloc double[4];
        var total = 0.0;
        double[] season = [0.22, 0.24, 0.25, 0.29];
        for (var q = 0; q < 4; q++) total += shares[q] = Math.Max(0.1, season[q] + Normal(rng, 0, 0.015));
        decimal r = 0, o = 0, d = 0;
        for (var q = 1; q <= 4; q++)
        {
            var share = (decimal)(shares[q - 1] / total);
            var qr = q < 4 ? Math.Round(revenue * share, 2) : revenue - r;
            var qo = q < 4 ? Math.Round(output * share, 2) : output - o;
            var qd = q < 4 ? Math.Round(rd * share, 2) : rd - d;
            r += qr; o += qo; d += qd;
            var qe = q < 4 ? Math.Max(3, (int)Math.Round(employees * Uniform(rng, 0.95, 1.0))) : employees;
            var qp = q < 4 ? patentsBefore + (patentsAfter - patentsBefore) * q / 4 : patentsAfter;
            e.Figures.Add(new GeneratedFigure(year, q, qr, qo, qd, qe, qp));
        }
    }

    private static void AddPoolsAndListing(Random rng, GeneratedEnterprise e, Dictionary<int, decimal> revenue)
    {
        const decimal scaleThreshold = 2_000m; // 规模以上: 2000 万元
        const decimal tenYi = 100_000m;
        var years = revenue.Keys.Order().ToList();
        var leadingFrom = years.FirstOrDefault(y => revenue[y] >= tenYi);
        if (leadingFrom != 0) e.Pools.Add((CultivationPool.Leading, leadingFrom, null));

        foreach (var y in years.Where(y => y >= 2011 && revenue.ContainsKey(y - 3)))
        {
            var before = revenue[y - 3];
            if (before >= 1_000m && revenue[y] <= tenYi && revenue[y] >= before * 2.197m && rng.NextDouble() < 0.6)
            {
                e.Pools.Add((CultivationPool.Gazelle, y, y + 2 < DemoGenerator.LastYear ? y + 2 : null));
                break;
            }
        }

        var peak = revenue.Values.Max();
        if (e.FoundedYear >= 2012 && peak >= 20_000m && rng.NextDouble() < 0.3)
            e.Pools.Add((CultivationPool.Unicorn, Math.Min(DemoGenerator.LastYear, e.FoundedYear + 4 + rng.Next(3)), null));

        var specializedU = rng.NextDouble();
        var specializedFrom = 2019 + rng.Next(6);
        if (leadingFrom == 0 && specializedU < 0.25 && revenue.TryGetValue(specializedFrom, out var r) && r >= scaleThreshold)
            e.Pools.Add((CultivationPool.Specialized, specializedFrom, specializedU < 0.05 ? specializedFrom + 2 : null));

        var highTechU = rng.NextDouble();
        var highTechFrom = Math.Max(DemoGenerator.FirstYear, e.FoundedYear + 1 + rng.Next(4));
        if (highTechU < 0.45 && highTechFrom <= DemoGenerator.LastYear)
            e.Pools.Add((CultivationPool.HighTech, highTechFrom, highTechU < 0.06 && highTechFrom + 2 < DemoGenerator.LastYear ? highTechFrom + 2 : null));

        var scaleUp = years.FirstOrDefault(y => y >= 2009 && revenue.ContainsKey(y - 1) && revenue[y] >= scaleThreshold && revenue[y - 1] < scaleThreshold);
        if (scaleUp != 0) e.Pools.Add((CultivationPool.ScaleUp, scaleUp, scaleUp));

        var listingU = rng.NextDouble();
        if (peak >= tenYi && listingU < 0.35 || peak >= 30_000m && listingU < 0.04)
        {
            e.ListingStatus = listingU < 0.03 ? ListingStatus.Delisted : ListingStatus.Listed;
            e.StockCode = $"SYN{e.Id:D6}";
        }
    }
}
