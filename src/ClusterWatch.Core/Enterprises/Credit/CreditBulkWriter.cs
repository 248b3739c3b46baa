using System.Data.Common;
using System.Text;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterWatch.Core.Enterprises.Credit;

/// <summary>Multi-row parameterised INSERTs without EF tracking, in the context's current transaction (same SQL on SQLite and PostgreSQL).</summary>
internal static class CreditBulkWriter
{
    private const int MaxParameters = 30_000;

    public static async Task InsertAsync(AppDbContext db, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var rowsPerCommand = Math.Max(1, MaxParameters / columns.Count);
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        var batch = new List<object?[]>(rowsPerCommand);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == rowsPerCommand) { await RunAsync(connection, transaction, head, columns.Count, batch, ct); batch.Clear(); }
        }
        if (batch.Count > 0) await RunAsync(connection, transaction, head, columns.Count, batch, ct);
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction? transaction, string head, int width, List<object?[]> batch, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(head);
        var n = 0;
        for (var r = 0; r < batch.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                var name = "@p" + n++;
                if (c > 0) sql.Append(", ");
                sql.Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = batch[r][c] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }
}
