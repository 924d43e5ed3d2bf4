using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// A broadcast node reduced to its MQTT behaviour: authenticates with its provisioned credentials,
/// subscribes to its own and its community's command topics, records when a command arrives and
/// answers with a "received" result in the outbox format, as the firmware does.
/// </summary>
internal sealed class BenchNodeClient : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private long _seq;
    private string? _heldResult;

    public BenchNodeClient(MqttClientFactory factory, string id, string community, string password)
    {
        Id = id;
        Community = community;
        Password = password;
        _client = factory.CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessage;
    }

    public string Id { get; }

    public string Community { get; }

    public string Password { get; }

    /// <summary>
    /// <see cref="Stopwatch.GetTimestamp"/> when the first command of the current round arrived (0:
    /// none yet). The monotonic clock is shared by every process on the machine, so the controller's
    /// process can subtract its own timestamps from it.
    /// </summary>
    public long FirstCommandAt { get; set; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when a baseline message arrived (0: none yet).</summary>
    public long BaselineAt { get; set; }

    /// <summary>When true, commands are answered at once; otherwise the answer waits for <see cref="ReleaseAsync"/>.</summary>
    public bool Answer { get; set; } = true;

    public async Task ConnectAsync(int port)
    {
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(Id).WithCredentials(Id, Password)
            .WithCleanSession(true).WithTimeout(TimeSpan.FromSeconds(60)).Build()).ConfigureAwait(false);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("tocsin/v1/node/" + Id + "/cmd", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter("tocsin/v1/area/" + Community + "/cmd", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build()).ConfigureAwait(false);
    }

    /// <summary>Sends the answer held back while <see cref="Answer"/> was false, if any.</summary>
    public Task ReleaseAsync()
    {
        string? result = Interlocked.Exchange(ref _heldResult, null);
        return result == null ? Task.CompletedTask : PublishResultAsync(result);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }

        _client.Dispose();
    }

    private async Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
    {
        long now = Stopwatch.GetTimestamp();
        byte[] payload = e.ApplicationMessage.Payload.ToArray();
        if (payload.Length > 0 && payload[0] == (byte)'B')
        {
            BaselineAt = BaselineAt == 0 ? now : BaselineAt;
            return;
        }

        using JsonDocument doc = JsonDocument.Parse(payload);
        if (!doc.RootElement.GetProperty("mac").TryGetProperty(Id, out _))
        {
            return;
        }

        if (FirstCommandAt == 0)
        {
            FirstCommandAt = now;
        }

        JsonElement cmd = doc.RootElement.GetProperty("cmd");
        long seq = Interlocked.Increment(ref _seq);
        string result = "{\"ep\":7,\"floor\":1,\"seq\":" + seq + ",\"t\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ",\"up\":1000,\"cmd\":\""
            + cmd.GetProperty("id").GetString() + "\",\"cseq\":" + cmd.GetProperty("seq").GetInt64() + ",\"kind\":\"" + cmd.GetProperty("kind").GetString() + "\",\"state\":\"received\"}";
        if (!Answer)
        {
            _heldResult = result;
            return;
        }

        await PublishResultAsync(result).ConfigureAwait(false);
    }

    private Task PublishResultAsync(string result) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("tocsin/v1/node/" + Id + "/result")
            .WithPayload(Encoding.UTF8.GetBytes(result)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
}
