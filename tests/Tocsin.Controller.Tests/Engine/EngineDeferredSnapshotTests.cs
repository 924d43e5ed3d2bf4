using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Health;
using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>
/// A periodic snapshot is taken at one moment and written a set time later (its per-node documents
/// serialized off the engine loop meanwhile); a save in between supersedes it.
/// </summary>
public sealed class EngineDeferredSnapshotTests
{
    private const string Node = "sn-deferred-1";
    private const int IntervalS = 30;
    private const int DelayS = 5;
    private readonly StrongBox<int> _healthWrites = new(0);
    private readonly StrongBox<bool> _refuse = new(false);

    [Fact]
    public async Task A_snapshot_is_written_with_the_state_of_its_moment_after_the_delay_and_a_save_supersedes_a_pending_one()
    {
        await using SteppedController controller = Start();
        IStateStore state = controller.Service<IStateStore>();

        // The first change begins a snapshot at once; it is written DelayS later, not before.
        DateTimeOffset first = controller.Time.GetUtcNow();
        await controller.ReportAsync(1);
        Assert.Null(LastSeen(state));
        await controller.StepForAsync(TimeSpan.FromSeconds(DelayS - 1));
        Assert.Null(LastSeen(state));
        await controller.StepForAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(first, LastSeen(state));

        // What changes after the moment it was taken is not in it.
        await controller.StepForAsync(TimeSpan.FromSeconds(1));
        DateTimeOffset second = controller.Time.GetUtcNow();
        await controller.ReportAsync(2);
        await controller.StepForAsync(TimeSpan.FromSeconds(IntervalS - DelayS - 1));
        Assert.Equal(first, LastSeen(state));
        await controller.StepForAsync(TimeSpan.FromSeconds(1));
        DateTimeOffset third = controller.Time.GetUtcNow();
        await controller.ReportAsync(3);
        await controller.StepForAsync(TimeSpan.FromSeconds(DelayS));
        Assert.Equal(second, LastSeen(state));

        // A save while one is pending writes the present at once, and the pending one never lands.
        await controller.StepForAsync(TimeSpan.FromSeconds(IntervalS - DelayS - 1));
        DateTimeOffset fourth = controller.Time.GetUtcNow();
        await controller.ReportAsync(4);

        // The third snapshot, taken at this moment's step (before the fourth report, with the
        // third), is pending: the stored one is still the second.
        Assert.Equal(second, LastSeen(state));
        int written = _healthWrites.Value;
        controller.Engine.SaveNow();
        Assert.Equal(fourth, LastSeen(state));
        Assert.Equal(written + 1, _healthWrites.Value);
        await controller.StepForAsync(TimeSpan.FromSeconds(DelayS + 1));
        Assert.Equal(fourth, LastSeen(state));
        Assert.Equal(written + 1, _healthWrites.Value);
        Assert.NotEqual(third, fourth);
    }

    [Fact]
    public async Task A_save_that_fails_after_superseding_a_pending_snapshot_leaves_the_state_to_be_snapshotted_again()
    {
        await using SteppedController controller = Start();
        IStateStore state = controller.Service<IStateStore>();

        // The report's round begins a snapshot; the save that supersedes it is refused.
        DateTimeOffset seen = controller.Time.GetUtcNow();
        await controller.ReportAsync(1);
        _refuse.Value = true;
        Assert.Throws<SqliteException>(controller.Engine.SaveNow);
        _refuse.Value = false;

        // Nothing new arrives, yet the next interval snapshots the state that was never written.
        await controller.StepForAsync(TimeSpan.FromSeconds(IntervalS + DelayS));
        Assert.Equal(seen, LastSeen(state));
    }

