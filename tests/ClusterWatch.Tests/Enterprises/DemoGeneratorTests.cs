using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClusterWatch.Tests.Enterprises;

/// <summary>A temp database (SQLite file, or a fresh PostgreSQL database) with the schema and a few Guangdong regions seeded here.</summary>
public sealed class DemoDatabase : IAsyncDisposable
{
    private readonly string _name = $"clusterwatch_demo_{Guid.NewGuid():N}";
    private readonly DatabaseProvider _provider;
    private readonly string? _admin;
    private string File => Path.Combine(Path.GetTempPath(), _name + ".db");
    public AppDbContext Db { get; }
    public Region Shenzhen { get; private set; } = null!;
    public Region Nanshan { get; private set; } = null!;

    private DemoDatabase(DatabaseProvider provider)
    {
        _provider = provider;
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (provider == DatabaseProvider.Sqlite) options.UseSqlite($"Data Source={File};Pooling=false");
        else
        {
            _admin = Environment.GetEnvironmentVariable("CLUSTERWATCH_TEST_PG")
                ?? throw new InvalidOperationException("PostgreSQL tests need CLUSTERWATCH_TEST_PG.");
            using var conn = new NpgsqlConnection(_admin);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_name}\" ENCODING 'UTF8' TEMPLATE template0", conn);
            cmd.ExecuteNonQuery();
            options.UseNpgsql(new NpgsqlConnectionStringBuilder(_admin) { Database = _name, Pooling = false }.ToString());
        }
        Db = new AppDbContext(options.Options, new FixedAuditUser("test"));
    }

    public static async Task<DemoDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var d = new DemoDatabase(provider);
        await MigrationRunner.MigrateAsync(d.Db);
        var province = new Region { Code = "440000", Name = "广东省", Level = RegionLevel.Province, SeriesCode = "440000" };
        d.Shenzhen = new Region { Code = "440300", Name = "深圳市", Level = RegionLevel.City, Parent = province, SeriesCode = "440300" };
        var guangzhou = new Region { Code = "440100", Name = "广州市", Level = RegionLevel.City, Parent = province, SeriesCode = "440100" };
        var dongguan = new Region { Code = "441900", Name = "东莞市", Level = RegionLevel.City, Parent = province, SeriesCode = "441900" };
        d.Nanshan = District("440305", "南山区", d.Shenzhen);
        var pingshan = District("440310", "坪山区", d.Shenzhen);
        var oldPingshan = new Region { Code = "440300", Name = "坪山新区", Level = RegionLevel.FunctionalZone, Parent = d.Shenzhen, ValidFromYear = 2009, ValidToYear = 2016, Successor = pingshan, SeriesCode = "440310" };
        d.Db.Regions.AddRange(province, d.Shenzhen, guangzhou, dongguan, d.Nanshan, pingshan, oldPingshan,
            District("440306", "宝安区", d.Shenzhen), District("440303", "罗湖区", d.Shenzhen),
            District("440112", "黄埔区", guangzhou), District("440106", "天河区", guangzhou));
        await d.Db.SaveChangesAsync();
        return d;
    }

    private static Region District(string code, string name, Region city) =>
        new() { Code = code, Name = name, Level = RegionLevel.District, Parent = city, SeriesCode = code };

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        if (_provider == DatabaseProvider.Sqlite)
        {
            foreach (var f in new[] { File, File + "-wal", File + "-shm" }) if (System.IO.File.Exists(f)) System.IO.File.Delete(f);
            return;
        }
        await using var conn = new NpgsqlConnection(_admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

public class DemoGeneratorTests
{
    private const int Enterprises = 300;

    [Fact]
    public async Task Same_seed_gives_identical_codes_and_figure_sums_and_another_seed_differs()
    {
        await using var a = await DemoDatabase.CreateAsync();
        await using var b = await DemoDatabase.CreateAsync();
        await using var c = await DemoDatabase.CreateAsync();
        await DemoGenerator.GenerateAsync(a.Db, Enterprises, 42);
        await DemoGenerator.GenerateAsync(b.Db, Enterprises, 42);
        await DemoGenerator.GenerateAsync(c.Db, Enterprises, 43);

        var (codesA, sumA) = await Fingerprint(a.Db);
        var (codesB, sumB) = await Fingerprint(b.Db);
        var (codesC, sumC) = await Fingerprint(c.Db);
        Assert.Equal(Enterprises, codesA.Count);
        Assert.Equal(codesA, codesB);
        Assert.Equal(sumA, sumB);
        Assert.NotEqual(codesA, codesC);
        Assert.NotEqual(sumA, sumC);
    }

    internal static async Task<(List<string> Codes, string Sums)> Fingerprint(AppDbContext db)
    {
        var codes = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.CreditCode + "|" + e.Name).ToListAsync();
        var figures = await db.EnterpriseFigures.AsNoTracking().ToListAsync();
        var sums = $"{figures.Count}:{figures.Sum(f => f.Revenue)}:{figures.Sum(f => f.OutputValue)}:{figures.Sum(f => f.RdExpense)}:{figures.Sum(f => (long)f.Employees)}";
        return (codes, sums);
    }

    [Fact]
    public async Task Every_credit_code_is_valid_and_unique_and_every_enterprise_is_synthetic()
    {
        await using var d = await DemoDatabase.CreateAsync();
        var result = await DemoGenerator.GenerateAsync(d.Db, Enterprises, 7);

        var enterprises = await d.Db.Enterprises.AsNoTracking().ToListAsync();
        Assert.Equal(Enterprises, result.Enterprises);
        Assert.Equal(Enterprises, enterprises.Count);
        Assert.All(enterprises, e => Assert.True(CreditCode.IsValid(e.CreditCode), $"{e.CreditCode}: {CreditCode.Validate(e.CreditCode)}"));
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.CreditCode).Distinct().Count());
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.Name).Distinct().Count());
        Assert.All(enterprises, e => Assert.True(e.IsSynthetic));
        Assert.Equal(result.Figures, await d.Db.EnterpriseFigures.LongCountAsync());
    }

    [Fact]
    public async Task Enterprises_are_placed_only_in_current_districts_or_cities_without_districts()
    {
        await using var d = await DemoDatabase.CreateAsync();
        await DemoGenerator.GenerateAsync(d.Db, Enterprises, 7);

        var regions = await d.Db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var used = await d.Db.Enterprises.Select(e => e.RegisteredRegionId)
            .Union(d.Db.ProductionSites.Select(s => s.RegionId)).ToListAsync();
        Assert.All(used, id => Assert.True(regions[id].IsCurrent && (regions[id].Level == RegionLevel.District || regions[id].Code == "441900"), regions[id].Name));
        var shenzhen = await d.Db.Enterprises.CountAsync(e => e.RegisteredRegion!.ParentId == d.Shenzhen.Id);
        Assert.InRange(shenzhen, Enterprises * 45 / 100, Enterprises * 75 / 100);
    }

    [Fact]
    public async Task No_enterprise_is_placed_outside_Guangdong_when_Guangdong_is_loaded()
    {
        await using var d = await DemoDatabase.CreateAsync();
        var beijing = new Region { Code = "110100", Name = "北京市", Level = RegionLevel.City, SeriesCode = "110100" };
        d.Db.Regions.AddRange(beijing, new Region { Code = "110105", Name = "朝阳区", Level = RegionLevel.District, Parent = beijing, SeriesCode = "110105" });
        await d.Db.SaveChangesAsync();

        await DemoGenerator.GenerateAsync(d.Db, Enterprises, 9);

        Assert.Equal(0, await d.Db.Enterprises.CountAsync(e => e.RegisteredRegion!.Code.StartsWith("11")));
        Assert.All(await d.Db.Enterprises.Select(e => e.CreditCode).ToListAsync(), code => Assert.StartsWith("9144", code));
    }

    [Fact]
    public async Task Quarterly_amounts_sum_to_the_year()
    {
        await using var d = await DemoDatabase.CreateAsync();
        await DemoGenerator.GenerateAsync(d.Db, Enterprises, 11);

        var figures = await d.Db.EnterpriseFigures.AsNoTracking().ToListAsync();
        var quarters = figures.Where(f => f.Quarter > 0).GroupBy(f => (f.EnterpriseId, f.Year)).ToList();
        var years = figures.Where(f => f.Quarter == 0).ToDictionary(f => (f.EnterpriseId, f.Year));
        Assert.NotEmpty(quarters);
        foreach (var q in quarters)
        {
            var year = years[q.Key];
            Assert.Equal(4, q.Count());
            Assert.Equal(year.Revenue, q.Sum(f => f.Revenue));
            Assert.Equal(year.OutputValue, q.Sum(f => f.OutputValue));
            Assert.Equal(year.RdExpense, q.Sum(f => f.RdExpense));
            Assert.All(q, f => Assert.True(f.Revenue >= 0 && f.OutputValue >= 0 && f.RdExpense >= 0));
        }
        Assert.All(figures.Where(f => f.Quarter > 0), f => Assert.InRange(f.Year, DemoGenerator.FirstQuarterYear, DemoGenerator.LastYear));
    }

    [Fact]
    public async Task Yearly_figures_run_without_gaps_from_the_founding_year_but_not_before_2008_to_2025()
    {
        await using var d = await DemoDatabase.CreateAsync();
        await DemoGenerator.GenerateAsync(d.Db, Enterprises, 13);

        var founded = await d.Db.Enterprises.ToDictionaryAsync(e => e.Id, e => e.FoundedYear!.Value);
        var years = (await d.Db.EnterpriseFigures.Where(f => f.Quarter == 0).Select(f => new { f.EnterpriseId, f.Year }).ToListAsync())
            .GroupBy(f => f.EnterpriseId).ToDictionary(g => g.Key, g => g.Select(f => f.Year).Order().ToList());
        Assert.Equal(founded.Keys.Order(), years.Keys.Order());
        foreach (var (id, list) in years)
        {
            var first = Math.Max(DemoGenerator.FirstYear, founded[id]);
            Assert.Equal(Enumerable.Range(first, DemoGenerator.LastYear - first + 1), list);
        }
        Assert.Contains(founded.Values, y => y < DemoGenerator.FirstYear);
        Assert.Contains(founded.Values, y => y > 2015);
    }

    [Fact]
    public async Task Pool_memberships_have_ordered_years_and_the_largest_firms_are_leading()
    {
        await using var d = await DemoDatabase.CreateAsync();
        await DemoGenerator.GenerateAsync(d.Db, Enterprises, 17);

        var pools = await d.Db.PoolMemberships.AsNoTracking().ToListAsync();
        Assert.All(pools, p => Assert.True(p.ToYear is null || p.ToYear >= p.FromYear, $"{p.Pool} {p.FromYear}-{p.ToYear}"));
        Assert.All(pools, p => Assert.InRange(p.FromYear, DemoGenerator.FirstYear, DemoGenerator.LastYear));
        var tenYi = await d.Db.EnterpriseFigures.Where(f => f.Quarter == 0 && f.Revenue >= 100_000m).Select(f => f.EnterpriseId).Distinct().ToListAsync();
        Assert.NotEmpty(tenYi);
        var leading = pools.Where(p => p.Pool == CultivationPool.Leading).Select(p => p.EnterpriseId).Order().ToList();
        Assert.Equal(tenYi.Order(), leading);
        Assert.Contains(pools, p => p.Pool == CultivationPool.HighTech);
        Assert.Contains(await d.Db.Enterprises.ToListAsync(), e => e.ListingStatus == ListingStatus.Listed);
    }

    [Fact]
    public async Task Production_site_shares_sum_to_one_and_some_firms_produce_elsewhere()
    {
        await using var d = await DemoDatabase.CreateAsync();
        await DemoGenerator.GenerateAsync(d.Db, Enterprises, 5);

        var enterprises = await d.Db.Enterprises.AsNoTracking().Include(e => e.ProductionSites).ToListAsync();
        Assert.All(enterprises, e => Assert.Equal(1m, e.ProductionSites.Sum(s => s.Share)));
        Assert.Contains(enterprises, e => e.ProductionSites.Count == 2);
        Assert.Contains(enterprises, e => e.ProductionSites.Count == 1 && e.ProductionSites[0].RegionId != e.RegisteredRegionId);
        Assert.True(enterprises.Count(e => e.ProductionSites.Count == 1 && e.ProductionSites[0].RegionId == e.RegisteredRegionId) > Enterprises * 3 / 4);
    }

    [Fact]
    public async Task Generation_writes_one_audit_entry_and_the_industry_taxonomy()
    {
        await using var d = await DemoDatabase.CreateAsync();
        var before = await d.Db.AuditEntries.CountAsync();
        await DemoGenerator.GenerateAsync(d.Db, 50, 1);

        var audit = Assert.Single(await d.Db.AuditEntries.Where(a => a.Action == DemoGenerator.AuditAction).ToListAsync());
        Assert.Equal(before + 1, await d.Db.AuditEntries.CountAsync());
        Assert.Equal(DemoGenerator.AuditUser, audit.User);
        Assert.Contains("\"enterprises\":50", audit.After);
        Assert.Equal(IndustryTaxonomy.All.Count, await d.Db.Industries.CountAsync());
    }

    [Fact]
    public async Task Clear_deletes_synthetic_data_but_never_a_real_enterprise()
    {
        await using var d = await DemoDatabase.CreateAsync();
        var real = new Enterprise
        {
            CreditCode = CreditCode.Complete("91440300MA5F00001"), Name = "深圳市真实企业有限公司", RegisteredRegionId = d.Nanshan.Id,
            IndustryCode = IndustryTaxonomy.Ivd, IsSynthetic = false,
            ProductionSites = [new ProductionSite { RegionId = d.Nanshan.Id, Share = 1m }],
            Figures = [new EnterpriseFigure { Year = 2020, Revenue = 100m, OutputValue = 90m }],
        };
        d.Db.Enterprises.Add(real);
        await d.Db.SaveChangesAsync();
        await DemoGenerator.GenerateAsync(d.Db, 100, 3);
        Assert.True(await DemoGenerator.HasSyntheticDataAsync(d.Db));

        var cleared = await DemoGenerator.ClearAsync(d.Db);

        Assert.Equal(100, cleared.Enterprises);
        Assert.False(await DemoGenerator.HasSyntheticDataAsync(d.Db));
        var left = Assert.Single(await d.Db.Enterprises.AsNoTracking().Include(e => e.Figures).Include(e => e.ProductionSites).ToListAsync());
        Assert.Equal(real.CreditCode, left.CreditCode);
        Assert.Single(left.Figures);
        Assert.Single(left.ProductionSites);
        Assert.Equal(1, await d.Db.EnterpriseFigures.CountAsync());
    }

    [Fact]
    public async Task A_cancelled_generation_leaves_no_synthetic_rows_behind()
    {
        await using var d = await DemoDatabase.CreateAsync();
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(message => { if (message.Contains("50%")) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoGenerator.GenerateAsync(d.Db, 4000, 3, progress, cancel.Token));

        Assert.Equal(0, await d.Db.Enterprises.CountAsync());
        Assert.Equal(0, await d.Db.EnterpriseFigures.CountAsync());
        Assert.Equal(0, await d.Db.AuditEntries.CountAsync(a => a.Action == DemoGenerator.AuditAction));
    }

    [Fact]
    public async Task Generation_inside_a_callers_transaction_is_rolled_back_with_it()
    {
        await using var d = await DemoDatabase.CreateAsync();
        await using (var tx = await d.Db.Database.BeginTransactionAsync())
        {
            await DemoGenerator.GenerateAsync(d.Db, 30, 3);
            Assert.Equal(30, await d.Db.Enterprises.CountAsync());
            await tx.RollbackAsync();
        }
        d.Db.ChangeTracker.Clear();

        Assert.Equal(0, await d.Db.Enterprises.CountAsync());
        Assert.False(await DemoGenerator.HasSyntheticDataAsync(d.Db));
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }

    [Fact]
    public async Task Generating_after_real_enterprises_assigns_new_ids_after_them()
    {
        await using var d = await DemoDatabase.CreateAsync();
        d.Db.Enterprises.Add(new Enterprise { CreditCode = CreditCode.Complete("91440300MA5F00002"), Name = "深圳市另一真实企业有限公司", RegisteredRegionId = d.Nanshan.Id, IndustryCode = IndustryTaxonomy.Ivd });
        await d.Db.SaveChangesAsync();
        await DemoGenerator.GenerateAsync(d.Db, 20, 3);

        Assert.Equal(21, await d.Db.Enterprises.CountAsync());
        Assert.Equal(20, await d.Db.Enterprises.CountAsync(e => e.IsSynthetic));
    }

    [Fact]
    public async Task Non_computed_indicators_get_synthetic_yearly_values_from_plan_start_to_target_year()
    {
        await using var d = await DemoDatabase.CreateAsync();
        var drugs = new Indicator { Name = "创新药数", Unit = "个", Kind = IndicatorKind.Count, Measure = ComputedMeasure.None };
        var revenue = new Indicator { Name = "生物产业销售收入", Unit = "亿元", Kind = IndicatorKind.Amount, Measure = ComputedMeasure.Revenue };
        var plan = new Plan { Slug = "p", Title = "规划", RegionId = d.Shenzhen.Id, PeriodStart = 2009, PeriodEnd = 2015 };
        plan.Targets.Add(new Target { Indicator = drugs, RegionId = d.Shenzhen.Id, Year = 2012, Value = 3, Unit = "个" });
        plan.Targets.Add(new Target { Indicator = drugs, RegionId = d.Shenzhen.Id, Year = 2015, Value = 5, Unit = "个" });
        plan.Targets.Add(new Target { Indicator = revenue, RegionId = d.Shenzhen.Id, Year = 2012, Value = 900, Unit = "亿元" });
        d.Db.Plans.Add(plan);
        await d.Db.SaveChangesAsync();

        var result = await DemoGenerator.GenerateAsync(d.Db, 10, 3);

        var values = await d.Db.IndicatorValues.AsNoTracking().OrderBy(v => v.Year).ToListAsync();
        Assert.Equal(Enumerable.Range(2009, 7), values.Select(v => v.Year));
        Assert.All(values, v =>
        {
            Assert.Equal(drugs.Id, v.IndicatorId);
            Assert.Equal(ValueSource.Synthetic, v.Source);
            Assert.True(v.IsSynthetic);
            Assert.Equal(decimal.Round(v.Value), v.Value);
        });
        Assert.Equal(7, result.IndicatorValues);
    }
}

