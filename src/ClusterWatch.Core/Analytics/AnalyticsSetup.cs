using ClusterWatch.Core.Analytics.Refresh;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterWatch.Core.Analytics;

public static class AnalyticsSetup
{
    /// <summary>The analytics services (progress, forecasts, warnings, chains, credit, assessment), shared by the web app and the CLI.</summary>
    public static IServiceCollection AddClusterWatchAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AggregateCache>();
        services.AddScoped<ProgressService>();
        services.AddOptions<ForecastOptions>().Bind(configuration.GetSection(ForecastOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForecastOptions>>().Value.ToThresholds());
        services.AddOptions<Chains.ChainOptions>().Bind(configuration.GetSection(Chains.ChainOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Chains.ChainAnalysisService>().AddScoped<Chains.ChainReports>();
        services.AddOptions<Warnings.WarningOptions>().Bind(configuration.GetSection(Warnings.WarningOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Warnings.WarningService>();
        services.AddAnalyticsRefresh(configuration);
        services.AddScoped<Assessment.AssessmentService>();
        services.AddSingleton(_ => Enterprises.Credit.CreditScoringModel.Default);
        services.AddScoped<Enterprises.Credit.CreditScoringService>();
        return services;
    }
}
