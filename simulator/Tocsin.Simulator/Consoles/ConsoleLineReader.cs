namespace Tocsin.Simulator.Consoles;

/// <summary>
/// Splits a client's byte stream into lines (CR, LF or CR LF end a line, as the firmware's own
/// console accepts) without ever holding more than <see cref="MaxLineBytes"/> of one line: a client
/// that sends megabytes without a newline gets an overlong line, not the server's memory.
/// </summary>
public sealed class ConsoleLineReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[4096];
    private readonly List<byte> _line = [];
    private int _bufferedBytes;
    private int _position;
    private bool _overlong;
    private bool _lastWasCr;

    /// <summary>Reads lines from <paramref name="stream"/>, each at most <paramref name="maxLineBytes"/> long.</summary>
    public ConsoleLineReader(Stream stream, int maxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        MaxLineBytes = maxLineBytes;
    }

    /// <summary>Longest line passed on; longer ones come back as <see cref="ConsoleLine.IsOverlong"/>.</summary>
    public int MaxLineBytes { get; }

    /// <summary>The next line, or null when the stream has ended (a last line without a line end is still returned).</summary>
    public async ValueTask<ConsoleLine?> ReadLineAsync(CancellationToken cancellation)
    {
        while (true)
        {
            while (_position < _bufferedBytes)
            {
                byte b = _buffer[_position++];
                if (b == '\r' || b == '\n')
                {
                    bool secondHalfOfCrLf = b == '\n' && _lastWasCr;
                    _lastWasCr = b == '\r';
                    if (!secondHalfOfCrLf)
                    {
                        return TakeLine();
                    }

                    continue;
                }

                _lastWasCr = false;
                if (_line.Count >= MaxLineBytes)
                {
                    _overlong = true;
                }
                else
                {
                    _line.Add(b);
                }
            }

            _bufferedBytes = await _stream.ReadAsync(_buffer, cancellation).ConfigureAwait(false);
            _position = 0;
            if (_bufferedBytes == 0)
            {
                return _line.Count > 0 || _overlong ? TakeLine() : null;
            }
        }
    }

    private ConsoleLine TakeLine()
    {
        var line = new ConsoleLine(_overlong ? [] : _line.ToArray(), _overlong);
        _line.Clear();
        _overlong = false;
        return line;
    }
}
