using System.Data.Common;
using System.Text;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterWatch.Core.Enterprises.Credit;

/// <summary>Parameterised INSERTs without EF tracking, in the context's current transaction.</summary>
internal static class CreditBulkWriter
{
    /// <summary>PostgreSQL: rows per multi-row INSERT (SQLite reuses one prepared single-row INSERT, its fastest path).</summary>
    private const int RowsPerCommand = 500;

    public static async Task InsertAsync(AppDbContext db, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        if (!db.Database.IsNpgsql())
        {
            await using var single = Command(connection, transaction, head, columns.Count, 1);
            single.Prepare();
            foreach (var row in rows)
            {
                for (var c = 0; c < row.Length; c++) single.Parameters[c].Value = row[c] ?? DBNull.Value;
                await single.ExecuteNonQueryAsync(ct);
            }
            return;
        }
        var batch = new List<object?[]>(RowsPerCommand);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == RowsPerCommand) { await RunAsync(connection, transaction, head, columns.Count, batch, ct); batch.Clear(); }
        }
        if (batch.Count > 0) await RunAsync(connection, transaction, head, columns.Count, batch, ct);
    }

    /// <summary>
    /// One CreditScores row per enterprise without any credit record, all with the same baseline values (score, grade, bonuses,
    /// deductions, scheme version, computed at, factors, next change), in one statement. Nulls go in as literals so PostgreSQL needs no parameter type.
    /// </summary>
    public static async Task InsertBaselineAsync(AppDbContext db, IReadOnlyList<object?> values, CancellationToken ct)
    {
        string[] columns = ["Score", "Grade", "Bonuses", "Deductions", "SchemeVersion", "ComputedAt", "Factors", "NextChangeOn"];
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var select = new List<string>();
        for (var c = 0; c < columns.Length; c++)
        {
            if (values[c] is null) { select.Add("NULL"); continue; }
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@b" + c;
            parameter.Value = values[c];
            command.Parameters.Add(parameter);
            select.Add(parameter.ParameterName);
        }
        command.CommandText = $"INSERT INTO \"CreditScores\" (\"EnterpriseId\", {string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
            + $"SELECT e.\"Id\", {string.Join(", ", select)} FROM \"Enterprises\" e "
            + "WHERE NOT EXISTS (SELECT 1 FROM \"CreditRecords\" r WHERE r.\"EnterpriseId\" = e.\"Id\")";
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string head, int width, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(head);
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                var name = "@p" + n++;
                if (c > 0) sql.Append(", ");
                sql.Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction? transaction, string head, int width, List<object?[]> batch, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, head, width, batch.Count);
        for (var r = 0; r < batch.Count; r++)
            for (var c = 0; c < width; c++) command.Parameters[r * width + c].Value = batch[r][c] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(ct);
    }
}
