using Tocsin.Firmware.Config;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.Security;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Console.Commands;

/// <summary>
/// <c>selftest</c>: checks configuration, flash, the HMAC engine (RFC 4231 known answer), memory,
/// time, the broker link and then the node kind's own hardware; prints PASS/FAIL per check.
/// </summary>
public sealed class SelftestCommand : IConsoleCommand
{
    /// <summary>Free heap below this fails the memory check.</summary>
    public const int MinFreeBytes = 16 * 1024;

    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    private const string KnownMacBase64 = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=";

    private readonly NodeRuntime _runtime;

    /// <summary>Creates the command.</summary>
    public SelftestCommand(NodeRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <inheritdoc />
    public string Name => "selftest";

    /// <inheritdoc />
    public string Usage => "selftest";

    /// <inheritdoc />
    public string Summary => "check config, flash, crypto, memory, time, link and this node's hardware";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        NodeRuntime r = _runtime;
        int failed = 0;
        failed += Check(output, "config", r.Settings.LoadResult != SettingsLoadResult.Corrupt, SettingsLoadResult.ToText(r.Settings.LoadResult));
        failed += Check(output, "provisioned", r.IsProvisioned, r.IsProvisioned ? r.NodeId : "run 'provision'");
        failed += Check(output, "flash", FlashWorks(), "write/read/delete of a test record");
        failed += Check(output, "storage", !r.StorageFault, r.StorageFault ? "replay window record was corrupt at boot" : "replay window and outbox readable");
        failed += Check(output, "hmac", HmacWorks(), "HMAC-SHA256 known answer (RFC 4231 case 2)");
        int free = r.Hardware.System.FreeMemoryBytes();
        failed += Check(output, "memory", free >= MinFreeBytes, free.ToString() + " bytes free");
        bool synced = r.Hardware.Clock.TryGetUtcMs(out long _);
        failed += Check(output, "time", synced, synced ? "synchronized" : "not synchronized: live commands will be refused");
        failed += Check(output, "mqtt", r.Session.IsConnected, MqttCommand.StateText(r.Session.State) + (r.Session.LastError == null ? string.Empty : " (" + r.Session.LastError + ")"));
        if (!r.Module.SelfTest(output))
        {
            failed++;
        }

        r.Log.Info("selftest", failed == 0 ? "all checks passed" : failed.ToString() + " check(s) failed");
        return failed == 0 ? null : failed.ToString() + " check(s) failed";
    }

    /// <summary>Prints one check's line; returns 1 when it failed.</summary>
    public static int Check(ConsoleOutput output, string name, bool passed, string detail)
    {
        output.WriteLine((passed ? "PASS " : "FAIL ") + name + ": " + detail);
        return passed ? 0 : 1;
    }

    private bool FlashWorks()
    {
        var pattern = new byte[] { 0x54, 0x4F, 0x43, 0x53, 0xA5, 0x5A };
        var flash = _runtime.Hardware.Flash;
        if (!flash.Write("selftest", pattern, pattern.Length))
        {
            return false;
        }

        byte[] back = flash.Read("selftest");
        flash.Delete("selftest");
        return back != null && back.Length == pattern.Length && ConstantTime.AreEqual(back, 0, pattern, 0, pattern.Length)
            && flash.Read("selftest") == null;
    }

    private bool HmacWorks()
    {
        byte[] mac = _runtime.Hardware.Hmac.Compute(Utf8.GetBytes("Jefe"), Utf8.GetBytes("what do ya want for nothing?"), 0, 28);
        var expected = new byte[32];
        return mac != null && mac.Length == 32 && Base64.TryDecode(KnownMacBase64, expected, out int _)
            && ConstantTime.AreEqual(mac, 0, expected, 0, 32);
    }
}
