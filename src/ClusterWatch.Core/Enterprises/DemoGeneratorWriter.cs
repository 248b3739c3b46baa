using System.Data.Common;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ClusterWatch.Core.Enterprises;

/// <summary>Writes generated rows without EF change tracking, inside one transaction; disposing without Complete rolls back.</summary>
internal abstract class DemoWriter : IAsyncDisposable
{
    protected DbTransaction Transaction { get; }
    /// <summary>False when the caller already had a transaction open on the context: the caller commits it.</summary>
    private bool OwnsTransaction { get; init; }

    protected DemoWriter(DbTransaction transaction) => Transaction = transaction;

    public static async Task<DemoWriter> CreateAsync(AppDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var ambient = db.Database.CurrentTransaction?.GetDbTransaction();
        var transaction = ambient ?? await connection.BeginTransactionAsync(ct);
        return connection is NpgsqlConnection npgsql
            ? new PostgresDemoWriter(npgsql, transaction) { OwnsTransaction = ambient is null }
            : new SqliteDemoWriter(connection, transaction) { OwnsTransaction = ambient is null };
    }

    public abstract Task WriteEnterprisesAsync(IReadOnlyList<GeneratedEnterprise> batch, CancellationToken ct);
    public abstract Task WriteIndicatorValuesAsync(IReadOnlyList<GeneratedIndicatorValue> values, CancellationToken ct);

    /// <summary>Runs EF work (the audit entry) inside the bulk transaction, so data and audit commit together.</summary>
    public async Task InTransactionAsync(AppDbContext db, Func<Task> work, CancellationToken ct)
    {
        if (!OwnsTransaction)
        {
            await work();
            return;
        }
        await db.Database.UseTransactionAsync(Transaction, ct);
        try { await work(); }
        finally { await db.Database.UseTransactionAsync(null, ct); }
    }

    public virtual async Task CompleteAsync(CancellationToken ct)
    {
        if (OwnsTransaction) await Transaction.CommitAsync(ct);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (OwnsTransaction) await Transaction.DisposeAsync();
    }
}

/// <summary>SQLite: prepared, parameterised INSERTs reused per row in one transaction.</summary>
internal sealed class SqliteDemoWriter : DemoWriter
{
    private readonly DbCommand _enterprise, _site, _pool, _figure, _value;

    public SqliteDemoWriter(DbConnection connection, DbTransaction transaction) : base(transaction)
    {
        using (var pragma = connection.CreateCommand())
        {
            // A larger page cache for this connection keeps the figure indexes in memory during the bulk insert.
            pragma.CommandText = "PRAGMA cache_size = -65536";
            pragma.ExecuteNonQuery();
        }
        _enterprise = Prepare(connection, "INSERT INTO \"Enterprises\" (\"Id\", \"CreditCode\", \"Name\", \"RegisteredRegionId\", \"IndustryCode\", \"ListingStatus\", \"StockCode\", \"FoundedYear\", \"IsSynthetic\") VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, 1)", 8);
        _site = Prepare(connection, "INSERT INTO \"ProductionSites\" (\"EnterpriseId\", \"RegionId\", \"Share\") VALUES ($p0, $p1, $p2)", 3);
        _pool = Prepare(connection, "INSERT INTO \"PoolMemberships\" (\"EnterpriseId\", \"Pool\", \"FromYear\", \"ToYear\") VALUES ($p0, $p1, $p2, $p3)", 4);
        _figure = Prepare(connection, "INSERT INTO \"EnterpriseFigures\" (\"EnterpriseId\", \"Year\", \"Quarter\", \"Revenue\", \"OutputValue\", \"RdExpense\", \"Employees\", \"InventionPatents\") VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)", 8);
        _value = Prepare(connection, "INSERT INTO \"IndicatorValues\" (\"IndicatorId\", \"RegionId\", \"Year\", \"Quarter\", \"Value\", \"Source\", \"IsSynthetic\", \"Note\") VALUES ($p0, $p1, $p2, 0, $p3, $p4, 1, $p5)", 6);
    }

    private DbCommand Prepare(DbConnection connection, string sql, int parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = Transaction;
        for (var i = 0; i < parameters; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "$p" + i;
            cmd.Parameters.Add(p);
        }
        cmd.Prepare();
        return cmd;
    }

    private static void Run(DbCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }

