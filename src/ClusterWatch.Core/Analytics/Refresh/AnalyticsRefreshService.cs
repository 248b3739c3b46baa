using System.Diagnostics;
using System.Text.Json;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>How long one stage of a refresh took and what it touched.</summary>
public sealed record StageTiming(string Stage, double Seconds, string Touched);

/// <summary>The outcome of a refresh: whether it was full, the stages with their timings, and the audit id it covers.</summary>
public sealed record RefreshResult(bool IsFull, IReadOnlyList<StageTiming> Stages, double TotalSeconds, long LastAuditId, DateTimeOffset FinishedAt)
{
    public bool DidWork => Stages.Count > 0;

    public override string ToString() => !DidWork ? "无变动，未刷新" :
        $"{(IsFull ? "全量" : "增量")}刷新 {TotalSeconds:0.###} 秒：" + string.Join("；", Stages.Select(s => $"{s.Stage} {s.Seconds:0.###} 秒（{s.Touched}）"));
}

/// <summary>
/// Refreshes the analytics: the fact table (FactStore, only the (region, year) pairs in scope for an incremental refresh),
/// then the other features' RefreshAsync (warnings, chains, credit, assessment) when registered.
/// One refresh at a time per process (AnalyticsRefreshStatus holds the gate and what the status endpoint shows).
/// </summary>
public sealed class AnalyticsRefreshService(AppDbContext db, IServiceProvider services, AnalyticsRefreshStatus status, TimeProvider clock, IAuditUser? auditUser = null)
{
    public const string FactsStage = "facts";

    /// <summary>
    /// The other features' refreshes that are registered, in the order they run after the facts (warnings first: they read
    /// the facts' numbers through the progress service).
    /// </summary>
    private IEnumerable<(string Stage, Func<RefreshScope, CancellationToken, Task<object>> Run)> FeatureStages()
    {
        if (services.GetService<Warnings.WarningService>() is { } warnings) yield return ("warnings", async (s, ct) => await warnings.RefreshAsync(s, ct));
        if (services.GetService<Chains.ChainAnalysisService>() is { } chains) yield return ("chains", async (s, ct) => await chains.RefreshAsync(s, ct));
        if (services.GetService<Enterprises.Credit.CreditScoringService>() is { } credit) yield return ("credit", async (s, ct) => await credit.RefreshAsync(s, ct));
        if (services.GetService<Assessment.AssessmentService>() is { } assessment) yield return ("assessment", async (s, ct) => $"{await assessment.RefreshAsync(s, ct)} 期");
    }

    private string RefreshUser => auditUser?.Name ?? "system";

    /// <summary>Refreshes what the scope names (RefreshScope.Full: everything); the facts for the scope's enterprises and regions in its years.</summary>
    public Task<RefreshResult> RefreshAsync(RefreshScope scope, IProgress<string>? progress, CancellationToken ct) =>
        RunAsync(async () => (scope, FactScope.From(scope), await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0), progress, ct);

    /// <summary>
    /// Refreshes what changed since the last refresh (from the audit entries), or everything when the facts were never built.
    /// Does nothing when no relevant change was written.
    /// </summary>
    public Task<RefreshResult> RefreshChangesAsync(IProgress<string>? progress, CancellationToken ct) =>
        RunAsync(async () =>
        {
            var state = await ReadStateAsync(db, ct);
            if (state is null) return (RefreshScope.Full, FactScope.Everything, await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0);
            var derived = await RefreshScopeDeriver.DeriveAsync(db, state.LastAuditId, RefreshUser, ct, state.OwnWritesUpToAuditId);
            return (derived.Scope, derived.Facts, derived.UpToAuditId);
        }, progress, ct);

