using Tocsin.Firmware.Mqtt;
using Tocsin.Firmware.Runtime;

namespace Tocsin.Firmware.Console.Commands;

/// <summary><c>mqtt [reconnect]</c>: broker connection state, or force a fresh connection.</summary>
public sealed class MqttCommand : IConsoleCommand
{
    private readonly NodeRuntime _runtime;

    /// <summary>Creates the command.</summary>
    public MqttCommand(NodeRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <inheritdoc />
    public string Name => "mqtt";

    /// <inheritdoc />
    public string Usage => "mqtt | mqtt reconnect";

    /// <inheritdoc />
    public string Summary => "broker connection state; 'reconnect' starts over";

    /// <summary>Text for a session state.</summary>
    public static string StateText(SessionState state)
    {
        switch (state)
        {
            case SessionState.Waiting:
                return "waiting";
            case SessionState.Connecting:
                return "connecting";
            case SessionState.Connected:
                return "connected";
            default:
                return "idle";
        }
    }

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        MqttSession s = _runtime.Session;
        if (args.Count == 2 && args.Get(1) == "reconnect")
        {
            if (s.Request == null)
            {
                return "not provisioned: no broker to connect to";
            }

            s.Restart(_runtime.NowMs);
            output.WriteLine("reconnecting");
            return null;
        }

        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        output.Field("state", StateText(s.State));
        if (s.Request != null)
        {
            output.Field("broker", s.Request.Host + ":" + s.Request.Port.ToString() + (s.Request.UseTls ? " tls" : " plain") + " client=" + s.Request.ClientId + " user=" + s.Request.UserName);
        }

        output.Field("connects", s.ConnectCount.ToString() + " failures=" + s.FailureCount.ToString() + " attempt=" + s.Attempt.ToString());
        if (s.IsConnected)
        {
            output.Field("connected_for_s", ((_runtime.NowMs - s.ConnectedSinceMs) / 1000).ToString());
        }
        else if (s.State == SessionState.Waiting)
        {
            output.Field("next_attempt_in_ms", (s.NextAttemptMs - _runtime.NowMs).ToString());
        }

        output.Field("last_error", s.LastError ?? "-");
        return null;
    }
}
