using System.Diagnostics;
using System.Text;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Enterprises.Import;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Tests.Enterprises;

public sealed class ImportEnterpriseImporterTests : IAsyncLifetime
{
    private const string Header = "统一社会信用代码,企业名称,注册地区,生产地区,细分行业,上市状态,股票代码,成立年份,标签,年份,季度,营业收入（万元）,产值（万元）,研发投入（万元）,从业人员,发明专利（件）";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cw-import-{Guid.NewGuid():N}.db");
    private AppDbContext _db = null!;

    static ImportEnterpriseImporterTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Code(int n) => CreditCode.Complete($"914403007{n:D8}");

    public async Task InitializeAsync()
    {
        _db = NewContext();
        await MigrationRunner.MigrateAsync(_db);
        var guangdong = new Region { Code = "440000", Name = "广东省", Level = RegionLevel.Province, SeriesCode = "440000" };
        var shenzhen = new Region { Code = "440300", Name = "深圳市", Level = RegionLevel.City, Parent = guangdong, SeriesCode = "440300" };
        _db.Regions.AddRange(guangdong, shenzhen,
            new Region { Code = "440305", Name = "南山区", Level = RegionLevel.District, Parent = shenzhen, SeriesCode = "440305" },
            new Region { Code = "440306", Name = "宝安区", Level = RegionLevel.District, Parent = shenzhen, SeriesCode = "440306" },
            new Region { Code = "440310", Name = "坪山区", Level = RegionLevel.District, Parent = shenzhen, SeriesCode = "440310" },
            new Region { Code = "230404", Name = "南山区", Level = RegionLevel.District, SeriesCode = "230404" });
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }

