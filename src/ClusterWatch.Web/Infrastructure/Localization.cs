namespace ClusterWatch.Web.Infrastructure;

public static class LocalizationSetup
{
    public static IServiceCollection AddClusterWatchLocalization(this IServiceCollection services) => services;
    public static IApplicationBuilder UseClusterWatchLocalization(this IApplicationBuilder app) => app;
}
