using System.Text.Json;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Enterprises.Credit;

/// <summary>
/// Synthetic credit records (示例数据) for the synthetic enterprises, deterministic for a seed: honours follow the enterprise's
/// cultivation pools (高新技术 → high-tech certificate, 专精特新 → SRDI), other records are drawn from the scheme's indicators in
/// 2021-2025 with fictitious document numbers; then every enterprise is scored.
/// </summary>
public static class CreditDemo
{
    public const string Source = "示例数据（合成）";
    private const string Issuer = "示例发布机关";
    private static readonly DateOnly First = new(2021, 1, 1);
    private const int Days = 5 * 365;

    public sealed record Result(int Records, int EnterprisesScored);

    public static async Task<Result> SeedAsync(AppDbContext db, int seed, CancellationToken ct = default)
    {
        var scoring = new CreditScoringService(db, TimeProvider.System, CreditScoringModel.Default);
        if (await db.Set<CreditRecord>().AnyAsync(r => r.IsSynthetic, ct)) return new Result(0, 0);
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => e.IsSynthetic).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var pools = (await db.PoolMemberships.AsNoTracking().Where(p => p.Enterprise!.IsSynthetic)
            .Select(p => new { p.EnterpriseId, p.Pool, p.FromYear }).ToListAsync(ct)).ToLookup(p => p.EnterpriseId);

        var scheme = scoring.Model.Scheme;
        var random = new Random(seed * 7919 + 45255);
        var now = TimeProvider.System.GetUtcNow().ToUniversalTime();
        var rows = new List<object?[]>();
        var drawn = scheme.Indicators.Where(i => i.Code is not ("QUA-HIGH-TECH" or "QUA-SRDI")).ToList();
        foreach (var id in enterprises)
        {
            foreach (var p in pools[id])
            {
                var code = p.Pool switch { CultivationPool.HighTech => "QUA-HIGH-TECH", CultivationPool.Specialized => "QUA-SRDI", _ => null };
                if (code is null || !scheme.IndicatorsByCode.TryGetValue(code, out var honour)) continue;
                var year = Math.Clamp(p.FromYear, 2021, 2025);
                rows.Add(Row(id, honour, new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)), random, now));
            }
            // Most firms have a clean record; a few have several entries, deductions twice as common as other honours.
            var count = random.NextDouble() switch { < 0.55 => 0, < 0.80 => 1, < 0.93 => 2, < 0.98 => 3, _ => 5 };
            for (var i = 0; i < count; i++)
            {
                var indicator = drawn[random.Next(drawn.Count)];
                if (indicator.ForcesGrade is not null && random.NextDouble() < 0.7) indicator = drawn[random.Next(drawn.Count)];
                rows.Add(Row(id, indicator, First.AddDays(random.Next(Days)), random, now));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CreditBulkWriter.InsertAsync(db, "CreditRecords",
            [nameof(CreditRecord.EnterpriseId), nameof(CreditRecord.IndicatorCode), nameof(CreditRecord.Title), nameof(CreditRecord.OccurredOn),
             nameof(CreditRecord.DocumentNo), nameof(CreditRecord.Issuer), nameof(CreditRecord.ValidUntil), nameof(CreditRecord.Source),
             nameof(CreditRecord.IsSynthetic), nameof(CreditRecord.ImportedAt), nameof(CreditRecord.ImportedBy)], rows, ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, User = Seeding.SeedData.AuditUser, Action = "seed credit demo", EntityType = nameof(CreditRecord), EntityId = "",
            After = JsonSerializer.Serialize(new { records = rows.Count, enterprises = enterprises.Count, seed, source = Source }, CreditScoringService.FactorJson),
        });
        await db.SaveChangesAsync(ct);
        var refresh = await scoring.RefreshAsync(RefreshScope.Full, ct);
        await transaction.CommitAsync(ct);
        return new Result(rows.Count, refresh.EnterprisesScored);
    }

    private static object?[] Row(int enterpriseId, CreditIndicator indicator, DateOnly occurredOn, Random random, DateTimeOffset now)
    {
        var number = random.Next(1, 999);
        var documentNo = $"示例〔{occurredOn.Year}〕{number}号";
        var title = $"{indicator.Name}（示例数据）";
        return [enterpriseId, indicator.Code, title, occurredOn, documentNo, Issuer, null, Source, true, now, Seeding.SeedData.AuditUser];
    }
}
