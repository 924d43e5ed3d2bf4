using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tocsin.Simulator.Consoles;

/// <summary>
/// Serial consoles of virtual nodes over TCP, for a technician's <c>nc 127.0.0.1 PORT</c>: each
/// client picks a node and then talks to its firmware as over a USB cable. Listens on loopback only,
/// since the consoles accept provisioning secrets and reboots without a password, exactly as a
/// board's UART does for whoever holds it. A failing client never takes the server down.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    /// <summary>Clients served at once; more are told to come back later.</summary>
    public const int MaxClients = 32;

    private readonly NodeConsoleRegistry _registry;
    private readonly TextWriter? _log;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, Task> _sessions = new();
    private Task? _accepting;
    private int _nextSessionId;

    /// <summary>Creates a server for the nodes in <paramref name="registry"/> on 127.0.0.1:<paramref name="port"/> (0 picks a free port).</summary>
    /// <param name="registry">The attachable nodes.</param>
    /// <param name="port">TCP port.</param>
    /// <param name="log">Where connections and session failures are noted; null for nowhere.</param>
    public ConsoleServer(NodeConsoleRegistry registry, int port, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        _registry = registry;
        _log = log;
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    /// <summary>The address clients connect to (the real port once started).</summary>
    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Clients connected now.</summary>
    public int ClientCount => _sessions.Count;

    /// <summary>Binds the port and starts accepting (throws <see cref="SocketException"/> when the port is taken).</summary>
    public void Start()
    {
        _listener.Start();
        _accepting = AcceptLoopAsync(_stop.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_accepting != null)
        {
            await _accepting.ConfigureAwait(false);
        }

        await Task.WhenAll(_sessions.Values).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellation).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                // A connection reset before it was accepted: the listener itself is fine.
                Note("console: accept failed: " + ex.Message);
                continue;
            }

            int id = Interlocked.Increment(ref _nextSessionId);
            Task session = ServeAsync(id, client, cancellation);
            _sessions[id] = session;
            _ = session.ContinueWith(_ => _sessions.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(int id, TcpClient client, CancellationToken cancellation)
    {
        await Task.Yield();
        using (client)
        {
            string peer = client.Client.RemoteEndPoint?.ToString() ?? "?";
            try
            {
                client.NoDelay = true;
                NetworkStream stream = client.GetStream();
                if (_sessions.Count > MaxClients)
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes("error: " + MaxClients + " consoles are open already; try again later\r\n"), cancellation).ConfigureAwait(false);
                    return;
                }

                Note("console: client " + id + " connected from " + peer);
                using var session = new ConsoleSession(_registry, stream);
                await session.RunAsync(cancellation).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Hung up mid-write, or the server is stopping.
            }
            catch (Exception ex)
            {
                // Whatever a client did, the other consoles and the district keep running.
                Note("console: client " + id + " failed: " + ex);
            }

            Note("console: client " + id + " disconnected");
        }
    }

    private void Note(string text)
    {
        if (_log != null)
        {
            lock (_log)
            {
                _log.WriteLine(text);
            }
        }
    }
}
