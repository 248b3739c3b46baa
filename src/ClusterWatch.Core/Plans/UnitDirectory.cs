using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Plans;

/// <summary>The responsible units (责任单位) the plans name, with their full names, the forms plans write, and their renamings.</summary>
public static class UnitDirectory
{
    /// <summary>One unit: ShortName starts with 市/省 for a department; Successor is the FullName of the unit after a renaming.</summary>
    public sealed record Definition(
        string FullName, string ShortName, UnitKind Kind, string RegionCode,
        int? FromYear = null, int? ToYear = null, string? Successor = null, string[]? Aliases = null);

    private const string Sz = "440300", Gd = "440000", Gz = "440100";

    // Renaming years follow the 2009, 2012, 2014, 2019 and 2024 Shenzhen and 2018 Guangdong institutional reforms (机构改革) as best known; "?" marks an unsure year.
    public static readonly IReadOnlyList<Definition> Definitions =
    [
        // ── 深圳市 ──
        new("深圳市发展和改革委员会", "市发展改革委", UnitKind.Department, Sz, Aliases: ["市发改委", "发改委"]),
        new("深圳市科技工贸和信息化委员会", "市科工贸信委", UnitKind.Department, Sz, 2009, 2011, "深圳市经济贸易和信息化委员会"), // 2012 split: 科技 → 科技创新委, the rest → 经贸信息委
        new("深圳市经济贸易和信息化委员会", "市经贸信息委", UnitKind.Department, Sz, 2012, 2018, "深圳市工业和信息化局"),
        new("深圳市工业和信息化局", "市工业和信息化局", UnitKind.Department, Sz, 2019, Aliases: ["市工信局", "工信局"]),
        new("深圳市科技创新委员会", "市科技创新委", UnitKind.Department, Sz, 2012, 2023, "深圳市科技创新局", ["市科创委", "科创委"]), // renamed 科技创新局 in the 2024 reform (year unsure)
        new("深圳市科技创新局", "市科技创新局", UnitKind.Department, Sz, 2024),
        new("深圳市卫生和人口计划生育委员会", "市卫生人口计生委", UnitKind.Department, Sz, 2009, 2014, "深圳市卫生和计划生育委员会", ["卫人委"]), // 2015? merger into 卫生计生委
        new("深圳市卫生和计划生育委员会", "市卫生计生委", UnitKind.Department, Sz, 2015, 2018, "深圳市卫生健康委员会"),
        new("深圳市卫生健康委员会", "市卫生健康委", UnitKind.Department, Sz, 2019, Aliases: ["市卫健委", "卫健委"]),
        new("深圳市规划和国土资源委员会", "市规划国土委", UnitKind.Department, Sz, 2009, 2018, "深圳市规划和自然资源局"),
        new("深圳市规划和自然资源局", "市规划和自然资源局", UnitKind.Department, Sz, 2019, Aliases: ["市规划资源局", "规划资源局"]),
        new("深圳市人居环境委员会", "市人居环境委", UnitKind.Department, Sz, 2009, 2018, "深圳市生态环境局"),
        new("深圳市生态环境局", "市生态环境局", UnitKind.Department, Sz, 2019),
        // 药品监管局 merged into 市场和质量监管委 in 2014, which became 市场监督管理局 in 2019 (both names appear in the plans).
        new("深圳市药品监督管理局", "市药品监管局", UnitKind.Department, Sz, null, 2013, "深圳市市场和质量监督管理委员会", ["市药监局"]),
        new("深圳市市场和质量监督管理委员会", "市市场质量监管委", UnitKind.Department, Sz, 2014, 2018, "深圳市市场监督管理局", ["市场和质量监管委"]),
        new("深圳市市场监督管理局", "市市场监管局", UnitKind.Department, Sz, 2019),
        new("深圳市人力资源和社会保障局", "市人力资源保障局", UnitKind.Department, Sz, Aliases: ["市人力资源社会保障局", "人力资源社会保障局", "市人力社保局", "人力社保局"]),
        new("深圳市住房和建设局", "市住房建设局", UnitKind.Department, Sz, Aliases: ["市住建局", "住建局"]),
        new("深圳市农业和渔业局", "市农业局", UnitKind.Department, Sz, null, 2018, Aliases: ["农业和渔业局"]), // full name in 2010 unsure; functions moved in the 2019 reform
        new("深圳市人民政府创业投资办公室", "市创投办", UnitKind.Department, Sz, null, 2018), // full name unsure
        new("深圳市人民政府金融发展服务办公室", "市金融办", UnitKind.Department, Sz, null, 2018, "深圳市地方金融监督管理局"),
        new("深圳市地方金融监督管理局", "市地方金融监管局", UnitKind.Department, Sz, 2019, Aliases: ["市金融监管局"]),
        new("深圳市财政委员会", "市财政委", UnitKind.Department, Sz, 2009, 2018, "深圳市财政局"),
        new("深圳市财政局", "市财政局", UnitKind.Department, Sz, 2019),
        new("深圳市教育局", "市教育局", UnitKind.Department, Sz),
        new("深圳市统计局", "市统计局", UnitKind.Department, Sz),
        new("深圳市商务局", "市商务局", UnitKind.Department, Sz, 2019),
        new("深圳市人民政府国有资产监督管理委员会", "市国资委", UnitKind.Department, Sz, Aliases: ["国资委"]),
        new("中共深圳市委组织部", "市委组织部", UnitKind.Department, Sz, Aliases: ["组织部", "深圳市委组织部"]),
        new("中共深圳市委宣传部", "市委宣传部", UnitKind.Department, Sz, Aliases: ["宣传部", "深圳市委宣传部"]),
        new("深圳市政府采购中心", "市政府采购中心", UnitKind.Other, Sz, Aliases: ["政府采购中心"]),
        new("深圳广播电影电视集团", "深圳广电集团", UnitKind.Other, Sz, Aliases: ["广电集团"]),
        new("深圳报业集团", "深圳报业集团", UnitKind.Other, Sz, Aliases: ["报业集团"]),
        new("深圳市各区人民政府", "各区政府", UnitKind.Collective, Sz, Aliases: ["各区人民政府"]),
        new("深圳市各新区管理委员会", "新区管委会", UnitKind.Collective, Sz, Aliases: ["各新区管委会"]),
        new("深圳市直各部门", "市直各部门", UnitKind.Collective, Sz, Aliases: ["市直各单位"]),

        // ── 广东省 ──
        new("广东省发展和改革委员会", "省发展改革委", UnitKind.Department, Gd, Aliases: ["省发改委"]),
        new("广东省科学技术厅", "省科技厅", UnitKind.Department, Gd),
        new("广东省经济和信息化委员会", "省经济和信息化委", UnitKind.Department, Gd, 2009, 2018, "广东省工业和信息化厅", ["省经信委"]),
        new("广东省工业和信息化厅", "省工业和信息化厅", UnitKind.Department, Gd, 2018, Aliases: ["省工信厅", "工信厅"]),
        new("广东省卫生和计划生育委员会", "省卫生计生委", UnitKind.Department, Gd, 2013, 2018, "广东省卫生健康委员会"),
        new("广东省卫生健康委员会", "省卫生健康委", UnitKind.Department, Gd, 2018, Aliases: ["省卫健委"]),
        new("广东省中医药局", "省中医药局", UnitKind.Department, Gd),
        new("广东省药品监督管理局", "省药监局", UnitKind.Department, Gd, 2018, Aliases: ["省药品监管局"]),
        new("广东省市场监督管理局", "省市场监管局", UnitKind.Department, Gd, 2018),
        new("广东省人力资源和社会保障厅", "省人力资源社会保障厅", UnitKind.Department, Gd, Aliases: ["省人社厅", "人社厅"]),
        new("广东省农业农村厅", "省农业农村厅", UnitKind.Department, Gd, 2018),
        new("广东省医疗保障局", "省医保局", UnitKind.Department, Gd, 2018, Aliases: ["省医疗保障局", "医疗保障局"]),
        new("广东省地方金融监督管理局", "省地方金融监管局", UnitKind.Department, Gd, 2018, Aliases: ["省金融局"]),
        new("广东省文化和旅游厅", "省文化和旅游厅", UnitKind.Department, Gd, 2018),
        new("广东省林业局", "省林业局", UnitKind.Department, Gd),
        new("广东省民政厅", "省民政厅", UnitKind.Department, Gd),
        new("广东省人民政府港澳事务办公室", "省港澳办", UnitKind.Department, Gd),
        new("广东省商务厅", "省商务厅", UnitKind.Department, Gd),
        new("广东省教育厅", "省教育厅", UnitKind.Department, Gd),
        new("广东省自然资源厅", "省自然资源厅", UnitKind.Department, Gd, 2018),
        new("广东省财政厅", "省财政厅", UnitKind.Department, Gd),
        new("国家税务总局广东省税务局", "省税务局", UnitKind.Department, Gd, 2018, Aliases: ["广东省税务局"]),
        new("中共广东省委组织部", "省委组织部", UnitKind.Department, Gd, Aliases: ["广东省委组织部"]),
        new("海关总署广东分署", "海关总署广东分署", UnitKind.Other, Gd, Aliases: ["广东分署"]),
        new("广东省各地级以上市人民政府", "各地级以上市人民政府", UnitKind.Collective, Gd, Aliases: ["各地级以上市政府"]),
        new("广东省制造强省建设领导小组各成员单位", "省制造强省建设领导小组各成员单位", UnitKind.Collective, Gd),

        // ── 广州市 (the Guangzhou plan names no units; its main departments for later plans) ──
        new("广州市发展和改革委员会", "市发展改革委", UnitKind.Department, Gz),
        new("广州市科学技术局", "市科技局", UnitKind.Department, Gz, 2019),
        new("广州市工业和信息化局", "市工业和信息化局", UnitKind.Department, Gz, 2019),
        new("广州市卫生健康委员会", "市卫生健康委", UnitKind.Department, Gz, 2019),
        new("广州市市场监督管理局", "市市场监管局", UnitKind.Department, Gz, 2019),
        new("广州市各区人民政府", "各区政府", UnitKind.Collective, Gz, Aliases: ["各区人民政府"]),
    ];

