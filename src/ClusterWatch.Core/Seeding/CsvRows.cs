using CsvHelper;

namespace ClusterWatch.Core.Seeding;

/// <summary>Reads a small UTF-8 seed CSV with a header row into one dictionary per row (values trimmed).</summary>
internal static class CsvRows
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"种子数据文件不存在：{path}", path);
        using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) row[header[i]] = (csv.GetString(i) ?? "").Trim();
            rows.Add(row);
        }
        return rows;
    }
}
