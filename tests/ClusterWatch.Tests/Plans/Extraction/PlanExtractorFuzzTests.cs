using System.Diagnostics;
using System.Text;
using ClusterWatch.Core.Plans.Extraction;

namespace ClusterWatch.Tests.Plans.Extraction;

/// <summary>Random and mutated documents: the parser never throws and never hangs; the reader throws only PlanDocumentException.</summary>
public sealed class PlanExtractorFuzzTests
{
    private const int Cases = 3000;
    private static readonly TimeSpan WholeRunLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SingleCaseLimit = TimeSpan.FromSeconds(2);

    [Fact]
    public void Parse_survives_thousands_of_random_and_mutated_documents_within_a_time_bound()
    {
        var seeds = SeedDocuments.Slugs.Select(SeedDocuments.Text).ToArray();
        var random = new Random(20261122);
        var total = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Cases; i++)
        {
            var input = ExtractionFuzz.Mutate(seeds[i % seeds.Length], random);
            var one = Stopwatch.StartNew();
            var result = PlanExtractor.Parse(input);
            one.Stop();
            Assert.NotNull(result.Title);
            if (one.Elapsed > slowest) slowest = one.Elapsed;
            Assert.True(one.Elapsed < SingleCaseLimit, $"case {i} took {one.Elapsed} ({input.Length} chars)");
        }
        Assert.True(total.Elapsed < WholeRunLimit, $"{Cases} cases took {total.Elapsed}; slowest {slowest}");
    }

    [Theory]
    [InlineData(100_000, '9')]
    [InlineData(100_000, '（')]
    [InlineData(100_000, '一')]
    [InlineData(200_000, '、')]
    public void Parse_handles_long_runs_of_one_character_quickly(int length, char c)
    {
        var stopwatch = Stopwatch.StartNew();
        PlanExtractor.Parse(new string(c, length));
        PlanExtractor.Parse("到2025年，" + new string(c, length) + "家");
        Assert.True(stopwatch.Elapsed < SingleCaseLimit, $"{length}×{c} took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Parse_handles_hostile_shapes_without_throwing()
    {
        string[] inputs =
        [
            "", " ", "\n\n\n", "（", "）", "（责任单位：", "（责任单位：）", "（牵头，负责）", "一、", "（一）", "1．", "(1)",
            new string('（', 5000) + "责任单位：市发展改革委" + new string('）', 5000),
            string.Concat(Enumerable.Repeat("（责任单位：市发展改革委、", 3000)),
            "到2025年，" + string.Concat(Enumerable.Repeat("1-", 20000)) + "2家",
            "亿亿亿亿亿亿亿亿亿亿亿亿亿元", "到2025年，达到99999999999999999999999999999亿元", "到2025年，达到9.9.9.9万万万万亿元",
            "单位：亿元\n" + string.Join('\n', Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? "南山区" : i.ToString())),
            "《" + new string('2', 50_000) + "年", "[" + new string('[', 10_000), "\uD800\uDC00\uFFFF\0\u0001",
        ];
        foreach (var input in inputs) PlanExtractor.Parse(input);
    }

    [Fact]
    public void ReadText_throws_only_PlanDocumentException_on_random_bytes()
    {
        var random = new Random(7);
        var seeds = SeedDocuments.Slugs.Select(s => Encoding.UTF8.GetBytes(SeedDocuments.Text(s))).ToArray();
        for (var i = 0; i < 500; i++)
        {
            byte[] bytes;
            switch (i % 4)
            {
                case 0: bytes = new byte[random.Next(0, 5000)]; random.NextBytes(bytes); break;
                case 1: bytes = seeds[i % seeds.Length][..random.Next(seeds[i % seeds.Length].Length)]; break;
                case 2:
                    bytes = (byte[])seeds[i % seeds.Length].Clone();
                    for (var k = 0; k < 50; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    break;
                default:
                    bytes = new byte[random.Next(4, 3000)];
                    random.NextBytes(bytes);
                    bytes[0] = (byte)'P'; bytes[1] = (byte)'K'; bytes[2] = 3; bytes[3] = 4;
                    break;
            }
            string[] names = ["plan.txt", "plan.docx", "plan.html", "plan"];
            try { PlanDocumentReader.ReadText(new MemoryStream(bytes), names[i % names.Length]); }
            catch (PlanDocumentException) { }
        }
    }
}
