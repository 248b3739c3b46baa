using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises.Import;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Enterprises.Credit;

/// <summary>The Chinese column headers of the credit-record import file and template, in template order.</summary>
public static class CreditImportColumns
{
    public const string CreditCode = "统一社会信用代码";
    public const string IndicatorCode = "指标代码";
    public const string Title = "事项";
    public const string OccurredOn = "发生日期";
    public const string DocumentNo = "文书号";
    public const string Issuer = "发布机关";
    public const string ValidUntil = "有效期至";
    public const string Source = "来源";

    public static IReadOnlyList<string> All { get; } = [CreditCode, IndicatorCode, Title, OccurredOn, DocumentNo, Issuer, ValidUntil, Source];
    public static IReadOnlyList<string> Required { get; } = [CreditCode, IndicatorCode, Title, OccurredOn, Issuer];
}

/// <summary>What a credit import did, or (Errors not empty) why nothing was written.</summary>
public sealed record CreditImportResult(int RowsRead, int RecordsCreated, int RecordsAlreadyPresent, int EnterprisesRescored, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static CreditImportResult Rejected(int rowsRead, IReadOnlyList<ImportError> errors) => new(rowsRead, 0, 0, 0, errors);
}

/// <summary>
/// Imports credit records from CSV/XLSX: every row is checked first (credit code known and real, indicator in the scheme, dates),
/// then the records are written and the touched enterprises rescored in one transaction, or nothing is written.
/// A row identical to a stored record (same enterprise, indicator, date and document number) is counted as already present.
/// </summary>
public sealed class CreditImporter(AppDbContext db, CreditScoringService scoring, TimeProvider time)
{
    private const int LookupChunk = 500;
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm"];
    private static readonly Regex ChineseDate = new(@"^(\d{4})年(\d{1,2})月(\d{1,2})日$", RegexOptions.Compiled);

    private sealed record ParsedRow(int Row, string CreditCode, CreditIndicator Indicator, string Title, DateOnly OccurredOn,
        string? DocumentNo, string Issuer, DateOnly? ValidUntil, string Source);

    public async Task<CreditImportResult> ImportAsync(Stream stream, string fileName, string importedBy, CancellationToken ct = default)
    {
        TabularTable table;
        try { table = TabularFileReader.Read(stream, fileName); }
        catch (TabularFileException e) { return CreditImportResult.Rejected(0, [new ImportError(0, "", fileName, e.Message)]); }
        return await ImportAsync(table, fileName, importedBy, ct);
    }

