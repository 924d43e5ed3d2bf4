using System.Globalization;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Nodes;

namespace Tocsin.Controller.Benchmarks;

/// <summary>Registers and provisions benchmark nodes, spread evenly over the region's communities.</summary>
internal static class BenchNodes
{
    /// <summary>Registers <paramref name="count"/> nodes; returns each one's id, community and MQTT password.</summary>
    public static async Task<IReadOnlyList<(string Id, string Community, string Password)>> RegisterAsync(ControllerEngine engine, NodeKind kind, int count, int mqttPort)
    {
        ArgumentNullException.ThrowIfNull(engine);
        string[] communities = engine.Map!.Communities.Select(c => c.Id).ToArray();
        string prefix = kind == NodeKind.Broadcast ? "bn-" : "sn-";
        var nodes = new List<(string, string, string)>(count);

        // Many operations queued at once run in one engine round each, instead of one round trip per node.
        foreach (int[] chunk in Enumerable.Range(0, count).Chunk(500))
        {
            var pending = chunk.Select(i =>
            {
                string community = communities[i % communities.Length];
                string id = prefix + community + "-" + (i / communities.Length).ToString("D4", CultureInfo.InvariantCulture);
                return engine.Run(() =>
                {
                    var (_, errors) = engine.Register(new NodeRegistration(id, kind, community, null, "benchmark", kind == NodeKind.Broadcast ? 1 : 0), [], "bench");
                    if (errors.Count > 0)
                    {
                        throw new InvalidOperationException(string.Join("; ", errors));
                    }

                    var (bundle, _) = engine.IssueBundle(id, new NetworkSettings("bench", "bench", "127.0.0.1", mqttPort), false, "bench");
                    return (id, community, ProvisioningBundle.Decode(bundle!).Settings!["mqtt.pass"]);
                });
            }).ToArray();
            nodes.AddRange(await Task.WhenAll(pending).ConfigureAwait(false));
        }

        return nodes;
    }
}
