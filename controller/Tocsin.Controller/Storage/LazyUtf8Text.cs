using System.Text;

namespace Tocsin.Controller.Storage;

/// <summary>
/// Text that may be held as the UTF-8 bytes it arrived in and decoded only when read (a mutable
/// struct: keep it in a field; a copy decodes on its own; not thread-safe). At 10,000 nodes a heartbeat or report arrives every few
/// milliseconds, and of a node's payloads only the last before its held state row is written goes to the database.
/// </summary>
internal struct LazyUtf8Text
{
    private string? _text;
    private ReadOnlyMemory<byte> _utf8;
    private bool _undecoded;

    /// <summary>True when text or bytes are held.</summary>
    public readonly bool IsSet => _undecoded || _text != null;

    /// <summary>The text (decoding the bytes the first time), or null.</summary>
    public string? Text
    {
        get
        {
            if (_undecoded)
            {
                _text = Encoding.UTF8.GetString(_utf8.Span);
                (_utf8, _undecoded) = (default, false);
            }

            return _text;
        }

        set => (_text, _utf8, _undecoded) = (value, default, false);
    }

    /// <summary>
    /// The UTF-8 bytes while they are still undecoded (a writer that takes UTF-8 binds them as they
    /// are, and no string is made); false once the text was read or set as a string.
    /// </summary>
    public readonly bool TryGetUtf8(out ReadOnlyMemory<byte> utf8)
    {
        utf8 = _undecoded ? _utf8 : default;
        return _undecoded;
    }

    /// <summary>Holds <paramref name="utf8"/> (which must not change afterwards), undecoded.</summary>
    public void SetUtf8(ReadOnlyMemory<byte> utf8) => (_text, _utf8, _undecoded) = (null, utf8, true);
}
