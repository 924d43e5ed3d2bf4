using System.Diagnostics;
using System.Globalization;

namespace Tocsin.Controller.Benchmarks;

/// <summary>The controller process's handle on the simulated nodes' process (<see cref="NodeClientsHost"/>).</summary>
internal sealed class NodeClientsProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeClientsProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Starts this benchmark executable again in its "clients" mode.</summary>
    public static NodeClientsProcess Start()
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            // Launched as "dotnet Tocsin.Controller.Benchmarks.dll": relaunch the same way.
            info.ArgumentList.Add(typeof(NodeClientsProcess).Assembly.Location);
        }

        info.ArgumentList.Add("clients");
        return new NodeClientsProcess(Process.Start(info) ?? throw new InvalidOperationException("cannot start the clients process"));
    }

    /// <summary>Sends one command and returns the reply's words after its first, which must be <paramref name="expect"/>.</summary>
    public async Task<string[]> AskAsync(string command, string expect)
    {
        await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        string reply = await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) ?? throw new InvalidOperationException("the clients process ended");
        string[] words = reply.Split(' ');
        if (words[0] != expect)
        {
            throw new InvalidOperationException("clients process answered \"" + reply + "\" to \"" + command + "\"");
        }

        return words[1..];
    }

    /// <summary>Sends many one-line commands that each answer "ok" (node credentials), pipelined.</summary>
    public async Task SendAllAsync(IReadOnlyList<string> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);

        // Replies are read while sending: neither pipe may fill up and stall the other side.
        Task replies = Task.Run(async () =>
        {
            for (int i = 0; i < commands.Count; i++)
            {
                string? reply = await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false);
                if (reply != "ok")
                {
                    throw new InvalidOperationException("clients process answered \"" + reply + "\"");
                }
            }
        });
        foreach (string command in commands)
        {
            await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
        }

        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        await replies.ConfigureAwait(false);
    }

    public static long Long(string word) => long.Parse(word, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await AskAsync("quit", "bye").ConfigureAwait(false);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
