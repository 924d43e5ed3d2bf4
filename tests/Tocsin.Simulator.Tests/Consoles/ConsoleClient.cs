using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tocsin.Simulator.Tests.Consoles;

/// <summary>A technician's <c>nc</c>: sends lines, collects everything the server says.</summary>
internal sealed class ConsoleClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly TcpClient _tcp = new();
    private readonly List<byte> _received = [];
    private NetworkStream _stream = null!;
    private int _consumed;

    public static async Task<ConsoleClient> ConnectAsync(IPEndPoint endpoint)
    {
        var client = new ConsoleClient();
        await client._tcp.ConnectAsync(endpoint);
        client._stream = client._tcp.GetStream();
        return client;
    }

    /// <summary>Everything received so far, decoded.</summary>
    public string All => Encoding.UTF8.GetString(_received.ToArray());

    public Task SendLineAsync(string line) => SendAsync(Encoding.UTF8.GetBytes(line + "\n"));

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>
    /// Waits until <paramref name="expected"/> has arrived after what earlier calls consumed; returns
    /// the text up to and including it, and consumes it.
    /// </summary>
    public async Task<string> ExpectAsync(string expected)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        byte[] buffer = new byte[4096];
        while (true)
        {
            string text = Encoding.UTF8.GetString(_received.ToArray(), _consumed, _received.Count - _consumed);
            int at = text.IndexOf(expected, StringComparison.Ordinal);
            if (at >= 0)
            {
                string upTo = text[..(at + expected.Length)];
                _consumed += Encoding.UTF8.GetByteCount(upTo);
                return upTo;
            }

            int n;
            try
            {
                n = await _stream.ReadAsync(buffer, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("waited " + Timeout.TotalSeconds + " s for '" + expected + "'; got: " + text);
            }

            if (n == 0)
            {
                throw new IOException("server closed the connection before '" + expected + "'; got: " + text);
            }

            _received.AddRange(buffer.AsSpan(0, n).ToArray());
        }
    }

    /// <summary>True when the server closes the connection within the timeout.</summary>
    public async Task<bool> ClosedByServerAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        byte[] buffer = new byte[4096];
        while (true)
        {
            int n = await _stream.ReadAsync(buffer, timeout.Token);
            if (n == 0)
            {
                return true;
            }

            _received.AddRange(buffer.AsSpan(0, n).ToArray());
        }
    }

    public void Dispose() => _tcp.Dispose();
}
