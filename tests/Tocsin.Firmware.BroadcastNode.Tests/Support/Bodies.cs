using System;
using System.Text.Json;

namespace Tocsin.Firmware.BroadcastNode.Tests.Support;

/// <summary>Command bodies as the controller writes them (docs/broadcast-node.md).</summary>
public static class Bodies
{
    public static Action<Utf8JsonWriter> Warning(string level = "III", int[] clips = null, string siren = "wail", int sirenS = 4, int repeat = 1,
        int[] zones = null, long start = 0, long expires = 0, string hazard = "rainstorm") => w =>
    {
        w.WriteString("hazard", hazard);
        w.WriteString("level", level);
        w.WriteString("siren", siren);
        w.WriteNumber("siren_s", sirenS);
        w.WriteStartArray("clips");
        foreach (int c in clips ?? new[] { 10 })
        {
            w.WriteNumberValue(c);
        }

        w.WriteEndArray();
        w.WriteNumber("repeat", repeat);
        if (zones != null)
        {
            w.WriteStartArray("zones");
            foreach (int z in zones)
            {
                w.WriteNumberValue(z);
            }

            w.WriteEndArray();
        }

        if (start != 0)
        {
            w.WriteNumber("start", start);
        }

        if (expires != 0)
        {
            w.WriteNumber("expires", expires);
        }
    };

    public static Action<Utf8JsonWriter> Cancel(string broadcast) => w => w.WriteString("broadcast", broadcast);

    public static Action<Utf8JsonWriter> CancelAll() => w => w.WriteBoolean("all", true);

    public static Action<Utf8JsonWriter> AllClear(string broadcast) => w =>
    {
        if (broadcast != null)
        {
            w.WriteString("broadcast", broadcast);
        }
    };

    public static Action<Utf8JsonWriter> Test(string type) => w => w.WriteString("type", type);
}
