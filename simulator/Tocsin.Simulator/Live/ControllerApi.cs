using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tocsin.Simulator.Live;

/// <summary>The simulator's client of the controller's REST API (as an admin operator).</summary>
public sealed class ControllerApi : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client for <paramref name="baseUrl"/>.</summary>
    public ControllerApi(Uri baseUrl)
    {
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Signs in; throws with the controller's message when refused.</summary>
    public async Task LoginAsync(string name, string password)
    {
        JsonElement answer = await SendAsync(HttpMethod.Post, "/api/auth/login", new { name, password }).ConfigureAwait(false);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", answer.GetProperty("token").GetString());
    }

    /// <summary>The region map.</summary>
    public Task<JsonElement> RegionsAsync() => SendAsync(HttpMethod.Get, "/api/regions", null);

    /// <summary>Registers a node unless it exists already.</summary>
    public async Task EnsureNodeAsync(string id, string kind, string community, int coveredPopulation)
    {
        using HttpResponseMessage response = await _http.PostAsJsonAsync("/api/nodes", new { id, kind, community, coveredPopulation, description = "simulated" }).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return;
        }

        string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!text.Contains("already", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("registering " + id + ": " + text);
        }
    }

    /// <summary>A fresh provisioning bundle's console line for a node.</summary>
    public async Task<string> BundleAsync(string id, string mqttHost, int mqttPort)
    {
        JsonElement answer = await SendAsync(HttpMethod.Post, "/api/nodes/" + id + "/bundle",
            new { wifiSsid = "tocsin-sim", wifiPassword = "simulated-network", mqttHost, mqttPort }).ConfigureAwait(false);
        return answer.GetProperty("consoleLine").GetString()!;
    }

    /// <summary>All alerts.</summary>
    public Task<JsonElement> AlertsAsync() => SendAsync(HttpMethod.Get, "/api/alerts", null);

    /// <summary>Coverage of one alert now.</summary>
    public Task<JsonElement> CoverageAsync(string alertId) => SendAsync(HttpMethod.Get, "/api/alerts/" + alertId + "/coverage", null);

    /// <summary>Node state rows.</summary>
    public Task<JsonElement> NodeStatesAsync() => SendAsync(HttpMethod.Get, "/api/nodes/state", null);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body != null)
        {
            request.Content = JsonContent.Create(body);
        }

        using HttpResponseMessage response = await _http.SendAsync(request).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(method + " " + path + " answered " + (int)response.StatusCode + ": " + text);
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
