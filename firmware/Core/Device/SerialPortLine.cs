using System;
using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="ISerialLine"/> over a System.IO.Ports <see cref="SerialPort"/>. Received bytes are
/// moved into a 512-byte ring as they arrive (DataReceived) and on every Read, so the UART
/// driver's own small buffer does not overflow between ticks and Read never waits on the wire.
/// </summary>
/// <remarks>
/// Beyond nanoframework.md (which lists ReadExisting, a string: it would corrupt binary bytes
/// from a sensor or the clip player), this uses only <c>SerialPort.BytesToRead</c>,
/// <c>Read(byte[], int, int)</c> and <c>Write(byte[], int, int)</c>.
/// On ESP32, COM1 is normally the nanoFramework debug/deploy UART; use COM2 or COM3. On WROOM
/// modules UART1's default pins (GPIO9/10) belong to the SPI flash, so COM2 needs its pins set.
/// </remarks>
public sealed class SerialPortLine : ISerialLine, IDisposable
{
    private const int RingBytes = 512;

    private readonly object _lock = new object();
    private readonly SerialPort _port;
    private readonly byte[] _ring = new byte[RingBytes];
    private readonly byte[] _chunk = new byte[64];
    private int _head;
    private int _count;
    private int _overflowCount;

    /// <summary>Opens <paramref name="portName"/> ("COM2") on the pins the firmware already assigns it.</summary>
    public SerialPortLine(string portName, int baudRate)
        : this(portName, baudRate, -1, -1)
    {
    }

    /// <summary>
    /// Routes the UART to <paramref name="txPin"/>/<paramref name="rxPin"/> (negative: leave as is),
    /// then opens <paramref name="portName"/> (COM1..COM3) at <paramref name="baudRate"/>.
    /// </summary>
    public SerialPortLine(string portName, int baudRate, int txPin, int rxPin)
    {
        // The ESP32 GPIO matrix must route the UART before Open(): the driver configures the
        // pins it finds assigned at that moment.
        if (txPin >= 0)
        {
            Configuration.SetPinFunction(txPin, TxFunction(portName));
        }

        if (rxPin >= 0)
        {
            Configuration.SetPinFunction(rxPin, RxFunction(portName));
        }

        _port = new SerialPort(portName, baudRate);
        _port.DataReceived += OnDataReceived;
        _port.Open();
    }

    /// <summary>Received bytes dropped because the ring was full, since boot.</summary>
    public int OverflowCount
    {
        get
        {
            lock (_lock)
            {
                return _overflowCount;
            }
        }
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count)
    {
        lock (_lock)
        {
            // Also pump here: a coalesced or missed DataReceived must not strand bytes in the driver.
            Pump();
            int n = count < _count ? count : _count;
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = _ring[_head];
                _head = (_head + 1) % RingBytes;
            }

            _count -= n;
            return n;
        }
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        try
        {
            // May block while the driver's transmit buffer drains: at worst ~90 ms per KB at
            // 115200 baud, acceptable for console answers; no handshake is configured, so a
            // disconnected cable cannot stall it for good.
            _port.Write(buffer, offset, count);
        }
        catch (Exception)
        {
            // A console answer lost to a UART error must not stop the node loop.
        }
    }

    /// <summary>Closes the port (before deep sleep, or to hand the UART to something else).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            try
            {
                _port.DataReceived -= OnDataReceived;
                _port.Close();
            }
            catch (Exception)
            {
                // Already closed or never opened: nothing left to release.
            }
        }
    }

    private static DeviceFunction TxFunction(string portName)
    {
        switch (portName)
        {
            case "COM1":
                return DeviceFunction.COM1_TX;
            case "COM2":
                return DeviceFunction.COM2_TX;
            case "COM3":
                return DeviceFunction.COM3_TX;
            default:
                throw new ArgumentException("ESP32 has COM1..COM3 only");
        }
    }

    private static DeviceFunction RxFunction(string portName)
    {
        switch (portName)
        {
            case "COM1":
                return DeviceFunction.COM1_RX;
            case "COM2":
                return DeviceFunction.COM2_RX;
            case "COM3":
                return DeviceFunction.COM3_RX;
            default:
                throw new ArgumentException("ESP32 has COM1..COM3 only");
        }
    }

    // Runs on nanoFramework's event thread.
    private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
    {
        lock (_lock)
        {
            Pump();
        }
    }

    // Caller holds _lock. Reads only what BytesToRead promises, so the port's Read returns at once.
    private void Pump()
    {
        try
        {
            int available = _port.BytesToRead;
            while (available > 0)
            {
                int want = available < _chunk.Length ? available : _chunk.Length;
                int got = _port.Read(_chunk, 0, want);
                if (got <= 0)
                {
                    return;
                }

                for (int i = 0; i < got; i++)
                {
                    if (_count < RingBytes)
                    {
                        _ring[(_head + _count) % RingBytes] = _chunk[i];
                        _count++;
                    }
                    else
                    {
                        // Keep draining the driver but drop the new bytes: the console resyncs at
                        // the next line end, a framed sensor protocol at its next frame.
                        _overflowCount++;
                    }
                }

                available -= got;
            }
        }
        catch (Exception)
        {
            // Port closed or a driver timeout: nothing more to take now.
        }
    }
}