    /// <summary>Every form a plan may write for a unit: short name, without its 市/省 prefix, with its region's name, full name, extras.</summary>
    public static IReadOnlyList<string> AliasesOf(Definition d, string regionName)
    {
        var aliases = new List<string> { d.ShortName, d.FullName };
        if (d.ShortName.Length > 2 && d.ShortName[0] is '市' or '省' && d.ShortName[1] is not ('委' or '直'))
        {
            var bare = d.ShortName[1..];
            aliases.Add(bare);
            aliases.Add(regionName + bare);
            aliases.Add(regionName.TrimEnd('市', '省') + d.ShortName);
        }
        if (d.Aliases is not null) aliases.AddRange(d.Aliases);
        return aliases.Distinct().ToList();
    }

    /// <summary>Creates the units (with aliases and successor links) for the regions given; district governments come from the Shenzhen and Guangzhou districts.</summary>
    public static List<Unit> Build(IReadOnlyCollection<Region> regions)
    {
        var byCode = regions.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First());
        var units = new Dictionary<string, Unit>();

        foreach (var d in Definitions)
        {
            var region = byCode[d.RegionCode];
            units.Add(d.FullName, new Unit
            {
                FullName = d.FullName, ShortName = d.ShortName, Kind = d.Kind, Region = region,
                ValidFromYear = d.FromYear, ValidToYear = d.ToYear,
                Aliases = AliasesOf(d, region.Name).Select(a => new UnitAlias { Alias = a }).ToList(),
            });
        }
        foreach (var d in Definitions.Where(d => d.Successor is not null))
            units[d.FullName].Successor = units[d.Successor!];

