using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tocsin.Controller.Mqtt;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Deterministic;

/// <summary>Injecting faults, healing them, and counting what they did.</summary>
public sealed partial class DeterministicRun
{
    private const long ObservationTailMs = 10 * 60_000;
    private readonly List<ActiveFault> _faults = [];

    private async Task InjectAsync(ScenarioFault fault)
    {
        var nodes = new List<SimulatedNode>();
        foreach (string selector in fault.Targets)
        {
            foreach (PlannedNode p in _plan.Resolve(selector, out _) ?? [])
            {
                SimulatedNode node = _byId[p.Id];
                if (!nodes.Contains(node))
                {
                    nodes.Add(node);
                }
            }
        }

        long? heal = fault.DurationMinutes > 0 ? _now + (long)(fault.DurationMinutes * 60_000) : null;
        if (fault.Type is FaultType.BrokerRestart or FaultType.ControllerRestart)
        {
            heal = _now + (long)(fault.Amount * 1000);
        }

        var active = new ActiveFault(fault, nodes, _now, heal);
        active.Before = Count(active);
        _faults.Add(active);
        Note("fault", fault.Type.ToString(), "injected on " + (nodes.Count > 0 ? nodes.Count.ToString(CultureInfo.InvariantCulture) + " nodes" : "the whole network")
            + (heal != null ? " until minute " + ScenarioTime.Format(MinuteOf(heal.Value)) : string.Empty));
        await ApplyAsync(active).ConfigureAwait(false);
        if (active.HealAtMs == null && active.Undo == null)
        {
            active.Healed = true;
        }
    }

    private async Task ApplyAsync(ActiveFault a)
    {
        ScenarioFault f = a.Fault;
        switch (f.Type)
        {
            case FaultType.PowerLoss:
                foreach (SimulatedNode n in a.Nodes)
                {
                    n.Node.PowerOff();
                    n.Flush(_network);
                    n.PowerBackAtMs = a.HealAtMs;
                }

                a.Undo = () =>
                {
                    foreach (SimulatedNode n in a.Nodes)
                    {
                        PowerBack(n, "power_on");
                    }
                };
                break;
            case FaultType.Reboot:
                foreach (SimulatedNode n in a.Nodes)
                {
                    n.Node.PowerOff();
                    n.Flush(_network);
                    PowerBack(n, "software");
                }

                break;
            case FaultType.NetworkCut:
                foreach (SimulatedNode n in a.Nodes)
                {
                    _network.Cut(n.Plan.Id, n.Link);
                    Wake(n);
                }

                a.Undo = () => a.Nodes.ToList().ForEach(n => _network.Restore(n.Plan.Id));
                break;
            case FaultType.PacketLoss:
                double loss = _network.Conditions.LossRatio;
                _network.Conditions.LossRatio = f.Amount / 100;
                a.Undo = () => _network.Conditions.LossRatio = loss;
                break;
            case FaultType.Delay:
                _network.Conditions.LatencyMs += (int)f.Amount;
                a.Undo = () => _network.Conditions.LatencyMs -= (int)f.Amount;
                break;
            case FaultType.BrokerRestart:
                _network.StopBroker();
                a.Undo = () => _network.StartBroker();
                break;
            case FaultType.ControllerRestart:
                await _controller.KillAsync().ConfigureAwait(false);
                a.Undo = () =>
                {
                    _controller.Start();
                    AttachEngine();
                };
                break;
            case FaultType.ClockSkew:
                // A clock that jumps may bring a held broadcast's start or end due.
                a.Undo = ChangeInputs(a.Nodes, n => n.Node.Clock.SkewMs = (long)(f.Amount * 1000), n => n.Node.Clock.SkewMs = 0);
                break;
            case FaultType.SensorFail:
                ApplySensorFail(a);
                break;
            case FaultType.StuckRelay:
                a.Undo = ChangeInputs(
                    a.Nodes.Where(n => n.Speaker != null),
                    n => (f.Mode == "amp" ? n.Speaker!.AmpRelay : n.Speaker!.Zones[Math.Min(int.Parse(f.Mode![4..], CultureInfo.InvariantCulture), n.Speaker.Zones.Length) - 1]).StuckAt = false,
                    n =>
                    {
                        n.Speaker!.AmpRelay.StuckAt = null;
                        Array.ForEach(n.Speaker.Zones, z => z.StuckAt = null);
                    });
                break;
            case FaultType.DeadAmplifier:
                a.Undo = ChangeInputs(a.Nodes.Where(n => n.Speaker != null), n => n.Speaker!.Amplifier.Dead = true, n => n.Speaker!.Amplifier.Dead = false);
                break;
            case FaultType.Tamper:
                a.Undo = ChangeInputs(a.Nodes, n => SetTamper(n, true), n => SetTamper(n, false));
                break;
            case FaultType.Replay:
                Replay(a);
                break;
            case FaultType.Forge:
                Forge(a);
                break;
            case FaultType.BlockedDrain:
                var drains = a.Nodes.Where(n => n.Basin != null).Select(n => (n, n.Basin!.DrainMmPerMinute)).ToList();
                drains.ForEach(d => d.n.Basin!.DrainMmPerMinute = d.DrainMmPerMinute * f.Amount);
                a.Undo = () => drains.ForEach(d => d.n.Basin!.DrainMmPerMinute = d.DrainMmPerMinute);
                break;
        }
    }

