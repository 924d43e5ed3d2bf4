namespace Tocsin.Firmware.Config;

/// <summary>Which characters a text setting accepts.</summary>
public static class TextAlphabet
{
    /// <summary>Printable ASCII and any non-ASCII (Wi-Fi names, passwords, descriptions).</summary>
    public const int Printable = 0;

    /// <summary>A-Z a-z 0-9 . _ - : (node and community ids: they end up in MQTT topics).</summary>
    public const int Identifier = 1;

    /// <summary>A host name or IP address: A-Z a-z 0-9 . - and : for IPv6.</summary>
    public const int Host = 2;

    /// <summary>True when <paramref name="c"/> is allowed in <paramref name="alphabet"/>.</summary>
    public static bool Allows(int alphabet, char c)
    {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        switch (alphabet)
        {
            case Identifier:
                return alnum || c == '.' || c == '_' || c == '-' || c == ':';
            case Host:
                return alnum || c == '.' || c == '-' || c == ':';
            default:
                return c >= ' ' && c != '\u007f';
        }
    }

    /// <summary>Words for error messages.</summary>
    public static string Describe(int alphabet)
    {
        switch (alphabet)
        {
            case Identifier:
                return "letters, digits, '.', '_', '-', ':'";
            case Host:
                return "a host name or IP address";
            default:
                return "printable characters";
        }
    }
}
