extern alias web;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Analytics.Refresh;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Core.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterWatch.Bench.Analytics;

/// <summary>
/// `analytics`: a Guangdong-scale demo database (all cities and districts, 2008–2025 yearly and 2020–2025 quarterly figures),
/// then in one run: the plain aggregation pass over the figures, the full analytics refresh and their ratio, incremental
/// refreshes after one submission and one figure edit, and p50/p95 of the analytics API calls under concurrent clients beside
/// /api/health, served by the real app on Kestrel (random port) over the same database.
/// </summary>
public static class AnalyticsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var enterprises = 20_000;
        var provider = DatabaseProvider.Sqlite;
        var clients = 8;
        var rounds = 15;
        string? keep = null;
        var refreshOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--enterprises": enterprises = int.Parse(args[++i]); break;
                case "--provider": provider = args[++i].ToLowerInvariant().StartsWith("p") ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite; break;
                case "--clients": clients = int.Parse(args[++i]); break;
                case "--rounds": rounds = int.Parse(args[++i]); break;
                case "--keep": keep = args[++i]; break;
                case "--refresh-only": refreshOnly = true; break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }
        // TempDatabase reads the admin connection from CLUSTERWATCH_TEST_PG; the bench's own variable or the local server otherwise.
        if (provider == DatabaseProvider.PostgreSQL && Environment.GetEnvironmentVariable("CLUSTERWATCH_TEST_PG") is null)
            Environment.SetEnvironmentVariable("CLUSTERWATCH_TEST_PG",
                Environment.GetEnvironmentVariable("CLUSTERWATCH_BENCH_PG") ?? "Host=127.0.0.1;Username=postgres;Password=postgres");

        var notes = new List<string>();
        await using var database = TempDatabase.Create(provider, keep);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseOptions.Configure(options, provider, database.ConnectionString);
        var clock = Stopwatch.StartNew();
        // A kept database seeded by an earlier run (--keep NAME) is measured again as it is.
        if (!database.Existed) await using (var setup = new AppDbContext(options.Options, new FixedAuditUser("bench")))
        {
            await MigrationRunner.MigrateAsync(setup);
            // The app's own seeding: reference data, demo accounts, the demo generator and every feature's demo line.
            await SeedData.SeedAsync(setup, new DatabaseOptions { Provider = provider, DemoEnterprises = enterprises, DemoSeed = 20260101 }, NullLogger.Instance);
        }
        var seedSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{provider}: {enterprises:N0} synthetic enterprises seeded in {seedSeconds:0.0} s, database {database.SizeMb()} MB");

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IAuditUser>(new FixedAuditUser("bench"));
        services.AddDbContext<AppDbContext>(o => DatabaseOptions.Configure(o, provider, database.ConnectionString));
        services.AddClusterWatchBenchAnalytics();
        await using var provider0 = services.BuildServiceProvider();

        object coverage;
        long figures;
        await using (var db = new AppDbContext(options.Options))
        {
            figures = await db.EnterpriseFigures.LongCountAsync();
            coverage = await CoverageAsync(db);
        }
        Console.WriteLine($"figures {figures:N0}; coverage {JsonSerializer.Serialize(coverage)}");

        // The least any refresh must do, run before and after the refresh so both see a warm cache; the faster one counts.
        var pass1 = await TimePassAsync(options);
        var narrow1 = await TimePassAsync(options, narrow: true);
        // The first refresh in a process also JIT-compiles the code and EF compiles its queries; the app's background
        // refresh runs warm, so the second full refresh is the one compared with the pass (both are printed).
        var cold = await RefreshAsync(provider0, RefreshScope.Full);
        Console.WriteLine($"first full refresh (cold process) {cold}");
        var full = await RefreshAsync(provider0, RefreshScope.Full);
        var pass2 = await TimePassAsync(options);
        var narrow2 = await TimePassAsync(options, narrow: true);
        var aggregationPass = Math.Min(pass1, pass2);
        var narrowPass = Math.Min(narrow1, narrow2);
        var factsSeconds = full.Stages.FirstOrDefault(s => s.Stage == AnalyticsRefreshService.FactsStage)?.Seconds ?? 0;
        Console.WriteLine($"aggregation pass {pass1:0.00} s / {pass2:0.00} s (narrow: {narrow1:0.00} s / {narrow2:0.00} s); full refresh {full}");

        RefreshResult? afterSubmission = null, afterFigure = null;
        var api = new ApiFigures([], [], []);
        if (!refreshOnly)
        {
            afterSubmission = await AfterSubmissionAsync(options, provider0, notes);
            afterFigure = await AfterFigureEditAsync(options, provider0);
            Console.WriteLine($"incremental after one submission: {afterSubmission?.ToString() ?? "skipped"}; after one figure edit: {afterFigure}");
            api = await MeasureApiAsync(provider, database.ConnectionString, clients, rounds, notes);
        }

        var worst = api.P95.Where(p => p.Key != "health").Select(p => p.Value).DefaultIfEmpty(0).Max();
        var summary = new JsonObject
        {
            ["mode"] = "analytics",
            ["provider"] = provider.ToString(),
            ["enterprises"] = enterprises,
            ["figures"] = figures,
            ["coverage"] = JsonSerializer.SerializeToNode(coverage),
            ["seedSeconds"] = Math.Round(seedSeconds, 1),
            ["refreshSeconds"] = Math.Round(full.TotalSeconds, 2),
            ["coldRefreshSeconds"] = Math.Round(cold.TotalSeconds, 2),
            ["coldRefreshStages"] = JsonSerializer.SerializeToNode(cold.Stages.ToDictionary(s => s.Stage, s => s.Seconds)),
            ["factsRefreshSeconds"] = Math.Round(factsSeconds, 2),
            ["refreshStages"] = JsonSerializer.SerializeToNode(full.Stages.ToDictionary(s => s.Stage, s => s.Seconds)),
            ["aggregationPassSeconds"] = Math.Round(aggregationPass, 2),
            ["refreshRatio"] = Math.Round(full.TotalSeconds / aggregationPass, 2),
            ["factsRatio"] = Math.Round(factsSeconds / aggregationPass, 2),
            ["narrowAggregationPassSeconds"] = Math.Round(narrowPass, 2),
            ["narrowRefreshRatio"] = Math.Round(full.TotalSeconds / narrowPass, 2),
            ["incrementalRefreshSeconds"] = afterFigure is null ? null : Math.Round(afterFigure.TotalSeconds, 3),
            ["incrementalAfterFigureEdit"] = afterFigure is null ? null : JsonSerializer.SerializeToNode(afterFigure.Stages),
            ["incrementalAfterSubmissionSeconds"] = afterSubmission is null ? null : Math.Round(afterSubmission.TotalSeconds, 3),
            ["incrementalAfterSubmission"] = afterSubmission is null ? null : JsonSerializer.SerializeToNode(afterSubmission.Stages),
            ["clients"] = clients,
            ["dashboardColdMs"] = JsonSerializer.SerializeToNode(api.Cold),
            ["apiP50Ms"] = JsonSerializer.SerializeToNode(api.P50.Where(p => p.Key != "health").ToDictionary()),
            ["apiP95Ms"] = JsonSerializer.SerializeToNode(api.P95.Where(p => p.Key != "health").ToDictionary()),
            ["healthP50Ms"] = api.P50.GetValueOrDefault("health"),
            ["healthP95Ms"] = api.P95.GetValueOrDefault("health"),
            ["apiRatio"] = api.P95.GetValueOrDefault("health") > 0 ? Math.Round(worst / api.P95["health"], 2) : null,
            ["notes"] = JsonSerializer.SerializeToNode(notes),
            ["machine"] = Machine(),
        };
        Console.WriteLine($"API p95 {summary["apiP95Ms"]!.ToJsonString()} ms, health p95 {summary["healthP95Ms"]} ms");
        Console.WriteLine(summary.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return 0;
    }

    private static void AddClusterWatchBenchAnalytics(this IServiceCollection services) =>
        ClusterWatch.Core.Analytics.AnalyticsSetup.AddClusterWatchAnalytics(services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

    private static async Task<double> TimePassAsync(DbContextOptionsBuilder<AppDbContext> options, bool narrow = false)
    {
        await using var db = new AppDbContext(options.Options);
        return await AnalyticsRefreshService.TimeAggregationPassAsync(db, CancellationToken.None, narrow);
    }

    private static async Task<RefreshResult> RefreshAsync(IServiceProvider services, RefreshScope? scope)
    {
        await using var s = services.CreateAsyncScope();
        var refresh = s.ServiceProvider.GetRequiredService<AnalyticsRefreshService>();
        return scope is null ? await refresh.RefreshChangesAsync(null, CancellationToken.None) : await refresh.RefreshAsync(scope, null, CancellationToken.None);
    }

    /// <summary>Accepts one submitted demo report (which writes its indicator values), then refreshes what changed.</summary>
    private static async Task<RefreshResult?> AfterSubmissionAsync(DbContextOptionsBuilder<AppDbContext> options, IServiceProvider services, List<string> notes)
    {
        await using (var db = new AppDbContext(options.Options, new FixedAuditUser("bench-officer")))
        {
            var submission = await db.Set<Submission>().Where(s => s.Status == SubmissionStatus.Submitted).OrderBy(s => s.Id).FirstOrDefaultAsync();
            if (submission is null)
            {
                notes.Add("incremental after one submission skipped: the demo has no submitted report to accept");
                return null;
            }
            var error = await new SubmissionService(db).AcceptAsync(submission, "bench-officer", DateTimeOffset.UtcNow);
            if (error is not null) { notes.Add("submission not accepted: " + error); return null; }
        }
        return await RefreshAsync(services, null);
    }

    /// <summary>Edits one yearly figure of one enterprise through EF (audited), then refreshes what changed.</summary>
    private static async Task<RefreshResult> AfterFigureEditAsync(DbContextOptionsBuilder<AppDbContext> options, IServiceProvider services)
    {
        await using (var db = new AppDbContext(options.Options, new FixedAuditUser("bench-officer")))
        {
            var figure = await db.EnterpriseFigures.Where(f => f.Quarter == 0 && f.Year == 2024).OrderBy(f => f.Id).FirstAsync();
            figure.Revenue += 1000m;
            await db.SaveChangesAsync();
        }
        return await RefreshAsync(services, null);
    }

    private static async Task<object> CoverageAsync(AppDbContext db)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId, r.Level, r.Code }).ToListAsync();
        var byId = regions.ToDictionary(r => r.Id);
        int? CityOf(int id)
        {
            for (var r = byId.GetValueOrDefault(id); r is not null; r = r.ParentId is int p ? byId.GetValueOrDefault(p) : null)
                if (r.Level == ClusterWatch.Core.Regions.RegionLevel.City) return r.Id;
            return null;
        }
        var used = await db.Enterprises.Select(e => e.RegisteredRegionId).Distinct().ToListAsync();
        var guangdongCities = regions.Count(r => r.Level == ClusterWatch.Core.Regions.RegionLevel.City && r.Code.StartsWith("44", StringComparison.Ordinal) && r.Code.EndsWith("00", StringComparison.Ordinal));
        return new
        {
            cities = used.Select(CityOf).Where(c => c is not null).Distinct().Count(),
            guangdongCities,
            districts = used.Count,
            years = await db.EnterpriseFigures.Where(f => f.Quarter == 0).Select(f => f.Year).Distinct().CountAsync(),
            quarterYears = await db.EnterpriseFigures.Where(f => f.Quarter > 0).Select(f => f.Year).Distinct().CountAsync(),
        };
    }

    private sealed record ApiFigures(Dictionary<string, double> P50, Dictionary<string, double> P95, Dictionary<string, double> Cold);

    /// <summary>The real app on Kestrel (random port, no seeding, background refresh on) over the same database; clients sign in as admin.</summary>
    private static async Task<ApiFigures> MeasureApiAsync(DatabaseProvider provider, string connectionString, int clients, int rounds, List<string> notes)
    {
        // WebApplicationFactory looks for the app's content root next to a solution file; point it at the project instead.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CLUSTERWATCH_WEB", Path.Combine(AppPaths.Root, "src", "ClusterWatch.Web"));
        await using var factory = new BenchAppFactory(provider, connectionString);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = clients * 2 })
            { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        var login = await http.PostAsJsonAsync("/api/account/login", new { userName = "admin", password = ClusterWatch.Core.Accounts.DemoAccounts.Password });
        login.EnsureSuccessStatusCode();

        var planIds = (await http.GetFromJsonAsync<JsonNode>("/api/plans?pageSize=100"))?["items"]?.AsArray().Select(p => (int)p!["id"]!).ToList() ?? [];
        var calls = new Dictionary<string, List<string>>();
        var cold = new Dictionary<string, double>();
        foreach (var planId in planIds)
        {
            var url = $"/api/plans/{planId}/progress?year=2025";
            cold[$"plan{planId}"] = Math.Round(await TimeAsync(http, url), 1); // the first request: nothing cached yet
            calls.TryAdd("dashboard", []);
            calls["dashboard"].Add(url);
        }
        if (planIds.Count == 0) notes.Add("dashboard skipped: /api/plans listed no plan");
        await AddIfAnswersAsync(http, calls, notes, "warnings", "/api/warnings?status=open");
        var chains = await TryGetAsync(http, "/api/chains");
        var chainId = (chains as JsonArray ?? chains?["chains"] as JsonArray ?? chains?["items"] as JsonArray)?.Select(c => (int?)c?["id"]).FirstOrDefault(id => id is not null);
        if (chainId is null) notes.Add("chain skipped: /api/chains answered no chain");
        else await AddIfAnswersAsync(http, calls, notes, "chain", $"/api/chains/{chainId}");
        var schemes = await TryGetAsync(http, "/api/assessment/schemes");
        var schemeId = (schemes as JsonArray ?? schemes?["items"] as JsonArray)?.Select(s => (int?)s?["id"]).FirstOrDefault(id => id is not null);
        if (schemeId is null) notes.Add("rankings skipped: no assessment scheme");
        else await AddIfAnswersAsync(http, calls, notes, "rankings", $"/api/rankings?scheme={schemeId}");
        calls["health"] = ["/api/health"];

        foreach (var (_, urls) in calls) foreach (var url in urls) await TimeAsync(http, url); // warm-up
        var timings = calls.Keys.ToDictionary(k => k, _ => new List<double>());
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
                foreach (var (name, urls) in calls.OrderBy(c => (c.Key.GetHashCode() + client) % 7))
                {
                    var ms = await TimeAsync(http, urls[(round + client) % urls.Count]);
                    lock (gate) timings[name].Add(ms);
                }
        })));
        return new ApiFigures(timings.ToDictionary(t => t.Key, t => Percentile(t.Value, 50)), timings.ToDictionary(t => t.Key, t => Percentile(t.Value, 95)), cold);
    }

    private static async Task AddIfAnswersAsync(HttpClient http, Dictionary<string, List<string>> calls, List<string> notes, string name, string url)
    {
        var response = await http.GetAsync(url);
        if (response.IsSuccessStatusCode) calls[name] = [url];
        else notes.Add($"{name} skipped: {url} answered {(int)response.StatusCode}");
    }

    private static async Task<JsonNode?> TryGetAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    private static async Task<double> TimeAsync(HttpClient http, string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> values, int p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
    }

    private static string Machine()
    {
        string? cpu = null;
        long memKb = 0;
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
            var mem = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
            if (mem is not null) memKb = long.Parse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch (IOException) { }
        return $"{Environment.ProcessorCount} cores, {cpu ?? "unknown CPU"}, {memKb / 1024 / 1024} GB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
    }

    /// <summary>The web app as published, on the benchmark's database, without seeding.</summary>
    private sealed class BenchAppFactory(DatabaseProvider provider, string connectionString) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Database:SeedOnStart", "false");
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
