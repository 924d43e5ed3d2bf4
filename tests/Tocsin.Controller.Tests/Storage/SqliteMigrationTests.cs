using Microsoft.Data.Sqlite;
using Tocsin.Controller.Storage;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

/// <summary>SQLite files written by an earlier schema are brought up to date without losing a message.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tocsin-migrate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Messages_clustered_by_node_move_to_the_appending_table_and_repeats_are_still_refused()
    {
        string path = Path.Combine(_directory, "tocsin.db");
        Directory.CreateDirectory(_directory);
        using (var old = new SqliteConnection("Data Source=" + path))
        {
            // The file as the two-migration schema left it, with messages of two nodes.
            old.Open();
            Execute(old, "CREATE TABLE schema_version (version INTEGER NOT NULL)");
            Execute(old, Schema.Migrations[0]);
            Execute(old, Schema.Migrations[1]);
            Execute(old, "INSERT INTO schema_version (version) VALUES (1), (2)");
            Execute(old, """
                INSERT INTO node_messages (node, epoch, seq, stream, type, measured_utc, received_utc, payload) VALUES
                ('sn-2', 1, 1, 'report', 'reading', 900, 1000, '{"a":1}'),
                ('sn-1', 4, 7, 'event', 'level', 1900, 2000, '{"b":2}'),
                ('sn-1', 4, 8, 'report', 'reading', NULL, 3000, '{"c":3}')
                """);
        }

        var db = new SqliteDatabase(path);
        Assert.Equal(Schema.Migrations.Count, db.Migrate());
        using var store = new MessageStore(db);

        Assert.Equal(3, store.Count());
        Assert.Equal(["""{"a":1}"""], store.Series("sn-2", "report", 0, 5000, 10).Select(m => m.Payload));
        Assert.Equal(new StoredMessage("sn-1", 4, 8, "report", "reading", null, 3000, """{"c":3}"""), Assert.Single(store.Series("sn-1", "report", 0, 5000, 10)));

        var round = new IngestBatch();
        round.Messages.Add(new StoredMessage("sn-1", 4, 7, "event", "level", 1900, 2500, """{"again":true}"""));
        round.Messages.Add(new StoredMessage("sn-1", 4, 9, "report", "reading", 4000, 4100, "{}"));
        store.Commit(round);
        Assert.Equal(4, store.Count());
        Assert.Equal("""{"b":2}""", Assert.Single(store.Series("sn-1", "event", 0, 5000, 10)).Payload);

        // Migrating again is a no-op.
        Assert.Equal(Schema.Migrations.Count, new SqliteDatabase(path).Migrate());
        Assert.Equal(4, store.Count());
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
