using ClusterWatch.Core.Plans.Extraction;

namespace ClusterWatch.Tests.Plans.Extraction;

/// <summary>Documents of the same kind as the seeds but written for this test (other cities, years, note forms),
/// so the parser is shown to read the genre rather than five texts.</summary>
public sealed class PlanExtractorSyntheticTests
{
    private const string DongguanPlan = """
        东莞市生物医药产业高质量发展行动计划（2023—2025年）

        一、发展基础
        2022年，全市生物医药产业营业收入达到320亿元，规模以上企业86家，有效发明专利量为2400件。
        二、发展目标
        到2025年，全市生物医药产业营业收入突破五百亿元，培育年营业收入超十亿元企业5家以上，新增上市企业2—3家，引进高层次人才团队不少于二十个，规模以上企业研发投入强度达到8%左右，有效发明专利量达到1.2万件。
        三、重点任务
        （一）建设创新平台。
        1．建设公共技术服务平台。建成省级以上创新平台10个。（责任单位：市科技局，市发展改革局、市财政局）
        2．完善临床试验体系。支持医疗机构开展临床试验，新增药物临床试验机构3家。（市卫生健康局牵头，市市场监管局、各镇街（园区）按职责分工负责）
        （二）培育企业梯队。
        实施企业培育计划，力争新增国家高新技术企业50家以上。（责任单位：市工业和信息化局、市投资促进局和各镇人民政府及园区管委会）
        四、保障措施
        （一）加强组织领导。
        建立由市政府分管领导牵头的工作机制，统筹推进生物医药产业发展。（责任单位：市发展改革局）
        五、目标分解
        各园区产业营业收入目标分解如下：
        单位：亿元

        2024年
        2025年
        全市
        420
        500
        松山湖园区
        260
        300
        滨海湾新区
        60
        80
        """;

    private const string HuangpuWorkPlan = """
        广州市黄埔区促进生物医药产业发展工作方案
        (2021-2023年)
        一、工作目标
        （一）2022年目标。
        全区生物医药产业规模达到1500亿元，新引进项目一百二十个，培育两家百亿级企业。
        （二）2023年目标。
        全区生物医药产业规模力争达到2000亿元以上，获得三类医疗器械注册证约40件，培育上市企业1～2家。
        二、主要任务
        （一）推动项目落地。
        加快重大项目建设，推动5000万元以上项目开工。（责任单位：区发展改革局、区科技局及区投资促进局）
        （二）强化要素保障。
        统筹用地、用能和资金保障。（区规划和自然资源局、区财政局牵头，各镇街按职责分工负责）
        """;

    private const string PingshanFiveYearPlan = """
        首页 > 政务公开 > 规划计划
        深圳市坪山区生物医药产业发展“十四五”规划
        一、发展现状
        2020年，全区生物医药企业营业收入达到185亿元，同比增长百分之二十。
        二、发展目标
        到2025年，生物医药产业营业收入年均增长百分之十五以上，新增国家级创新平台3个，新建专业园区面积不少于50万平方米。
        三、主要任务
        （一）打造创新载体。
        建设生物医药创新中心。（区发展和改革局、区科技创新局按职责分工负责）
        （二）壮大企业集群。
        实施龙头企业培育计划（2021-2025年）。
        牵头单位：区工业和信息化局；配合单位：区投资推广署、各街道办事处
        （三）优化服务环境。
        推行企业服务专员制度（详见附表）。
        """;

