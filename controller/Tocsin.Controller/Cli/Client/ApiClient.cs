using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tocsin.Controller.Cli.Client;

/// <summary>Calls a running controller's REST API; refusals become <see cref="ApiRefusedException"/>, no answer <see cref="ControllerUnreachableException"/>.</summary>
public sealed class ApiClient : IDisposable
{
    private static readonly JsonSerializerOptions RequestOptions = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly HttpClient _http;

    /// <summary>A client for the controller at <paramref name="baseUrl"/>, sending <paramref name="token"/> when given.</summary>
    public ApiClient(string baseUrl, string? token)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliInputException("--api: not an http(s) URL: " + baseUrl);
        }

        BaseUrl = baseUrl.TrimEnd('/');
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (token != null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>The controller's base URL, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>GET <paramref name="path"/>.</summary>
    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellation) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, BaseUrl + path), cancellation);

    /// <summary>POST <paramref name="body"/> (JSON, nulls left out) to <paramref name="path"/>.</summary>
    public Task<ApiAnswer> PostAsync(string path, object? body, CancellationToken cancellation) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, BaseUrl + path) { Content = JsonContent.Create(body ?? new { }, options: RequestOptions) }, cancellation);

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new ControllerUnreachableException("cannot reach the controller at " + BaseUrl + ": " + ex.Message, ex);
            }
            catch (TaskCanceledException ex) when (!cancellation.IsCancellationRequested)
            {
                throw new ControllerUnreachableException("cannot reach the controller at " + BaseUrl + ": no answer within " + _http.Timeout.TotalSeconds + " s", ex);
            }

            using (response)
            {
                string raw = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
                JsonElement body = Parse(raw);
                if (!response.IsSuccessStatusCode)
                {
                    throw new ApiRefusedException(Refusal(response.StatusCode, body)) { Status = (int)response.StatusCode };
                }

                return new ApiAnswer(raw, body);
            }
        }
    }

    private static JsonElement Parse(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return default;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(raw);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string Refusal(HttpStatusCode status, JsonElement problem)
    {
        string detail = CliJson.Text(problem, "detail");
        if (detail.Length > 0 && (int)status < 500)
        {
            return detail;
        }

        if ((int)status >= 500)
        {
            string what = CliJson.Text(problem, "title") is { Length: > 0 } t ? t : status.ToString();
            return "the controller failed (HTTP " + (int)status + "): " + what;
        }

        return status switch
        {
            HttpStatusCode.Unauthorized => "not signed in, or the session has expired: run 'tocsin-controller login'",
            HttpStatusCode.Forbidden => "forbidden: the signed-in operator's role may not do this",
            HttpStatusCode.NotFound => "not found (is this a Tocsin controller?)",
            _ => CliJson.Text(problem, "title") is { Length: > 0 } title ? title : "the controller answered " + (int)status + " " + status,
        };
    }
}
