using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans.Extraction;

namespace ClusterWatch.Bench;

/// <summary>`extraction`: parser throughput on the five seed texts (repeated, shuffled, one thread) and a fuzz run that must not fail or hang.</summary>
public static class ExtractionBench
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var documents = 0;
        var fuzz = 0;
        var seed = 20260101;
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--documents": documents = int.Parse(args[++i]); break;
                case "--fuzz": fuzz = int.Parse(args[++i]); break;
                case "--seed": seed = int.Parse(args[++i]); break;
                case "--verbose": verbose = true; break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}");
                    return 2;
            }
        }
        if (documents == 0 && fuzz == 0) documents = 1000;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // GB18030 fuzz uploads

        var seeds = Directory.GetFiles(Path.Combine(AppPaths.SeedData, "plans"), "*.txt").Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Text: File.ReadAllText(path))).ToArray();
        if (seeds.Length == 0) { Console.Error.WriteLine("no seed texts under SeedData/plans"); return 2; }

        var throughput = documents > 0 ? Throughput(seeds, documents, seed, verbose) : (Seconds: 0.0, DocsPerSecond: 0.0);
        var fuzzResult = fuzz > 0 ? await FuzzAsync(seeds, fuzz, seed) : new FuzzResult(0, 0, 0, null, null, false);

        var summary = new
        {
            mode = "extraction",
            documents,
            seconds = Math.Round(throughput.Seconds, 3),
            docsPerSecond = Math.Round(throughput.DocsPerSecond, 1),
            fuzzCases = fuzzResult.Cases,
            fuzzFailures = fuzzResult.Failures,
            fuzzSeconds = Math.Round(fuzzResult.Seconds, 3),
            fuzzSlowestMs = fuzzResult.Slowest?.Milliseconds,
            fuzzSlowestCase = fuzzResult.Slowest?.Case,
            fuzzSlowestChars = fuzzResult.Slowest?.Chars,
            fuzzHang = fuzzResult.Hang,
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return fuzzResult.Failures > 0 || fuzzResult.Hang ? 1 : 0;
    }

    private static (double Seconds, double DocsPerSecond) Throughput((string Name, string Text)[] seeds, int documents, int seed, bool verbose)
    {
        var order = Enumerable.Range(0, documents).Select(i => i % seeds.Length).ToArray();
        new Random(seed).Shuffle(order);
        foreach (var s in seeds) PlanExtractor.Parse(s.Text); // warm up: JIT and regex construction are not per-document costs

        var perSeed = seeds.Select(_ => new List<double>()).ToArray();
        var counts = new PlanExtraction?[seeds.Length];
        var clock = Stopwatch.StartNew();
        var last = clock.Elapsed;
        for (var i = 0; i < order.Length; i++)
        {
            var x = PlanExtractor.Parse(seeds[order[i]].Text);
            var now = clock.Elapsed;
            var ms = (now - last).TotalMilliseconds;
            last = now;
            perSeed[order[i]].Add(ms);
            counts[order[i]] ??= x;
            if (verbose)
                Console.WriteLine($"#{i + 1,4} {seeds[order[i]].Name,-52} {ms,8:0.000} ms  targets {x.Targets.Count,3} baselines {x.Baselines.Count,2} allocations {x.Allocations.Count,3} tasks {x.Tasks.Count,3}");
        }
        clock.Stop();

        Console.WriteLine($"{"document",-52} {"chars",7} {"runs",5} {"mean ms",8} {"p95 ms",8} {"max ms",8}  targets baselines allocations tasks");
        for (var s = 0; s < seeds.Length; s++)
        {
            var times = perSeed[s].Order().ToList();
            if (times.Count == 0) continue;
            var x = counts[s]!;
            Console.WriteLine($"{seeds[s].Name,-52} {seeds[s].Text.Length,7} {times.Count,5} {times.Average(),8:0.000} {times[(int)Math.Min(times.Count - 1, Math.Floor(times.Count * 0.95))],8:0.000} {times[^1],8:0.000}  {x.Targets.Count,7} {x.Baselines.Count,9} {x.Allocations.Count,11} {x.Tasks.Count,5}");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"parsed {documents} documents in {seconds:0.000} s on one thread: {documents / seconds:0.0} documents/s");
        return (seconds, documents / seconds);
    }

    private sealed record SlowCase(int Case, double Milliseconds, int Chars);
    private sealed record FuzzResult(int Cases, int Failures, double Seconds, SlowCase? Slowest, string? FirstFailure, bool Hang);

    /// <summary>Runs the cases on a worker thread so that a hanging case is reported (with its number) instead of blocking forever.</summary>
    private static async Task<FuzzResult> FuzzAsync((string Name, string Text)[] seeds, int cases, int seed)
    {
        var done = 0;
        var current = -1;
        var failures = 0;
        string? firstFailure = null;
        SlowCase? slowest = null;
        foreach (var s in seeds) PlanExtractor.Parse(PlanDocumentReader.ReadText(new MemoryStream(Encoding.UTF8.GetBytes(s.Text)), "warm-up.txt")); // JIT, so case 0 is not the "slowest"
        var clock = Stopwatch.StartNew();
        var worker = Task.Factory.StartNew(() =>
        {
            var random = new Random(seed);
            var caseClock = new Stopwatch();
            for (var i = 0; i < cases; i++)
            {
                var text = ExtractionFuzz.Mutate(seeds[random.Next(seeds.Length)].Text, random);
                var throughReader = i % 10 == 0; // every tenth case as uploaded bytes: the reader may refuse it, but only with PlanDocumentException
                var bytes = throughReader ? Bytes(text, random) : null;
                Volatile.Write(ref current, i);
                caseClock.Restart();
                try
                {
                    if (bytes is not null)
                    {
                        try { text = PlanDocumentReader.ReadText(new MemoryStream(bytes), random.Next(3) switch { 0 => "plan.txt", 1 => "plan.html", _ => "plan.docx" }); }
                        catch (PlanDocumentException) { Volatile.Write(ref done, i + 1); continue; }
                    }
                    var x = PlanExtractor.Parse(text);
                    _ = x.ToJson();
                }
                catch (Exception e)
                {
                    failures++;
                    firstFailure ??= $"case {i}: {e.GetType().Name}: {e.Message}";
                    Console.Error.WriteLine($"fuzz case {i} failed: {e.GetType().Name}: {e.Message}");
                }
                caseClock.Stop();
                if (slowest is null || caseClock.Elapsed.TotalMilliseconds > slowest.Milliseconds)
                    slowest = new SlowCase(i, caseClock.Elapsed.TotalMilliseconds, text.Length);
                Volatile.Write(ref done, i + 1);
            }
        }, TaskCreationOptions.LongRunning);

        var lastDone = -1;
        var lastProgress = Stopwatch.StartNew();
        while (!worker.IsCompleted)
        {
            await Task.WhenAny(worker, Task.Delay(500));
            var now = Volatile.Read(ref done);
            if (now != lastDone) { lastDone = now; lastProgress.Restart(); }
            else if (lastProgress.Elapsed > HangLimit)
            {
                Console.Error.WriteLine($"fuzz case {Volatile.Read(ref current)} has run for more than {HangLimit.TotalSeconds} s: the parser hangs");
                return new FuzzResult(now, failures + 1, clock.Elapsed.TotalSeconds, slowest, firstFailure, true);
            }
        }
        await worker;
        clock.Stop();
        Console.WriteLine($"fuzz: {cases} cases in {clock.Elapsed.TotalSeconds:0.0} s, {failures} failures" +
            (slowest is null ? "" : $"; slowest case {slowest.Case}: {slowest.Milliseconds:0.0} ms for {slowest.Chars} chars"));
        if (firstFailure is not null) Console.WriteLine($"first failure: {firstFailure}");
        return new FuzzResult(cases, failures, clock.Elapsed.TotalSeconds, slowest, firstFailure, false);
    }

    /// <summary>The text as UTF-8 or GB18030 bytes, or with random bytes spliced in (binary-looking uploads).</summary>
    private static byte[] Bytes(string text, Random random)
    {
        var bytes = random.Next(3) switch
        {
            0 => Encoding.UTF8.GetBytes(text),
            1 => Encoding.GetEncoding("GB18030").GetBytes(text),
            _ => Encoding.UTF8.GetBytes(text[..Math.Min(text.Length, 2000)]),
        };
        if (random.Next(4) == 0 && bytes.Length > 0)
            for (var k = 0; k < 1 + bytes.Length / 50; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        return bytes;
    }
}
