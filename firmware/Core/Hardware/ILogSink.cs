namespace Tocsin.Firmware.Hardware;

/// <summary>Where log lines go besides the in-memory ring (debug UART on the board, test output).</summary>
public interface ILogSink
{
    /// <summary>Writes one formatted line.</summary>
    void WriteLine(string line);
}
