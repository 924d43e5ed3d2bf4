using System.Runtime.CompilerServices;
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
/// A round whose commit the database refuses stops the engine; the state it had taken in (the
/// message's sequence number) must not be saved on the way out, or the node's resend after the
/// restart would be dropped as a duplicate and the message lost.
/// </summary>
public sealed class EngineStorageFailureTests : IDisposable
{
    private const string Node = "sn-fail-1";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "tocsin-engine-failure-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_refused_commit_stops_the_engine_without_a_snapshot_and_the_resend_is_stored_after_a_restart()
    {
        var refuse = new StrongBox<bool>(false);
        var transport = new HandFedTransport();
        WebApplication first = Build(transport, refuse);
        try
        {
            first.Services.GetRequiredService<INodeStore>().Insert(new StoredNode(Node, "sensor", "kaiyuan-01", null, null, "", 0, new byte[32], "x", [], false, DateTimeOffset.UtcNow));
            await first.StartAsync();
            ControllerEngine engine = first.Services.GetRequiredService<ControllerEngine>();
            IMessageStore messages = first.Services.GetRequiredService<IMessageStore>();

            transport.Deliver(Report(1));
            await Eventually.TrueAsync(() => Task.FromResult(messages.Count() == 1), TimeSpan.FromSeconds(20), "the first report stored");

            refuse.Value = true;
            transport.Deliver(Report(2));
            await Eventually.TrueAsync(() => Task.FromResult(engine.ExecuteTask is { IsFaulted: true }), TimeSpan.FromSeconds(20), "the engine to stop on the refused commit");

            // The database is back by the time the host stops (a passing fault): a snapshot would now be written.
            refuse.Value = false;
            await first.StopAsync();
        }
        finally
        {
            await first.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }

        var again = new HandFedTransport();
        WebApplication second = Build(again, new StrongBox<bool>(false));
        await second.StartAsync();
        try
        {
            IMessageStore stored = second.Services.GetRequiredService<IMessageStore>();
            again.Deliver(Report(2));
            await Eventually.TrueAsync(() => Task.FromResult(stored.Count() == 2), TimeSpan.FromSeconds(20), "the resent report stored, not dropped as a duplicate");
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
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

    private static InboundMessage Report(long seq) =>
        new(Node, "tocsin/v1/node/" + Node + "/report",
            Encoding.UTF8.GetBytes("{\"ep\":7,\"floor\":1,\"seq\":" + seq + ",\"up\":1000,\"type\":\"reading\",\"depth\":{\"mm\":12}}"), false, DateTimeOffset.UtcNow);

    private WebApplication Build(HandFedTransport transport, StrongBox<bool> refuse)
    {
        var options = new ControllerOptions
        {
            DataDirectory = _data,
            HttpUrl = "http://127.0.0.1:0",
            RegionFile = RepoPaths.Combine("controller", "regions", "licheng-sample.json"),
            RulesFile = RepoPaths.Combine("controller", "rules", "default-rules.json"),
            BootstrapAdminPassword = "admin-password-for-tests",
            SyncWrites = false,
        };
        return ControllerHost.Build(options, null, _ => transport, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IMessageStore>(sp => new RefusingMessageStore(ActivatorUtilities.CreateInstance<MessageStore>(sp), refuse));
        });
    }

    private sealed class RefusingMessageStore(MessageStore inner, StrongBox<bool> refuse) : IMessageStore, IDisposable
    {
        public void Dispose() => inner.Dispose();

        public void Commit(IngestBatch batch)
        {
            if (refuse.Value)
            {
                throw new SqliteException("disk I/O error (refused for the test)", 10);
            }

            inner.Commit(batch);
        }

        public IReadOnlyList<StoredMessage> Series(string node, string stream, long fromUtcMs, long toUtcMs, int limit) => inner.Series(node, stream, fromUtcMs, toUtcMs, limit);

        public IReadOnlyList<NodeStateRow> States() => inner.States();

        public long Count() => inner.Count();
    }
}
