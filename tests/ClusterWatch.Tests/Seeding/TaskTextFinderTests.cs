using ClusterWatch.Core.Seeding;

namespace ClusterWatch.Tests.Seeding;

public class TaskTextFinderTests
{
    [Fact]
    public void A_task_in_a_paragraph_text_runs_from_its_heading_to_its_responsible_units()
    {
        var text = "三、主要任务\n（一）建设创新平台\n　　1．深港研究平台。支持高校建设平台。（责任单位：市科技创新委、福田区政府）\n　　2．下一个任务。（责任单位：市教育局）\n";
        var found = new TaskTextFinder(text).Find("深港研究平台");
        Assert.Equal("1．深港研究平台。支持高校建设平台。（责任单位：市科技创新委、福田区政府）", found);
    }

    [Fact]
    public void A_title_split_by_a_hard_wrap_is_found_and_the_wrapped_lines_are_joined()
    {
        var text = "三、重点任务\n\n生物医药与健康产业是关系国计民生\n\n的战略性产业，我省产业发展基础\n\n雄厚，要紧紧抓住重大机遇，集聚资源、突出\n\n重点、发挥优势、补齐短板，推动\n\n产业高质量发展。\n\n（一） 完善产业空间布局，打造生物医药与健\n\n康产业集聚区。打造以广州、深圳为核心的集\n\n聚区。（省发展改革委、科技厅牵头，省卫生健康\n\n委参与）\n\n（二） 下一项。（省科技厅牵头）\n";
        var found = new TaskTextFinder(text).Find("完善产业空间布局，打造生物医药与健康产业集聚区");
        Assert.Equal("（一） 完善产业空间布局，打造生物医药与健康产业集聚区。打造以广州、深圳为核心的集聚区。（省发展改革委、科技厅牵头，省卫生健康委参与）", found);
    }

    [Fact]
    public void An_unknown_title_gives_null()
    {
        Assert.Null(new TaskTextFinder("（一）某任务。（责任单位：市统计局）").Find("不存在的任务"));
    }
}