    [Fact]
    public void A_five_year_plan_page_gets_its_title_period_and_notes_in_the_other_written_forms()
    {
        var x = PlanExtractor.Parse(PingshanFiveYearPlan);

        Assert.Equal("深圳市坪山区生物医药产业发展“十四五”规划", x.Title);
        Assert.Equal("坪山区", x.Region);
        Assert.Equal((2021, 2025), (x.PeriodStart!.Value, x.PeriodEnd!.Value));

        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 15, Unit: "%", Comparator: ">=" });
        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 3, Unit: "个" });
        Assert.Contains(x.Baselines, b => b is { Year: 2020, Value: 185, Unit: "亿元" });
        Assert.Contains(x.Baselines, b => b is { Year: 2020, Value: 20, Unit: "%" });

        Assert.Equal(2, x.Tasks.Count);
        Assert.Equal(("三.（一）", "区发展和改革局"), (x.Tasks[0].Number, Assert.Single(x.Tasks[0].LeadUnits)));
        Assert.Equal(["区发展和改革局", "区科技创新局"], x.Tasks[0].Units);
        Assert.Equal(("三.（二）", "区工业和信息化局"), (x.Tasks[1].Number, Assert.Single(x.Tasks[1].LeadUnits)));
        Assert.Equal(["区工业和信息化局", "区投资推广署", "各街道办事处"], x.Tasks[1].Units);
    }

    [Fact]
    public void A_covering_notice_without_page_metadata_gives_issuer_number_and_the_plans_own_title()
    {
        const string notice = """
            深圳市南山区人民政府办公室关于印发《南山区生物医药产业发展行动方案（2024—2026年）》的通知
            深南府办〔2024〕5号
            各街道办事处，区政府直属各单位：
            　　《南山区生物医药产业发展行动方案（2024—2026年）》已经区政府同意，现予印发，请认真组织实施。
            深圳市南山区人民政府办公室
            2024年3月1日
            南山区生物医药产业发展行动方案（2024—2026年）
            一、工作目标
            到2026年，全区生物医药产业营业收入突破800亿元。
            """;

        var x = PlanExtractor.Parse(notice);

        Assert.Equal("南山区生物医药产业发展行动方案（2024—2026年）", x.Title);
        Assert.Equal("深圳市南山区人民政府办公室", x.Issuer);
        Assert.Equal("深南府办〔2024〕5号", x.DocNumber);
        Assert.Equal("南山区", x.Region);
        Assert.Equal((2024, 2026), (x.PeriodStart!.Value, x.PeriodEnd!.Value));
        var target = Assert.Single(x.Targets);
        Assert.Equal((2026, 800m, "亿元", ">="), (target.Year, target.Value, target.Unit, target.Comparator));
    }

    [Fact]
    public void A_chaptered_five_year_plan_keeps_past_achievements_out_of_its_goals()
    {
        const string plan = """
            佛山市生物医药产业发展“十四五”规划
            第一章 发展基础
            一、发展成效
            “十三五”期间，全市累计培育高新技术企业120家，建成省级工程中心15个。
            全市已建成生物医药产业园6个，引进创新团队20个。
            第二章 发展目标
            一、总体目标
            产业规模突破1000亿元，培育上市企业10家以上，建成省级以上创新平台30个。
            第三章 重点任务
            一、壮大产业集群
            （一）建设特色园区。
            新建专业园区3个。（责任单位：市发展改革局，各区人民政府）
            """;

        var x = PlanExtractor.Parse(plan);

        Assert.Equal((2021, 2025), (x.PeriodStart!.Value, x.PeriodEnd!.Value));
        Assert.Equal("佛山市", x.Region);
        Assert.Equal([(1000m, "亿元"), (10m, "家"), (30m, "个"), (3m, "个")], x.Targets.Select(t => (t.Value, t.Unit)));
        Assert.All(x.Targets, t => Assert.Equal(2025, t.Year));
        Assert.Empty(x.Baselines);
        var task = Assert.Single(x.Tasks);
        Assert.Equal(["市发展改革局", "各区人民政府"], task.Units);
    }

    [Fact]
    public void A_flattened_main_indicator_table_gives_baselines_for_the_base_year_and_targets_for_the_end_year()
    {
        const string plan = """
            珠海市生物医药产业发展规划（2021-2025年）
            一、发展目标
            到2025年，全市生物医药产业规模达到800亿元。
            专栏1 主要发展指标
            指标名称
            单位
            2020年
            2025年
            属性
            生物医药产业规模
            亿元
            350
            800
            预期性
            规模以上企业数量
            家
            120
            ≥200
            预期性
            研发投入强度
            %
            4.5
            6左右
            预期性
            二、重点任务
            """;

        var x = PlanExtractor.Parse(plan);

        Assert.Equal(3, x.Targets.Count); // 800 亿元 once: the table repeats the text's goal
        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 200, Unit: "家", Comparator: ">=" });
        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 6, Unit: "%", Comparator: "~" });
        Assert.Equal([(2020, 350m, "亿元"), (2020, 120m, "家"), (2020, 4.5m, "%")], x.Baselines.Select(b => (b.Year, b.Value, b.Unit)));
        Assert.Equal("生物医药产业规模", x.Baselines[0].Indicator);
    }

    [Fact]
    public void A_city_action_plan_gives_its_goals_the_year_named_by_dao_and_its_past_figures_as_baselines()
    {
        var x = PlanExtractor.Parse(DongguanPlan);

        Assert.Equal("东莞市生物医药产业高质量发展行动计划（2023—2025年）", x.Title);
        Assert.Equal("东莞市", x.Region);
        Assert.Equal((2023, 2025), (x.PeriodStart!.Value, x.PeriodEnd!.Value));

        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 500, Unit: "亿元", Comparator: ">=" });
        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 5, Unit: "家", Comparator: ">=" });
        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 2, ValueMax: 3, Unit: "家", Comparator: "=" });
        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 20, Unit: "个", Comparator: ">=" });
        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 8, Unit: "%", Comparator: "~" });
        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 12000, Unit: "件" });
        Assert.Contains(x.Targets, t => t is { Year: 2025, Value: 10, Unit: "个" });
        Assert.DoesNotContain(x.Targets, t => t.Value == 10 && t.Unit == "亿元"); // "超十亿元企业" is a threshold, not a goal

        Assert.Equal(3, x.Baselines.Count);
        Assert.All(x.Baselines, b => Assert.Equal(2022, b.Year));
        Assert.Contains(x.Baselines, b => b is { Value: 320, Unit: "亿元" });
        Assert.Contains(x.Baselines, b => b is { Value: 2400, Unit: "件" });
    }

    [Fact]
    public void A_city_action_plan_reads_every_form_of_responsible_unit_note_with_heading_numbers()
    {
        var x = PlanExtractor.Parse(DongguanPlan);

        var platform = Assert.Single(x.Tasks, t => t.Number == "三.（一）.1");
        Assert.Equal(["市科技局"], platform.LeadUnits);
        Assert.Equal(["市科技局", "市发展改革局", "市财政局"], platform.Units);

        var trials = Assert.Single(x.Tasks, t => t.Number == "三.（一）.2");
        Assert.Equal(["市卫生健康局"], trials.LeadUnits);
        Assert.Equal(["市卫生健康局", "市市场监管局", "各镇街（园区）"], trials.Units);

        var firms = Assert.Single(x.Tasks, t => t.Number == "三.（二）");
        Assert.Equal(["市工业和信息化局", "市投资促进局", "各镇人民政府", "园区管委会"], firms.Units);

        Assert.Contains(x.Tasks, t => t.Number == "四.（一）" && t.Units.SequenceEqual(["市发展改革局"]));
        Assert.Equal(4, x.Tasks.Count);
    }

    [Fact]
    public void A_flattened_decomposition_table_becomes_allocations_with_the_whole_city_row_as_the_plan_region()
    {
        var x = PlanExtractor.Parse(DongguanPlan);

        Assert.Equal(6, x.Allocations.Count);
        Assert.Contains(x.Allocations, a => a is { Region: "东莞市", Year: 2025, Value: 500, Unit: "亿元" });
        Assert.Contains(x.Allocations, a => a is { Region: "松山湖园区", Year: 2024, Value: 260 });
        Assert.Contains(x.Allocations, a => a is { Region: "滨海湾新区", Year: 2025, Value: 80 });
    }

    [Fact]
    public void A_district_work_plan_takes_years_from_numbered_goal_headings_and_reads_chinese_numerals()
    {
        var x = PlanExtractor.Parse(HuangpuWorkPlan);

        Assert.Equal("广州市黄埔区促进生物医药产业发展工作方案(2021-2023年)", x.Title);
        Assert.Equal("黄埔区", x.Region);
        Assert.Contains(x.Targets, t => t is { Year: 2022, Value: 1500, Unit: "亿元" });
        Assert.Contains(x.Targets, t => t is { Year: 2022, Value: 120, Unit: "个" });
        Assert.Contains(x.Targets, t => t is { Year: 2022, Value: 2, Unit: "家" });
        Assert.Contains(x.Targets, t => t is { Year: 2023, Value: 2000, Unit: "亿元", Comparator: ">=" });
        Assert.Contains(x.Targets, t => t is { Year: 2023, Value: 40, Unit: "件", Comparator: "~" });
        Assert.Contains(x.Targets, t => t is { Year: 2023, Value: 1, ValueMax: 2, Unit: "家" });
        Assert.DoesNotContain(x.Targets, t => t.Value == 0.5m); // "5000万元以上项目" qualifies projects
        Assert.Empty(x.Baselines);

        Assert.Equal(2, x.Tasks.Count);
        Assert.Equal(["区发展改革局", "区科技局", "区投资促进局"], x.Tasks[0].Units);
        Assert.Equal(["区规划和自然资源局", "区财政局"], x.Tasks[1].LeadUnits);
        Assert.Equal(["区规划和自然资源局", "区财政局", "各镇街"], x.Tasks[1].Units);
    }

    [Theory]
    [InlineData("（责任单位：省工业和信息化厅、文化和旅游厅）", "省工业和信息化厅|文化和旅游厅", "省工业和信息化厅")]
    [InlineData("（省发展改革委、科技厅牵头，各区、县级市按职责分工负责）", "省发展改革委|科技厅|各区、县级市", "省发展改革委|科技厅")]
    [InlineData("（责任单位：市科技局，各区（县级市）政府）", "市科技局|各区（县级市）政府", "市科技局")]
    [InlineData("（责任单位：各区政府及新区管委会、市直各部门）", "各区政府|新区管委会|市直各部门", "各区政府")]
    [InlineData("（市卫生健康委和各地级以上市人民政府负责）", "市卫生健康委|各地级以上市人民政府", "市卫生健康委")]
    [InlineData("（牵头单位：市发展改革委；配合单位：市财政局、市科技局）", "市发展改革委|市财政局|市科技局", "市发展改革委")]
    public void Unit_lists_split_between_units_never_inside_a_name(string note, string units, string leads)
    {
        var task = Assert.Single(PlanExtractor.Parse("某市行动方案（2021-2025年）\n一、任务\n（一）建设平台。推进建设。" + note).Tasks);

        Assert.Equal(units.Split('|'), task.Units);
        Assert.Equal(leads.Split('|'), task.LeadUnits);
        Assert.Equal("一.（一）", task.Number);
    }

    [Fact]
    public void Ordinary_brackets_are_not_responsible_unit_notes()
    {
        var x = PlanExtractor.Parse("某市行动方案（2021-2025年）\n一、任务\n（一）建设平台。推进建设（含扩建）平台，支持企业（含研发机构）发展，由市发展改革委牵头建立联席会议。");

        Assert.Empty(x.Tasks);
    }

    [Fact]
    public void A_growth_measured_against_a_past_year_is_a_goal_not_a_baseline()
    {
        var x = PlanExtractor.Parse("某市产业行动方案（2021-2025年）\n二、发展目标\n到2025年，产业营业收入较2020年增长50%以上。");

        Assert.Empty(x.Baselines);
        var target = Assert.Single(x.Targets);
        Assert.Equal((2025, 50m, "%", ">="), (target.Year, target.Value, target.Unit, target.Comparator));
    }

    [Theory]
    [InlineData("到2025年，产业规模达到1万亿元。", 10000, "亿元")]
    [InlineData("到2025年，新增投资5000万元。", 0.5, "亿元")]
    [InlineData("到2025年，发明专利达到1.5万件。", 15000, "件")]
    [InlineData("到2025年，培育龙头企业一百二十家。", 120, "家")]
    [InlineData("到2025年，培育龙头企业两家。", 2, "家")]
    [InlineData("到2025年，建成研究中心十个。", 10, "个")]
    public void Numbers_are_normalized_to_the_contract_units(string sentence, double value, string unit)
    {
        var x = PlanExtractor.Parse("某市产业行动方案（2021-2025年）\n一、目标\n" + sentence);

        var target = Assert.Single(x.Targets);
        Assert.Equal((decimal)value, target.Value);
        Assert.Equal(unit, target.Unit);
        Assert.Equal(2025, target.Year);
    }

    [Theory]
    [InlineData("培育龙头企业1-2家", 1, 2)]
    [InlineData("培育龙头企业1―2家", 1, 2)]
    [InlineData("培育龙头企业1～2家", 1, 2)]
    [InlineData("培育龙头企业1—2家", 1, 2)]
    [InlineData("培育龙头企业3至5家", 3, 5)]
    public void Ranges_with_any_dash_give_value_and_value_max(string clause, int value, int max)
    {
        var target = Assert.Single(PlanExtractor.Parse("某市产业行动方案（2021-2025年）\n到2025年，" + clause + "。").Targets);

        Assert.Equal((value, max), ((int)target.Value, (int)target.ValueMax!.Value));
        Assert.Equal("=", target.Comparator);
    }

    [Theory]
    [InlineData("产业规模达到100亿元以上", ">=")]
    [InlineData("产业规模超100亿元", ">=")]
    [InlineData("产业规模突破100亿元", ">=")]
    [InlineData("产业规模不低于100亿元", ">=")]
    [InlineData("产业规模达到100亿元左右", "~")]
    [InlineData("产业规模近100亿元", "~")]
    [InlineData("产业规模约100亿元", "~")]
    [InlineData("能耗控制在100亿元以内", "<=")]
    [InlineData("产业规模达到100亿元", "=")]
    [InlineData("力争产业规模达到100亿元", "=")]
    public void Qualifiers_give_the_contract_comparators(string clause, string comparator)
    {
        var target = Assert.Single(PlanExtractor.Parse("某市产业行动方案（2021-2025年）\n到2025年，" + clause + "。").Targets);

        Assert.Equal(comparator, target.Comparator);
        Assert.Equal(100, target.Value);
    }

    [Fact]
    public void Json_has_the_contract_keys_in_order_with_nulls_and_unescaped_chinese()
    {
        var json = PlanExtractor.Parse(HuangpuWorkPlan).ToJson();

        var keys = new[] { "\"title\"", "\"issuer\"", "\"docNumber\"", "\"region\"", "\"periodStart\"", "\"periodEnd\"", "\"targets\"", "\"baselines\"", "\"tasks\"", "\"allocations\"" };
        var positions = keys.Select(k => json.IndexOf(k, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("\"issuer\": null", json);
        Assert.Contains("\"valueMax\": null", json);
        Assert.Contains("黄埔区", json);
        Assert.Contains("\"leadUnits\": [", json);
    }

    [Theory]
    [MemberData(nameof(PlanExtractorScoreTests.Documents), MemberType = typeof(PlanExtractorScoreTests))]
    public void A_gold_file_read_into_the_record_is_written_back_byte_for_byte(string slug)
    {
        var goldJson = SeedDocuments.GoldJson(slug);

        Assert.Equal(goldJson.TrimEnd('\n'), PlanExtraction.Parse(goldJson).ToJson());
    }
}
