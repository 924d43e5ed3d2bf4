using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using Tocsin.Firmware.Device;
using Tocsin.Firmware.Runtime;

namespace Tocsin.Firmware.SensorNode.Device;

/// <summary>
/// Composition root of the sensor node on the board: opens the hardware, wires it to the shared
/// runtime and the sensor module, and runs the cooperative loop. No logic lives here.
/// </summary>
public static class Program
{
    // A 20 ms loop reads the ultrasonic sensor's 100 ms frames and the console without backlog.
    private const int LoopSleepMs = 20;
    private const int WifiTimeoutMs = 30000;

    /// <summary>Entry point.</summary>
    public static void Main()
    {
        var clock = new DeviceClock();
        var gpio = new GpioController();
        var adc = new AdcController();

        // The depth sensor is powered before anything reads it; there are no actuators on this node.
        var sensorPower = new GpioDigitalOutput(gpio, SensorPins.SensorPower, true);
        sensorPower.Write(true);

        var sensorHardware = new SensorHardware
        {
            RainGauge = new GpioPulseCounter(gpio, SensorPins.RainGauge, 5, clock),
            DepthLine = new SerialPortLine("COM2", 9600, SensorPins.UltrasonicTx, SensorPins.UltrasonicRx),
            PressureInput = new AdcAnalogInput(adc, SensorPins.PressureAdc, SensorPins.PressureAdcChannel),
            BatteryInput = new AdcAnalogInput(adc, SensorPins.BatteryAdc, SensorPins.BatteryAdcChannel, 3300, 2.0),
            ChargingInput = new GpioDigitalInput(gpio, SensorPins.ChargingStatus, true, true, System.TimeSpan.FromMilliseconds(50), clock),
            TamperInput = new GpioDigitalInput(gpio, SensorPins.Tamper, true, false, System.TimeSpan.FromMilliseconds(50), clock),
        };

        var system = new Esp32SystemInfo();
        var hardware = new NodeHardware
        {
            Clock = clock,
            Mqtt = new M2MqttLink(),
            Flash = new FileFlashStore(),
            ConsoleLine = new SerialPortLine("COM3", 115200, SensorPins.ConsoleTx, SensorPins.ConsoleRx),
            Hmac = new NativeHmacSha256(),
            System = system,
            LogSink = new DebugLogSink(),
        };

        var runtime = new NodeRuntime(hardware, new SensorModule(sensorHardware));
        runtime.Boot(clock.MonotonicMs());

        // Wi-Fi after boot: the console already answers, so a wrong password can be fixed in the field.
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