    public static Task<AnalyticsState?> ReadStateAsync(AppDbContext db, CancellationToken ct) =>
        db.Set<AnalyticsState>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == AnalyticsState.SingletonId, ct);

    private async Task<RefreshResult> RunAsync(Func<Task<(RefreshScope Scope, FactScope Facts, long UpTo)>> plan, IProgress<string>? progress, CancellationToken ct)
    {
        await status.Gate.WaitAsync(ct);
        var total = Stopwatch.StartNew();
        var stages = new List<StageTiming>();
        try
        {
            var (scope, facts, upTo) = await plan();
            var isEmpty = !scope.IsFull && facts.IsEmpty && scope.EnterpriseIds.Count == 0 && scope.RegionIds.Count == 0
                          && scope.UnitIds.Count == 0 && scope.PlanIds.Count == 0 && scope.Years.Count == 0;
            status.Started(scope.IsFull || facts.All);
            if (!isEmpty)
            {
                if (!facts.IsEmpty)
                {
                    stages.Add(await RefreshFactsAsync(facts, Report(progress), ct));
                    // The other stages read the dashboard numbers: let them use the fresh facts instead of the live queries.
                    await MarkFactsCurrentAsync(upTo, ct);
                }
                foreach (var (stage, run) in FeatureStages())
                    stages.Add(await RunFeatureStageAsync(stage, run, scope, Report(progress), ct));
            }
            var result = new RefreshResult(scope.IsFull || facts.All, stages, Math.Round(total.Elapsed.TotalSeconds, 3), upTo, clock.GetUtcNow());
            await WriteStateAsync(result, ct);
            status.Finished(result);
            return result;
        }
        catch (Exception ex)
        {
            status.Failed(ex.Message, clock.GetUtcNow());
            throw;
        }
        finally
        {
            status.Gate.Release();
        }
    }

    private IProgress<string> Report(IProgress<string>? progress) => new StageProgress(status, progress);

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, so CLI lines could come out of order).</summary>
    private sealed class StageProgress(AnalyticsRefreshStatus status, IProgress<string>? inner) : IProgress<string>
    {
        public void Report(string value)
        {
            status.Stage = value;
            inner?.Report(value);
        }
    }

    /// <summary>Rebuilds the facts in scope (FactStore: one pass over the figures, then a short write of the scope's facts).</summary>
    private async Task<StageTiming> RefreshFactsAsync(FactScope facts, IProgress<string> progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        status.Stage = FactsStage;
        progress.Report($"{FactsStage}: {(facts.All ? "全部地区和年份" : "变动的地区和年份")}");
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                List<int>? regions = null;
                if (!facts.All)
                {
                    regions = [.. facts.RegionIds];
                    if (facts.EnterpriseIds.Count > 0)
                    {
                        var ids = facts.EnterpriseIds.ToList();
                        regions.AddRange(await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.RegisteredRegionId).ToListAsync(ct));
                        regions.AddRange(await db.ProductionSites.AsNoTracking().Where(s => ids.Contains(s.EnterpriseId)).Select(s => s.RegionId).ToListAsync(ct));
                    }
                    regions = regions.Distinct().Order().ToList();
                }
                var years = facts.All || facts.Years.Count == 0 ? null : facts.Years.Order().ToList();
                var timings = await new FactStore(db).RefreshAsync(regions, years, ct);
                var touched = (regions is null ? "全部地区和年份" : $"{regions.Count} 个地区 × {(years is null ? "全部年份" : string.Join("、", years) + " 年")}")
                              + $"，企业 {timings.Enterprises} 家，事实 {timings.Facts} 行（改写 {timings.Written} 行）；读取 {timings.Read:0.###} 秒，汇总 {timings.Figures:0.###} 秒，写入 {timings.Write:0.###} 秒";
                return new StageTiming(FactsStage, Math.Round(clock.Elapsed.TotalSeconds, 3), touched);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    /// <summary>Runs one feature's RefreshAsync; a failure is recorded in its stage instead of stopping the refresh.</summary>
    private async Task<StageTiming> RunFeatureStageAsync(string stage, Func<RefreshScope, CancellationToken, Task<object>> run, RefreshScope scope,
        IProgress<string> progress, CancellationToken ct)
    {
        progress.Report(stage);
        var clock = Stopwatch.StartNew();
        string touched;
        try
        {
            touched = Summarise(await run(scope, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One feature's failure must not keep the facts and the other features stale.
            touched = "失败：" + ex.Message;
            db.ChangeTracker.Clear();
        }
        return new StageTiming(stage, Math.Round(clock.Elapsed.TotalSeconds, 3), touched);
    }

    private static string Summarise(object result)
    {
        var text = result.ToString() ?? "";
        return text.Length > 200 ? text[..200] : text;
    }

    /// <summary>
    /// The state row and one audit entry, written without EF change tracking so that the refresh itself is not read as a
    /// data change; the entry is written only when something was refreshed.
    /// </summary>
    private async Task WriteStateAsync(RefreshResult result, CancellationToken ct)
    {
        var stagesJson = JsonSerializer.Serialize(result.Stages, StateJson);
        if (stagesJson.Length > 4000) stagesJson = "[]";
        var states = db.Set<AnalyticsState>().Where(s => s.Id == AnalyticsState.SingletonId);
        // Nothing changed: only move the audit mark, keeping the last real refresh's time and timings.
        var ownWritesUpTo = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        if (!result.DidWork && await states.ExecuteUpdateAsync(u => u.SetProperty(s => s.LastAuditId, result.LastAuditId), ct) == 1) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await states.ExecuteDeleteAsync(ct);
        var audited = db.AuditEnabled;
        db.AuditEnabled = false;
        try
        {
            db.Set<AnalyticsState>().Add(new AnalyticsState
            {
                LastAuditId = result.LastAuditId, OwnWritesUpToAuditId = ownWritesUpTo, RefreshedAt = result.FinishedAt, DurationSeconds = result.TotalSeconds,
                WasFull = result.IsFull, StagesJson = stagesJson,
            });
            if (result.DidWork)
                db.AuditEntries.Add(new AuditEntry
                {
                    At = result.FinishedAt, User = RefreshUser, Action = "AnalyticsRefresh", EntityType = nameof(AnalyticsState),
                    EntityId = AnalyticsState.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture), After = stagesJson,
                });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        finally { db.AuditEnabled = audited; }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Moves the facts' audit mark to what they now cover (the first time creates its row); the refresh's own mark moves at its end.</summary>
    private async Task MarkFactsCurrentAsync(long upTo, CancellationToken ct)
    {
        var states = db.Set<AnalyticsState>().Where(s => s.Id == AnalyticsState.FactsMarkId);
        if (await states.ExecuteUpdateAsync(u => u.SetProperty(s => s.LastAuditId, upTo), ct) == 1) return;
        var audited = db.AuditEnabled;
        db.AuditEnabled = false;
        try
        {
            db.Set<AnalyticsState>().Add(new AnalyticsState { Id = AnalyticsState.FactsMarkId, LastAuditId = upTo, RefreshedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        finally { db.AuditEnabled = audited; }
    }

    private static readonly JsonSerializerOptions StateJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Times the plain aggregation pass over the figures (the least any refresh must do; narrow: revenue by region alone), for the benchmark.</summary>
    public static async Task<double> TimeAggregationPassAsync(AppDbContext db, CancellationToken ct, bool narrow = false)
    {
        var sql = narrow ? FactStore.NarrowAggregationPass(db.Database.IsNpgsql()) : FactStore.AggregationPass(db.Database.IsNpgsql());
        var clock = Stopwatch.StartNew();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 1800;
            await cmd.ExecuteScalarAsync(ct);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
