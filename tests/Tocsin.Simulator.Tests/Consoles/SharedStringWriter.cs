using System.Text;

namespace Tocsin.Simulator.Tests.Consoles;

/// <summary>A string writer a test can read while another thread writes to it.</summary>
internal sealed class SharedStringWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    /// <summary>Waits until <paramref name="expected"/> appears (after the first <paramref name="after"/>, when given).</summary>
    public async Task WaitForAsync(string expected, TimeSpan timeout, string? after = null)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (true)
        {
            string text = ToString();
            int from = after == null ? 0 : text.IndexOf(after, StringComparison.Ordinal);
            if (from >= 0 && text.IndexOf(expected, from, StringComparison.Ordinal) >= 0)
            {
                return;
            }

            if (DateTime.UtcNow > end)
            {
                throw new TimeoutException("waited " + timeout.TotalSeconds + " s for '" + expected + "'; got: " + text);
            }

            await Task.Delay(20);
        }
    }
}
