using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterWatch.Cli;

/// <summary>Builds the same services as the web app (configuration from appsettings and environment variables).</summary>
public static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IAuditUser>(new FixedAuditUser("cli:" + Environment.UserName));
        builder.Services.AddClusterWatchDatabase(builder.Configuration);
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddClusterWatchAnalytics(builder.Configuration);
        return builder.Build();
    }

    public static async Task<int> WithDb(Func<AppDbContext, IServiceProvider, Task<int>> action)
    {
        using var host = Build();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await action(db, scope.ServiceProvider);
    }

    public static DatabaseOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
}
