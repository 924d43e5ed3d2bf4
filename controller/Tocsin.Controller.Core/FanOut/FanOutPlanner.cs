using System.Text.Json;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Security;

namespace Tocsin.Controller.FanOut;

/// <summary>
/// Turns an alert action into signed commands for its speakers: one command (one "seq", one set of
/// bytes) per action, signed with every addressed node's own key, for the community's topic
/// <c>tocsin/v1/area/{community}/cmd</c>: envelopes of up to 100 MACs, published once each on a broker
/// that routes by topic, or one single-MAC envelope per speaker for a broker that puts each into its
/// member's session. Either way the broker never routes one publish per node, which would walk every
/// session per publish (MQTTnet issue 2174). Bodies follow the
/// broadcast node's parser (firmware Scheduling/CommandBody.cs); the mode comes from the alert's kind only.
/// </summary>
public sealed class FanOutPlanner
{
    // Below this many MACs, handing work to other threads costs more than the signing itself.
    private const int ParallelSigningMinNodes = 256;
    private readonly ICommandSequence _sequence;
    private readonly FanOutOptions _options;

    /// <summary>Creates a planner drawing sequence numbers from <paramref name="sequence"/>.</summary>
    public FanOutPlanner(ICommandSequence sequence, FanOutOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        _sequence = sequence;
        _options = options ?? FanOutOptions.Default;
    }

    /// <summary>
    /// The commands an <see cref="AlertEffect"/> calls for, in sending order: none; the broadcast; the
    /// cancel of the previous version then the new broadcast (an update); the cancel; or the all-clear.
    /// </summary>
    public IReadOnlyList<FanOutPlan> PlanEffect(Alert alert, AlertEffect effect, IEnumerable<KeyedNode> nodes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(nodes);
        var speakers = nodes.ToList();
        return effect switch
        {
            AlertEffect.Broadcast => [PlanBroadcast(alert, speakers, now)],
            AlertEffect.BroadcastUpdate => [PlanCancel(alert, alert.Version - 1, speakers, now), PlanBroadcast(alert, speakers, now)],
            AlertEffect.Cancel => [PlanCancel(alert, alert.Version, speakers, now)],
            AlertEffect.AllClear => [PlanAllClear(alert, speakers, now)],
            _ => [],
        };
    }

    /// <summary>The "broadcast" command for the alert's current version.</summary>
    public FanOutPlan PlanBroadcast(Alert alert, IEnumerable<KeyedNode> nodes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        long nowMs = now.ToUnixTimeMilliseconds();
        long startMs = alert.StartsAt.ToUnixTimeMilliseconds();
        AlertMessage m = alert.Message;
        void Body(Utf8JsonWriter w)
        {
            w.WriteString("alert", alert.Id);
            w.WriteString("hazard", Hazards.ToText(alert.Hazard));
            w.WriteString("level", WarningLevels.ToText(alert.Level));
            w.WriteString("siren", SirenPatterns.ToText(m.Siren));
            if (m.SirenSeconds is int s)
            {
                w.WriteNumber("siren_s", s);
            }

            WriteInts(w, "clips", m.Clips);
            w.WriteNumber("repeat", m.Repeat);
            if (startMs > nowMs)
            {
                w.WriteNumber("start", startMs);
            }

            if (m.Zones is { Count: > 0 } zones)
            {
                WriteInts(w, "zones", zones);
            }
        }

        return Plan(alert, CommandIds.Broadcast(alert.Id, alert.Version), CommandKinds.Broadcast, alert.Version, nowMs, alert.ExpiresAt.ToUnixTimeMilliseconds(), Body, nodes);
    }

    /// <summary>The "cancel" command stopping <paramref name="version"/>'s broadcast, in the alert's own mode.</summary>
    public FanOutPlan PlanCancel(Alert alert, int version, IEnumerable<KeyedNode> nodes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        string target = CommandIds.Broadcast(alert.Id, version);
        long nowMs = now.ToUnixTimeMilliseconds();
        long exp = Math.Max(alert.ExpiresAt.ToUnixTimeMilliseconds(), nowMs + (long)_options.CancelValidity.TotalMilliseconds);
        exp = Math.Min(exp, nowMs + (long)TimeSpan.FromHours(24).TotalMilliseconds);
        return Plan(alert, CommandIds.Cancel(alert.Id, version), CommandKinds.Cancel, version, nowMs, exp, w => w.WriteString("broadcast", target), nodes);
    }

