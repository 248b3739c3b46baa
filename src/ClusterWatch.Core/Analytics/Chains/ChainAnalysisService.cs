using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ClusterWatch.Core.Analytics.Chains;

public sealed record ChainRefreshResult(bool IsFull, int EnterprisesMapped, int EnterpriseLinks, int DirectoryLinks, long ElapsedMs)
{
    /// <summary>Enterprises whose stored links were replaced (a full refresh leaves unchanged ones as they are).</summary>
    public int EnterprisesRewritten { get; init; } = EnterprisesMapped;

    public override string ToString() => $"{(IsFull ? "全部" : "变动")}企业 {EnterprisesMapped} 家映射到 {EnterpriseLinks} 个环节归属（改写 {EnterprisesRewritten} 家），名录公司归属 {DirectoryLinks} 个";
}

/// <summary>
/// Rebuilds the materialised enterprise → link mappings (EnterpriseChainLinks, and DirectoryChainLinks on a full refresh)
/// with set-based deletes and bulk inserts (no EF tracking), inside one transaction with one AuditEntry. A full refresh maps
/// every enterprise and rewrites only those whose links changed.
/// Called by the analytics refresh (AnalyticsRefreshService) and after demo generation.
/// </summary>
public sealed class ChainAnalysisService(AppDbContext db, TimeProvider clock, IAuditUser? auditUser = null)
{
    /// <summary>The refresh's own audit entries carry the refreshing user, so the analytics refresh does not read them as data changes.</summary>
    private string AuditUser => auditUser?.Name ?? "system";
    public const string AuditAction = "refresh chains";
    private const int BatchSize = 20_000;
    private const int DeleteChunk = 500;

