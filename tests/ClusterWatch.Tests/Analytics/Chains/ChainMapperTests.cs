using ClusterWatch.Core.Analytics.Chains;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;

namespace ClusterWatch.Tests.Analytics.Chains;

public class ChainMapperTests
{
    private static readonly ChainLinkRule Cxo = new(1, [IndustryTaxonomy.Cro], ["CRO", "研发外包"], []);
    private static readonly ChainLinkRule Vaccine = new(2, [], ["疫苗"], ["A61K 39"]);
    private static readonly ChainLinkRule Maker = new(3, [IndustryTaxonomy.Biologic], ["生物制药"], ["C12P 21"]);
    private static readonly ChainLinkRule Devices = new(4, [IndustryTaxonomy.Device], ["医疗器械"], ["A61B"]);
    private static readonly ChainLinkRule Distribution = new(5, [], ["医药商业", "大药房"], []);
    private static readonly ChainMapper Mapper = new([Cxo, Vaccine, Maker, Devices, Distribution]);

    [Fact]
    public void An_enterprise_of_a_links_sub_industry_is_matched_by_industry()
    {
        var matches = Mapper.MapEnterprise(IndustryTaxonomy.Cro, "华康医药技术有限公司");
        Assert.Equal([new ChainLinkMatch(1, ChainMatch.Industry)], matches);
    }

    [Fact]
    public void A_sub_industry_below_a_links_code_counts_as_within_it()
    {
        var matches = Mapper.MapEnterprise(IndustryTaxonomy.Ivd, "瑞达诊断技术有限公司");
        Assert.Equal([new ChainLinkMatch(4, ChainMatch.Industry)], matches);
    }

    [Fact]
    public void A_firm_sits_in_several_links_each_reported_once_by_the_strongest_evidence()
    {
        var matches = Mapper.MapEnterprise(IndustryTaxonomy.Biologic, "安泰疫苗生物制药有限公司");
        Assert.Equal([new ChainLinkMatch(2, ChainMatch.Keyword), new ChainLinkMatch(3, ChainMatch.Industry)], matches);
    }

    [Fact]
    public void Keywords_are_matched_case_insensitively()
    {
        var matches = Mapper.MapEnterprise(IndustryTaxonomy.Chemical, "博信cro医药有限公司");
        Assert.Contains(new ChainLinkMatch(1, ChainMatch.Keyword), matches);
    }

    [Fact]
    public void Keywords_do_not_place_a_firm_outside_the_biomedical_scope()
    {
        Assert.Empty(Mapper.MapEnterprise(IndustryTaxonomy.NewEnergy, "疫苗新能源科技有限公司"));
        Assert.Empty(Mapper.MapEnterprise(IndustryTaxonomy.Internet, "医疗器械网络科技有限公司"));
    }

    [Fact]
    public void A_patent_ipc_code_under_a_links_group_matches_by_ipc()
    {
        var matches = Mapper.MapEnterprise(IndustryTaxonomy.Agriculture, "鼎盛农业科技有限公司", ["A61K  39/12"]);
        Assert.Equal([new ChainLinkMatch(2, ChainMatch.Ipc)], matches);
    }

    [Theory]
    [InlineData("A61K39/12", "A61K39", true)]
    [InlineData("A61K39", "A61K39", true)]
    [InlineData("A61K391/00", "A61K39", false)]
    [InlineData("A61K31/00", "A61K3", false)]
    [InlineData("A61B5/00", "A61B", true)]
    [InlineData("C12N15/10", "C12N1", false)]
    public void Ipc_groups_match_on_their_boundary(string code, string group, bool expected) =>
        Assert.Equal(expected, ChainMapper.IpcFallsUnder(code, group));

    [Fact]
    public void A_directory_company_gets_the_sub_industry_its_tushare_industry_names()
    {
        var matches = Mapper.MapDirectoryCompany("生物制药", "某某生物", null);
        Assert.Equal([new ChainLinkMatch(3, ChainMatch.Industry)], matches);
    }

    [Fact]
    public void A_directory_company_of_a_mixed_industry_is_placed_by_keywords_in_its_full_name_or_industry()
    {
        Assert.Equal([new ChainLinkMatch(4, ChainMatch.Keyword)], Mapper.MapDirectoryCompany("医疗保健", "某某医疗", "深圳某某医疗器械股份有限公司"));
        Assert.Equal([new ChainLinkMatch(5, ChainMatch.Keyword)], Mapper.MapDirectoryCompany("医药商业", "国药一致", "国药集团一致药业股份有限公司"));
    }

    [Fact]
    public void A_directory_company_outside_biomedicine_is_not_placed_by_keywords()
    {
        Assert.Empty(Mapper.MapDirectoryCompany("软件服务", "疫苗软件", "某某医疗器械软件股份有限公司"));
    }

    [Fact]
    public void Every_link_of_the_shipped_chains_quotes_a_sentence_of_its_plan()
    {
        var file = ChainDefinitionFile.Read(Path.Combine(AppPaths.SeedData, "chains"));
        var names = file.Chains.Select(c => c.Name).ToList();
        Assert.Superset(new HashSet<string> { "生物药", "化学药", "现代中药", "高端医疗器械", "体外诊断", "细胞与基因治疗" }, names.ToHashSet());
        foreach (var chain in file.Chains)
        {
            Assert.Equal([ChainStage.Upstream, ChainStage.Midstream, ChainStage.Downstream], chain.Links.Select(l => l.Stage).Distinct().Order());
            foreach (var link in chain.Links)
            {
                var plan = Path.Combine(AppPaths.SeedData, "plans", link.SourcePlan + ".txt");
                Assert.True(File.Exists(plan), $"{link.Code}: no plan {link.SourcePlan}");
                var text = string.Concat(File.ReadAllText(plan).Where(c => !char.IsWhiteSpace(c)));
                Assert.Contains(string.Concat(link.SourceQuote.Where(c => !char.IsWhiteSpace(c))), text);
                Assert.True(link.IndustryCodes.Count + link.Keywords.Count + link.IpcCodes.Count > 0, $"{link.Code} has no definition");
            }
        }
    }
}
