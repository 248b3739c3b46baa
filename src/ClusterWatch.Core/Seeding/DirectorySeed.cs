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
                City = city, CityCode = cityCode, DistrictCode = location?.DistrictCode,
                RegisteredAddress = listing?.RegisteredAddress, Board = listing?.Board,
                IsBiomedical = industry is not null && BiomedicalIndustries.Contains(industry),
                Source = listing is null ? TushareFile : source,
            });
        }
        return companies;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
