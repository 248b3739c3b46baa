using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises.Import;

namespace ClusterWatch.Web.Enterprises;

/// <summary>The enterprise list as an XLSX sheet: one row per enterprise, synthetic rows marked 示例数据.</summary>
public static class EnterpriseExport
{
    public static XlsxSheet Sheet(IReadOnlyList<EnterpriseListItem> items, int year) => new(
        "企业名录",
        ["统一社会信用代码", "企业名称", "注册地区", "区划代码", "细分行业", "上市状态", "培育库", $"{year}年营业收入（万元）", "信用等级", "数据性质"],
        items.Select(i => (IReadOnlyList<object?>)
        [
            i.CreditCode, i.Name, i.Region.Name, i.Region.Code, i.Industry.Name, EnterpriseImportColumns.ListingLabel(i.ListingStatus),
            string.Join("、", i.Pools.Select(EnterpriseImportColumns.PoolLabel)), i.Revenue, i.CreditGrade, i.IsSynthetic ? "示例数据" : "真实数据",
        ]));
}
