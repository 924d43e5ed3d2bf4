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

    private MosquittoBroker(Process process, string directory, int port, string controllerPassword)
    {
        _process = process;
        _directory = directory;
        Port = port;
        ControllerPassword = controllerPassword;
    }

    public int Port { get; }

    public string ControllerPassword { get; }

    public static async Task<MosquittoBroker> StartAsync()
    {
        string binary = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed: run scripts/test.sh, which installs Debian's mosquitto package");
        string directory = Path.Combine(Path.GetTempPath(), "tocsin-mosquitto-" + Guid.NewGuid().ToString("N"));
        int port = FreePorts.Loopback();
        string password = Guid.NewGuid().ToString("N");
        MosquittoConfigWriter.Write(directory, [], ControllerUser, MosquittoPasswordHash.Create(password), "127.0.0.1", port);
        var process = Process.Start(new ProcessStartInfo(binary, "-c " + Path.Combine(directory, "mosquitto.conf"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("mosquitto did not start");
        var broker = new MosquittoBroker(process, directory, port, password);
        for (int i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        string error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        throw new InvalidOperationException("mosquitto did not listen on " + port + ": " + error);
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

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
