using System.Diagnostics;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterWatch.Core.Enterprises;

/// <summary>
/// Generates the deterministic synthetic enterprise set (示例数据): enterprises, production sites, pools, yearly and quarterly
/// figures, and synthetic actuals of the non-computed plan indicators. Same (enterprises, seed, regions) ⇒ identical data.
/// </summary>
public static partial class DemoGenerator
{
    public const string AuditUser = "demo-generator";
    public const string AuditAction = "DemoGenerate";
    public const int FirstYear = 2008;
    public const int LastYear = 2025;
    public const int FirstQuarterYear = 2020;
    private const int BatchSize = 2000;

    public static async Task<DemoResult> GenerateAsync(AppDbContext db, int enterprises, int seed, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(enterprises);
        var clock = Stopwatch.StartNew();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var places = DemoPlaces.Build(regions);
        if (enterprises > 0 && places.Count == 0)
            throw new InvalidOperationException("没有可放置示例企业的当前区/县级行政区划：请先导入行政区划。");

        var industriesAdded = 0;
        if (!await db.Industries.AnyAsync(ct))
        {
            db.Industries.AddRange(IndustryTaxonomy.All.Select(i => new Industry
            {
                Code = i.Code, Name = i.Name, NameEn = i.NameEn, ParentCode = i.ParentCode, Sector = i.Sector, SortOrder = i.SortOrder,
            }));
            var audited = db.AuditEnabled;
            db.AuditEnabled = false; // covered by the one summary entry below
            try { industriesAdded = await db.SaveChangesAsync(ct); }
            finally { db.AuditEnabled = audited; }
        }

        var openedHere = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (openedHere) await db.Database.OpenConnectionAsync(ct);
        try
        {
            var nextId = await ScalarLongAsync(db, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Enterprises\"", ct) + 1;
            var takenCodes = await ReadStringsAsync(db, "SELECT \"CreditCode\" FROM \"Enterprises\"", ct);
            var takenNames = await ReadStringsAsync(db, "SELECT \"Name\" FROM \"Enterprises\"", ct);
            var indicatorValues = await BuildIndicatorValuesAsync(db, seed, ct);

            var factory = new EnterpriseFactory(places, seed, takenCodes, takenNames);
            long figures = 0;
            await using var writer = await DemoWriter.CreateAsync(db, ct);
            var batch = new List<GeneratedEnterprise>(BatchSize);
            var reportEvery = Math.Max(1, enterprises / 20);
            for (var i = 0; i < enterprises; i++)
            {
                ct.ThrowIfCancellationRequested();
                var e = factory.Create(i, (int)(nextId + i), enterprises);
                figures += e.Figures.Count;
                batch.Add(e);
                if (batch.Count == BatchSize) { await writer.WriteEnterprisesAsync(batch, ct); batch.Clear(); }
                if ((i + 1) % reportEvery == 0 || i + 1 == enterprises)
                    progress?.Report($"示例企业 {i + 1:N0}/{enterprises:N0}（{(i + 1) * 100 / enterprises}%），经营数据 {figures:N0} 行");
            }
            if (batch.Count > 0) await writer.WriteEnterprisesAsync(batch, ct);
            await writer.WriteIndicatorValuesAsync(indicatorValues, ct);
            progress?.Report($"示例指标实际值 {indicatorValues.Count:N0} 条");
            await writer.InTransactionAsync(db, () => WriteAuditAsync(db, AuditAction, "Enterprise", $"{nextId}-{nextId + enterprises - 1}", new
            {
                enterprises, seed, figures, indicatorValues = indicatorValues.Count, industriesAdded, firstId = nextId, synthetic = true,
            }, ct), ct);
            await writer.CompleteAsync(ct);
            return new DemoResult(enterprises, figures, indicatorValues.Count, Math.Round(clock.Elapsed.TotalSeconds, 2));
        }
        finally
        {
            if (openedHere) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>True when the database already holds synthetic enterprises or synthetic indicator values.</summary>
    public static async Task<bool> HasSyntheticDataAsync(AppDbContext db, CancellationToken ct = default) =>
        await db.Enterprises.AnyAsync(e => e.IsSynthetic, ct) || await db.IndicatorValues.AnyAsync(v => v.IsSynthetic, ct);

    /// <summary>Deletes only synthetic enterprises (with their figures, sites, pools) and synthetic indicator values; never real data.</summary>
    public static async Task<DemoClearResult> ClearAsync(AppDbContext db, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var synthetic = db.Enterprises.Where(e => e.IsSynthetic).Select(e => e.Id);
            await db.EnterpriseFigures.Where(f => synthetic.Contains(f.EnterpriseId)).ExecuteDeleteAsync(ct);
            await db.ProductionSites.Where(s => synthetic.Contains(s.EnterpriseId)).ExecuteDeleteAsync(ct);
            await db.PoolMemberships.Where(p => synthetic.Contains(p.EnterpriseId)).ExecuteDeleteAsync(ct);
            var enterprises = await db.Enterprises.Where(e => e.IsSynthetic).ExecuteDeleteAsync(ct);
            var values = await db.IndicatorValues.Where(v => v.IsSynthetic && v.Source == ValueSource.Synthetic).ExecuteDeleteAsync(ct);
            await WriteAuditAsync(db, "DemoClear", "Enterprise", "synthetic", new { enterprises, indicatorValues = values, synthetic = true }, ct);
            if (tx is not null) await tx.CommitAsync(ct);
            return new DemoClearResult(enterprises, values);
        });
    }

    private static async Task WriteAuditAsync(AppDbContext db, string action, string entityType, string entityId, object after, CancellationToken ct)
    {
        var audited = db.AuditEnabled;
        db.AuditEnabled = false;
        try
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow, User = AuditUser, Action = action, EntityType = entityType, EntityId = entityId,
                After = JsonSerializer.Serialize(after),
            });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.AuditEnabled = audited;
        }
    }

    private static async Task<long> ScalarLongAsync(AppDbContext db, string sql, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    private static async Task<HashSet<string>> ReadStringsAsync(AppDbContext db, string sql, CancellationToken ct)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) set.Add(reader.GetString(0).Trim());
        return set;
    }

    /// <summary>A seed derived from the run's seed and a stream key (SplitMix64), so each stream is independent and stable.</summary>
    internal static int DeriveSeed(int seed, long stream, int salt)
    {
        unchecked
        {
            var z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xBF58476D1CE4E5B9UL ^ (ulong)salt * 0x94D049BB133111EBUL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}
