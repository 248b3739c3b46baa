namespace ClusterWatch.Core.Data;

/// <summary>Where relative data paths are anchored: the repository root (holding ClusterWatch.sln) or else the working directory.</summary>
public static class AppPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ClusterWatch.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    /// <summary>Reference data shipped with Core (copied to the output directory).</summary>
    public static string SeedData => Path.Combine(AppContext.BaseDirectory, "SeedData");
}
