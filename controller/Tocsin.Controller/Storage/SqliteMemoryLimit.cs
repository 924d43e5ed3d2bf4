using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>
/// Lifts the size cap of an in-memory (memdb VFS) SQLite database. SQLite caps those at 1 GB unless told
/// otherwise, and a day of 10,000 simulated nodes stores more than that; SQLitePCLRaw does not wrap
/// <c>sqlite3_file_control</c>, so this calls it in the same native library Microsoft.Data.Sqlite loaded.
/// </summary>
internal static class SqliteMemoryLimit
{
    // SQLITE_FCNTL_SIZE_LIMIT from sqlite3.h: takes a pointer to a 64-bit limit in bytes.
    private const int SizeLimitOpcode = 36;

    /// <summary>The cap set: 1 TB, so the process runs out of memory first, as a file would fill its disk.</summary>
    public const long MaxBytes = 1L << 40;

    /// <summary>Sets the cap of <paramref name="connection"/>'s main database (a memdb one) to <see cref="MaxBytes"/>.</summary>
    public static void Lift(SqliteConnection connection)
    {
        long limit = MaxBytes;
        int rc = NativeMethods.sqlite3_file_control(connection.Handle!.DangerousGetHandle(), "main\0"u8.ToArray(), SizeLimitOpcode, ref limit);
        if (rc != 0)
        {
            throw new InvalidOperationException("SQLite refused to lift the size cap of an in-memory database (error " + rc.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
        }
    }

    /// <summary>The cap now in force on <paramref name="connection"/>'s main (memdb) database, in bytes.</summary>
    public static long Current(SqliteConnection connection)
    {
        long limit = -1;
        _ = NativeMethods.sqlite3_file_control(connection.Handle!.DangerousGetHandle(), "main\0"u8.ToArray(), SizeLimitOpcode, ref limit);
        return limit;
    }

    private static class NativeMethods
    {
        [DllImport("e_sqlite3", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int sqlite3_file_control(IntPtr db, byte[] schema, int op, ref long value);
    }
}
