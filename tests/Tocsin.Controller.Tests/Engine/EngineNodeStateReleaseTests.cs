using System.Text;
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
/// A node's routine state (last seen, latest report) reaches its row once held for one snapshot
/// interval, by the engine's own rounds and not only with a snapshot; a clean save writes what is held.
/// </summary>
public sealed class EngineNodeStateReleaseTests : IDisposable
{
    private const string Node = "sn-release-1";
    private const int IntervalS = 30;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tocsin-state-release-" + Guid.NewGuid().ToString("N"));
    private readonly SteppedTime _time = new();

    [Fact]
    public async Task A_held_state_is_written_after_one_interval_and_a_save_writes_the_rest()
    {
        var transport = new HandFedTransport();
        WebApplication app = Build(transport);
        try
        {
            app.Services.GetRequiredService<INodeStore>().Insert(new StoredNode(Node, "sensor", "kaiyuan-01", null, null, "", 0, new byte[32], "x", [], false, DateTimeOffset.UtcNow));
            ControllerEngine engine = app.Services.GetRequiredService<ControllerEngine>();
            IMessageStore messages = app.Services.GetRequiredService<IMessageStore>();
            engine.LoadForStepping();

            long firstSeen = _time.GetUtcNow().ToUnixTimeMilliseconds();
            transport.Deliver(Report(1));
            await engine.StepAsync(CancellationToken.None);
            Assert.Equal(1, messages.Count());
            Assert.Empty(messages.States());

            // Rounds with nothing to ingest still release it: just before the interval, nothing; at it, the row.
            await StepForAsync(engine, TimeSpan.FromSeconds(IntervalS - 1));
            Assert.Empty(messages.States());
            await StepForAsync(engine, TimeSpan.FromSeconds(2));
            NodeStateRow row = Assert.Single(messages.States());
            Assert.Equal(firstSeen, row.LastSeenUtcMs);
            Assert.Contains("\"seq\":1", row.LastReportJson, StringComparison.Ordinal);

            // The next report is held from its own arrival, and released by an ingest round one
            // interval on, with what that round brought for the node merged in.
            transport.Deliver(Report(2));
            await engine.StepAsync(CancellationToken.None);
            await StepForAsync(engine, TimeSpan.FromSeconds(IntervalS - 2));
            Assert.Equal(firstSeen, Assert.Single(messages.States()).LastSeenUtcMs);
            _time.Advance(TimeSpan.FromSeconds(3));
            long thirdSeen = _time.GetUtcNow().ToUnixTimeMilliseconds();
            transport.Deliver(Report(3));
            await engine.StepAsync(CancellationToken.None);
            row = Assert.Single(messages.States());
            Assert.Equal(thirdSeen, row.LastSeenUtcMs);
            Assert.Contains("\"seq\":3", row.LastReportJson, StringComparison.Ordinal);

            // The fourth is held; a save (as a clean stop makes) writes it at once.
            await StepForAsync(engine, TimeSpan.FromSeconds(1));
            long fourthSeen = _time.GetUtcNow().ToUnixTimeMilliseconds();
            transport.Deliver(Report(4));
            await engine.StepAsync(CancellationToken.None);
            Assert.Equal(thirdSeen, Assert.Single(messages.States()).LastSeenUtcMs);
            // Stepped, the test is the engine's loop, as the simulator is.
            engine.SaveNow();
            Assert.Equal(fourthSeen, Assert.Single(messages.States()).LastSeenUtcMs);
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
        };
        return ControllerHost.Build(options, _time, _ => transport, builder => builder.Logging.ClearProviders());
    }
}
