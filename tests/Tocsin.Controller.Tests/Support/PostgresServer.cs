using Tocsin.TestSupport;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Xunit;

namespace Tocsin.Controller.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for the tests: initdb into a fresh temporary directory, started
/// with pg_ctl on a free loopback port with password (SCRAM) authentication, stopped and deleted at
/// the end. Each test takes a database of its own from <see cref="CreateDatabaseAsync"/>. initdb and
/// postgres refuse to run as root, so under root they run as the 'postgres' user (or 'nobody').
/// A machine without PostgreSQL fails these tests with that reason; scripts/test.sh installs it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Superuser = "tocsin";
    private static readonly string[] BinaryDirectories = ["/usr/local/bin", .. DebianBinaryDirectories(), "/usr/bin"];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tocsin-postgres-" + Guid.NewGuid().ToString("N"));
    private readonly string _password = Guid.NewGuid().ToString("N");
    private readonly Func<int> _nextPort;
    private string _bin = string.Empty;
    private string? _runAs;
    private bool _started;

    /// <summary>A server on a free loopback port.</summary>
    public PostgresServer()
        : this(FreePorts.Loopback)
    {
    }

    /// <summary>A server taking each start attempt's port from <paramref name="nextPort"/> (tests of the retry give a taken one).</summary>
    internal PostgresServer(Func<int> nextPort)
    {
        _nextPort = nextPort ?? throw new ArgumentNullException(nameof(nextPort));
    }

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Initialises and starts the server; throws, naming the reason, when it cannot.</summary>
    public async Task InitializeAsync()
    {
        _bin = BinaryDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (no initdb and pg_ctl in " + string.Join(", ", BinaryDirectories)
                + "): run scripts/test.sh, which installs Debian's postgresql package");
        Directory.CreateDirectory(_root);
        string passwordFile = Path.Combine(_root, "password");
        await File.WriteAllTextAsync(passwordFile, _password).ConfigureAwait(false);
        if (Environment.IsPrivilegedProcess)
        {
            _runAs = await RunAsync("id", ["-u", "postgres"], asServerUser: false).ConfigureAwait(false) == 0 ? "postgres" : "nobody";
            await RequireAsync("chown", ["-R", _runAs, _root], asServerUser: false).ConfigureAwait(false);
        }

        await RequireAsync(Path.Combine(_bin, "initdb"), ["-D", DataDirectory, "-U", Superuser, "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync"], asServerUser: true)
            .ConfigureAwait(false);
        await StartOnFreePortAsync().ConfigureAwait(false);
        _started = true;
    }

    // Another process can take the port between the probe and the server's bind: the server then
    // exits naming it, and starts again on a fresh port.
    private async Task StartOnFreePortAsync()
    {
        const int Attempts = 3;
        for (int attempt = 1; ; attempt++)
        {
            Port = _nextPort();
            File.Delete(Path.Combine(_root, "server.log"));
            // synchronous_commit=off is PostgreSQL's match for the controller's SQLite setting (WAL, synchronous=NORMAL).
            string serverOptions = string.Format(CultureInfo.InvariantCulture, "-p {0} -k {1} -c listen_addresses=127.0.0.1 -c synchronous_commit=off", Port, _root);
            try
            {
                await RequireAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", serverOptions, "start"], asServerUser: true)
                    .ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException e) when (attempt < Attempts && e.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
                // pg_ctl has given up on this server; the next attempt starts it afresh.
            }
        }
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "tocsin_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand("CREATE DATABASE " + name, connection);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], asServerUser: true).ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    /// <summary>Debian's /usr/lib/postgresql/N/bin, newest N first.</summary>
    private static IEnumerable<string> DebianBinaryDirectories() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0).Select(d => Path.Combine(d, "bin"))
            : [];

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = Superuser,
        Password = _password,
    }.ToString();

    private async Task RequireAsync(string file, string[] arguments, bool asServerUser)
    {
        var output = new System.Text.StringBuilder();
        int code = await RunAsync(file, arguments, asServerUser, output).ConfigureAwait(false);
        if (code != 0)
        {
            string log = Path.Combine(_root, "server.log");
            throw new InvalidOperationException("PostgreSQL test server: " + Path.GetFileName(file) + " exited with " + code + ":" + Environment.NewLine + output
                + (File.Exists(log) ? Environment.NewLine + "server.log:" + Environment.NewLine + await File.ReadAllTextAsync(log).ConfigureAwait(false) : string.Empty));
        }
    }

    private async Task<int> RunAsync(string file, string[] arguments, bool asServerUser, System.Text.StringBuilder? output = null)
    {
        var start = new ProcessStartInfo(asServerUser && _runAs != null ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        if (asServerUser && _runAs != null)
        {
            foreach (string a in (string[])["-u", _runAs, "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start");
        // pg_ctl leaves the server holding its own output files, not these pipes, so reading to the end returns.
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        output?.Append(await stdout.ConfigureAwait(false)).Append(await stderr.ConfigureAwait(false));
        return process.ExitCode;
    }
}
