using System.Diagnostics;
using System.Text.Json;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Enterprises.Credit;

/// <summary>What a refresh did.</summary>
public sealed record CreditRefreshResult(int EnterprisesScored, int RecordsRead, long ElapsedMilliseconds)
{
    public override string ToString() => $"评分企业 {EnterprisesScored} 家，读取信用记录 {RecordsRead} 条";
}

/// <summary>Scores enterprises with the credit model and keeps CreditScores (one row per enterprise) up to date.</summary>
public sealed class CreditScoringService(AppDbContext db, TimeProvider time, CreditScoringModel model)
{
    private const int Chunk = 500;
    public const string AuditUser = "credit-refresh";
    internal static readonly JsonSerializerOptions FactorJson = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public CreditScoringModel Model => model;

    /// <summary>Today in China (validity windows are calendar days there).</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ReportingCalendar.China).DateTime);

    /// <summary>The live evaluation of one enterprise from its records (the materialised row may be older).</summary>
    public async Task<CreditEvaluation> EvaluateAsync(int enterpriseId, CancellationToken ct = default)
    {
        var records = await db.Set<CreditRecord>().AsNoTracking().Where(r => r.EnterpriseId == enterpriseId)
            .Select(r => new CreditRecordFacts(r.Id, r.IndicatorCode, r.Title, r.OccurredOn, r.DocumentNo, r.Issuer, r.ValidUntil))
            .ToListAsync(ct);
        return model.Evaluate(records, Today());
    }

    /// <summary>
    /// Recomputes CreditScores: every enterprise for a full scope; otherwise scope.EnterpriseIds plus the enterprises whose
    /// NextChangeOn has come (a record started or stopped counting since they were scored). Reads the records in one
    /// pass, scores in memory, replaces the rows with bulk INSERTs and writes one AuditEntry, all in one transaction
    /// (the caller's, when one is open).
    /// </summary>
    public async Task<CreditRefreshResult> RefreshAsync(RefreshScope scope, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var today = Today();
        var scores = db.Set<CreditScore>();
        var wanted = scope.EnterpriseIds.ToHashSet();
        if (!scope.IsFull) wanted.UnionWith(await scores.AsNoTracking().Where(s => s.NextChangeOn <= today).Select(s => s.EnterpriseId).ToListAsync(ct));
        if (!scope.IsFull && wanted.Count == 0) return new CreditRefreshResult(0, 0, 0);
        var records = db.Set<CreditRecord>().AsNoTracking();

        List<int> ids;
        var facts = new List<(int EnterpriseId, CreditRecordFacts Facts)>();
        if (scope.IsFull)
        {
            ids = await db.Enterprises.AsNoTracking().Select(e => e.Id).ToListAsync(ct);
            facts.AddRange((await records.Select(r => new { r.EnterpriseId, r.Id, r.IndicatorCode, r.Title, r.OccurredOn, r.DocumentNo, r.Issuer, r.ValidUntil }).ToListAsync(ct))
                .Select(r => (r.EnterpriseId, new CreditRecordFacts(r.Id, r.IndicatorCode, r.Title, r.OccurredOn, r.DocumentNo, r.Issuer, r.ValidUntil))));
        }
        else
        {
            ids = [];
            foreach (var chunk in wanted.Chunk(Chunk))
            {
                ids.AddRange(await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct));
                facts.AddRange((await records.Where(r => chunk.Contains(r.EnterpriseId))
                        .Select(r => new { r.EnterpriseId, r.Id, r.IndicatorCode, r.Title, r.OccurredOn, r.DocumentNo, r.Issuer, r.ValidUntil }).ToListAsync(ct))
                    .Select(r => (r.EnterpriseId, new CreditRecordFacts(r.Id, r.IndicatorCode, r.Title, r.OccurredOn, r.DocumentNo, r.Issuer, r.ValidUntil))));
            }
        }

        var byEnterprise = facts.ToLookup(f => f.EnterpriseId, f => f.Facts);
        var computedAt = time.GetUtcNow().ToUniversalTime();
        var baseline = model.Baseline(today);
        var grades = new Dictionary<string, int>();
        var rows = new List<object?[]>(ids.Count);
        var baselineCount = 0;
        foreach (var id in ids)
        {
            // A full refresh writes the many enterprises without records in one INSERT … SELECT below instead of row by row.
            if (scope.IsFull && !byEnterprise.Contains(id)) { baselineCount++; continue; }
            var evaluation = byEnterprise.Contains(id) ? model.Evaluate(byEnterprise[id], today) : baseline;
            grades[evaluation.Grade] = grades.GetValueOrDefault(evaluation.Grade) + 1;
            var factorsJson = evaluation.Factors.Count == 0 ? "[]" : JsonSerializer.Serialize(evaluation.Factors, FactorJson);
            rows.Add([id, evaluation.Score, evaluation.Grade, evaluation.Bonuses, evaluation.Deductions, model.Scheme.Version, computedAt, factorsJson, evaluation.NextChangeOn]);
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (scope.IsFull) await scores.ExecuteDeleteAsync(ct);
            else foreach (var chunk in ids.Chunk(Chunk)) await scores.Where(s => chunk.Contains(s.EnterpriseId)).ExecuteDeleteAsync(ct);
            await CreditBulkWriter.InsertAsync(db, "CreditScores",
                [nameof(CreditScore.EnterpriseId), nameof(CreditScore.Score), nameof(CreditScore.Grade), nameof(CreditScore.Bonuses),
                 nameof(CreditScore.Deductions), nameof(CreditScore.SchemeVersion), nameof(CreditScore.ComputedAt), nameof(CreditScore.Factors),
                 nameof(CreditScore.NextChangeOn)],
                rows, ct);
            if (scope.IsFull && baselineCount > 0)
            {
                grades[baseline.Grade] = grades.GetValueOrDefault(baseline.Grade) + baselineCount;
                await CreditBulkWriter.InsertBaselineAsync(db,
                    [baseline.Score, baseline.Grade, baseline.Bonuses, baseline.Deductions, model.Scheme.Version, computedAt,
                     baseline.Factors.Count == 0 ? "[]" : JsonSerializer.Serialize(baseline.Factors, FactorJson), baseline.NextChangeOn], ct);
            }
            db.AuditEntries.Add(new AuditEntry
            {
                At = computedAt, User = AuditUser, Action = scope.IsFull ? "credit rescore all" : "credit rescore", EntityType = nameof(CreditScore),
                EntityId = scope.IsFull ? "" : string.Join(",", ids.Take(50)) + (ids.Count > 50 ? ",…" : ""),
                After = JsonSerializer.Serialize(new { enterprises = ids.Count, records = facts.Count, asOf = today, scheme = model.Scheme.Version, grades }, FactorJson),
            });
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
        return new CreditRefreshResult(ids.Count, facts.Count, clock.ElapsedMilliseconds);
    }
}
