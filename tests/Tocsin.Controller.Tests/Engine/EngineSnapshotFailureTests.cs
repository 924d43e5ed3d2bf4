using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Tocsin.TestSupport;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>
/// A snapshot the database refuses: the delivery-ledger changes it had taken (saved command by
/// command, only those that changed) must go back to the ledger, or the next snapshot would leave a
/// dispatched command out and a restart would forget who was sent it.
/// </summary>
public sealed class EngineSnapshotFailureTests : IDisposable
{
    private const string Speaker = "bn-snap-1";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tocsin-snapshot-failure-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_refused_snapshot_keeps_its_ledger_changes_for_the_next_one()
    {
        var refuse = new Switch();
        WebApplication app = Build(refuse);
        try
        {
            app.Services.GetRequiredService<INodeStore>().Insert(new StoredNode(Speaker, "broadcast", "kaiyuan-01", null, null, "", 1200, new byte[32], "x", [], false, DateTimeOffset.UtcNow));
            await app.StartAsync();
            ControllerEngine engine = app.Services.GetRequiredService<ControllerEngine>();
            IStateStore state = app.Services.GetRequiredService<IStateStore>();

            // The loop saves once soon after the first change, then not for a day (SnapshotIntervalS).
            string first = await DispatchDrillAsync(engine);
            await Eventually.TrueAsync(() => Task.FromResult(Saved(state, first)), TimeSpan.FromSeconds(20), "the loop's first snapshot");
            string id = await DispatchDrillAsync(engine);
            Assert.False(Saved(state, id));

            refuse.On = true;
            await Assert.ThrowsAsync<SqliteException>(() => engine.Run(Save(engine)));
            Assert.False(Saved(state, id));

            refuse.On = false;
            await engine.Run(Save(engine));
            Assert.True(Saved(state, id), "the second drill's command saved by the next snapshot: " + string.Join(" ", state.Names("ledger/")));
        }
        finally
        {
            await app.StopAsync();
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

    private static bool Saved(IStateStore state, string alertId) => state.Names("ledger/").Any(n => n.StartsWith("ledger/" + alertId + ".", StringComparison.Ordinal));

    private static Func<bool> Save(ControllerEngine engine) => () =>
    {
        engine.SaveNow();
        return true;
    };

    private static async Task<string> DispatchDrillAsync(ControllerEngine engine)
    {
        var duty = new Actor("duty-chen", "Chen", OperatorRole.Operator);
        var lead = new Actor("lead-lin", "Lin", OperatorRole.Approver);
        AlertTransition created = await engine.Run(() => engine.CreateAlert(
            id => new AlertDraft(id, AlertKind.Drill, Hazard.Waterlogging, WarningLevel.Yellow, AlertTarget.ForCommunities("kaiyuan-01"),
                new AlertMessage("Drill", "This is a drill.", [201]), DateTimeOffset.UtcNow.AddHours(2)),
            duty));
        Assert.True(created.Succeeded, created.Reason);
        string id = created.Alert.Id;
        foreach ((AlertAction action, Actor by) in new[] { (AlertAction.Submit, duty), (AlertAction.Approve, lead), (AlertAction.Dispatch, duty) })
        {
            AlertTransition t = await engine.RunAsync(() => engine.ActAsync(id, action, by, CancellationToken.None));
            Assert.True(t.Succeeded, action + ": " + t.Reason);
        }

        Assert.Contains(engine.Deliveries(id), d => d.NodeId == Speaker);
        return id;
    }

    private WebApplication Build(Switch refuse)
    {
        var options = new ControllerOptions
        {
            DataDirectory = _data,
            HttpUrl = "http://127.0.0.1:0",
            RegionFile = RepoPaths.Combine("controller", "regions", "licheng-sample.json"),
            RulesFile = RepoPaths.Combine("controller", "rules", "default-rules.json"),
            BootstrapAdminPassword = "admin-password-for-tests",
            SyncWrites = false,

            // Only the test's own saves: the loop's would meet the refusal and stop the engine.
            SnapshotIntervalS = 86_400,
        };
        return ControllerHost.Build(options, null, _ => new HandFedTransport(), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IStateStore>(sp => new RefusingStateStore(ActivatorUtilities.CreateInstance<StateStore>(sp), refuse));
        });
    }

    private sealed class Switch
    {
        public bool On { get; set; }
    }

    private sealed class RefusingStateStore(StateStore inner, Switch refuse) : IStateStore
    {
        public T? Read<T>(string name, System.Text.Json.JsonSerializerOptions options) => inner.Read<T>(name, options);

        public void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents) => Write(documents, []);

        public void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents, IEnumerable<string> deletions)
        {
            if (refuse.On)
            {
                throw new SqliteException("disk I/O error (refused for the test)", 10);
            }

            inner.Write(documents, null, null, deletions);
        }

        public IReadOnlyList<string> Names(string prefix) => inner.Names(prefix);
    }
}
