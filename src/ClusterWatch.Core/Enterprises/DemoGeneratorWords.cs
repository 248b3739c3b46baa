namespace ClusterWatch.Core.Enterprises;

/// <summary>Word lists and weights that make the synthetic enterprises look plausible (all made up).</summary>
internal static class DemoGeneratorWords
{
    /// <summary>Characters combined into two- or three-character brand names (字号).</summary>
    public const string BrandCharacters =
        "华康瑞达安泰恒润博信海联科创源盛和新晶睿远景宏鼎凯卓越锐晟鸿普天明阳智汇诺星辰聚合思宁健禾益欣佳众" +
        "弘亿迈泽嘉峰德丰元宇成致晨兴顺平昊骏振腾翔灏澜誉铭芯微康泓英杰隆源祥泰福正华光金银雅乐晓云舟优贝" +
        "艾朗迪赛莱菲琪柏松桐楠森晖曜煜熠璟琛瑾琳瑜璞钰颐怡宸煊岚屹峻崇尚谦敏睿臻";

    /// <summary>The industry part of the name, per taxonomy leaf.</summary>
    public static readonly Dictionary<string, string[]> IndustryWords = new()
    {
        [IndustryTaxonomy.Biologic] = ["生物制药", "生物技术", "生物医药", "生物制品", "药业"],
        [IndustryTaxonomy.Chemical] = ["制药", "药业", "医药科技", "化学制药", "医药"],
        [IndustryTaxonomy.Tcm] = ["中药", "中药饮片", "药业", "本草", "国药"],
        [IndustryTaxonomy.Imaging] = ["医学影像", "影像科技", "医疗设备", "医疗科技"],
        [IndustryTaxonomy.Ivd] = ["生物科技", "诊断技术", "生物工程", "医学检验", "体外诊断"],
        [IndustryTaxonomy.Implant] = ["医疗器械", "医疗科技", "生物材料", "介入医疗"],
        [IndustryTaxonomy.Rehab] = ["康复器械", "康复科技", "医疗器械", "健康科技"],
        [IndustryTaxonomy.Monitoring] = ["医疗电子", "医疗设备", "生命科技", "医疗器械"],
        [IndustryTaxonomy.CellGene] = ["细胞科技", "基因科技", "生物科技", "细胞治疗"],
        [IndustryTaxonomy.Cro] = ["医药研发", "生物医药研究", "医药技术", "临床研究"],
        [IndustryTaxonomy.Agriculture] = ["农业科技", "生物育种", "种业", "生物农业"],
        [IndustryTaxonomy.Environment] = ["环保科技", "生物环保", "环境技术"],
        [IndustryTaxonomy.Manufacturing] = ["生物制造", "生物材料", "酶工程", "发酵科技"],
        [IndustryTaxonomy.Energy] = ["生物能源", "生物质能源", "新能源科技"],
        [IndustryTaxonomy.Internet] = ["网络科技", "信息技术", "互联网科技", "数字科技", "软件"],
        [IndustryTaxonomy.NewEnergy] = ["新能源", "光伏科技", "电池", "储能科技", "动力科技"],
    };

    public static readonly string[] Suffixes = ["有限公司", "有限公司", "有限公司", "股份有限公司"];

    /// <summary>Share of all enterprises by city code; cities not listed share the remainder equally.</summary>
    public static readonly Dictionary<string, double> CityWeights = new()
    {
        ["440300"] = 0.55, // 深圳
        ["440100"] = 0.25, // 广州
        ["440600"] = 0.035, // 佛山
        ["441900"] = 0.03, // 东莞
        ["442000"] = 0.025, // 中山
        ["440400"] = 0.025, // 珠海
        ["441300"] = 0.015, // 惠州
        ["440700"] = 0.01, // 江门
    };

    public const double OtherCitiesWeight = 0.06;

    /// <summary>Relative weight of a district (registered place) by code; unlisted districts weigh 1.</summary>
    public static readonly Dictionary<string, double> DistrictWeights = new()
    {
        ["440305"] = 20, // 南山
        ["440310"] = 13, // 坪山 (生物医药产业基地)
        ["440306"] = 15, // 宝安
        ["440307"] = 13, // 龙岗
        ["440311"] = 10, // 光明
        ["440309"] = 10, // 龙华
        ["440304"] = 6, // 福田
        ["440303"] = 2.5, // 罗湖
        ["440308"] = 1.5, // 盐田
        ["4403DP"] = 3, // 大鹏新区
        ["440112"] = 9, // 黄埔 (广州国际生物岛、科学城)
        ["440106"] = 5, // 天河
        ["440113"] = 4, // 番禺
        ["440111"] = 4, // 白云
        ["440115"] = 3, // 南沙
        ["440104"] = 2.5, // 越秀
        ["440105"] = 2.5, // 海珠
        ["440103"] = 1.5, // 荔湾
        ["440114"] = 2, // 花都
        ["440118"] = 2, // 增城
        ["440117"] = 1, // 从化
    };

