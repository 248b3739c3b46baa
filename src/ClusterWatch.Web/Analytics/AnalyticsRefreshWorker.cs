using ClusterWatch.Core.Analytics.Refresh;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterWatch.Web.Analytics;

/// <summary>
/// Looks at the newest audit id every Analytics:PollSeconds and, when it moved past the last refresh, runs the incremental
/// refresh (only what the new audit entries changed). Errors are logged and kept in the status, never stop the app.
/// </summary>
public sealed class AnalyticsRefreshWorker(IServiceScopeFactory scopes, IOptions<AnalyticsRefreshOptions> options, TimeProvider clock,
    ILogger<AnalyticsRefreshWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundRefresh) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var newest = await db.AuditEntries.MaxAsync(a => (long?)a.Id, stoppingToken) ?? 0;
                var state = await AnalyticsRefreshService.ReadStateAsync(db, stoppingToken);
                if (state is not null && state.LastAuditId >= newest) continue;
                var result = await scope.ServiceProvider.GetRequiredService<AnalyticsRefreshService>().RefreshChangesAsync(null, stoppingToken);
                if (result.DidWork) logger.LogInformation("Analytics: {Result}", result);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A missing table during a migration or a locked SQLite file: try again at the next tick.
                logger.LogWarning(ex, "Analytics refresh failed; retrying in {Seconds} s", options.Value.PollSeconds);
            }
        }
    }
}
