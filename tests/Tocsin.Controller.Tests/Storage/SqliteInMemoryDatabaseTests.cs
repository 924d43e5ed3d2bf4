using Microsoft.Data.Sqlite;
using Tocsin.Controller.Storage;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

/// <summary>The in-memory database a deterministic simulation uses: shared by name, freed when released.</summary>
public sealed class SqliteInMemoryDatabaseTests : IDisposable
{
    private readonly string _name = "tocsin-test-" + Guid.NewGuid().ToString("N");

    // A failed test must not leave its database held by the pool either.
    public void Dispose() => SqliteDatabase.InMemory(_name).ReleasePooledConnections();

    [Fact]
    public void Stores_opened_again_under_the_same_name_find_what_was_committed_while_a_connection_is_held()
    {
        SqliteDatabase first = SqliteDatabase.InMemory(_name);
        using SqliteConnection keeper = first.Open();
        Assert.Equal(Schema.Migrations.Count, first.Migrate());
        using (var store = new MessageStore(first))
        {
            var round = new IngestBatch();
            round.Messages.Add(new StoredMessage("sn-1", 1, 1, "report", "reading", 900, 1000, """{"a":1}"""));
            store.Commit(round);
        }

        // A controller killed and built again opens a new SqliteDatabase over the same name.
        SqliteDatabase again = SqliteDatabase.InMemory(_name);
        Assert.Equal(Schema.Migrations.Count, again.Migrate());
        using var reopened = new MessageStore(again);
        Assert.Equal(1, reopened.Count());
        Assert.Equal("""{"a":1}""", Assert.Single(reopened.Series("sn-1", "report", 0, 5000, 10)).Payload);
        Assert.Equal("memory:" + _name, again.Path);
    }

    [Fact]
    public void Released_database_is_gone_once_its_last_connection_closes()
    {
        SqliteDatabase db = SqliteDatabase.InMemory(_name);
        using (SqliteConnection keeper = db.Open())
        {
            db.Migrate();
            Assert.Equal(Schema.Migrations.Count, Tables(db));
        }

        db.ReleasePooledConnections();
        Assert.Equal(0, Tables(db));
    }

    [Fact]
    public void Its_pages_are_64_kb_so_the_commit_time_walk_of_its_cache_visits_a_sixteenth_as_many()
    {
        SqliteDatabase db = SqliteDatabase.InMemory(_name);
        using SqliteConnection connection = db.Open();
        db.Migrate();
        using SqliteCommand pageSize = connection.CreateCommand();
        pageSize.CommandText = "PRAGMA page_size";
        Assert.Equal(65536L, pageSize.ExecuteScalar());
    }

    [Fact]
    public void Archiving_a_command_that_fails_half_way_leaves_it_live_not_lost()
    {
        // Without a journal a failed transaction keeps what it had done: the state store writes the
        // archive document before it deletes the live one, so a refusal in between loses nothing.
        SqliteDatabase db = SqliteDatabase.InMemory(_name);
        using SqliteConnection keeper = db.Open();
        db.Migrate();
        var store = new StateStore(db, TimeProvider.System);
        store.Write([("ledger/c-1", "{\"c\":1}"u8.ToArray())]);
        using (SqliteCommand trigger = keeper.CreateCommand())
        {
            trigger.CommandText = "CREATE TRIGGER refuse_archive BEFORE INSERT ON state WHEN NEW.name LIKE 'ledger-archive/%' BEGIN SELECT RAISE(ABORT, 'refused by test'); END";
            trigger.ExecuteNonQuery();
        }

        IStateStore archive = store;
        SqliteException e = Assert.Throws<SqliteException>(() => archive.Write([("ledger-archive/a-1/c-1", "{\"c\":1}"u8.ToArray())], ["ledger/c-1"]));
        Assert.Contains("refused by test", e.Message, StringComparison.Ordinal);
        Assert.Equal(["ledger/c-1"], store.Names("ledger"));
    }

    [Fact]
    public void It_keeps_no_rollback_journal_so_a_round_copies_no_pages_aside()
    {
        SqliteDatabase db = SqliteDatabase.InMemory(_name);
        using SqliteConnection connection = db.Open();
        db.Migrate();
        using SqliteCommand journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode";
        Assert.Equal("off", journal.ExecuteScalar());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("x?vfs=unix")]
    [InlineData("name with space")]
    public void Names_that_would_change_the_uri_are_refused(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => SqliteDatabase.InMemory(name));
    }

    // Schema migrations leave one row each in schema_version; an empty database has no such table.
    private static int Tables(SqliteDatabase db)
    {
        using SqliteConnection connection = db.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT count(*) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
