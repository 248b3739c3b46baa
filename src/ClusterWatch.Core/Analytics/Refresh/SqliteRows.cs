using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>
/// Reads millions of figure rows from SQLite by calling its C functions directly. SQLitePCLRaw passes the statement as a
/// SafeHandle on every column read, which costs more than the read itself (about 5 s instead of 2 s for 7 million rows).
/// Used only when the process's SQLite is the e_sqlite3 library Microsoft.Data.Sqlite loaded, so the statement belongs to it.
/// </summary>
internal static class SqliteRows
{
    public delegate void FigureRow(int enterpriseId, int year, int quarter, double revenue, double outputValue, double rdExpense, double inventionPatents);

    private const int Row = 100;
    private const int Done = 101;

    private static readonly Lazy<bool> Available = new(() =>
    {
        try { return raw.GetNativeLibraryName() == "e_sqlite3" && Native.sqlite3_libversion_number() == raw.sqlite3_libversion_number(); }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException) { return false; }
    });

    /// <summary>Runs a SELECT of (int, int, int, real, real, real, int) and hands every row over; false when the fast path is not available.</summary>
    public static bool TryRead(SqliteConnection connection, string sql, FigureRow row)
    {
        if (!Available.Value || connection.Handle is not { } handle) return false;
        if (raw.sqlite3_prepare_v2(handle, sql, out var statement) != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), raw.sqlite3_errcode(handle));
        using (statement)
        {
            var added = false;
            statement.DangerousAddRef(ref added);
            try
            {
                var s = statement.DangerousGetHandle();
                int rc;
                while ((rc = Native.sqlite3_step(s)) == Row)
                    row(Native.sqlite3_column_int(s, 0), Native.sqlite3_column_int(s, 1), Native.sqlite3_column_int(s, 2),
                        Native.sqlite3_column_double(s, 3), Native.sqlite3_column_double(s, 4), Native.sqlite3_column_double(s, 5), Native.sqlite3_column_int(s, 6));
                if (rc != Done) throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
            }
            finally
            {
                if (added) statement.DangerousRelease();
            }
        }
        return true;
    }

    private static class Native
    {
        private const string Library = "e_sqlite3";

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_libversion_number();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_step(IntPtr statement);

        // Column reads only copy a value out of the current row: short enough to skip the GC transition.
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern int sqlite3_column_int(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
        public static extern double sqlite3_column_double(IntPtr statement, int column);
    }
}