    /// <summary>Where a firm registered elsewhere tends to build its plant (weight by district code).</summary>
    public static readonly Dictionary<string, double> ProductionDistrictWeights = new()
    {
        ["440310"] = 10, ["440311"] = 7, ["440306"] = 5, ["440307"] = 5, ["4403DP"] = 2, ["440309"] = 3,
        ["440112"] = 10, ["440115"] = 4, ["440118"] = 3, ["440114"] = 3, ["440117"] = 2,
    };

    /// <summary>Multipliers of sub-industry weights in districts known for a field (福田 internet, 龙岗/坪山 new energy).</summary>
    public static readonly Dictionary<string, Dictionary<string, double>> DistrictIndustryBoosts = new()
    {
        ["440304"] = new() { [IndustryTaxonomy.Internet] = 6 },
        ["440305"] = new() { [IndustryTaxonomy.Internet] = 2 },
        ["440303"] = new() { [IndustryTaxonomy.Internet] = 3 },
        ["440307"] = new() { [IndustryTaxonomy.NewEnergy] = 4 },
        ["440310"] = new() { [IndustryTaxonomy.NewEnergy] = 2 },
        ["440311"] = new() { [IndustryTaxonomy.NewEnergy] = 2 },
        ["440306"] = new() { [IndustryTaxonomy.NewEnergy] = 1.5 },
    };

    /// <summary>Sub-industry weights in Shenzhen: devices and IVD large.</summary>
    public static readonly (string Code, double Weight)[] ShenzhenIndustries =
    [
        (IndustryTaxonomy.Biologic, 9), (IndustryTaxonomy.Chemical, 6), (IndustryTaxonomy.Tcm, 2),
        (IndustryTaxonomy.Imaging, 8), (IndustryTaxonomy.Ivd, 14), (IndustryTaxonomy.Implant, 7),
        (IndustryTaxonomy.Rehab, 4), (IndustryTaxonomy.Monitoring, 11), (IndustryTaxonomy.CellGene, 5),
        (IndustryTaxonomy.Cro, 5), (IndustryTaxonomy.Agriculture, 2), (IndustryTaxonomy.Environment, 3),
        (IndustryTaxonomy.Manufacturing, 3), (IndustryTaxonomy.Energy, 1.5),
        (IndustryTaxonomy.Internet, 5), (IndustryTaxonomy.NewEnergy, 2.5),
    ];

    /// <summary>Sub-industry weights in Guangzhou: chemical drugs and TCM larger.</summary>
    public static readonly (string Code, double Weight)[] GuangzhouIndustries =
    [
        (IndustryTaxonomy.Biologic, 10), (IndustryTaxonomy.Chemical, 14), (IndustryTaxonomy.Tcm, 12),
        (IndustryTaxonomy.Imaging, 4), (IndustryTaxonomy.Ivd, 8), (IndustryTaxonomy.Implant, 4),
        (IndustryTaxonomy.Rehab, 3), (IndustryTaxonomy.Monitoring, 4), (IndustryTaxonomy.CellGene, 5),
        (IndustryTaxonomy.Cro, 6), (IndustryTaxonomy.Agriculture, 3), (IndustryTaxonomy.Environment, 3),
        (IndustryTaxonomy.Manufacturing, 4), (IndustryTaxonomy.Energy, 2),
        (IndustryTaxonomy.Internet, 5), (IndustryTaxonomy.NewEnergy, 3),
    ];

    public static readonly (string Code, double Weight)[] OtherIndustries =
    [
        (IndustryTaxonomy.Biologic, 6), (IndustryTaxonomy.Chemical, 10), (IndustryTaxonomy.Tcm, 9),
        (IndustryTaxonomy.Imaging, 3), (IndustryTaxonomy.Ivd, 5), (IndustryTaxonomy.Implant, 5),
        (IndustryTaxonomy.Rehab, 5), (IndustryTaxonomy.Monitoring, 5), (IndustryTaxonomy.CellGene, 2),
        (IndustryTaxonomy.Cro, 2), (IndustryTaxonomy.Agriculture, 6), (IndustryTaxonomy.Environment, 4),
        (IndustryTaxonomy.Manufacturing, 6), (IndustryTaxonomy.Energy, 3),
        (IndustryTaxonomy.Internet, 3), (IndustryTaxonomy.NewEnergy, 4),
    ];
}
