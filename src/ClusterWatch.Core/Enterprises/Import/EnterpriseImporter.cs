using System.Globalization;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using C = ClusterWatch.Core.Enterprises.Import.EnterpriseImportColumns;

namespace ClusterWatch.Core.Enterprises.Import;

/// <summary>One problem in an import file: the row as numbered in the file (header = 1; 0 = the whole file), the column, the value and why.</summary>
public sealed record ImportError(int Row, string Column, string Value, string Message);

/// <summary>What an import did, or (Errors not empty) why nothing was written.</summary>
public sealed record EnterpriseImportResult(
    int RowsRead, int EnterprisesCreated, int EnterprisesUpdated, int FiguresWritten, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static EnterpriseImportResult Rejected(int rowsRead, IReadOnlyList<ImportError> errors) => new(rowsRead, 0, 0, 0, errors);
}

/// <summary>Imports enterprises and their figures from one CSV/XLSX file: all rows are checked first, then everything is written in one transaction, or nothing.</summary>
public sealed class EnterpriseImporter(AppDbContext db)
{
    private const int LookupChunk = 500;
    private const decimal MaxAmount = 9_999_999_999_999m;

    private sealed class ParsedRow
    {
        public int RowNumber;
        public string CreditCode = "";
        public string Name = "";
        public RegionRef? Region;
        public List<RegionRef>? ProductionRegions;
        public string IndustryCode = "";
        public ListingStatus? Listing;
        public string StockCode = "";
        public int? FoundedYear;
        public List<CultivationPool> Pools = [];
        public int? Year;
        public int Quarter;
        public decimal? Revenue, OutputValue, RdExpense;
        public int? Employees, InventionPatents;
        public bool HasFigures => Revenue is not null || OutputValue is not null || RdExpense is not null || Employees is not null || InventionPatents is not null;
    }

    /// <summary>The merged view of all rows of one credit code.</summary>
    private sealed class EnterpriseDraft(string creditCode, int firstRow)
    {
        public string CreditCode { get; } = creditCode;
        public int FirstRow { get; } = firstRow;
        public (string Value, int Row)? Name, Industry, StockCode;
        public (RegionRef Value, int Row)? Region;
        public (List<RegionRef> Value, int Row)? ProductionRegions;
        public (ListingStatus Value, int Row)? Listing;
        public (int Value, int Row)? FoundedYear;
        public List<(CultivationPool Pool, int FromYear)> Pools { get; } = [];
        public List<ParsedRow> FigureRows { get; } = [];
    }

    public async Task<EnterpriseImportResult> ImportAsync(Stream stream, string fileName, CancellationToken ct = default)
    {
        TabularTable table;
        try { table = TabularFileReader.Read(stream, fileName); }
        catch (TabularFileException e) { return EnterpriseImportResult.Rejected(0, [new ImportError(0, "", fileName, e.Message)]); }
        return await ImportAsync(table, ct);
    }

    public async Task<EnterpriseImportResult> ImportAsync(TabularTable table, CancellationToken ct = default)
    {
        var errors = new List<ImportError>();
        var rows = Canonicalize(table, errors);
        if (errors.Count > 0) return EnterpriseImportResult.Rejected(table.Rows.Count, errors);
        if (rows.Count == 0) return EnterpriseImportResult.Rejected(0, [new ImportError(0, "", "", "文件中没有数据行")]);

        var regions = await RegionNameLookup.LoadAsync(db, ct);
        var parsed = rows.Select(r => ParseRow(r, regions, errors)).ToList();
        var drafts = Merge(parsed, errors);

        var existing = await LoadExistingAsync(drafts.Keys.ToList(), ct);
        foreach (var draft in drafts.Values)
        {
            if (existing.TryGetValue(draft.CreditCode, out var found) && found.IsSynthetic)
                errors.Add(new ImportError(draft.FirstRow, C.CreditCode, draft.CreditCode, "该统一社会信用代码属于示例数据（合成）企业，不能用真实数据覆盖；请先清除示例数据"));
            else if (found is null)
                foreach (var (column, missing) in new[] { (C.Name, draft.Name is null), (C.RegisteredRegion, draft.Region is null), (C.Industry, draft.Industry is null) })
                    if (missing && !errors.Any(e => e.Row == draft.FirstRow && e.Column == column))
                        errors.Add(new ImportError(draft.FirstRow, column, "", $"新企业必须填写“{column}”"));
        }
        if (errors.Count > 0) return EnterpriseImportResult.Rejected(rows.Count, errors.OrderBy(e => e.Row).ThenBy(e => ColumnOrder(e.Column)).ToList());

        return await WriteAsync(rows.Count, drafts.Values.ToList(), existing, ct);
    }

