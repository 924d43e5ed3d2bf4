using Tocsin.TestSupport;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Tocsin.Controller.Hosting;

namespace Tocsin.Controller.Tests.Support;

/// <summary>
/// A real controller in process: embedded MQTTnet broker on a free loopback port, a fresh SQLite
/// file (or, given a connection string, a fresh PostgreSQL database), the HTTP API on another free
/// port, the Licheng sample regions and the default rules, and an admin signed in.
/// </summary>
public sealed class ControllerFixture : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-tests";

    private ControllerFixture(WebApplication app, HttpClient http, string dataDirectory, int mqttPort)
    {
        App = app;
        Http = http;
        DataDirectory = dataDirectory;
        MqttPort = mqttPort;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public string DataDirectory { get; }

    public int MqttPort { get; }

    public static async Task<ControllerFixture> StartAsync(string broker = "embedded", int? externalPort = null, string? externalPassword = null, string? postgresConnectionString = null)
    {
        // A port probed free can still be taken by another test's listener before the controller
        // binds it; a fresh pair of ports is tried then, so a race costs a retry and not a failure.
        const int Attempts = 3;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(broker, externalPort, externalPassword, postgresConnectionString).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < Attempts && IsAddressInUse(e))
            {
                // Try again with new ports.
            }
        }
    }

    private static bool IsAddressInUse(Exception e)
    {
        for (Exception? inner = e; inner != null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<ControllerFixture> StartOnceAsync(string broker, int? externalPort, string? externalPassword, string? postgresConnectionString)
    {
        string data = Path.Combine(Path.GetTempPath(), "tocsin-test-" + Guid.NewGuid().ToString("N"));
        int httpPort = FreePorts.Loopback();
        int mqttPort = externalPort ?? FreePorts.Loopback();
        var options = new ControllerOptions
        {
            DataDirectory = data,
            Database = postgresConnectionString != null ? "postgres" : "sqlite",
            PostgresConnectionString = postgresConnectionString,
            HttpUrl = "http://127.0.0.1:" + httpPort,
            Broker = broker,
            MqttBindAddress = IPAddress.Loopback,
            MqttPort = mqttPort,
            ExternalPort = mqttPort,
            ExternalPassword = externalPassword,
            RegionFile = RepoPaths.Combine("controller", "regions", "licheng-sample.json"),
            RulesFile = RepoPaths.Combine("controller", "rules", "default-rules.json"),
            BootstrapAdminPassword = AdminPassword,
        };
        WebApplication app = ControllerHost.Build(options);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsAddressInUse(e))
        {
            // Whatever did start (the broker, the engine) is stopped, and its folder removed, before a
            // retry on new ports; a failure to clean up must not hide the bind error that calls for it.
            try
            {
                await app.StopAsync().ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
                Directory.Delete(data, recursive: true);
            }
            catch (Exception cleanup) when (cleanup is IOException or InvalidOperationException or OperationCanceledException or UnauthorizedAccessException or AggregateException or System.Data.Common.DbException)
            {
                // The retry goes ahead; the temp folder is the OS's to clean.
            }

            throw;
        }

        var http = new HttpClient { BaseAddress = new Uri(options.HttpUrl), Timeout = TimeSpan.FromSeconds(30) };
        var fixture = new ControllerFixture(app, http, data, mqttPort);
        string token = await fixture.LoginAsync("admin", AdminPassword).ConfigureAwait(false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return fixture;
    }

    public async Task<string> LoginAsync(string name, string password)
    {
        using HttpResponseMessage response = await Http.PostAsJsonAsync("/api/auth/login", new { name, password }).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using JsonDocument doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return doc.RootElement.GetProperty("token").GetString()!;
    }

    public async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using HttpResponseMessage response = await Http.PostAsJsonAsync(path, body).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(path + " answered " + (int)response.StatusCode + ": " + text);
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        string text = await Http.GetStringAsync(path).ConfigureAwait(false);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
