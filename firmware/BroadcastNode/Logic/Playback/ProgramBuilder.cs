using Tocsin.Firmware.BroadcastNode.Audio;
using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Playback;

/// <summary>
/// Turns a held broadcast into the steps it plays. A drill always opens with the "this is a drill"
/// clip — on every activation, resumed ones included — so a drill can never sound like the real
/// thing; the growl test is capped at <see cref="MaxGrowlMs"/> whatever the settings say.
/// </summary>
public static class ProgramBuilder
{
    /// <summary>The longest audible growl test, ms.</summary>
    public const int MaxGrowlMs = 3000;

    /// <summary>Fills <paramref name="program"/> for <paramref name="b"/>; zones default to <paramref name="allZonesMask"/>.</summary>
    public static void Build(PlaybackProgram program, Broadcast b, BroadcastSettings s, int allZonesMask)
    {
        program.Clear();
        int zones = b.ZoneMask & allZonesMask;
        if (zones == 0)
        {
            zones = allZonesMask;
        }

        switch (b.Kind)
        {
            case BroadcastKind.SilentTest:
                program.Add(StepKind.PlayerCheck, 0, 0, 0);
                for (int z = 0; z < BroadcastSettings.MaxZones; z++)
                {
                    if ((zones & (1 << z)) != 0)
                    {
                        program.Add(StepKind.Pilot, s.Get(s.PilotHz), s.Get(s.PilotMs), 1 << z);
                    }
                }

                return;
            case BroadcastKind.GrowlTest:
                int growlMs = s.Get(s.GrowlMs);
                program.Add(StepKind.Siren, SirenPattern.Growl, growlMs < MaxGrowlMs ? growlMs : MaxGrowlMs, zones);
                return;
        }

        if (b.Mode == CommandMode.Drill)
        {
            program.Add(StepKind.Clip, s.Get(s.DrillClip), 0, zones);
        }

        if (b.Kind == BroadcastKind.AllClear)
        {
            program.Add(StepKind.Clip, s.Get(s.AllClearClip), 0, zones);
            AddClips(program, b, zones);
            return;
        }

        for (int r = 0; r < b.Repeat; r++)
        {
            if (b.Siren != SirenPattern.None && b.SirenMs > 0)
            {
                program.Add(StepKind.Siren, b.Siren, b.SirenMs, zones);
            }

            AddClips(program, b, zones);
        }
    }

    private static void AddClips(PlaybackProgram program, Broadcast b, int zones)
    {
        for (int i = 0; i < b.ClipCount; i++)
        {
            program.Add(StepKind.Clip, b.Clips[i], 0, zones);
        }
    }
}
