using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>Bound from the "Analytics" section: how often the web app looks for changes to refresh.</summary>
public sealed class AnalyticsRefreshOptions
{
    public const string Section = "Analytics";

    /// <summary>Seconds between two looks at the newest audit entry.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>False turns the background refresh off (the facts are then refreshed by the CLI or on start only).</summary>
    public bool BackgroundRefresh { get; set; } = true;
}

public static class AnalyticsRefreshSetup
{
    /// <summary>The fact refresh service, its process-wide status, and its validated options.</summary>
    public static IServiceCollection AddAnalyticsRefresh(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AnalyticsRefreshStatus>();
        services.AddScoped<AnalyticsRefreshService>();
        services.AddOptions<AnalyticsRefreshOptions>().Bind(configuration.GetSection(AnalyticsRefreshOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