    public async Task<ChainRefreshResult> RefreshAsync(RefreshScope scope, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (!scope.IsFull && scope.EnterpriseIds.Count == 0) return new(false, 0, 0, 0, 0);
        var mapper = await LoadMapperAsync(ct);
        var (mapped, links, directoryLinks, rewritten) = (0, 0, 0, 0);
        await InTransactionAsync(async transaction =>
        {
            await using var writer = LinkWriter.Create(db, transaction, "EnterpriseChainLinks", "EnterpriseId");
            if (scope.IsFull)
            {
                // Every enterprise is mapped again; only the enterprises whose links differ from the stored ones are rewritten.
                var stored = (await db.Set<EnterpriseChainLink>().AsNoTracking().Select(m => new { m.EnterpriseId, m.LinkId, m.MatchedBy }).ToListAsync(ct))
                    .ToLookup(m => m.EnterpriseId, m => new ChainLinkMatch(m.LinkId, m.MatchedBy));
                var changed = new HashSet<int>();
                var all = new List<(int Id, ChainLinkMatch Match)>();
                var lastId = 0;
                var seen = new HashSet<int>();
                while (true)
                {
                    var batch = await db.Enterprises.AsNoTracking().Where(e => e.Id > lastId).OrderBy(e => e.Id)
                        .Select(e => new { e.Id, e.IndustryCode, e.Name }).Take(BatchSize).ToListAsync(ct);
                    if (batch.Count == 0) break;
                    lastId = batch[^1].Id;
                    foreach (var e in batch)
                    {
                        seen.Add(e.Id);
                        var matches = mapper.MapEnterprise(e.IndustryCode, e.Name);
                        links += matches.Count;
                        all.AddRange(matches.Select(m => (e.Id, m)));
                        if (!SameLinks(stored[e.Id], matches)) changed.Add(e.Id);
                    }
                    mapped += batch.Count;
                }
                // Links of enterprises deleted meanwhile go with them (the foreign key cascades); this only tidies what is left.
                changed.UnionWith(stored.Select(g => g.Key).Where(id => !seen.Contains(id)));
                rewritten = changed.Count;
                if (changed.Count > mapped / 2)
                {
                    await db.Set<EnterpriseChainLink>().ExecuteDeleteAsync(ct);
                    await writer.WriteAsync(all, ct);
                }
                else
                {
                    foreach (var chunk in changed.Chunk(DeleteChunk))
                        await db.Set<EnterpriseChainLink>().Where(m => chunk.Contains(m.EnterpriseId)).ExecuteDeleteAsync(ct);
                    await writer.WriteAsync(all.Where(r => changed.Contains(r.Id)).ToList(), ct);
                }
                directoryLinks = await WriteDirectoryAsync(mapper, transaction, ct);
            }
            else
            {
                foreach (var chunk in scope.EnterpriseIds.Chunk(DeleteChunk))
                {
                    await db.Set<EnterpriseChainLink>().Where(m => chunk.Contains(m.EnterpriseId)).ExecuteDeleteAsync(ct);
                    var enterprises = await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.Id))
                        .Select(e => new { e.Id, e.IndustryCode, e.Name }).ToListAsync(ct);
                    var rows = enterprises.SelectMany(e => mapper.MapEnterprise(e.IndustryCode, e.Name).Select(m => (e.Id, m))).ToList();
                    await writer.WriteAsync(rows, ct);
                    (mapped, links, rewritten) = (mapped + enterprises.Count, links + rows.Count, rewritten + enterprises.Count);
                }
            }
            await writer.DisposeAsync();
            await AuditAsync(new { scope = scope.IsFull ? "full" : "enterprises", enterprises = mapped, enterpriseLinks = links, rewritten, directoryLinks }, ct);
        }, ct);
        return new(scope.IsFull, mapped, links, directoryLinks, watch.ElapsedMilliseconds) { EnterprisesRewritten = rewritten };
    }

    /// <summary>Maps the listed-company directory again (after the chains or the directory changed).</summary>
    public async Task<int> RefreshDirectoryAsync(CancellationToken ct)
    {
        var mapper = await LoadMapperAsync(ct);
        var written = 0;
        await InTransactionAsync(async transaction =>
        {
            written = await WriteDirectoryAsync(mapper, transaction, ct);
            await AuditAsync(new { scope = "directory", directoryLinks = written }, ct);
        }, ct);
        return written;
    }

    private static bool SameLinks(IEnumerable<ChainLinkMatch> stored, IReadOnlyList<ChainLinkMatch> mapped)
    {
        var count = 0;
        foreach (var link in stored)
        {
            if (!mapped.Contains(link)) return false;
            count++;
        }
        return count == mapped.Count;
    }

    private async Task<ChainMapper> LoadMapperAsync(CancellationToken ct) =>
        new((await db.Set<ChainLink>().AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct)).Select(ChainLinkRule.From));

    private async Task<int> WriteDirectoryAsync(ChainMapper mapper, DbTransaction transaction, CancellationToken ct)
    {
        await db.Set<DirectoryChainLink>().ExecuteDeleteAsync(ct);
        var companies = await db.DirectoryCompanies.AsNoTracking().Select(c => new { c.Id, c.Industry, c.Name, c.FullName }).ToListAsync(ct);
        var rows = companies.SelectMany(c => mapper.MapDirectoryCompany(c.Industry, c.Name, c.FullName).Select(m => (c.Id, m))).ToList();
        await using var writer = LinkWriter.Create(db, transaction, "DirectoryChainLinks", "DirectoryCompanyId");
        await writer.WriteAsync(rows, ct);
        return rows.Count;
    }

    private async Task InTransactionAsync(Func<DbTransaction, Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } ambient)
        {
            await work(ambient.GetDbTransaction());
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await work(transaction.GetDbTransaction());
        await transaction.CommitAsync(ct);
    }

    private async Task AuditAsync(object summary, CancellationToken ct)
    {
        var audited = db.AuditEnabled;
        db.AuditEnabled = false;
        try
        {
            var entry = new AuditEntry
            {
                At = clock.GetUtcNow(), User = AuditUser, Action = AuditAction, EntityType = nameof(EnterpriseChainLink), EntityId = "",
                After = JsonSerializer.Serialize(summary),
            };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            db.Entry(entry).State = EntityState.Detached;
        }
        finally { db.AuditEnabled = audited; }
    }

    /// <summary>Bulk insert of (firm id, link id, matched by): prepared INSERTs on SQLite, binary COPY on PostgreSQL.</summary>
    private abstract class LinkWriter : IAsyncDisposable
    {
        public static LinkWriter Create(AppDbContext db, DbTransaction transaction, string table, string idColumn)
        {
            var connection = db.Database.GetDbConnection();
            return connection is NpgsqlConnection npgsql
                ? new PostgresLinkWriter(npgsql, table, idColumn)
                : new SqliteLinkWriter(connection, transaction, table, idColumn);
        }

        public abstract Task WriteAsync(IReadOnlyList<(int Id, ChainLinkMatch Match)> rows, CancellationToken ct);
        public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SqliteLinkWriter : LinkWriter
    {
        private readonly DbCommand _insert;
        private bool _disposed;

        public SqliteLinkWriter(DbConnection connection, DbTransaction transaction, string table, string idColumn)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = $"INSERT INTO \"{table}\" (\"{idColumn}\", \"LinkId\", \"MatchedBy\") VALUES ($p0, $p1, $p2)";
            for (var i = 0; i < 3; i++)
            {
                var p = _insert.CreateParameter();
                p.ParameterName = "$p" + i;
                _insert.Parameters.Add(p);
            }
            _insert.Prepare();
        }

        public override Task WriteAsync(IReadOnlyList<(int Id, ChainLinkMatch Match)> rows, CancellationToken ct)
        {
            // Synchronous on purpose: SQLite has no async I/O, and the async path costs more per row than the insert.
            foreach (var (id, match) in rows)
            {
                _insert.Parameters[0].Value = id;
                _insert.Parameters[1].Value = match.LinkId;
                _insert.Parameters[2].Value = match.MatchedBy.ToString();
                _insert.ExecuteNonQuery();
            }
            return Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            if (_disposed) return;
            _disposed = true;
            await _insert.DisposeAsync();
        }
    }

    private sealed class PostgresLinkWriter(NpgsqlConnection connection, string table, string idColumn) : LinkWriter
    {
        public override async Task WriteAsync(IReadOnlyList<(int Id, ChainLinkMatch Match)> rows, CancellationToken ct)
        {
            if (rows.Count == 0) return;
            await using var copy = await connection.BeginBinaryImportAsync($"COPY \"{table}\" (\"{idColumn}\", \"LinkId\", \"MatchedBy\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var (id, match) in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(match.LinkId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(match.MatchedBy.ToString(), NpgsqlDbType.Varchar, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }
}