[Trait("Database", "PostgreSQL")]
public class DemoGeneratorPostgresTests
{
    [Fact]
    public async Task PostgreSQL_copy_gives_the_same_data_as_SQLite_and_moves_the_id_sequence_past_the_generated_ids()
    {
        await using var sqlite = await DemoDatabase.CreateAsync();
        await using var pg = await DemoDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await DemoGenerator.GenerateAsync(sqlite.Db, 120, 42);
        var result = await DemoGenerator.GenerateAsync(pg.Db, 120, 42);

        var (codesLite, sumsLite) = await DemoGeneratorTests.Fingerprint(sqlite.Db);
        var (codesPg, sumsPg) = await DemoGeneratorTests.Fingerprint(pg.Db);
        Assert.Equal(codesLite, codesPg);
        Assert.Equal(sumsLite, sumsPg);
        Assert.Equal(result.Figures, await pg.Db.EnterpriseFigures.LongCountAsync());

        var added = new Enterprise { CreditCode = CreditCode.Complete("91440300MA5F00003"), Name = "深圳市新增真实企业有限公司", RegisteredRegionId = pg.Nanshan.Id, IndustryCode = IndustryTaxonomy.Ivd };
        pg.Db.Enterprises.Add(added);
        await pg.Db.SaveChangesAsync();
        Assert.Equal(121, added.Id);

        var cleared = await DemoGenerator.ClearAsync(pg.Db);
        Assert.Equal(120, cleared.Enterprises);
        Assert.Equal(added.CreditCode, Assert.Single(await pg.Db.Enterprises.AsNoTracking().ToListAsync()).CreditCode);
    }
}
