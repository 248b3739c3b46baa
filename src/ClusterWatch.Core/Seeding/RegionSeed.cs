using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Seeding;

/// <summary>Builds 全国 → 广东省 → its 21 cities → all county-level districts from the modood files, plus Shenzhen's historical and functional zones.</summary>
public static class RegionSeed
{
    public const string GuangdongCode = "440000";
    public const string ShenzhenCode = "440300";
    public const string CountryCode = "100000";
    public const string DapengCode = "4403DP";

    /// <summary>A Shenzhen zone the plans name that has (or had) no GB/T 2260 code of its own.</summary>
    public sealed record HistoricalZone(string Code, string Name, string NameEn, int FromYear, int? ToYear, string? SuccessorCode, string Note);

    // Dates from the Shenzhen government's announcements of the new districts (光明区 2018-09, 坪山区/龙华区 2017-01 挂牌).
    public static readonly IReadOnlyList<HistoricalZone> HistoricalZones =
    [
        new("4403GM", "光明新区", "Guangming New Area", 2007, 2018, "440311", "功能区（2007年设立），2018年设立光明区后撤销；无 GB/T 2260 代码"),
        new("4403PS", "坪山新区", "Pingshan New Area", 2009, 2016, "440310", "功能区（2009年设立），2016年国务院批复设立坪山区（2017年挂牌）；无 GB/T 2260 代码"),
        new("4403LH", "龙华新区", "Longhua New Area", 2011, 2016, "440309", "功能区（2011年设立），2016年国务院批复设立龙华区（2017年挂牌）；无 GB/T 2260 代码"),
        new(DapengCode, "大鹏新区", "Dapeng New Area", 2011, null, null, "功能区（2011年设立），无 GB/T 2260 代码（本地代码）；由龙岗区葵涌、大鹏、南澳街道（440307009-440307011）组成"),
    ];

    /// <summary>First year of the districts that replaced the functional zones.</summary>
    public static readonly IReadOnlyDictionary<string, int> DistrictFromYear = new Dictionary<string, int>
    {
        ["440311"] = 2018, // 光明区
        ["440310"] = 2017, // 坪山区
        ["440309"] = 2017, // 龙华区
    };

    public static readonly IReadOnlyDictionary<string, string> EnglishNames = new Dictionary<string, string>
    {
        [CountryCode] = "China", [GuangdongCode] = "Guangdong Province",
        ["440100"] = "Guangzhou", ["440200"] = "Shaoguan", ["440300"] = "Shenzhen", ["440400"] = "Zhuhai", ["440500"] = "Shantou",
        ["440600"] = "Foshan", ["440700"] = "Jiangmen", ["440800"] = "Zhanjiang", ["440900"] = "Maoming", ["441200"] = "Zhaoqing",
        ["441300"] = "Huizhou", ["441400"] = "Meizhou", ["441500"] = "Shanwei", ["441600"] = "Heyuan", ["441700"] = "Yangjiang",
        ["441800"] = "Qingyuan", ["441900"] = "Dongguan", ["442000"] = "Zhongshan", ["445100"] = "Chaozhou", ["445200"] = "Jieyang",
        ["445300"] = "Yunfu",
        ["440303"] = "Luohu District", ["440304"] = "Futian District", ["440305"] = "Nanshan District", ["440306"] = "Bao'an District",
        ["440307"] = "Longgang District", ["440308"] = "Yantian District", ["440309"] = "Longhua District", ["440310"] = "Pingshan District",
        ["440311"] = "Guangming District",
        ["440103"] = "Liwan District", ["440104"] = "Yuexiu District", ["440105"] = "Haizhu District", ["440106"] = "Tianhe District",
        ["440111"] = "Baiyun District", ["440112"] = "Huangpu District", ["440113"] = "Panyu District", ["440114"] = "Huadu District",
        ["440115"] = "Nansha District", ["440117"] = "Conghua District", ["440118"] = "Zengcheng District",
    };

    public static List<Region> Build(string divisionsDirectory)
    {
        var country = New(CountryCode, "全国", RegionLevel.Country, null);
        var regions = new List<Region> { country };

        var provinceName = CsvRows.Read(Path.Combine(divisionsDirectory, "modood_provinces.csv"))
            .Single(r => r["code"] == GuangdongCode[..2])["name"];
        var province = New(GuangdongCode, provinceName, RegionLevel.Province, country);
        regions.Add(province);

        var cities = new Dictionary<string, Region>();
        foreach (var row in CsvRows.Read(Path.Combine(divisionsDirectory, "modood_cities.csv")).Where(r => r["provinceCode"] == GuangdongCode[..2]))
        {
            var city = New(row["code"] + "00", row["name"], RegionLevel.City, province);
            cities[city.Code] = city;
            regions.Add(city);
        }

        foreach (var row in CsvRows.Read(Path.Combine(divisionsDirectory, "DERIVED_guangdong_counties.csv")))
        {
            var cityCode = row["city_code"];
            var countyCode = row["county_code"];
            if (countyCode == cityCode) continue; // 东莞/中山 have no districts: the row repeats the city
            if (!cities.TryGetValue(cityCode, out var city))
                throw new InvalidDataException($"区划文件 DERIVED_guangdong_counties.csv：区县 {countyCode} 的地市代码 {cityCode} 不在 modood_cities.csv 中");
            var district = New(countyCode, row["county"], RegionLevel.District, city);
            if (DistrictFromYear.TryGetValue(countyCode, out var from)) district.ValidFromYear = from;
            if (!string.IsNullOrWhiteSpace(row["note"])) district.Note = row["note"];
            regions.Add(district);
        }

        var shenzhen = cities[ShenzhenCode];
        var byCode = regions.ToDictionary(r => r.Code);
        foreach (var zone in HistoricalZones)
        {
            var successor = zone.SuccessorCode is null ? null : byCode[zone.SuccessorCode];
            regions.Add(new Region
            {
                Code = zone.Code, IsOfficialCode = false, Name = zone.Name, NameEn = zone.NameEn,
                Level = RegionLevel.FunctionalZone, Parent = shenzhen,
                ValidFromYear = zone.FromYear, ValidToYear = zone.ToYear,
                Successor = successor, SeriesCode = zone.SuccessorCode ?? zone.Code, Note = zone.Note,
            });
        }
        return regions;
    }

    private static Region New(string code, string name, RegionLevel level, Region? parent) => new()
    {
        Code = code, Name = name, Level = level, Parent = parent, SeriesCode = code,
        NameEn = EnglishNames.GetValueOrDefault(code),
    };
}
