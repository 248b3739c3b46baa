using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Seeding;

/// <summary>Reads the real listed-company directory (名录): every Tushare row, joined to the SZSE list and the derived Guangdong biomedical file.</summary>
public static class DirectorySeed
{
    public const string TushareFile = "tushare_stock_basic_20260304.csv";
    public const string SzseFile = "szse_a_share_list.csv";
    public const string DerivedFile = "DERIVED_guangdong_listed_biomed.csv";

    /// <summary>Tushare industries that make a company biomedical.</summary>
    public static readonly IReadOnlySet<string> BiomedicalIndustries = new HashSet<string> { "化学制药", "生物制药", "中成药", "医疗保健", "医药商业" };

    private sealed record SzseRow(string? FullName, string? RegisteredAddress, string? City, string? Board);
    private sealed record DerivedRow(string? CityCode, string? DistrictCode);

    public static List<DirectoryCompany> Build(string companiesDirectory, IReadOnlyCollection<Region> regions)
    {
        var szse = new Dictionary<string, SzseRow>();
        foreach (var row in CsvRows.Read(Path.Combine(companiesDirectory, SzseFile)))
            szse[row["A股代码"]] = new SzseRow(Clean(row["公司全称"]), Clean(row["注册地址"]), Clean(row["城市"]), Clean(row["板块"]));

        var derived = new Dictionary<string, DerivedRow>();
        foreach (var row in CsvRows.Read(Path.Combine(companiesDirectory, DerivedFile)))
            derived[row["ts_code"]] = new DerivedRow(Clean(row["city_code"]), Clean(row["district_code"]));

        // SZSE writes the city as "深圳市"; Tushare's area "深圳" alone also places a firm in Shenzhen.
        var guangdongCities = regions.Where(r => r.Level == RegionLevel.City && r.Code.StartsWith("44", StringComparison.Ordinal))
            .ToDictionary(r => r.Name, r => r.Code);

        var districtsByCity = regions.Where(r => r.Level is RegionLevel.District or RegionLevel.FunctionalZone && r.Parent is not null)
            .GroupBy(r => r.Parent!.Code).ToDictionary(g => g.Key, g => g.ToList());
        var resolver = new RegionResolver(regions);

        var companies = new List<DirectoryCompany>();
        var source = $"{TushareFile} + {SzseFile}";
        foreach (var row in CsvRows.Read(Path.Combine(companiesDirectory, TushareFile)))
        {
            var tsCode = row["ts_code"];
            var symbol = row["symbol"];
            var area = Clean(row["area"]);
            var industry = Clean(row["industry"]);
            szse.TryGetValue(symbol, out var listing);
            derived.TryGetValue(tsCode, out var location);

            var city = listing?.City;
            if (city is null && area == "深圳") city = "深圳市";
            var cityCode = location?.CityCode ?? (city is not null ? guangdongCities.GetValueOrDefault(city) : null);

            companies.Add(new DirectoryCompany
            {
                TsCode = tsCode, Name = row["name"], FullName = listing?.FullName, Area = area, Industry = industry,
                ListDate = Clean(row["list_date"]), DelistDate = Clean(row["delist_date"]),
                Status = Clean(row["status"]) ?? "L",
                City = city, CityCode = cityCode,
                DistrictCode = location?.DistrictCode ?? DistrictFromAddress(listing?.RegisteredAddress, cityCode, districtsByCity, resolver),
                RegisteredAddress = listing?.RegisteredAddress, Board = listing?.Board,
                IsBiomedical = industry is not null && BiomedicalIndustries.Contains(industry),
                Source = listing is null ? TushareFile : source,
            });
        }
        return companies;
    }

    /// <summary>The district an address names after its city (坪山新区 counts as 坪山区); null when none, or when it is 大鹏新区 (no official code).</summary>
    public static string? DistrictFromAddress(string? address, string? cityCode, IReadOnlyDictionary<string, List<Region>> districtsByCity, RegionResolver resolver)
    {
        if (address is null || cityCode is null || !districtsByCity.TryGetValue(cityCode, out var districts)) return null;
        var named = districts
            .Select(d => (District: d, At: address.IndexOf(d.Name, StringComparison.Ordinal)))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At).ThenByDescending(x => x.District.Name.Length)
            .Select(x => resolver.SeriesOf(x.District))
            .FirstOrDefault();
        return named is { IsOfficialCode: true } ? named.Code : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