    private static int ColumnOrder(string column)
    {
        var index = C.All.ToList().IndexOf(column);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>Maps header spellings to the template's and checks the required columns are there.</summary>
    private static List<TabularRow> Canonicalize(TabularTable table, List<ImportError> errors)
    {
        var mapping = table.Headers.ToDictionary(h => h, C.Canonical);
        var present = mapping.Values.ToHashSet();
        foreach (var required in C.Required.Where(r => !present.Contains(r)))
            errors.Add(new ImportError(1, required, "", $"缺少必填列“{required}”（请使用导入模板的表头）"));
        if (mapping.All(m => m.Key == m.Value)) return table.Rows.ToList();
        return table.Rows.Select(r => new TabularRow(r.RowNumber, r.Cells.ToDictionary(c => mapping.GetValueOrDefault(c.Key, c.Key), c => c.Value))).ToList();
    }

    private static ParsedRow ParseRow(TabularRow row, RegionNameLookup regions, List<ImportError> errors)
    {
        var p = new ParsedRow { RowNumber = row.RowNumber };
        void Fail(string column, string message) => errors.Add(new ImportError(row.RowNumber, column, row.Get(column), message));

        p.CreditCode = CreditCode.Normalize(row.Get(C.CreditCode));
        if (CreditCode.Validate(p.CreditCode) is { } codeError) Fail(C.CreditCode, codeError);

        p.Name = row.Get(C.Name);
        if (p.Name.Length > 128) Fail(C.Name, "企业名称超过128个字符");

        var regionText = row.Get(C.RegisteredRegion);
        if (regionText.Length > 0)
        {
            p.Region = regions.Resolve(regionText, out var regionError);
            if (regionError is not null) Fail(C.RegisteredRegion, "注册地区：" + regionError);
        }

        var productionText = row.Get(C.ProductionRegions);
        if (productionText.Length > 0)
        {
            p.ProductionRegions = [];
            foreach (var part in productionText.Split(['；', ';', '、', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var region = regions.Resolve(part, out var error);
                if (region is null) Fail(C.ProductionRegions, "生产地区：" + error);
                else if (p.ProductionRegions.All(r => r.Id != region.Id)) p.ProductionRegions.Add(region);
            }
        }

        var industryText = row.Get(C.Industry);
        if (industryText.Length > 0)
        {
            var industry = IndustryTaxonomy.FindByCodeOrName(industryText);
            if (industry is null) Fail(C.Industry, $"未知的细分行业“{industryText}”（可填写：{string.Join("、", IndustryTaxonomy.All.Select(i => i.Name))}，或其代码）");
            else p.IndustryCode = industry.Code;
        }

        var listingText = row.Get(C.ListingStatus);
        if (listingText.Length > 0)
        {
            if (C.ListingByLabel.TryGetValue(listingText, out var listing) || Enum.TryParse(listingText, true, out listing) && Enum.IsDefined(listing)) p.Listing = listing;
            else Fail(C.ListingStatus, "上市状态应为“未上市”“已上市”或“已退市”");
        }

        p.StockCode = row.Get(C.StockCode);
        if (p.StockCode.Length > 16) Fail(C.StockCode, "股票代码超过16个字符");

        p.FoundedYear = ParseInt(row, C.FoundedYear, 1800, DateTime.UtcNow.Year, Fail);
        p.Year = ParseInt(row, C.Year, 1990, 2100, Fail);

        var quarterText = row.Get(C.Quarter);
        if (quarterText.Length > 0)
        {
            var quarter = ParseQuarter(quarterText);
            if (quarter is null) Fail(C.Quarter, "季度应为空（全年）或1-4");
            else p.Quarter = quarter.Value;
        }

        var tags = row.Get(C.Tags);
        foreach (var tag in tags.Split(['、', '，', ',', '；', ';', '/', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var label = tag.EndsWith("企业", StringComparison.Ordinal) ? tag[..^2] : tag;
            if (C.PoolsByLabel.TryGetValue(label, out var pool)) { if (!p.Pools.Contains(pool)) p.Pools.Add(pool); }
            else Fail(C.Tags, $"未知的标签“{tag}”（可填写：{string.Join("、", C.PoolsByLabel.Keys)}）");
        }

        p.Revenue = ParseAmount(row, C.Revenue, Fail);
        p.OutputValue = ParseAmount(row, C.OutputValue, Fail);
        p.RdExpense = ParseAmount(row, C.RdExpense, Fail);
        p.Employees = ParseInt(row, C.Employees, 0, 10_000_000, Fail);
        p.InventionPatents = ParseInt(row, C.InventionPatents, 0, 10_000_000, Fail);

        if (p.Year is null && row.Get(C.Year).Length == 0 && (p.HasFigures || quarterText.Length > 0))
            Fail(C.Year, "填写了经营指标或季度，但未填写年份");
        return p;
    }

    private static int? ParseQuarter(string text)
    {
        var t = text.Trim().ToUpperInvariant().Replace("第", "").Replace("季度", "").TrimStart('Q');
        return t switch
        {
            "" or "0" or "全年" => 0,
            "1" or "一" => 1,
            "2" or "二" => 2,
            "3" or "三" => 3,
            "4" or "四" => 4,
            _ => null,
        };
    }

    private static decimal? ParseAmount(TabularRow row, string column, Action<string, string> fail)
    {
        var text = row.Get(column);
        if (text.Length == 0) return null;
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) { fail(column, $"“{text}”不是数字"); return null; }
        if (value < 0) { fail(column, "不能为负数"); return null; }
        if (value > MaxAmount) { fail(column, "数值过大（单位为万元，请检查）"); return null; }
        return Math.Round(value, 2);
    }

    private static int? ParseInt(TabularRow row, string column, int min, int max, Action<string, string> fail)
    {
        var text = row.Get(column);
        if (text.Length == 0) return null;
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value != Math.Truncate(value))
        { fail(column, $"“{text}”不是整数"); return null; }
        if (value < 0 && min >= 0) { fail(column, "不能为负数"); return null; }
        if (value < min || value > max) { fail(column, $"应在{min}到{max}之间"); return null; }
        return (int)value;
    }

    /// <summary>Groups rows by credit code, reporting conflicting enterprise fields and duplicate (code, year, quarter) keys.</summary>
    private static Dictionary<string, EnterpriseDraft> Merge(List<ParsedRow> rows, List<ImportError> errors)
    {
        var drafts = new Dictionary<string, EnterpriseDraft>();
        var figureKeys = new Dictionary<(string, int, int), int>();
        foreach (var row in rows)
        {
            if (!CreditCode.IsValid(row.CreditCode)) continue;
            if (!drafts.TryGetValue(row.CreditCode, out var draft)) drafts[row.CreditCode] = draft = new EnterpriseDraft(row.CreditCode, row.RowNumber);

            void Conflict(string column, string value, string earlier, int earlierRow) =>
                errors.Add(new ImportError(row.RowNumber, column, value, $"同一统一社会信用代码的“{column}”与第{earlierRow}行（“{earlier}”）不一致"));

            if (row.Name.Length > 0)
            {
                if (draft.Name is { } n && n.Value != row.Name) Conflict(C.Name, row.Name, n.Value, n.Row);
                else draft.Name ??= (row.Name, row.RowNumber);
            }
            if (row.Region is not null)
            {
                if (draft.Region is { } r && r.Value.Id != row.Region.Id) Conflict(C.RegisteredRegion, row.Region.Name, r.Value.Name, r.Row);
                else draft.Region ??= (row.Region, row.RowNumber);
            }
            if (row.IndustryCode.Length > 0)
            {
                if (draft.Industry is { } i && i.Value != row.IndustryCode) Conflict(C.Industry, row.IndustryCode, i.Value, i.Row);
                else draft.Industry ??= (row.IndustryCode, row.RowNumber);
            }
            if (row.ProductionRegions is { Count: > 0 })
            {
                var ids = row.ProductionRegions.Select(r => r.Id).Order().ToList();
                if (draft.ProductionRegions is { } s && !s.Value.Select(r => r.Id).Order().SequenceEqual(ids))
                    Conflict(C.ProductionRegions, string.Join("；", row.ProductionRegions.Select(r => r.Name)), string.Join("；", s.Value.Select(r => r.Name)), s.Row);
                else draft.ProductionRegions ??= (row.ProductionRegions, row.RowNumber);
            }
            if (row.Listing is { } listing)
            {
                if (draft.Listing is { } l && l.Value != listing) Conflict(C.ListingStatus, C.ListingLabel(listing), C.ListingLabel(l.Value), l.Row);
                else draft.Listing ??= (listing, row.RowNumber);
            }
            if (row.StockCode.Length > 0)
            {
                if (draft.StockCode is { } sc && sc.Value != row.StockCode) Conflict(C.StockCode, row.StockCode, sc.Value, sc.Row);
                else draft.StockCode ??= (row.StockCode, row.RowNumber);
            }
            if (row.FoundedYear is { } founded)
            {
                if (draft.FoundedYear is { } f && f.Value != founded) Conflict(C.FoundedYear, founded.ToString(CultureInfo.InvariantCulture), f.Value.ToString(CultureInfo.InvariantCulture), f.Row);
                else draft.FoundedYear ??= (founded, row.RowNumber);
            }
            foreach (var pool in row.Pools)
                if (draft.Pools.All(p => p.Pool != pool)) draft.Pools.Add((pool, row.Year ?? DateTime.UtcNow.Year));

            if (row.Year is { } year)
            {
                if (figureKeys.TryGetValue((row.CreditCode, year, row.Quarter), out var firstRow))
                    errors.Add(new ImportError(row.RowNumber, C.Year, year.ToString(CultureInfo.InvariantCulture),
                        $"重复：第{firstRow}行已有同一企业{year}年{(row.Quarter == 0 ? "全年" : $"第{row.Quarter}季度")}的数据"));
                else
                {
                    figureKeys[(row.CreditCode, year, row.Quarter)] = row.RowNumber;
                    if (row.HasFigures) draft.FigureRows.Add(row);
                }
            }
        }
        return drafts;
    }

    private async Task<Dictionary<string, Enterprise>> LoadExistingAsync(List<string> codes, CancellationToken ct)
    {
        var result = new Dictionary<string, Enterprise>();
        foreach (var chunk in codes.Chunk(LookupChunk))
            foreach (var e in await db.Enterprises.Where(e => chunk.Contains(e.CreditCode)).ToListAsync(ct))
                result[e.CreditCode] = e;
        return result;
    }

    private async Task<EnterpriseImportResult> WriteAsync(int rowsRead, List<EnterpriseDraft> drafts, Dictionary<string, Enterprise> existing, CancellationToken ct)
    {
        var existingIds = existing.Values.Where(e => !e.IsSynthetic).Select(e => e.Id).ToList();
        var figures = new Dictionary<(int, int, int), EnterpriseFigure>();
        var sites = new List<ProductionSite>();
        var pools = new List<PoolMembership>();
        foreach (var chunk in existingIds.Chunk(LookupChunk))
        {
            foreach (var f in await db.EnterpriseFigures.Where(f => chunk.Contains(f.EnterpriseId)).ToListAsync(ct)) figures[(f.EnterpriseId, f.Year, f.Quarter)] = f;
            sites.AddRange(await db.ProductionSites.Where(s => chunk.Contains(s.EnterpriseId)).ToListAsync(ct));
            pools.AddRange(await db.PoolMemberships.Where(p => chunk.Contains(p.EnterpriseId)).ToListAsync(ct));
        }
        var sitesByEnterprise = sites.ToLookup(s => s.EnterpriseId);
        var poolsByEnterprise = pools.ToLookup(p => p.EnterpriseId);

        var created = 0;
        var updated = 0;
        var figuresWritten = 0;
        var changed = new List<object>();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var draft in drafts)
            {
                var isNew = !existing.TryGetValue(draft.CreditCode, out var enterprise);
                if (enterprise is null)
                {
                    enterprise = new Enterprise { CreditCode = draft.CreditCode, IsSynthetic = false, ListingStatus = ListingStatus.Unlisted };
                    created++;
                }
                else updated++;

                if (draft.Name is { } name) enterprise.Name = name.Value;
                if (draft.Region is { } region) enterprise.RegisteredRegionId = region.Value.Id;
                if (draft.Industry is { } industry) enterprise.IndustryCode = industry.Value;
                if (draft.Listing is { } listing) enterprise.ListingStatus = listing.Value;
                if (draft.StockCode is { } stock) enterprise.StockCode = stock.Value;
                if (draft.FoundedYear is { } founded) enterprise.FoundedYear = founded.Value;

                var siteRegions = draft.ProductionRegions?.Value ?? (isNew ? [draft.Region!.Value.Value] : null);
                if (siteRegions is not null) ReplaceSites(enterprise, isNew, isNew ? [] : sitesByEnterprise[enterprise.Id].ToList(), siteRegions);

                var openPools = isNew ? [] : poolsByEnterprise[enterprise.Id].Where(p => p.ToYear is null).Select(p => p.Pool).ToHashSet();
                foreach (var (pool, fromYear) in draft.Pools.Where(p => !openPools.Contains(p.Pool)))
                {
                    var membership = new PoolMembership { Pool = pool, FromYear = fromYear };
                    if (isNew) enterprise.Pools.Add(membership);
                    else { membership.EnterpriseId = enterprise.Id; db.PoolMemberships.Add(membership); }
                }

                foreach (var row in draft.FigureRows)
                {
                    var key = (enterprise.Id, row.Year!.Value, row.Quarter);
                    if (isNew || !figures.TryGetValue(key, out var figure))
                    {
                        figure = new EnterpriseFigure { Year = row.Year.Value, Quarter = row.Quarter };
                        if (isNew) enterprise.Figures.Add(figure);
                        else { figure.EnterpriseId = enterprise.Id; db.EnterpriseFigures.Add(figure); }
                    }
                    else changed.Add(figure);
                    figure.Revenue = row.Revenue ?? figure.Revenue;
                    figure.OutputValue = row.OutputValue ?? figure.OutputValue;
                    figure.RdExpense = row.RdExpense ?? figure.RdExpense;
                    figure.Employees = row.Employees ?? figure.Employees;
                    figure.InventionPatents = row.InventionPatents ?? figure.InventionPatents;
                    figuresWritten++;
                }
                // A whole new graph is attached once; a global DetectChanges over tens of thousands of entries costs seconds.
                if (isNew) db.Enterprises.Add(enterprise);
                else changed.Add(enterprise);
            }
            foreach (var entity in changed) db.Entry(entity).DetectChanges();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another import or edit wrote the same credit code or period meanwhile; the transaction rolled back.
            db.ChangeTracker.Clear();
            return EnterpriseImportResult.Rejected(rowsRead, [new ImportError(0, "", "", "写入时与同时进行的其他导入或修改冲突，未写入任何数据，请重新导入：" + (e.InnerException?.Message ?? e.Message))]);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        return new EnterpriseImportResult(rowsRead, created, updated, figuresWritten, []);
    }

    /// <summary>Production sites become the listed regions with equal shares that sum to exactly 1.</summary>
    private void ReplaceSites(Enterprise enterprise, bool isNew, List<ProductionSite> current, List<RegionRef> regions)
    {
        var share = Math.Round(1m / regions.Count, 6);
        var wanted = regions.Select((r, i) => (r.Id, Share: i == regions.Count - 1 ? 1m - share * (regions.Count - 1) : share)).ToList();
        foreach (var site in current.Where(s => wanted.All(w => w.Id != s.RegionId))) db.ProductionSites.Remove(site);
        foreach (var (regionId, siteShare) in wanted)
        {
            var site = current.FirstOrDefault(s => s.RegionId == regionId);
            if (site is not null) { site.Share = siteShare; db.Entry(site).DetectChanges(); }
            else if (isNew) enterprise.ProductionSites.Add(new ProductionSite { RegionId = regionId, Share = siteShare });
            else db.ProductionSites.Add(new ProductionSite { EnterpriseId = enterprise.Id, RegionId = regionId, Share = siteShare });
        }
    }
}