    /// <summary>The "allclear" command: ends the version on air and plays the all-clear clip.</summary>
    public FanOutPlan PlanAllClear(Alert alert, IEnumerable<KeyedNode> nodes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        long nowMs = now.ToUnixTimeMilliseconds();
        void Body(Utf8JsonWriter w)
        {
            w.WriteString("alert", alert.Id);
            w.WriteString("broadcast", CommandIds.Broadcast(alert.Id, alert.Version));
            w.WriteString("hazard", Hazards.ToText(alert.Hazard));
            if (alert.Message.Zones is { Count: > 0 } zones)
            {
                WriteInts(w, "zones", zones);
            }
        }

        return Plan(alert, CommandIds.AllClear(alert.Id), CommandKinds.AllClear, alert.Version, nowMs, nowMs + (long)_options.AllClearValidity.TotalMilliseconds, Body, nodes);
    }

    /// <summary>
    /// The same command for one node on its own topic: identical command bytes, one MAC. Its replay
    /// window accepts the command once, whichever copy arrives first.
    /// </summary>
    public static NodeEnvelope Resend(FanOutCommand command, string nodeId, byte[] commandKey)
    {
        ArgumentNullException.ThrowIfNull(command);
        byte[] payload = CommandSigner.SignSerialized(command.CommandBytes, [new NodeKey(nodeId, commandKey)])[0];
        return new NodeEnvelope(nodeId, Topics.NodeCommand(nodeId), payload);
    }

    private FanOutPlan Plan(Alert alert, string id, string kind, int version, long issuedMs, long expiresMs, Action<Utf8JsonWriter> body, IEnumerable<KeyedNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var targeted = new HashSet<string>(alert.CommunityIds, StringComparer.Ordinal);
        var byCommunity = nodes
            .Where(n => n.Node.IsActiveSpeaker && targeted.Contains(n.Node.CommunityId))
            .GroupBy(n => n.Node.CommunityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.Node.Id, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var spec = new CommandSpec(id, _sequence.NextSeq(), kind, alert.CommandMode, issuedMs, expiresMs, body);
        byte[] bytes = CommandSigner.SerializeCommand(spec);
        var empty = new List<string>();
        var addressed = new List<(string Community, List<NodeKey> Keys)>();
        foreach (string community in alert.CommunityIds)
        {
            if (!byCommunity.TryGetValue(community, out List<KeyedNode>? speakers))
            {
                empty.Add(community);
                continue;
            }

            addressed.Add((community, speakers.Select(n => new NodeKey(n.Node.Id, n.CommandKey)).ToList()));
        }

        // Signing is pure CPU (one HMAC per node) and each community's envelopes are independent, so
        // a district-wide dispatch signs on every core; the order of the result is the communities' order.
        var signed = new CommunityEnvelopes[addressed.Count];
        int macs = addressed.Sum(a => a.Keys.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = macs >= ParallelSigningMinNodes ? Environment.ProcessorCount : 1 };
        Parallel.For(0, addressed.Count, parallel, i =>
        {
            var (community, keys) = addressed[i];
            signed[i] = new CommunityEnvelopes(
                community, Topics.AreaCommand(community), keys.Select(k => k.NodeId).ToList(),
                CommandSigner.SignSerialized(bytes, keys, _options.MaxNodesPerEnvelope), _options.MaxNodesPerEnvelope);
        });
        var communities = signed.ToList();

        var command = new FanOutCommand(id, spec.Seq, kind, spec.Mode, issuedMs, expiresMs, bytes, alert.Id, version);
        return new FanOutPlan(command, communities, empty);
    }

    private static void WriteInts(Utf8JsonWriter w, string name, IReadOnlyList<int> values)
    {
        w.WriteStartArray(name);
        foreach (int v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }
}
