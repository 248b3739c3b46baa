using System.Text;
using ClusterWatch.Core.Data;
using C = ClusterWatch.Core.Enterprises.Import.EnterpriseImportColumns;

namespace ClusterWatch.Core.Enterprises.Import;

/// <summary>The enterprise import template: the first sheet holds only the headers; the second (说明) the field rules and an example.</summary>
public static class EnterpriseImportTemplate
{
    public const string XlsxFileName = "企业导入模板.xlsx";
    public const string CsvFileName = "企业导入模板.csv";

    public static IReadOnlyList<(string Column, string Required, string Rule, string Example)> Rules { get; } =
    [
        (C.CreditCode, "必填", "18位，GB 32100-2015 校验位；同一企业可占多行（每行一个年份/季度）", "91440300MA5FXXXXXX（示例，请用真实代码）"),
        (C.Name, "新企业必填", "同一统一社会信用代码的各行须一致", "深圳示例生物科技有限公司"),
        (C.RegisteredRegion, "新企业必填", "区划名称（如“南山区”或“南山”）或6位区划代码（如440305）", "南山区"),
        (C.ProductionRegions, "选填", "生产所在地区，多个用“；”分隔，产值按地区平均分摊；不填则为注册地区", "南山区；坪山区"),
        (C.Industry, "新企业必填", "细分行业名称或代码：" + string.Join("、", IndustryTaxonomy.All.Select(i => i.Name)), "体外诊断"),
        (C.ListingStatus, "选填", "未上市 / 已上市 / 已退市，默认未上市", "未上市"),
        (C.StockCode, "选填", "如 300760.SZ", ""),
        (C.FoundedYear, "选填", "四位年份", "2015"),
        (C.Tags, "选填", "龙头、瞪羚、独角兽、专精特新、高新技术、小升规，多个用“、”分隔", "专精特新、高新技术"),
        (C.Year, "填写指标时必填", "数据所属年份，四位数字", "2025"),
        (C.Quarter, "选填", "空 = 全年；1-4 = 该季度（当季数）", ""),
        (C.Revenue, "选填", "万元，不能为负数", "12345.67"),
        (C.OutputValue, "选填", "万元，不能为负数", "11000"),
        (C.RdExpense, "选填", "万元，不能为负数", "1500"),
        (C.Employees, "选填", "人，整数", "320"),
        (C.InventionPatents, "选填", "件，整数", "12"),
    ];

    public static void WriteXlsx(Stream stream) => XlsxWriter.Write(stream,
    [
        new XlsxSheet("企业数据", C.All, []),
        new XlsxSheet("说明", ["列名", "是否必填", "填写规则", "示例"], Rules.Select(r => (IReadOnlyList<object?>)[r.Column, r.Required, r.Rule, r.Example])),
    ]);

    /// <summary>UTF-8 with BOM so that Excel opens the Chinese headers correctly.</summary>
    public static void WriteCsv(Stream stream)
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", C.All) + "\r\n")).ToArray();
        stream.Write(bytes);
    }
}
