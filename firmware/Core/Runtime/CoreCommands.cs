using Tocsin.Firmware.Json;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.Runtime;

/// <summary>
/// The command kinds every node takes: "ping" (answers done), "reboot" (answers, then restarts),
/// and "config" (body <c>{"set":{"name":"value",...}}</c>: remote-changeable settings only,
/// all validated before any is applied).
/// </summary>
public static class CoreCommands
{
    /// <summary>Runs a core command kind; false when the kind is not a core one.</summary>
    public static bool TryExecute(NodeRuntime runtime, VerifiedCommand command, long nowMs)
    {
        switch (command.Kind)
        {
            case "ping":
                runtime.PublishResult(command, ResultState.Done, null);
                return true;
            case "reboot":
                runtime.PublishResult(command, ResultState.Done, null);
                runtime.ScheduleReboot(3000);
                return true;
            case "config":
                string error = ApplyConfig(runtime, command, nowMs);
                runtime.PublishResult(command, error == null ? ResultState.Done : ResultState.Rejected, error);
                return true;
            default:
                return false;
        }
    }

    private static string ApplyConfig(NodeRuntime runtime, VerifiedCommand command, long nowMs)
    {
        if (command.BodyStart < 0)
        {
            return "config needs a body with \"set\"";
        }

        var names = new string[16];
        var values = new string[16];
        int count = 0;
        var r = new JsonReader(128);
        r.Reset(command.Payload, command.BodyStart, command.BodyLength);
        r.Read();
        bool sawSet = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!r.NameEquals("set"))
            {
                r.SkipNextValue();
                continue;
            }

            sawSet = true;
            if (!r.Read() || r.TokenType != JsonTokenType.BeginObject)
            {
                return "\"set\" must be an object";
            }

            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (count == names.Length)
                {
                    return "at most 16 settings per command";
                }

                names[count] = r.GetString();
                r.Read();
                values[count] = ValueText(r);
                if (values[count] == null)
                {
                    return names[count] + ": value must be a string, integer or boolean";
                }

                count++;
            }
        }

        if (r.Error != null)
        {
            return "body: " + r.Error;
        }

        if (!sawSet || count == 0)
        {
            return "config needs a non-empty \"set\"";
        }

        // All or nothing: every value is checked before any is changed.
        for (int i = 0; i < count; i++)
        {
            int index = runtime.Settings.IndexOf(names[i]);
            if (index < 0)
            {
                return "unknown setting '" + names[i] + "'";
            }

            if (!runtime.Settings.Definition(index).Remote)
            {
                return names[i] + " cannot be changed remotely";
            }

            string invalid = runtime.Settings.Validate(names[i], values[i]);
            if (invalid != null)
            {
                return invalid;
            }
        }

        for (int i = 0; i < count; i++)
        {
            runtime.Settings.Set(names[i], values[i]);
        }

        if (!runtime.Settings.Save(runtime.Hardware.Flash))
        {
            runtime.Log.Error("config", "remote change applied but not saved to flash");
        }

        runtime.Log.Info("config", count.ToString() + " setting(s) changed by command " + command.Id);
        runtime.ApplySettings(nowMs);
        return null;
    }

    private static string ValueText(JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return r.GetString();
            case JsonTokenType.Number:
                return r.TryGetInt64(out long n) ? n.ToString() : null;
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                r.Skip();
                return null;
        }
    }
}
