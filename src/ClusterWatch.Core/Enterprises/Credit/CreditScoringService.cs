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
    /// <summary>Score rows written (a full refresh writes only the scores that changed).</summary>
    public int Written { get; init; } = EnterprisesScored;

    public override string ToString() => $"评分企业 {EnterprisesScored} 家，读取信用记录 {RecordsRead} 条，改写评分 {Written} 条";
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
        var baseline = StoredRow.From(0, model.Baseline(today), model.Scheme.Version);
        var grades = new Dictionary<string, int>();
        var rows = new List<StoredRow>(ids.Count);
        foreach (var id in ids)
        {
            var row = byEnterprise.Contains(id) ? StoredRow.From(id, model.Evaluate(byEnterprise[id], today), model.Scheme.Version) : baseline with { EnterpriseId = id };
            grades[row.Grade] = grades.GetValueOrDefault(row.Grade) + 1;
            rows.Add(row);
        }

        // A full refresh compares with the stored rows and writes only what differs (usually nothing): rewriting 200,000
        // unchanged rows would cost more than scoring them.
        var existing = scope.IsFull ? await ReadStoredAsync(ct) : null;
        var changed = existing is null ? rows : rows.Where(r => !existing.TryGetValue(r.EnterpriseId, out var old) || old != r).ToList();
        var removed = existing is null ? [] : existing.Keys.Except(ids).ToList();
        var rewriteAll = existing is not null && (existing.Count == 0 || changed.Count + removed.Count > existing.Count / 2);

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (rewriteAll) await scores.ExecuteDeleteAsync(ct);
            else foreach (var chunk in changed.Select(r => r.EnterpriseId).Concat(removed).Chunk(Chunk))
                await scores.Where(s => chunk.Contains(s.EnterpriseId)).ExecuteDeleteAsync(ct);
            var toInsert = rewriteAll ? rows.Where(r => byEnterprise.Contains(r.EnterpriseId)).ToList() : changed;
            await CreditBulkWriter.InsertAsync(db, "CreditScores",
                [nameof(CreditScore.EnterpriseId), nameof(CreditScore.Score), nameof(CreditScore.Grade), nameof(CreditScore.Bonuses),
                 nameof(CreditScore.Deductions), nameof(CreditScore.SchemeVersion), nameof(CreditScore.ComputedAt), nameof(CreditScore.Factors),
                 nameof(CreditScore.NextChangeOn)],
                toInsert.Select(r => new object?[] { r.EnterpriseId, r.Score, r.Grade, r.Bonuses, r.Deductions, r.SchemeVersion, computedAt, r.Factors, r.NextChangeOn }), ct);
            // The many enterprises at the base score go in with one INSERT … SELECT.
            if (rewriteAll)
                await CreditBulkWriter.InsertBaselineAsync(db,
                    [baseline.Score, baseline.Grade, baseline.Bonuses, baseline.Deductions, baseline.SchemeVersion, computedAt, baseline.Factors, baseline.NextChangeOn], ct);
            db.AuditEntries.Add(new AuditEntry
            {
                At = computedAt, User = AuditUser, Action = scope.IsFull ? "credit rescore all" : "credit rescore", EntityType = nameof(CreditScore),
                EntityId = scope.IsFull ? "" : string.Join(",", ids.Take(50)) + (ids.Count > 50 ? ",…" : ""),
                After = JsonSerializer.Serialize(new { enterprises = ids.Count, records = facts.Count, rewritten = rewriteAll ? ids.Count : changed.Count + removed.Count, asOf = today, scheme = model.Scheme.Version, grades }, FactorJson),
            });
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
        return new CreditRefreshResult(ids.Count, facts.Count, clock.ElapsedMilliseconds) { Written = rewriteAll ? ids.Count : changed.Count + removed.Count };
    }

    /// <summary>A CreditScores row without its time: Factors cites each counted record as [record id, counted points].</summary>
    private sealed record StoredRow(int EnterpriseId, int Score, string Grade, int Bonuses, int Deductions, string SchemeVersion, string Factors, DateOnly? NextChangeOn)
    {
        public static StoredRow From(int enterpriseId, CreditEvaluation e, string schemeVersion) =>
            new(enterpriseId, e.Score, e.Grade, e.Bonuses, e.Deductions, schemeVersion, CitedFactors(e.Factors), e.NextChangeOn);
    }

    /// <summary>"[[12,5],[40,-3]]": the records behind the score; the page and the API explain them from the records themselves.</summary>
    public static string CitedFactors(IEnumerable<CreditFactor> factors) =>
        "[" + string.Join(",", factors.Select(f => $"[{f.RecordId.ToString(System.Globalization.CultureInfo.InvariantCulture)},{f.CountedPoints.ToString(System.Globalization.CultureInfo.InvariantCulture)}]")) + "]";

    private async Task<Dictionary<int, StoredRow>> ReadStoredAsync(CancellationToken ct) =>
        (await db.Set<CreditScore>().AsNoTracking()
            .Select(s => new StoredRow(s.EnterpriseId, s.Score, s.Grade, s.Bonuses, s.Deductions, s.SchemeVersion, s.Factors, s.NextChangeOn)).ToListAsync(ct))
        .ToDictionary(r => r.EnterpriseId);
}
