using Tocsin.TestSupport;
using System.Diagnostics;
using System.Net.Sockets;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Tests.Support;

/// <summary>
/// A real Mosquitto (Debian's package, installed by scripts/test.sh) on a free loopback port,
/// configured by the controller's own Mosquitto export; <see cref="ReloadAsync"/> re-exports and
/// sends SIGHUP, which makes Mosquitto re-read its password and ACL files.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string ControllerUser = "tocsin-controller";

    private readonly Process _process;
    private readonly string _directory;
    private readonly System.Text.StringBuilder _log = new();

    private MosquittoBroker(Process process, string directory, int port, string controllerPassword)
    {
        _process = process;
        _directory = directory;
        Port = port;
        ControllerPassword = controllerPassword;

        // Mosquitto logs every connection to stderr: read it as it comes, or a full pipe would stall the broker.
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public int Port { get; }

    public string ControllerPassword { get; }

    /// <summary>
    /// Starts Mosquitto on a free port. Another process can still take the port between the probe and
    /// Mosquitto's bind; Mosquitto then exits, and the start is tried again on a fresh port.
    /// </summary>
    public static Task<MosquittoBroker> StartAsync() => StartAsync(FreePorts.Loopback);

    /// <summary>As <see cref="StartAsync()"/>, taking each attempt's port from <paramref name="nextPort"/> (tests of the retry give a taken one).</summary>
    public static async Task<MosquittoBroker> StartAsync(Func<int> nextPort)
    {
        ArgumentNullException.ThrowIfNull(nextPort);
        string binary = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed: run scripts/test.sh, which installs Debian's mosquitto package");
        const int Attempts = 3;
        for (int attempt = 1; ; attempt++)
        {
            string directory = Path.Combine(Path.GetTempPath(), "tocsin-mosquitto-" + Guid.NewGuid().ToString("N"));
            int port = nextPort();
            string password = Guid.NewGuid().ToString("N");
            MosquittoConfigWriter.Write(directory, [], ControllerUser, MosquittoPasswordHash.Create(password), "127.0.0.1", port);
            var process = Process.Start(new ProcessStartInfo(binary, "-c " + Path.Combine(directory, "mosquitto.conf"))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("mosquitto did not start");
            var broker = new MosquittoBroker(process, directory, port, password);
            bool listening;
            try
            {
                listening = await broker.ListeningAsync().ConfigureAwait(false);
            }
            catch
            {
                await broker.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            if (listening)
            {
                return broker;
            }

            bool exited = process.HasExited;

            // Stopping it also waits for the last of its output.
            await broker.DisposeAsync().ConfigureAwait(false);
            string error = (exited ? string.Empty : "no answer in 10 s: ") + broker.Log;
            if (attempt == Attempts || !error.Contains("in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("mosquitto did not listen on " + port + ": " + error);
            }
        }
    }

    /// <summary>Writes the current node set into Mosquitto's files and makes it reload them.</summary>
    public async Task ReloadAsync(IReadOnlyList<StoredNode> nodes)
    {
        string hash = File.ReadAllLines(Path.Combine(_directory, "passwords"))[0].Split(':', 2)[1];
        MosquittoConfigWriter.Write(_directory, nodes, ControllerUser, hash, "127.0.0.1", Port);
        using var hup = Process.Start("kill", "-HUP " + _process.Id);
        await hup!.WaitForExitAsync().ConfigureAwait(false);
        await Task.Delay(300).ConfigureAwait(false);
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Keep(string? line)
    {
        if (line == null)
        {
            return;
        }

        lock (_log)
        {
            // The start-up lines are what a failure needs; a long test's connection log is not kept.
            if (_log.Length < 64 * 1024)
            {
                _log.AppendLine(line);
            }
        }
    }

    // Mosquitto says "running" once its listeners are open and exits when one cannot bind. A bare
    // connection probe would not tell it from another process that took the port.
    private async Task<bool> ListeningAsync()
    {
        for (int i = 0; i < 100 && !_process.HasExited; i++)
        {
            if (Log.Contains(" running", StringComparison.Ordinal))
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port).ConfigureAwait(false);
                return true;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        // Also waits for the output readers to finish, so none runs after the process is disposed.
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
