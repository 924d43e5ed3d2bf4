using System.Diagnostics;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="ILogSink"/> to the Visual Studio output window through <c>Debug.WriteLine</c>.
/// </summary>
/// <remarks>
/// nanoFramework marks Debug.WriteLine <c>[Conditional("DEBUG")]</c>, so a Release build of the
/// device project compiles this call away: in the field the log ring (console <c>log</c>
/// command) is the record, and no time goes to a debugger channel nobody is reading.
/// </remarks>
public sealed class DebugLogSink : ILogSink
{
    /// <inheritdoc />
    public void WriteLine(string line) => Debug.WriteLine(line);
}