    private AppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_file};Pooling=false").Options, new FixedAuditUser("test"));

    private async Task<EnterpriseImportResult> ImportCsv(params string[] lines)
    {
        await using var db = NewContext();
        var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]));
        return await new EnterpriseImporter(db).ImportAsync(new MemoryStream(bytes), "企业.csv");
    }

    private async Task<(int Enterprises, int Figures)> CountsAsync()
    {
        await using var db = NewContext();
        return (await db.Enterprises.CountAsync(), await db.EnterpriseFigures.CountAsync());
    }

    [Fact]
    public async Task A_valid_file_creates_enterprises_with_yearly_and_quarterly_figures_as_real_data()
    {
        var result = await ImportCsv(
            $"{Code(1)},深圳甲生物医药有限公司,南山,南山区；宝安区,体外诊断,已上市,300001.SZ,2010,专精特新、高新技术,2024,,10000,9000,800,120,5",
            $"{Code(1)},深圳甲生物医药有限公司,南山,南山区；宝安区,体外诊断,已上市,300001.SZ,2010,专精特新、高新技术,2025,,150000,140000,9000,130,6",
            $"{Code(1)},深圳甲生物医药有限公司,南山,南山区；宝安区,体外诊断,已上市,300001.SZ,2010,,2025,1,30000.5,,,,",
            $"{Code(2)},深圳乙医疗器械有限公司,440306,,BIO.DEVICE.IMAGING,,,,,,,,,,,");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}")));
        Assert.Equal(2, result.EnterprisesCreated);
        Assert.Equal(0, result.EnterprisesUpdated);
        Assert.Equal(3, result.FiguresWritten);

        await using var db = NewContext();
        var first = await db.Enterprises.Include(e => e.Figures).Include(e => e.ProductionSites).ThenInclude(s => s.Region).Include(e => e.Pools).Include(e => e.RegisteredRegion)
            .SingleAsync(e => e.CreditCode == Code(1));
        Assert.False(first.IsSynthetic);
        Assert.Equal("440305", first.RegisteredRegion!.Code);
        Assert.Equal(IndustryTaxonomy.Ivd, first.IndustryCode);
        Assert.Equal(ListingStatus.Listed, first.ListingStatus);
        Assert.Equal(150000m, first.Figures.Single(f => f.Year == 2025 && f.Quarter == 0).Revenue);
        Assert.Equal(30000.5m, first.Figures.Single(f => f.Quarter == 1).Revenue);
        Assert.Equal(["440305", "440306"], first.ProductionSites.Select(s => s.Region!.Code).Order());
        Assert.Equal(1m, first.ProductionSites.Sum(s => s.Share));
        Assert.Equal([CultivationPool.Specialized, CultivationPool.HighTech], first.Pools.Select(p => p.Pool).Order());
        var second = await db.Enterprises.Include(e => e.ProductionSites).SingleAsync(e => e.CreditCode == Code(2));
        Assert.Equal(second.RegisteredRegionId, Assert.Single(second.ProductionSites).RegionId);
        Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType == nameof(EnterpriseFigure) && a.User == "test") >= 3);
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_rejected_whole_listing_every_bad_row_and_field()
    {
        await ImportCsv($"{Code(9)},已有企业,南山区,,生物药,,,,,2025,,100,,,,");
        var before = await CountsAsync();
        var badCode = Code(3)[..17] + (Code(3)[17] == '0' ? '1' : '0');

        var result = await ImportCsv(
            $"{Code(1)},好企业,南山区,,生物药,,,,,2025,,100,,,,",
            $"{badCode},校验位错误企业,南山区,,生物药,,,,,2025,,100,,,,",
            $"{Code(4)},负收入企业,南山区,,生物药,,,,,2025,,-5,,,,",
            $"{Code(5)},未知地区企业,火星区,,生物药,,,,,2025,,100,,,,",
            $"{Code(1)},好企业,南山区,,生物药,,,,,2025,,200,,,,",
            $"{Code(6)},未知行业企业,南山区,,造飞机,,,,,2025,,abc,,,,",
            $"{Code(9)},改了名字的企业,南山区,,生物药,,,,,2024,,100,,,,",
            $"{Code(9)},已有企业,南山区,,生物药,,,,,2023,,100,,,,");

        Assert.False(result.Succeeded);
        var found = result.Errors.Select(e => (e.Row, e.Column)).ToHashSet();
        Assert.Contains((3, "统一社会信用代码"), found);
        Assert.Contains((4, "营业收入（万元）"), found);
        Assert.Contains((5, "注册地区"), found);
        Assert.Contains((6, "年份"), found);
        Assert.Contains((7, "细分行业"), found);
        Assert.Contains((7, "营业收入（万元）"), found);
        Assert.Contains(result.Errors, e => e.Row == 9 && e.Column == "企业名称" && e.Message.Contains("第8行"));
        Assert.DoesNotContain(result.Errors, e => e.Row == 2);
        Assert.Contains("校验位", result.Errors.Single(e => e.Row == 3).Message);
        Assert.Contains("负数", result.Errors.Single(e => e.Row == 4).Message);
        Assert.Contains("第2行", result.Errors.Single(e => e.Row == 6).Message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Importing_again_updates_figures_instead_of_duplicating_them()
    {
        await ImportCsv($"{Code(1)},甲公司,南山区,,生物药,,,,龙头,2025,,100,50,,,");

        var result = await ImportCsv(
            $"{Code(1)},甲公司（更名）,南山区,坪山区,生物药,,,,龙头,2025,,250,,,,",
            $"{Code(1)},甲公司（更名）,南山区,坪山区,生物药,,,,瞪羚,2024,,80,,,,");

        Assert.True(result.Succeeded);
        Assert.Equal((0, 1, 2), (result.EnterprisesCreated, result.EnterprisesUpdated, result.FiguresWritten));
        await using var db = NewContext();
        var e = await db.Enterprises.Include(x => x.Figures).Include(x => x.ProductionSites).Include(x => x.Pools).SingleAsync();
        Assert.Equal("甲公司（更名）", e.Name);
        Assert.Equal(2, e.Figures.Count);
        var figure = e.Figures.Single(f => f.Year == 2025);
        Assert.Equal(250m, figure.Revenue);
        Assert.Equal(50m, figure.OutputValue);
        Assert.Equal(80m, e.Figures.Single(f => f.Year == 2024).Revenue);
        Assert.Equal("440310", (await db.Regions.FindAsync(Assert.Single(e.ProductionSites).RegionId))!.Code);
        Assert.Equal([CultivationPool.Leading, CultivationPool.Gazelle], e.Pools.Select(p => p.Pool).Order());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Enterprise) && a.Action == "Modified" && a.Before!.Contains("甲公司")));
    }

    [Fact]
    public async Task A_synthetic_enterprise_is_not_overwritten_by_an_import()
    {
        await using (var db = NewContext())
        {
            db.Enterprises.Add(new Enterprise { CreditCode = Code(1), Name = "示例企业", RegisteredRegionId = (await db.Regions.FirstAsync(r => r.Code == "440305")).Id, IndustryCode = IndustryTaxonomy.Biologic, IsSynthetic = true });
            await db.SaveChangesAsync();
        }

        var result = await ImportCsv($"{Code(1)},真实企业,南山区,,生物药,,,,,2025,,100,,,,");

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "统一社会信用代码"), (error.Row, error.Column));
        Assert.Contains("示例数据", error.Message);
        await using var check = NewContext();
        Assert.Equal("示例企业", (await check.Enterprises.SingleAsync()).Name);
    }

    [Fact]
    public async Task A_gb18030_csv_imports_like_a_utf8_one()
    {
        await using var db = NewContext();
        var text = string.Join("\r\n", Header, $"{Code(1)},深圳丙生物,南山区,,现代中药,,,,,2025,,12.5,,,,");
        var result = await new EnterpriseImporter(db).ImportAsync(new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(text)), "gbk.csv");

        Assert.True(result.Succeeded);
        Assert.Equal("深圳丙生物", (await db.Enterprises.SingleAsync()).Name);
    }

    [Fact]
    public async Task An_xlsx_with_numeric_cells_imports_like_the_csv()
    {
        using var xlsx = new MemoryStream();
        XlsxWriter.Write(xlsx, "企业数据", EnterpriseImportColumns.All,
        [
            [Code(1), "深圳丁生物", "440305", null, "生物药", "未上市", null, 2016, "瞪羚", 2025, null, 1234.5m, 1000, 88.8m, 42, 2],
            [Code(1), "深圳丁生物", "440305", null, "生物药", "未上市", null, 2016, null, 2025, 4, 400.25m, null, null, null, null],
        ]);
        await using var db = NewContext();

        var result = await new EnterpriseImporter(db).ImportAsync(new MemoryStream(xlsx.ToArray()), "企业.xlsx");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var figures = await db.EnterpriseFigures.OrderBy(f => f.Quarter).ToListAsync();
        Assert.Equal([1234.5m, 400.25m], figures.Select(f => f.Revenue));
        Assert.Equal(42, figures[0].Employees);
        Assert.Equal(2016, (await db.Enterprises.SingleAsync()).FoundedYear);
    }

    [Fact]
    public async Task An_undecodable_file_is_rejected_with_the_encoding_reason()
    {
        await using var db = NewContext();
        var result = await new EnterpriseImporter(db).ImportAsync(new MemoryStream(Encoding.Unicode.GetBytes(Header)), "utf16.csv");

        Assert.Contains("编码无法识别", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Missing_required_columns_are_named()
    {
        await using var db = NewContext();
        var result = await new EnterpriseImporter(db).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("企业名称\r\n甲\r\n")), "x.csv");

        Assert.Contains(result.Errors, e => e.Row == 1 && e.Column == "统一社会信用代码");
        Assert.Contains(result.Errors, e => e.Row == 1 && e.Column == "细分行业");
    }

    [Fact]
    public async Task The_xlsx_template_has_the_headers_only_and_the_rules_on_a_second_sheet_and_imports_as_an_empty_file()
    {
        using var stream = new MemoryStream();
        EnterpriseImportTemplate.WriteXlsx(stream);

        var table = TabularFileReader.Read(new MemoryStream(stream.ToArray()), EnterpriseImportTemplate.XlsxFileName);

        Assert.Equal(EnterpriseImportColumns.All, table.Headers);
        Assert.Empty(table.Rows);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false);
        Assert.Equal(["企业数据", "说明"], doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public async Task Fifty_thousand_rows_import_in_one_transaction_well_within_a_minute_and_a_half()
    {
        var lines = new List<string>();
        for (var e = 0; e < 10_000; e++)
            for (var year = 2021; year <= 2025; year++)
                lines.Add($"{Code(e)},企业{e},{(e % 2 == 0 ? "南山区" : "440306")},,生物药,,,,,{year},,{e * 10 + year},{e},1,10,0");
        var watch = Stopwatch.StartNew();

        var result = await ImportCsv([.. lines]);

        Assert.True(result.Succeeded);
        Assert.Equal(50_000, result.FiguresWritten);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"took {watch.Elapsed}");
        Assert.Equal((10_000, 50_000), await CountsAsync());
    }
}
