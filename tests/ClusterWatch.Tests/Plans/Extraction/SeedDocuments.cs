using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans.Extraction;

namespace ClusterWatch.Tests.Plans.Extraction;

/// <summary>The five seed plans and their gold extractions: the copies in the build output first, else ../shared beside the repository.</summary>
public static class SeedDocuments
{
    public static readonly string[] Slugs =
    [
        "shenzhen-bio-plan-2009-2015",
        "shenzhen-bio-internet-newenergy-workplan-2010-2012",
        "shenzhen-biomed-cluster-2020-2025",
        "guangzhou-biomed-action-2018-2020",
        "guangdong-biomed-health-cluster-2021-2025",
    ];

    public static string Text(string slug) => File.ReadAllText(Find(slug + ".txt", "seeds"));

    public static string GoldJson(string slug) => File.ReadAllText(Find(slug + ".json", "gold"));

    public static PlanExtraction Gold(string slug) => PlanExtraction.Parse(GoldJson(slug));

    private static string Find(string fileName, string sharedFolder)
    {
        var copied = Path.Combine(AppPaths.SeedData, "plans", fileName);
        if (File.Exists(copied)) return copied;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared", sharedFolder, fileName);
            if (File.Exists(shared)) return shared;
        }
        throw new FileNotFoundException($"seed file {fileName} is neither in {AppPaths.SeedData}/plans nor in ../shared/{sharedFolder}");
    }
}
