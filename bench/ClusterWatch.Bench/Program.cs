using ClusterWatch.Bench.Analytics;
using ClusterWatch.Bench.Enterprises;

// Benchmark modes, one per first argument; each prints a JSON object as its last line.
return args.FirstOrDefault() switch
{
    "demo" => await DemoBench.RunAsync(args[1..]),
    "dashboard" => await DashboardBench.RunAsync(args[1..]),
    "analytics" => await AnalyticsBench.RunAsync(args[1..]),
    "extraction" => await ClusterWatch.Bench.ExtractionBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ClusterWatch.Bench demo [--enterprises N] [--seed S] [--provider sqlite|postgresql]");
    Console.Error.WriteLine("       ClusterWatch.Bench dashboard [--enterprises N] [--rounds R] [--provider sqlite|postgresql]");
    Console.Error.WriteLine("       ClusterWatch.Bench analytics [--enterprises N] [--provider sqlite|postgresql] [--clients C] [--rounds R] [--keep NAME: reuse a database seeded by an earlier run] [--refresh-only]");
    Console.Error.WriteLine("       ClusterWatch.Bench extraction [--documents N] [--fuzz N] [--seed S] [--verbose]");
    return 2;
}
