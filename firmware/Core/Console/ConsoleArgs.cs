namespace Tocsin.Firmware.Console;

/// <summary>
/// A console line split into words. Double quotes group words ("my wifi"); a backslash inside
/// quotes escapes the next character. At most <see cref="MaxWords"/> words.
/// </summary>
public sealed class ConsoleArgs
{
    /// <summary>Most words a line may have.</summary>
    public const int MaxWords = 16;

    private readonly string[] _words = new string[MaxWords];

    /// <summary>Words on the line (the command name is word 0).</summary>
    public int Count { get; private set; }

    /// <summary>What was wrong with the line, or null.</summary>
    public string Error { get; private set; }

    /// <summary>Word <paramref name="index"/>, or null past the end.</summary>
    public string Get(int index) => index < Count ? _words[index] : null;

    /// <summary>Splits <paramref name="line"/>; false (with <see cref="Error"/>) when it cannot.</summary>
    public bool Parse(string line)
    {
        Count = 0;
        Error = null;
        int i = 0;
        int n = line.Length;
        var word = new char[n];
        while (true)
        {
            while (i < n && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            if (i >= n)
            {
                return true;
            }

            if (Count == MaxWords)
            {
                Error = "too many words (at most " + MaxWords.ToString() + ")";
                return false;
            }

            int length = 0;
            bool quoted = false;
            bool any = false;
            while (i < n && (quoted || (line[i] != ' ' && line[i] != '\t')))
            {
                char c = line[i++];
                if (c == '"')
                {
                    quoted = !quoted;
                    any = true;
                    continue;
                }

                if (quoted && c == '\\' && i < n)
                {
                    c = line[i++];
                }

                word[length++] = c;
                any = true;
            }

            if (quoted)
            {
                Error = "unterminated quote";
                return false;
            }

            if (any)
            {
                _words[Count++] = new string(word, 0, length);
            }
        }
    }
}