    private static void ApplySensorFail(ActiveFault a)
    {
        var sensors = a.Nodes.Where(n => n.Sensor != null).ToList();
        foreach (SimulatedNode n in sensors)
        {
            var u = n.Sensor!.Ultrasonic;
            switch (a.Fault.Mode)
            {
                case "silent":
                    u.Silent = true;
                    break;
                case "stuck":
                    // The water there now (the world's latest step), not what the sensor last read.
                    u.StuckDistanceMm = u.MountMm - n.Sensor.WaterDepthMm;
                    break;
                default:
                    u.DriftMm = (int)a.Fault.Amount;
                    break;
            }
        }

        a.Undo = () => sensors.ForEach(n =>
        {
            n.Sensor!.Ultrasonic.Silent = false;
            n.Sensor.Ultrasonic.StuckDistanceMm = null;
            n.Sensor.Ultrasonic.DriftMm = 0;
        });
    }

    private static void SetTamper(SimulatedNode n, bool open)
    {
        if (n.Speaker != null)
        {
            n.Speaker.Door.Active = open;
        }
        else
        {
            n.Sensor!.Tamper.Active = open;
        }
    }

    private void Replay(ActiveFault a)
    {
        // The eavesdropper replays to each speaker the last command it saw going to that speaker.
        foreach (SimulatedNode n in a.Nodes.Where(n => n.Speaker != null))
        {
            if (_network.CapturedCommand(n.Plan.Id) is not { } captured)
            {
                continue;
            }

            if (CommandIdOf(captured.Payload) is { } replayed)
            {
                a.AttackCommands.Add(replayed);
            }

            a.Injected += _network.Inject(captured.Topic, captured.Payload, [n.Plan.Id]);
        }

        a.PlaysBefore = PlaysOf(a);
    }

    private void Forge(ActiveFault a)
    {
        long now = _time.UtcMs;
        string id = "forged-" + a.Fault.Index.ToString(CultureInfo.InvariantCulture);
        a.AttackCommands.Add(id);
        var random = new Random(unchecked(_seed + a.Fault.Index));
        foreach (var group in a.Nodes.Where(n => n.Speaker != null).GroupBy(n => n.Plan.Community))
        {
            var json = new StringBuilder();
            json.Append(CultureInfo.InvariantCulture, $"{{\"v\":1,\"cmd\":{{\"id\":\"{id}\",\"seq\":{9_000_000_000 + a.Fault.Index},\"kind\":\"broadcast\",\"mode\":\"live\",\"iss\":{now},\"exp\":{now + 600_000},");
            json.Append("\"body\":{\"level\":\"I\",\"hazard\":\"typhoon\",\"siren\":\"wail\",\"clips\":[101],\"repeat\":3}},\"mac\":{");
            bool first = true;
            foreach (SimulatedNode n in group)
            {
                var mac = new byte[16];
                random.NextBytes(mac);
                json.Append(first ? string.Empty : ",").Append('"').Append(n.Plan.Id).Append("\":\"").Append(Convert.ToBase64String(mac)).Append('"');
                first = false;
            }

            json.Append("}}");
            a.Injected += _network.Inject(Topics.AreaCommand(group.Key), Encoding.UTF8.GetBytes(json.ToString()), group.Select(n => n.Plan.Id));
        }

        a.PlaysBefore = PlaysOf(a);
    }