    public async Task<CreditImportResult> ImportAsync(TabularTable table, string fileName, string importedBy, CancellationToken ct = default)
    {
        var errors = new List<ImportError>();
        var present = table.Headers.Select(h => h.Trim()).ToHashSet();
        foreach (var required in CreditImportColumns.Required.Where(r => !present.Contains(r)))
            errors.Add(new ImportError(1, required, "", $"缺少必填列“{required}”（请使用导入模板的表头）"));
        if (errors.Count > 0) return CreditImportResult.Rejected(table.Rows.Count, errors);
        if (table.Rows.Count == 0) return CreditImportResult.Rejected(0, [new ImportError(0, "", "", "文件中没有数据行")]);

        var today = scoring.Today();
        var parsed = table.Rows.Select(r => Parse(r, fileName, today, errors)).ToList();
        var enterprises = await LoadEnterprisesAsync(parsed.Where(p => p is not null).Select(p => p!.CreditCode).Distinct().ToList(), ct);

        var seen = new Dictionary<(string, string, DateOnly, string?), int>();
        foreach (var p in parsed.OfType<ParsedRow>())
        {
            if (!enterprises.TryGetValue(p.CreditCode, out var e))
                errors.Add(new ImportError(p.Row, CreditImportColumns.CreditCode, p.CreditCode, "系统中没有该统一社会信用代码的企业，请先在企业信息库中导入该企业"));
            else if (e.IsSynthetic)
                errors.Add(new ImportError(p.Row, CreditImportColumns.CreditCode, p.CreditCode, "该企业属于示例数据（合成），不能导入真实信用记录"));
            var key = (p.CreditCode, p.Indicator.Code, p.OccurredOn, p.DocumentNo);
            if (seen.TryGetValue(key, out var first))
                errors.Add(new ImportError(p.Row, CreditImportColumns.DocumentNo, p.DocumentNo ?? "", $"重复：与第{first}行的企业、指标、发生日期和文书号相同"));
            else seen[key] = p.Row;
        }
        if (errors.Count > 0)
            return CreditImportResult.Rejected(table.Rows.Count, errors.OrderBy(e => e.Row).ThenBy(e => Order(e.Column)).ToList());

        var rows = parsed.OfType<ParsedRow>().ToList();
        var ids = enterprises.Values.Select(e => e.Id).ToList();
        var existing = new HashSet<(int, string, DateOnly, string?)>();
        foreach (var chunk in ids.Chunk(LookupChunk))
            foreach (var r in await db.Set<CreditRecord>().AsNoTracking().Where(r => chunk.Contains(r.EnterpriseId))
                         .Select(r => new { r.EnterpriseId, r.IndicatorCode, r.OccurredOn, r.DocumentNo }).ToListAsync(ct))
                existing.Add((r.EnterpriseId, r.IndicatorCode.ToUpperInvariant(), r.OccurredOn, r.DocumentNo));

        var now = time.GetUtcNow().ToUniversalTime();
        var added = new List<CreditRecord>();
        foreach (var p in rows)
        {
            var enterpriseId = enterprises[p.CreditCode].Id;
            if (existing.Contains((enterpriseId, p.Indicator.Code.ToUpperInvariant(), p.OccurredOn, p.DocumentNo))) continue;
            added.Add(new CreditRecord
            {
                EnterpriseId = enterpriseId, IndicatorCode = p.Indicator.Code, Title = p.Title, OccurredOn = p.OccurredOn, DocumentNo = p.DocumentNo,
                Issuer = p.Issuer, ValidUntil = p.ValidUntil, Source = p.Source, IsSynthetic = false, ImportedAt = now, ImportedBy = Truncate(importedBy, 64),
            });
        }

        var touched = added.Select(r => r.EnterpriseId).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.AddRange(added);
            await db.SaveChangesAsync(ct);
            var refresh = await scoring.RefreshAsync(RefreshScope.Of(enterpriseIds: touched), ct);
            await transaction.CommitAsync(ct);
            return new CreditImportResult(rows.Count, added.Count, rows.Count - added.Count, refresh.EnterprisesScored, []);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static int Order(string column)
    {
        var index = CreditImportColumns.All.ToList().IndexOf(column);
        return index < 0 ? int.MaxValue : index;
    }

    private ParsedRow? Parse(TabularRow row, string fileName, DateOnly today, List<ImportError> errors)
    {
        var before = errors.Count;
        void Fail(string column, string message) => errors.Add(new ImportError(row.RowNumber, column, row.Get(column), message));

        var code = CreditCode.Normalize(row.Get(CreditImportColumns.CreditCode));
        if (CreditCode.Validate(code) is { } codeError) Fail(CreditImportColumns.CreditCode, codeError);

        var indicatorText = row.Get(CreditImportColumns.IndicatorCode);
        var indicator = indicatorText.Length == 0 ? null : scoring.Model.Scheme.FindIndicator(indicatorText);
        if (indicatorText.Length == 0) Fail(CreditImportColumns.IndicatorCode, "必须填写指标代码");
        else if (indicator is null) Fail(CreditImportColumns.IndicatorCode, $"未知的指标代码“{indicatorText}”（见模板“指标”表，如 {string.Join("、", scoring.Model.Scheme.Indicators.Take(3).Select(i => i.Code))}）");

        var title = row.Get(CreditImportColumns.Title);
        if (title.Length == 0) Fail(CreditImportColumns.Title, "必须填写事项");
        else if (title.Length > 256) Fail(CreditImportColumns.Title, "事项超过256个字符");

        var occurred = ParseDate(row, CreditImportColumns.OccurredOn, required: true, Fail);
        if (occurred is { } o && o > today) Fail(CreditImportColumns.OccurredOn, $"发生日期晚于今天（{today:yyyy-MM-dd}）");

        var documentNo = row.Get(CreditImportColumns.DocumentNo);
        if (documentNo.Length > 64) Fail(CreditImportColumns.DocumentNo, "文书号超过64个字符");
        else if (documentNo.Length == 0 && indicator is { IsDeduction: true }) Fail(CreditImportColumns.DocumentNo, "扣分事项必须填写文书号（处罚决定书、列入决定等的编号）");

        var issuer = row.Get(CreditImportColumns.Issuer);
        if (issuer.Length == 0) Fail(CreditImportColumns.Issuer, "必须填写发布机关");
        else if (issuer.Length > 128) Fail(CreditImportColumns.Issuer, "发布机关超过128个字符");

        var validUntil = ParseDate(row, CreditImportColumns.ValidUntil, required: false, Fail);
        if (validUntil is { } v && occurred is { } start && v < start) Fail(CreditImportColumns.ValidUntil, "有效期至早于发生日期");

        var source = row.Get(CreditImportColumns.Source);
        if (source.Length > 128) Fail(CreditImportColumns.Source, "来源超过128个字符");
        if (source.Length == 0) source = Truncate("导入文件：" + fileName, 128);

        return errors.Count > before || indicator is null || occurred is null ? null
            : new ParsedRow(row.RowNumber, code, indicator, title, occurred.Value, documentNo.Length == 0 ? null : documentNo, issuer, validUntil, source);
    }

    private static DateOnly? ParseDate(TabularRow row, string column, bool required, Action<string, string> fail)
    {
        var text = row.Get(column);
        if (text.Length == 0)
        {
            if (required) fail(column, $"必须填写{column}");
            return null;
        }
        if (ChineseDate.Match(text) is { Success: true } m
            && DateOnly.TryParseExact($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", "yyyy-M-d", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chinese))
            return Plausible(chinese);
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return Plausible(DateOnly.FromDateTime(parsed));
        // A date Excel kept as a serial number (a cell not formatted as date).
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
            return Plausible(DateOnly.FromDateTime(DateTime.FromOADate(serial)));
        fail(column, $"“{text}”不是有效日期（请填写如 2025-03-18 或 2025年3月18日）");
        return null;

        DateOnly? Plausible(DateOnly date)
        {
            if (date.Year is >= 1980 and <= 2100) return date;
            fail(column, $"日期“{text}”不在1980年至2100年之间");
            return null;
        }
    }

    private async Task<Dictionary<string, (int Id, bool IsSynthetic)>> LoadEnterprisesAsync(List<string> codes, CancellationToken ct)
    {
        var result = new Dictionary<string, (int, bool)>();
        foreach (var chunk in codes.Chunk(LookupChunk))
            foreach (var e in await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.CreditCode)).Select(e => new { e.Id, e.CreditCode, e.IsSynthetic }).ToListAsync(ct))
                result[e.CreditCode] = (e.Id, e.IsSynthetic);
        return result;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>The import template: the data sheet with headers, the 说明 sheet with the column rules, the 指标 sheet with the scheme's indicators.</summary>
public static class CreditImportTemplate
{
    public const string XlsxFileName = "信用记录导入模板.xlsx";
    public const string CsvFileName = "信用记录导入模板.csv";

    public static IReadOnlyList<(string Column, string Required, string Rule, string Example)> Rules { get; } =
    [
        (CreditImportColumns.CreditCode, "必填", "18位统一社会信用代码；企业须已在企业信息库中，且不是示例数据", "91440101MA5XXXXXXX（示例）"),
        (CreditImportColumns.IndicatorCode, "必填", "评分方案中的指标代码或指标名称，见“指标”表", "CMP-PEN-GENERAL"),
        (CreditImportColumns.Title, "必填", "事项内容，256字以内", "未按规定报送统计资料被罚款"),
        (CreditImportColumns.OccurredOn, "必填", "决定或认定日期，如 2025-03-18、2025/3/18 或 2025年3月18日；不能晚于今天", "2025-03-18"),
        (CreditImportColumns.DocumentNo, "扣分事项必填", "处罚决定书、列入决定、证书等的编号", "穗市监罚〔2025〕123号"),
        (CreditImportColumns.Issuer, "必填", "作出决定或认定的机关", "广州市市场监督管理局"),
        (CreditImportColumns.ValidUntil, "选填", "记录计分的最后一天（信用修复、证书到期）；不填则按指标有效期自发生日期起算", "2028-03-17"),
        (CreditImportColumns.Source, "选填", "信息来源，不填则记为导入文件名", "信用中国（广东）"),
    ];

    public static void WriteXlsx(Stream stream, CreditScheme scheme) => XlsxWriter.Write(stream,
    [
        new XlsxSheet("信用记录", CreditImportColumns.All, []),
        new XlsxSheet("说明", ["列名", "是否必填", "填写规则", "示例"], Rules.Select(r => (IReadOnlyList<object?>)[r.Column, r.Required, r.Rule, r.Example])),
        new XlsxSheet("指标", ["指标代码", "维度", "指标名称", "分值", "有效期（年）", "说明"], scheme.Indicators.Select(i => (IReadOnlyList<object?>)
            [i.Code, scheme.DimensionsByCode[i.Dimension].Name, i.Name, i.Points, i.ValidityYears, i.ForcesGrade is null ? "" : $"有效期内直接评为 {i.ForcesGrade} 级"])),
    ]);

    /// <summary>UTF-8 with BOM so that Excel opens the Chinese headers correctly.</summary>
    public static void WriteCsv(Stream stream) =>
        stream.Write(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", CreditImportColumns.All) + "\r\n")).ToArray());
}
