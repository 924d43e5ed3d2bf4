using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Tocsin.TestSupport;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>
/// A periodic snapshot is taken at one moment and written a set time later (its per-node documents
/// serialized off the engine loop meanwhile); a save in between supersedes it.
/// </summary>
public sealed class EngineDeferredSnapshotTests : IDisposable
{
    private const string Node = "sn-deferred-1";
    private const int IntervalS = 30;
    private const int DelayS = 5;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tocsin-deferred-snapshot-" + Guid.NewGuid().ToString("N"));
    private readonly SteppedTime _time = new();
    private readonly List<DateTimeOffset> _healthWrites = [];
    private readonly StrongBox<bool> _refuse = new(false);

    [Fact]
    public async Task A_snapshot_is_written_with_the_state_of_its_moment_after_the_delay_and_a_save_supersedes_a_pending_one()
    {
        var transport = new HandFedTransport();
        WebApplication app = Build(transport);
        try
        {
            app.Services.GetRequiredService<INodeStore>().Insert(new StoredNode(Node, "sensor", "kaiyuan-01", null, null, "", 0, new byte[32], "x", [], false, DateTimeOffset.UtcNow));
            ControllerEngine engine = app.Services.GetRequiredService<ControllerEngine>();
            IStateStore state = app.Services.GetRequiredService<IStateStore>();
            engine.LoadForStepping();

            // The first change begins a snapshot at once; it is written DelayS later, not before.
            DateTimeOffset first = _time.GetUtcNow();
            transport.Deliver(Report(1));
            await engine.StepAsync(CancellationToken.None);
            Assert.Null(LastSeen(state));
            await StepForAsync(engine, TimeSpan.FromSeconds(DelayS - 1));
            Assert.Null(LastSeen(state));
            await StepForAsync(engine, TimeSpan.FromSeconds(1));
            Assert.Equal(first, LastSeen(state));

            // What changes after the moment it was taken is not in it.
            await StepForAsync(engine, TimeSpan.FromSeconds(1));
            DateTimeOffset second = _time.GetUtcNow();
            transport.Deliver(Report(2));
            await engine.StepAsync(CancellationToken.None);
            await StepForAsync(engine, TimeSpan.FromSeconds(IntervalS - DelayS - 1));
            Assert.Equal(first, LastSeen(state));
            await StepForAsync(engine, TimeSpan.FromSeconds(1));
            DateTimeOffset third = _time.GetUtcNow();
            transport.Deliver(Report(3));
            await engine.StepAsync(CancellationToken.None);
            await StepForAsync(engine, TimeSpan.FromSeconds(DelayS));
            Assert.Equal(second, LastSeen(state));

            // A save while one is pending writes the present at once, and the pending one never lands.
            await StepForAsync(engine, TimeSpan.FromSeconds(IntervalS - DelayS - 1));
            DateTimeOffset fourth = _time.GetUtcNow();
            transport.Deliver(Report(4));
            await engine.StepAsync(CancellationToken.None);

            // The third snapshot, taken at this moment's step (before the fourth report, with the
            // third), is pending: the stored one is still the second.
            Assert.Equal(second, LastSeen(state));
            int written = _healthWrites.Count;
            engine.SaveNow();
            Assert.Equal(fourth, LastSeen(state));
            Assert.Equal(written + 1, _healthWrites.Count);
            await StepForAsync(engine, TimeSpan.FromSeconds(DelayS + 1));
            Assert.Equal(fourth, LastSeen(state));
            Assert.Equal(written + 1, _healthWrites.Count);
            Assert.NotEqual(third, fourth);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_save_that_fails_after_superseding_a_pending_snapshot_leaves_the_state_to_be_snapshotted_again()
    {
        var transport = new HandFedTransport();
        WebApplication app = Build(transport);
        try
        {
            app.Services.GetRequiredService<INodeStore>().Insert(new StoredNode(Node, "sensor", "kaiyuan-01", null, null, "", 0, new byte[32], "x", [], false, DateTimeOffset.UtcNow));
            ControllerEngine engine = app.Services.GetRequiredService<ControllerEngine>();
            IStateStore state = app.Services.GetRequiredService<IStateStore>();
            engine.LoadForStepping();

            // The report's round begins a snapshot; the save that supersedes it is refused.
            DateTimeOffset seen = _time.GetUtcNow();
            transport.Deliver(Report(1));
            await engine.StepAsync(CancellationToken.None);
            _refuse.Value = true;
            Assert.Throws<SqliteException>(engine.SaveNow);
            _refuse.Value = false;

            // Nothing new arrives, yet the next interval snapshots the state that was never written.
            await StepForAsync(engine, TimeSpan.FromSeconds(IntervalS + DelayS));
            Assert.Equal(seen, LastSeen(state));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static DateTimeOffset? LastSeen(IStateStore state)
    {
        JsonElement? health = state.Read<JsonElement?>("health", JsonDefaults.Options);
        return health is JsonElement doc
            ? doc.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("nodeId").GetString() == Node).GetProperty("lastSeen").GetDateTimeOffset()
            : null;
    }

    private async Task StepForAsync(ControllerEngine engine, TimeSpan span)
    {
        for (TimeSpan passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await engine.StepAsync(CancellationToken.None);
        }
    }

    private InboundMessage Report(long seq) =>
        new(Node, "tocsin/v1/node/" + Node + "/report",
            Encoding.UTF8.GetBytes("{\"ep\":7,\"floor\":1,\"seq\":" + seq + ",\"up\":1000,\"type\":\"reading\",\"depth\":{\"mm\":12}}"), false, _time.GetUtcNow());

    private WebApplication Build(HandFedTransport transport)
    {
        var options = new ControllerOptions
        {
            DataDirectory = _data,
            HttpUrl = "http://127.0.0.1:0",
            RegionFile = RepoPaths.Combine("controller", "regions", "licheng-sample.json"),
            RulesFile = RepoPaths.Combine("controller", "rules", "default-rules.json"),
            BootstrapAdminPassword = "admin-password-for-tests",
            SyncWrites = false,
            SnapshotIntervalS = IntervalS,
            SnapshotWriteDelayS = DelayS,
        };
        return ControllerHost.Build(options, _time, _ => transport, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IStateStore>(sp => new CountingStateStore(ActivatorUtilities.CreateInstance<StateStore>(sp), _healthWrites, _time, _refuse));
        });
    }

    // Notes when a health document is written, so a superseded snapshot landing later is seen even
    // when it would hold the same bytes.
    private sealed class CountingStateStore(StateStore inner, List<DateTimeOffset> healthWrites, TimeProvider time, StrongBox<bool> refuse) : IStateStore
    {
        public T? Read<T>(string name, JsonSerializerOptions options) => inner.Read<T>(name, options);

        public void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents) => Write(documents, []);

        public void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents, IEnumerable<string> deletions)
        {
            if (refuse.Value)
            {
                throw new SqliteException("disk I/O error (refused for the test)", 10);
            }

            var list = documents.ToList();
            inner.Write(list, null, null, deletions);
            if (list.Exists(d => d.Name == "health"))
            {
                healthWrites.Add(time.GetUtcNow());
            }
        }

        public IReadOnlyList<string> Names(string prefix) => inner.Names(prefix);
    }

    private sealed class StrongBox<T>(T value)
    {
        public T Value { get; set; } = value;
    }
}