    [Fact]
    public async Task The_alarms_written_with_a_snapshot_are_from_the_moment_its_health_was_taken()
    {
        await using SteppedController controller = Start();
        IStateStore state = controller.Service<IStateStore>();
        string alarm = "fault:" + Node + ":depth_sensor";

        // The report's round takes a snapshot; a fault and its alarm come before it is written.
        DateTimeOffset taken = controller.Time.GetUtcNow();
        await controller.ReportAsync(1);
        await controller.StepForAsync(TimeSpan.FromSeconds(1));
        await controller.HeartbeatAsync("depth_sensor");
        Assert.Contains(controller.Engine.Alarms(), a => a.Key == alarm);
        await controller.StepForAsync(TimeSpan.FromSeconds(DelayS));

        // Health without the fault must come with alarms without its alarm: restored together after
        // a kill, the alarm would otherwise stay open for a fault the node was never known to have.
        Assert.Equal(taken, LastSeen(state));
        Assert.DoesNotContain(alarm, StoredAlarmKeys(state));
        Assert.Empty(StoredFaults(state)!);

        // The next snapshot has both.
        await controller.StepForAsync(TimeSpan.FromSeconds(IntervalS + DelayS));
        Assert.Contains(alarm, StoredAlarmKeys(state));
        Assert.Equal(["depth_sensor"], StoredFaults(state));
        Assert.NotEqual(taken, LastSeen(state));
    }

    [Fact]
    public async Task Snapshots_are_taken_and_written_on_the_monotonic_clock_whatever_the_wall_clock_does()
    {
        await using SteppedController controller = Start();
        IStateStore state = controller.Service<IStateStore>();

        // Taken now, the snapshot is due DelayS later; a clock correction sets the wall clock an hour back meanwhile.
        DateTimeOffset taken = controller.Time.GetUtcNow();
        await controller.ReportAsync(1);
        controller.Time.ShiftWall(TimeSpan.FromHours(-1));
        await controller.StepForAsync(TimeSpan.FromSeconds(DelayS - 1));
        Assert.Null(LastSeen(state));
        await controller.StepForAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(taken, LastSeen(state));

        // The next is taken one interval after the first, not an hour later when the wall clock gets back there.
        await controller.StepForAsync(TimeSpan.FromSeconds(1));
        DateTimeOffset second = controller.Time.GetUtcNow();
        await controller.ReportAsync(2);
        await controller.StepForAsync(TimeSpan.FromSeconds(IntervalS));
        Assert.Equal(second, LastSeen(state));
    }

    private static List<string> StoredAlarmKeys(IStateStore state)
    {
        JsonElement? alarms = state.Read<JsonElement?>("alarms", JsonDefaults.Options);
        return alarms is JsonElement doc ? doc.GetProperty("alarms").EnumerateArray().Select(a => a.GetProperty("key").GetString()!).ToList() : [];
    }

    private static DateTimeOffset? LastSeen(IStateStore state)
    {
        Dictionary<string, long>? seen = state.Read<Dictionary<string, long>>(HealthStore.SeenDoc, JsonDefaults.Options);
        return seen != null && seen.TryGetValue(Node, out long ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private static List<string>? StoredFaults(IStateStore state) =>
        state.Read<HealthSnapshot>(HealthStore.GroupPrefix + HealthShard.Of(Node, HealthStore.Groups).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), JsonDefaults.Snapshot) is { } group
            ? group.Nodes.Single(n => n.NodeId == Node).Faults.ToList()
            : null;

    private SteppedController Start() => SteppedController.Start(
        Node,
        o => (o.SnapshotIntervalS, o.SnapshotWriteDelayS) = (IntervalS, DelayS),
        builder => builder.Services.AddSingleton<IStateStore>(sp => new CountingStateStore(ActivatorUtilities.CreateInstance<StateStore>(sp), _healthWrites, _refuse)));

    // Notes when a health document is written, so a superseded snapshot landing later is seen even
    // when it would hold the same bytes; refuses every write while told to.
    private sealed class CountingStateStore(StateStore inner, StrongBox<int> healthWrites, StrongBox<bool> refuse) : IStateStore
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
            if (list.Exists(d => d.Name == HealthStore.SeenDoc))
            {
                healthWrites.Value++;
            }
        }

        public IReadOnlyList<string> Names(string prefix) => inner.Names(prefix);
    }
}
