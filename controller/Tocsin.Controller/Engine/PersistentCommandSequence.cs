using System.Globalization;
using Microsoft.Data.Sqlite;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Engine;

/// <summary>
/// The controller-wide command sequence number every node's replay window is built on. Numbers are
/// reserved in blocks written to the database before any is used, so a crash may skip numbers but
/// never reuse one (a reused number would be refused by every node as a replay).
/// </summary>
public sealed class PersistentCommandSequence : ICommandSequence
{
    private const string Counter = "command_seq";
    private const int Block = 100;
    private readonly SqliteDatabase _db;
    private long _next;
    private long _reservedUpTo;

    /// <summary>Creates the sequence over the counters table.</summary>
    public PersistentCommandSequence(SqliteDatabase db)
    {
        _db = db;
    }

    /// <inheritdoc />
    public long NextSeq()
    {
        if (_next == 0 || _next > _reservedUpTo)
        {
            Reserve();
        }

        return _next++;
    }

    private void Reserve()
    {
        using SqliteConnection c = _db.Open();
        using SqliteTransaction tx = c.BeginTransaction();
        using SqliteCommand read = c.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT value FROM counters WHERE name = $n";
        read.Parameters.AddWithValue("$n", Counter);
        long stored = read.ExecuteScalar() is long v ? v : 0;
        long upTo = stored + Block;
        using SqliteCommand write = c.CreateCommand();
        write.Transaction = tx;
        write.CommandText = "INSERT INTO counters (name, value) VALUES ($n, $v) ON CONFLICT (name) DO UPDATE SET value = $v";
        write.Parameters.AddWithValue("$n", Counter);
        write.Parameters.AddWithValue("$v", upTo);
        write.ExecuteNonQuery();
        tx.Commit();
        _next = stored + 1;
        _reservedUpTo = upTo;
    }

    /// <inheritdoc />
    public override string ToString() => "next " + _next.ToString(CultureInfo.InvariantCulture);
}
