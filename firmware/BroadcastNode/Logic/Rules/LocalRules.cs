using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.BroadcastNode.Rules;

/// <summary>
/// Pre-authorized local rules (bn.ruleN.*): "when the level at sensor node X (heard through the
/// broker) or at my own float switches reaches L, and the controller has been silent for N s, sound
/// clip C at warning level W, at most once per K minutes". A rule arms when its level is reached
/// (and says so with an event, which also asks the controller to show it is alive), fires only
/// once the silence has lasted, and remembers its last firing across reboots.
/// </summary>
public sealed class LocalRules
{
    /// <summary>Source name for the node's own wired float switches.</summary>
    public const string WiredSource = "local";

    private const int Count = BroadcastSettings.RuleCount;

    private readonly BroadcastSettings _settings;
    private readonly IDigitalInput[] _floats;
    private readonly int[] _heardLevel = new int[Count];
    private readonly bool[] _armed = new bool[Count];
    private readonly long[] _lastFiredMs = new long[Count];
    private readonly long[] _firedUtcMs = new long[Count];

    /// <summary>Creates the rules; <paramref name="levelSwitches"/> (lowest first) may be null.</summary>
    public LocalRules(BroadcastSettings settings, IDigitalInput[] levelSwitches)
    {
        _settings = settings;
        _floats = levelSwitches;
        for (int i = 0; i < Count; i++)
        {
            _lastFiredMs[i] = long.MinValue;
        }
    }

    /// <summary>
    /// When each rule last fired, persisted with the held broadcasts: UTC ms, -1 for "fired without
    /// trusted time", 0 never.
    /// </summary>
    public long[] FiredUtcMs => _firedUtcMs;

    /// <summary>The level of the wired float switches: how many are wet, counting up from the lowest.</summary>
    public int WiredLevel
    {
        get
        {
            int level = 0;
            while (_floats != null && level < _floats.Length && _floats[level] != null && _floats[level].Read())
            {
                level++;
            }

            return level;
        }
    }

    /// <summary>Whether rule <paramref name="rule"/> is armed (its level reached).</summary>
    public bool IsArmed(int rule) => _armed[rule];

    /// <summary>The last level heard for rule <paramref name="rule"/>'s source.</summary>
    public int HeardLevel(int rule) => _heardLevel[rule];

    /// <summary>Turns the persisted firing times into monotonic ones after a boot.</summary>
    public void Restore(long nowMs, bool hasUtc, long utcMs)
    {
        for (int i = 0; i < Count; i++)
        {
            long at = _firedUtcMs[i];
            if (at == 0)
            {
                _lastFiredMs[i] = long.MinValue;
            }
            else if (at > 0 && hasUtc)
            {
                _lastFiredMs[i] = nowMs - (utcMs - at);
            }
            else
            {
                // Fired at an unknown time: count the interval from now, never less.
                _lastFiredMs[i] = nowMs;
            }
        }
    }

    /// <summary>A level event from sensor node <paramref name="source"/>.</summary>
    public void OnSensorLevel(string source, int level)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_settings.RuleSource(i) == source)
            {
                _heardLevel[i] = level;
            }
        }
    }

    /// <summary>
    /// Updates arming; returns a rule whose arming changed (and how, in <paramref name="armed"/>),
    /// or -1 when none did. Call until it returns -1.
    /// </summary>
    public int TakeArmingChange(out bool armed)
    {
        for (int i = 0; i < Count; i++)
        {
            string source = _settings.RuleSource(i);
            if (source == WiredSource)
            {
                _heardLevel[i] = WiredLevel;
            }

            bool now = source != null && _heardLevel[i] >= _settings.RuleLevel(i);
            if (now != _armed[i])
            {
                _armed[i] = now;
                armed = now;
                return i;
            }
        }

        armed = false;
        return -1;
    }

    /// <summary>The first armed rule allowed to fire now, or -1.</summary>
    public int Due(long nowMs, long controllerSilentMs)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_armed[i] && controllerSilentMs >= _settings.RuleQuietMs(i)
                && (_lastFiredMs[i] == long.MinValue || nowMs - _lastFiredMs[i] >= _settings.RuleIntervalMs(i)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// When an armed rule could next fire (monotonic ms), with messages waiting for the controller:
    /// once its silence has lasted the rule's quiet time and its interval since it last fired has
    /// passed; the watch's next look when it has not yet seen them wait. <see cref="long.MaxValue"/>
    /// with no rule armed.
    /// </summary>
    public long NextDueMs(ControllerWatch watch)
    {
        long next = long.MaxValue;
        for (int i = 0; i < Count; i++)
        {
            if (!_armed[i])
            {
                continue;
            }

            long due = watch.PendingSinceMs < 0 ? watch.NextSampleMs : watch.PendingSinceMs + _settings.RuleQuietMs(i);
            if (_lastFiredMs[i] != long.MinValue)
            {
                due = IntMath.Max(due, _lastFiredMs[i] + _settings.RuleIntervalMs(i));
            }

            next = IntMath.Min(next, due);
        }

        return next;
    }

    /// <summary>Records that <paramref name="rule"/> fired (the caller persists <see cref="FiredUtcMs"/>).</summary>
    public void MarkFired(int rule, long nowMs, bool hasUtc, long utcMs)
    {
        _lastFiredMs[rule] = nowMs;
        _firedUtcMs[rule] = hasUtc ? utcMs : -1;
    }
}
