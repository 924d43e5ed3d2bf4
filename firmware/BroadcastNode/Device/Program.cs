using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using Tocsin.Firmware.Device;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Runtime;

namespace Tocsin.Firmware.BroadcastNode.Device;

/// <summary>
/// Composition root of the broadcast node on the board. Relay outputs are opened first, and each
/// adapter writes its off level the moment its pin is opened, so nothing can energize an amplifier
/// or a speaker line while the rest boots; then the module writes every output off again.
/// </summary>
public static class Program
{
    // 20 ms: siren sweeps and relay interlocks are timed in tens of milliseconds.
    private const int LoopSleepMs = 20;
    private const int WifiTimeoutMs = 30000;

    /// <summary>Entry point.</summary>
    public static void Main()
    {
        var gpio = new GpioController();

        // Outputs before anything else: amplifier power and every zone relay the board has, all off.
        // The bn.zones setting says how many are wired; unwired relays simply stay off.
        var amplifier = new GpioDigitalOutput(gpio, BroadcastPins.AmplifierPower, true);
        var zones = new IDigitalOutput[]
        {
            new GpioDigitalOutput(gpio, BroadcastPins.Zone1, true),
            new GpioDigitalOutput(gpio, BroadcastPins.Zone2, true),
            new GpioDigitalOutput(gpio, BroadcastPins.Zone3, true),
            new GpioDigitalOutput(gpio, BroadcastPins.Zone4, true),
        };

        var clock = new DeviceClock();
        var adc = new AdcController();
        var debounce = System.TimeSpan.FromMilliseconds(30);
        var hardware = new BroadcastHardware
        {
            AmplifierPower = amplifier,
            Zones = zones,
            ZoneFeedback = new IDigitalInput[0],
            Tone = new PwmToneOutput(BroadcastPins.SirenPwm),
            PlayerLine = new SerialPortLine("COM2", 9600, BroadcastPins.PlayerTx, BroadcastPins.PlayerRx),
            PlayerBusy = new GpioDigitalInput(gpio, BroadcastPins.PlayerBusy, false, true, debounce, clock),
            LoadCurrent = new AdcAnalogInput(adc, BroadcastPins.AmpCurrentAdc, BroadcastPins.AmpCurrentAdcChannel),
            Mains = new GpioDigitalInput(gpio, BroadcastPins.MainsPresent, true, true, debounce, clock),
            Battery = new AdcAnalogInput(adc, BroadcastPins.BatteryAdc, BroadcastPins.BatteryAdcChannel, 3300, 5.7),
            Tamper = new GpioDigitalInput(gpio, BroadcastPins.Door, true, false, debounce, clock),
            TestButton = new GpioDigitalInput(gpio, BroadcastPins.TestButton, true, true, debounce, clock),
            StopSwitch = new GpioDigitalInput(gpio, BroadcastPins.StopSwitch, true, true, debounce, clock),
            LevelSwitches = new IDigitalInput[0],
        };
        var module = new BroadcastModule(hardware);

        var node = new NodeHardware
        {
            Clock = clock,
            Mqtt = new M2MqttLink(),
            Flash = new FileFlashStore(),
            ConsoleLine = new SerialPortLine("COM3", 115200, BroadcastPins.ConsoleTx, BroadcastPins.ConsoleRx),
            Hmac = new NativeHmacSha256(),
            System = new Esp32SystemInfo(),
            LogSink = new DebugLogSink(),
        };

        var runtime = new NodeRuntime(node, module);
        runtime.Boot(clock.MonotonicMs());

        // Wi-Fi after boot: the console and the local test/stop controls already work without it.
        string ssid = runtime.Settings.GetText(runtime.Core.WifiSsid);
        if (ssid != null)
        {
            WifiConnector.ConnectDhcp(ssid, runtime.Settings.GetText(runtime.Core.WifiPassword), WifiTimeoutMs);
        }

        while (true)
        {
            runtime.Tick(clock.MonotonicMs());
            Thread.Sleep(LoopSleepMs);
        }
    }
}