        foreach (var city in new[] { Sz, Gz }.Select(c => byCode[c]))
        {
            var districts = regions.Where(r => r.Parent == city && r.Level is RegionLevel.District or RegionLevel.FunctionalZone);
            foreach (var district in districts.OrderBy(r => r.Level))
            {
                var unit = DistrictGovernment(city, district);
                if (district.Successor is not null)
                    unit.Successor = units.Values.First(u => u.Region == district.Successor && u.Kind == UnitKind.DistrictGovernment);
                units.Add(unit.FullName, unit);
            }
        }
        return units.Values.ToList();
    }

    private static Unit DistrictGovernment(Region city, Region district)
    {
        var isZone = district.Level == RegionLevel.FunctionalZone;
        var fullName = city.Name + district.Name + (isZone ? "管理委员会" : "人民政府");
        var shortName = district.Name + (isZone ? "管委会" : "政府");
        var aliases = new[] { shortName, fullName, district.Name + (isZone ? "管理委员会" : "人民政府"), city.Name + shortName };
        return new Unit
        {
            FullName = fullName, ShortName = shortName, Kind = UnitKind.DistrictGovernment, Region = district,
            ValidFromYear = district.ValidFromYear, ValidToYear = district.ValidToYear,
            Aliases = aliases.Distinct().Select(a => new UnitAlias { Alias = a }).ToList(),
        };
    }
}
