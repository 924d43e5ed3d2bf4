using System.Text;
using Microsoft.Data.Sqlite;
using Tocsin.Controller.Storage;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

/// <summary>The SQLite ingest writer's own statements: a refused row takes the whole round back, and the writer goes on.</summary>
public sealed class SqliteIngestWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tocsin-ingest-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static StoredMessage Report(string node, long seq) => new(node, 3, seq, "report", "reading", 1_000 + seq, 2_000 + seq, """{"depth_mm":12}""");

    [Fact]
    public void A_row_the_database_refuses_leaves_nothing_of_its_round_and_the_next_round_commits()
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "tocsin.db"), syncWrites: false);
        db.Migrate();
        // The delivery is written last: everything before it in the round must go back with it.
        Execute(db, "CREATE TRIGGER refuse_bad BEFORE INSERT ON deliveries WHEN NEW.alert = 'A-bad' BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
        using var store = new MessageStore(db);
        var refused = new IngestBatch();
        refused.Messages.AddRange([Report("sn-1", 1), Report("sn-2", 1)]);
        refused.States["sn-1"] = new NodeStateUpdate { Online = true, LastSeenUtcMs = 5_000, ReportJson = "{}" };
        refused.Gaps.Add(("sn-1", 3, 7, 9));
        refused.Deliveries.Add(("A-1", 1, "bn-1", "played", null, 5_000));
        refused.Deliveries.Add(("A-bad", 1, "bn-1", "played", null, 5_000));

        SqliteException e = Assert.Throws<SqliteException>(() => store.Commit(refused));
        Assert.Contains("refused by test", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Count());
        Assert.Empty(store.States());
        Assert.Equal(0L, Scalar(db, "SELECT COUNT(*) FROM message_gaps"));
        Assert.Equal(0L, Scalar(db, "SELECT COUNT(*) FROM deliveries"));

        var next = new IngestBatch();
        next.Messages.AddRange([Report("sn-1", 1), Report("sn-2", 1)]);
        next.States["sn-1"] = new NodeStateUpdate { Online = true, LastSeenUtcMs = 6_000 };
        next.Deliveries.Add(("A-1", 1, "bn-1", "played", null, 6_000));
        store.Commit(next);

        Assert.Equal(2, store.Count());
        Assert.Equal(6_000L, Assert.Single(store.States()).LastSeenUtcMs);
        Assert.Equal("""{"depth_mm":12}""", Assert.Single(store.Series("sn-2", "report", 0, 10_000, 10)).Payload);
        Assert.Equal("played", Scalar(db, "SELECT state FROM deliveries WHERE alert = 'A-1' AND node = 'bn-1'"));
        Assert.Equal(DBNull.Value, Scalar(db, "SELECT reason FROM deliveries WHERE alert = 'A-1' AND node = 'bn-1'"));
    }

    [Fact]
    public async Task A_write_a_reader_of_the_shared_cache_database_locks_out_waits_for_it_and_commits()
    {
        string name = "tocsin-test-" + Guid.NewGuid().ToString("N");
        SqliteDatabase db = SqliteDatabase.InMemory(name);
        try
        {
            using SqliteConnection keeper = db.Open();
            db.Migrate();
            using var store = new MessageStore(db);
            var first = new IngestBatch();
            first.Messages.Add(Report("sn-1", 1));
            store.Commit(first);

            // An open cursor holds the table's read lock in a shared cache: a write to it gets SQLITE_LOCKED.
            using SqliteConnection reading = db.Open();
            using SqliteCommand select = reading.CreateCommand();
            select.CommandText = "SELECT seq FROM node_messages";
            SqliteDataReader cursor = select.ExecuteReader();
            Assert.True(cursor.Read());
            var released = new ManualResetEventSlim();
            Task release = Task.Run(async () =>
            {
                await Task.Delay(300);
                released.Set();
                cursor.Dispose();
            });

            var second = new IngestBatch();
            second.Messages.Add(Report("sn-1", 2));
            store.Commit(second);

            Assert.True(released.IsSet, "the commit returned before the reader let go");
            await release;
            Assert.Equal(2, store.Count());
        }
        finally
        {
            db.ReleasePooledConnections();
        }
    }

    [Fact]
    public void Empty_text_is_stored_as_empty_not_null()
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "tocsin.db"), syncWrites: false);
        db.Migrate();
        using var store = new MessageStore(db);
        var round = new IngestBatch();
        round.Messages.Add(new StoredMessage("sn-1", 3, 1, "event", string.Empty, null, 2_000, "{}"));
        round.Deliveries.Add(("A-1", 1, "bn-1", "failed", string.Empty, 2_000));
        store.Commit(round);

        Assert.Equal(string.Empty, Assert.Single(store.Series("sn-1", "event", 0, 10_000, 10)).Type);
        Assert.Equal(string.Empty, Scalar(db, "SELECT reason FROM deliveries WHERE alert = 'A-1'"));
    }

    [Fact]
    public void Text_with_characters_beyond_ascii_is_stored_as_written()
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "tocsin.db"), syncWrites: false);
        db.Migrate();
        using var store = new MessageStore(db);
        var round = new IngestBatch();
        round.Messages.Add(new StoredMessage("sn-1", 3, 1, "event", "水浸", null, 2_000, """{"note":"鲤城 underpass, 30 cm 🌧"}"""));
        store.Commit(round);

        StoredMessage stored = Assert.Single(store.Series("sn-1", "event", 0, 10_000, 10));
        Assert.Equal("水浸", stored.Type);
        Assert.Null(stored.MeasuredUtcMs);
        Assert.Equal("""{"note":"鲤城 underpass, 30 cm 🌧"}""", stored.Payload);
    }

    [Fact]
    public void A_payload_handed_over_as_utf8_bytes_is_stored_as_that_text()
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "tocsin.db"), syncWrites: false);
        db.Migrate();
        using var store = new MessageStore(db);
        byte[] note = Encoding.UTF8.GetBytes("""{"note":"鲤城 underpass, 30 cm 🌧"}""");
        var round = new IngestBatch();
        var sent = new StoredMessage("sn-1", 3, 1, "event", "flood", null, 2_000, note);
        round.Messages.Add(sent);
        round.Messages.Add(new StoredMessage("sn-1", 3, 2, "event", "flood", null, 2_001, ReadOnlyMemory<byte>.Empty));
        store.Commit(round);

        IReadOnlyList<StoredMessage> stored = store.Series("sn-1", "event", 0, 10_000, 10);
        Assert.Equal(2, stored.Count);
        Assert.Equal("""{"note":"鲤城 underpass, 30 cm 🌧"}""", stored[0].Payload);
        Assert.Equal(string.Empty, stored[1].Payload);
        Assert.Equal("text", Scalar(db, "SELECT typeof(payload) FROM node_messages WHERE seq = 1"));
        Assert.Equal("text", Scalar(db, "SELECT typeof(payload) FROM node_messages WHERE seq = 2"));
        Assert.Equal("""{"note":"鲤城 underpass, 30 cm 🌧"}""", sent.Payload);
    }

    [Fact]
    public void A_payload_of_bytes_that_are_not_utf8_is_stored_as_valid_text()
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "tocsin.db"), syncWrites: false);
        db.Migrate();
        using var store = new MessageStore(db);
        var round = new IngestBatch();
        round.Messages.Add(new StoredMessage("sn-1", 3, 1, "report", "reading", null, 2_000, new byte[] { (byte)'{', (byte)'"', (byte)'x', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}' }));
        store.Commit(round);

        Assert.Equal("{\"x\":\"\uFFFD\"}", Assert.Single(store.Series("sn-1", "report", 0, 10_000, 10)).Payload);
        Assert.Equal(1L, Scalar(db, "SELECT count(*) FROM node_messages WHERE payload = '{\"x\":\"' || char(65533) || '\"}'"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(400)]
    public void Text_either_side_of_the_short_text_length_is_stored_as_written(int units)
    {
        // Up to 128 UTF-16 units the writer encodes on the stack, beyond that in a rented buffer: both store the same.
        var db = new SqliteDatabase(Path.Combine(_directory, "tocsin.db"), syncWrites: false);
        db.Migrate();
        using var store = new MessageStore(db);
        string ascii = new('n', units);
        string cjk = string.Concat(Enumerable.Repeat("鲤", units));
        string pairs = string.Concat(Enumerable.Repeat("🌧", Math.Max(1, units / 2)));
        var round = new IngestBatch();
        round.Messages.Add(new StoredMessage("sn-1", 3, 1, ascii, cjk, null, 2_000, "{}"));
        round.Deliveries.Add(("A-1", 1, "bn-1", "failed", pairs, 2_000));
        store.Commit(round);

        StoredMessage stored = Assert.Single(store.Series("sn-1", ascii, 0, 10_000, 10));
        Assert.Equal(cjk, stored.Type);
        Assert.Equal(pairs, Scalar(db, "SELECT reason FROM deliveries WHERE alert = 'A-1'"));
        Assert.Equal((long)units, Scalar(db, "SELECT length(type) FROM node_messages"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    public void Text_with_an_unpaired_surrogate_is_stored_with_a_replacement_character(int padding)
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "tocsin.db"), syncWrites: false);
        db.Migrate();
        using var store = new MessageStore(db);
        var round = new IngestBatch();
        // SQLite's own translation joined the lone half to the next character ("cut 🀠here").
        string pad = new('p', padding);
        round.Deliveries.Add(("A-1", 1, "bn-1", "failed", pad + "cut \uD83C here", 2_000));
        store.Commit(round);

        Assert.Equal(pad + "cut \uFFFD here", Scalar(db, "SELECT reason FROM deliveries WHERE alert = 'A-1'"));
    }

    [Fact]
    public void A_heartbeat_and_report_held_as_utf8_are_stored_without_being_decoded()
    {
        var db = new SqliteDatabase(Path.Combine(_directory, "tocsin.db"), syncWrites: false);
        db.Migrate();
        using var store = new MessageStore(db);
        var update = new NodeStateUpdate { Online = true, LastSeenUtcMs = 5_000 };
        update.SetHeartbeat(Encoding.UTF8.GetBytes("""{"hb_s":300,"note":"鲤城"}"""));
        update.SetReport(Encoding.UTF8.GetBytes("""{"depth_mm":12}"""));
        var round = new IngestBatch();
        round.States["sn-1"] = update;
        store.Commit(round);

        Assert.True(update.TryGetHeartbeatUtf8(out _), "the writer decoded the heartbeat to a string");
        Assert.True(update.TryGetReportUtf8(out _), "the writer decoded the report to a string");
        NodeStateRow row = Assert.Single(store.States());
        Assert.Equal("""{"hb_s":300,"note":"鲤城"}""", row.HeartbeatJson);
        Assert.Equal("""{"depth_mm":12}""", row.LastReportJson);

        // Set as strings (the live path's other callers), they are stored the same way.
        var later = new IngestBatch();
        later.States["sn-1"] = new NodeStateUpdate { LastSeenUtcMs = 6_000, HeartbeatJson = """{"hb_s":60}""" };
        store.Commit(later);
        row = Assert.Single(store.States());
        Assert.Equal("""{"hb_s":60}""", row.HeartbeatJson);
        Assert.Equal("""{"depth_mm":12}""", row.LastReportJson);
    }

    [Fact]
    public void A_stored_message_serves_its_payload_once_as_text()
    {
        var message = new StoredMessage("sn-1", 3, 1, "report", "reading", 1_000, 2_000, "{\"d\":1}"u8.ToArray());
        using var json = System.Text.Json.JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(message, Tocsin.Controller.Engine.JsonDefaults.Options));

        Assert.Equal(["epoch", "measuredUtcMs", "node", "payload", "receivedUtcMs", "seq", "stream", "type"],
            json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("{\"d\":1}", json.RootElement.GetProperty("payload").GetString());
    }

    private static void Execute(SqliteDatabase db, string sql)
    {
        using SqliteConnection c = db.Open();
        using SqliteCommand command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteDatabase db, string sql)
    {
        using SqliteConnection c = db.Open();
        using SqliteCommand command = c.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
