using System.Text;

namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>Random and mutated plan texts for robustness tests and the benchmark: the parser must survive all of them.</summary>
public static class ExtractionFuzz
{
    private const string Interesting = "一二三四五六七八九十百千万亿两零〇（）()【】〔〕、，。；：:-―—～~%年月日元家个件项到达超以上左右约近力争不低于责任单位牵头市区省政府委局及和\n\t 0123456789.";

    /// <summary>One mutation of a seed text, chosen by the random source (reproducible for a given seed).</summary>
    public static string Mutate(string text, Random random)
    {
        switch (random.Next(10))
        {
            case 0: return RandomUnicode(random, random.Next(1, 4000));
            case 1: return text[..random.Next(text.Length + 1)];
            case 2:
            {
                var lines = text.Split('\n');
                random.Shuffle(lines);
                return string.Join('\n', lines);
            }
            case 3: return text.Replace("\n", "", StringComparison.Ordinal) + new string('，', random.Next(1, 5000));
            case 4:
            {
                var depth = random.Next(1, 20000);
                return new string('（', depth) + "责任单位：市发展改革委" + new string('）', random.Next(depth + 1)) + text[..Math.Min(text.Length, 500)];
            }
            case 5: return RandomFrom(random, "0123456789", random.Next(1000, 100_000));
            case 6: return RandomFrom(random, Interesting, random.Next(1, 20_000));
            case 7:
            {
                var builder = new StringBuilder(text);
                for (var n = random.Next(1, 200); n > 0 && builder.Length > 0; n--)
                {
                    var at = random.Next(builder.Length);
                    switch (random.Next(3))
                    {
                        case 0: builder.Remove(at, Math.Min(random.Next(1, 40), builder.Length - at)); break;
                        case 1: builder.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                        default: builder[at] = (char)random.Next(0x20, 0xA000); break;
                    }
                }
                return builder.ToString();
            }
            case 8:
            {
                var lines = text.Split('\n');
                var keep = lines.Where(_ => random.Next(3) > 0).Select(l => random.Next(4) == 0 ? l[..random.Next(l.Length + 1)] : l);
                return string.Join('\n', keep);
            }
            default:
                return string.Concat(Enumerable.Repeat("到2025年，产业规模达到1-2-3-4-5-6-7-8-9万亿元以上左右，", random.Next(1, 2000)));
        }
    }

    private static string RandomUnicode(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = (char)random.Next(0, 0x10000);
            builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return builder.ToString();
    }

    private static string RandomFrom(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}
