using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>Counters in the SQLite counters table.</summary>
public sealed class SqliteCounterStore : ICounterStore
{
    private readonly SqliteDatabase _db;

    /// <summary>Creates the store.</summary>
    public SqliteCounterStore(SqliteDatabase db)
    {
        _db = db;
    }

    /// <inheritdoc />
    public long Advance(string name, long amount)
    {
        using SqliteConnection c = _db.Open();
        using SqliteTransaction tx = c.BeginTransaction();
        using SqliteCommand read = c.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT value FROM counters WHERE name = $n";
        read.Parameters.AddWithValue("$n", name);
        long stored = read.ExecuteScalar() is long v ? v : 0;
        long advanced = stored + amount;
        using SqliteCommand write = c.CreateCommand();
        write.Transaction = tx;
        write.CommandText = "INSERT INTO counters (name, value) VALUES ($n, $v) ON CONFLICT (name) DO UPDATE SET value = $v";
        write.Parameters.AddWithValue("$n", name);
        write.Parameters.AddWithValue("$v", advanced);
        write.ExecuteNonQuery();
        tx.Commit();
        return advanced;
    }
}
