using System.Globalization;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Deterministic;

/// <summary>Puts a fault's observed counts into a sentence for the report.</summary>
public static class FaultEffects
{
    /// <summary>The effect of a fault of <paramref name="type"/> given its <paramref name="o"/>bserved counts.</summary>
    public static string Describe(FaultType type, IReadOnlyDictionary<string, long> o)
    {
        ArgumentNullException.ThrowIfNull(o);
        long V(string key) => o.GetValueOrDefault(key);
        string lost = V("messagesLostOnTargetsByEnd") == 0 ? "no message lost" : V("messagesLostOnTargetsByEnd").ToString(CultureInfo.InvariantCulture) + " messages lost";
        string back = V("nodes") == 0 ? string.Empty : string.Format(CultureInfo.InvariantCulture, "; {0} of {1} nodes connected afterwards", V("nodesConnectedAfter"), V("nodes"));
        return type switch
        {
            FaultType.PowerLoss or FaultType.Reboot or FaultType.NetworkCut => string.Format(CultureInfo.InvariantCulture,
                "{0} last wills, {1} reconnects, {2} alarms raised at the controller; {3}{4}", V("wills"), V("connects"), V("alarmsRaised"), lost, back),
            FaultType.PacketLoss or FaultType.Delay => string.Format(CultureInfo.InvariantCulture,
                "{0} messages dropped by the network, all made good by resends unless counted lost: {1}", V("networkLost"), lost),
            FaultType.BrokerRestart or FaultType.ControllerRestart => string.Format(CultureInfo.InvariantCulture,
                "{0} messages undeliverable while down, {1} connection attempts refused, {2} reconnects; {3}", V("undeliverable"), V("connectsRefused"), V("connects"), lost),
            FaultType.ClockSkew => string.Format(CultureInfo.InvariantCulture, "{0} commands refused by the skewed nodes; {1}", V("commandsRefused"), lost),
            FaultType.SensorFail or FaultType.Tamper => string.Format(CultureInfo.InvariantCulture,
                "{0} fault events from the nodes, {1} alarms raised at the controller", V("nodeFaultEvents"), V("alarmsRaised")),
            FaultType.StuckRelay or FaultType.DeadAmplifier => string.Format(CultureInfo.InvariantCulture,
                "{0} times a target started sounding, {1} alarms raised at the controller (failed deliveries show in the alerts' coverage)", V("soundStarts"), V("alarmsRaised")),
            FaultType.Replay or FaultType.Forge => string.Format(CultureInfo.InvariantCulture,
                "{0} packets injected; nodes refused {1} for a bad MAC and {2} as replays; {3} acted on the attack; {4} security alarms raised at the controller",
                V("injected"), V("badMacRefused"), V("replaysRefused"), V("actedOnAttack"), V("securityAlarms")),
            _ => string.Format(CultureInfo.InvariantCulture, "{0} alarms raised at the controller", V("alarmsRaised")),
        };
    }
}