    private static string? CommandIdOf(byte[] envelope)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(envelope);
            return doc.RootElement.GetProperty("cmd").GetProperty("id").GetString();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private long PlaysOf(ActiveFault a) =>
        a.Nodes.Sum(n => a.AttackCommands.Sum(c => (long)TallyOf(n.Plan.Id).Plays.GetValueOrDefault(c)));

    private void PowerBack(SimulatedNode n, string reason)
    {
        // The world went on while the board was dark: it boots now, with its monotonic clock at 0.
        n.PowerBackAtMs = null;
        n.Node.Clock.Advance(_now - n.LastTickMs);
        n.Node.Clock.Restart();
        n.LastTickMs = _now;
        n.Node.PowerOn(reason);
        Wake(n);
    }

    private void Wake(SimulatedNode n) => _scheduler.At(n.Index, _now, _now);

    /// <summary>
    /// Applies <paramref name="fault"/> to each of <paramref name="nodes"/> and returns what undoes it
    /// with <paramref name="heal"/>. Both wake the node: a board's loop sees a changed input, relay
    /// contact or clock at its next pass, not after a long idle step.
    /// </summary>
    private Action ChangeInputs(IEnumerable<SimulatedNode> nodes, Action<SimulatedNode> fault, Action<SimulatedNode> heal)
    {
        List<SimulatedNode> affected = nodes.ToList();
        foreach (SimulatedNode n in affected)
        {
            fault(n);
            Wake(n);
        }

        return () =>
        {
            foreach (SimulatedNode n in affected)
            {
                heal(n);
                Wake(n);
            }
        };
    }

    private void HealDue(long t)
    {
        foreach (ActiveFault a in _faults)
        {
            if (!a.Healed && a.HealAtMs != null && a.HealAtMs <= t)
            {
                Heal(a);
            }

            long windowEnd = (a.HealAtMs ?? a.StartMs) + ObservationTailMs;
            if (a.Observed == null && a.Healed && t >= windowEnd)
            {
                a.Observed = Observe(a);
            }
        }
    }

    private void Heal(ActiveFault a)
    {
        a.Healed = true;
        a.HealAtMs ??= _now;
        a.Undo?.Invoke();
        Note("fault", a.Fault.Type.ToString(), "healed");
    }

    private void HealEverything()
    {
        foreach (ActiveFault a in _faults.Where(a => !a.Healed))
        {
            Heal(a);
        }
    }

    private Dictionary<string, long> Count(ActiveFault a)
    {
        var c = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["wills"] = _network.Tally.Wills,
            ["connects"] = _network.Tally.Connects,
            ["connectsRefused"] = _network.Tally.ConnectsRefused,
            ["networkLost"] = _network.Tally.Lost,
            ["undeliverable"] = _network.Tally.Undeliverable,
            ["alarmsRaised"] = _alarmsRaised,
        };
        long refused = 0;
        long badMac = 0;
        long replayed = 0;
        long securityAlarms = 0;
        long faults = 0;
        long sounded = 0;
        foreach (SimulatedNode n in a.Nodes)
        {
            NodeTally tally = TallyOf(n.Plan.Id);
            refused += tally.RejectedTotal;
            badMac += tally.BadMac;
            replayed += tally.Replayed;
            securityAlarms += tally.SecurityAlarms;
            faults += tally.Faults.Values.Sum();
            sounded += n.AudibleStarts.Count;
        }

        c["commandsRefused"] = refused;
        c["badMacRefused"] = badMac;
        c["replaysRefused"] = replayed;
        c["securityAlarms"] = securityAlarms;
        c["nodeFaultEvents"] = faults;
        c["soundStarts"] = sounded;
        return c;
    }

    private Dictionary<string, long> Observe(ActiveFault a)
    {
        Dictionary<string, long> now = Count(a);
        var observed = new Dictionary<string, long>(StringComparer.Ordinal) { ["nodes"] = a.Nodes.Count };
        foreach (var (key, value) in now)
        {
            observed[key] = value - a.Before.GetValueOrDefault(key);
        }

        observed["nodesConnectedAfter"] = a.Nodes.Count(n => _network.IsConnected(n.Plan.Id));
        if (a.Fault.Type is FaultType.Replay or FaultType.Forge)
        {
            observed["injected"] = a.Injected;
            observed["actedOnAttack"] = PlaysOf(a) - a.PlaysBefore;
        }

        return observed;
    }
}
