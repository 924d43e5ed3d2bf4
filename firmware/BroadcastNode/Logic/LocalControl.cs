using Tocsin.Firmware.BroadcastNode.Reporting;
using Tocsin.Firmware.BroadcastNode.Rules;
using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Runtime;

namespace Tocsin.Firmware.BroadcastNode;

/// <summary>
/// What happens at the node itself: the stop switch (silence everything, hold it silent, report
/// it), the test button (a local silent test), and the pre-authorized local rules acting when the
/// controller is silent (each firing reported through the outbox, so it reaches the controller when
/// the link returns). Inputs are polled every tick: they may change on an interrupt thread on the
/// board, and polling keeps all decisions on the node's one loop.
/// </summary>
public sealed class LocalControl
{
    private readonly BroadcastModule _module;
    private readonly BroadcastHardware _hw;
    private readonly LocalRules _rules;
    private readonly ControllerWatch _watch;
    private readonly BroadcastCommands _commands;
    private readonly BroadcastReporter _report;
    private bool _testPressed;

    /// <summary>Creates the local control of <paramref name="module"/>.</summary>
    public LocalControl(BroadcastModule module, BroadcastHardware hardware, LocalRules rules, ControllerWatch watch, BroadcastCommands commands, BroadcastReporter report)
    {
        _module = module;
        _hw = hardware;
        _rules = rules;
        _watch = watch;
        _commands = commands;
        _report = report;
    }

    /// <summary>True while the stop switch is thrown.</summary>
    public bool StopHeld { get; private set; }

    /// <summary>Samples the stop switch and the test button.</summary>
    public void PollInputs()
    {
        bool stop = _hw.StopSwitch != null && _hw.StopSwitch.Read();
        if (stop != StopHeld)
        {
            StopHeld = stop;
            _module.Scheduler.Inhibited = stop;
            if (stop)
            {
                _module.StopEverything("switch");
            }
            else
            {
                _module.Runtime.Log.Info("bcast", "local stop switch released");
                BroadcastEvents.LocalStop(_report, "switch", false, 0);
            }
        }

        bool pressed = _hw.TestButton != null && _hw.TestButton.Read();
        if (pressed && !_testPressed && !StopHeld)
        {
            _module.StartLocalTest(BroadcastKind.SilentTest, "button");
        }

        _testPressed = pressed;
    }

    /// <summary>Reports rules arming and disarming, and fires a rule that is due.</summary>
    public void RunRules(long nowMs, bool hasUtc, long utc)
    {
        NodeRuntime runtime = _module.Runtime;
        BroadcastSettings settings = _module.Settings;
        _watch.Tick(nowMs, runtime.Outbox.Count, runtime.Outbox);
        int rule;
        while ((rule = _rules.TakeArmingChange(out bool armed)) >= 0)
        {
            string src = settings.RuleSource(rule);
            runtime.Log.Info("rules", "rule " + (rule + 1).ToString() + (armed ? " armed" : " disarmed") + ": " + src + " at level " + _rules.HeardLevel(rule).ToString());
            BroadcastEvents.RuleArming(_report, rule, src, _rules.HeardLevel(rule), armed);
        }

        if (StopHeld)
        {
            return;
        }

        long silentMs = _watch.SilentMs(nowMs);
        rule = _rules.Due(nowMs, silentMs);
        if (rule < 0)
        {
            return;
        }

        // Marked before it starts, so the firing is persisted with the broadcast it creates.
        _rules.MarkFired(rule, nowMs, hasUtc, utc);
        Broadcast b = _commands.StartLocal(BroadcastKind.Warning, settings.RuleWarn(rule), settings.RuleClip(rule), rule, nowMs, hasUtc, utc);
        runtime.Log.Warn("rules", "rule " + (rule + 1).ToString() + " acted on its own after " + (silentMs / 1000).ToString() + " s of controller silence"
            + (b == null ? ", but no slot was free" : ": " + b.Id));
        if (b == null)
        {
            _module.Scheduler.Persist();
            return;
        }

        BroadcastEvents.LocalAction(_report, rule, settings.RuleSource(rule), _rules.HeardLevel(rule), silentMs, b);
    }
}