    public override Task WriteEnterprisesAsync(IReadOnlyList<GeneratedEnterprise> batch, CancellationToken ct)
    {
        foreach (var e in batch)
        {
            Run(_enterprise, e.Id, e.CreditCode, e.Name, e.RegionId, e.IndustryCode, (int)e.ListingStatus, e.StockCode, e.FoundedYear);
            foreach (var (regionId, share) in e.Sites) Run(_site, e.Id, regionId, share);
            foreach (var (pool, from, to) in e.Pools) Run(_pool, e.Id, (int)pool, from, to);
            foreach (var f in e.Figures) Run(_figure, e.Id, f.Year, f.Quarter, f.Revenue, f.OutputValue, f.RdExpense, f.Employees, f.InventionPatents);
        }
        return Task.CompletedTask;
    }

    public override Task WriteIndicatorValuesAsync(IReadOnlyList<GeneratedIndicatorValue> values, CancellationToken ct)
    {
        foreach (var v in values) Run(_value, v.IndicatorId, v.RegionId, v.Year, v.Value, (int)ValueSource.Synthetic, v.Note);
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var cmd in new[] { _enterprise, _site, _pool, _figure, _value }) await cmd.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>PostgreSQL: binary COPY per table and batch, then the identity sequence is moved past the assigned Ids.</summary>
internal sealed class PostgresDemoWriter(NpgsqlConnection connection, DbTransaction transaction) : DemoWriter(transaction)
{
    public override async Task WriteEnterprisesAsync(IReadOnlyList<GeneratedEnterprise> batch, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync("COPY \"Enterprises\" (\"Id\", \"CreditCode\", \"Name\", \"RegisteredRegionId\", \"IndustryCode\", \"ListingStatus\", \"StockCode\", \"FoundedYear\", \"IsSynthetic\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in batch)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.CreditCode, NpgsqlDbType.Char, ct);
                await copy.WriteAsync(e.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.RegionId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.IndustryCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((int)e.ListingStatus, NpgsqlDbType.Integer, ct);
                if (e.StockCode is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(e.StockCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.FoundedYear, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY \"ProductionSites\" (\"EnterpriseId\", \"RegionId\", \"Share\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in batch)
                foreach (var (regionId, share) in e.Sites)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(e.Id, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(regionId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(share, NpgsqlDbType.Numeric, ct);
                }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY \"PoolMemberships\" (\"EnterpriseId\", \"Pool\", \"FromYear\", \"ToYear\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in batch)
                foreach (var (pool, from, to) in e.Pools)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(e.Id, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync((int)pool, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(from, NpgsqlDbType.Integer, ct);
                    if (to is int toYear) await copy.WriteAsync(toYear, NpgsqlDbType.Integer, ct); else await copy.WriteNullAsync(ct);
                }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY \"EnterpriseFigures\" (\"EnterpriseId\", \"Year\", \"Quarter\", \"Revenue\", \"OutputValue\", \"RdExpense\", \"Employees\", \"InventionPatents\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in batch)
                foreach (var f in e.Figures)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(e.Id, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(f.Year, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(f.Quarter, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(f.Revenue, NpgsqlDbType.Numeric, ct);
                    await copy.WriteAsync(f.OutputValue, NpgsqlDbType.Numeric, ct);
                    await copy.WriteAsync(f.RdExpense, NpgsqlDbType.Numeric, ct);
                    await copy.WriteAsync(f.Employees, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(f.InventionPatents, NpgsqlDbType.Integer, ct);
                }
            await copy.CompleteAsync(ct);
        }
    }

    public override async Task WriteIndicatorValuesAsync(IReadOnlyList<GeneratedIndicatorValue> values, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY \"IndicatorValues\" (\"IndicatorId\", \"RegionId\", \"Year\", \"Quarter\", \"Value\", \"Source\", \"IsSynthetic\", \"Note\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var v in values)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(v.IndicatorId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(v.RegionId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(v.Year, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(v.Value, NpgsqlDbType.Numeric, ct);
            await copy.WriteAsync((int)ValueSource.Synthetic, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(v.Note, NpgsqlDbType.Varchar, ct);
        }
        await copy.CompleteAsync(ct);
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = (NpgsqlTransaction)Transaction;
            cmd.CommandText = "SELECT setval(pg_get_serial_sequence('\"Enterprises\"', 'Id'), GREATEST(COALESCE(MAX(\"Id\"), 0), 1), MAX(\"Id\") IS NOT NULL) FROM \"Enterprises\"";
            await cmd.ExecuteScalarAsync(ct);
        }
        await base.CompleteAsync(ct);
    }
}
