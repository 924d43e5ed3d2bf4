using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Tests.Support;
using Tocsin.Simulator.Nodes;
using Xunit;

namespace Tocsin.Controller.Tests.EndToEnd;

/// <summary>The same chain with Mosquitto as the broker: one code path, an external engine.</summary>
public sealed class MosquittoEndToEndTests
{
    [Fact]
    public async Task With_mosquitto_as_the_broker_the_warning_still_reaches_every_speaker()
    {
        await using MosquittoBroker mosquitto = await MosquittoBroker.StartAsync();
        await using ControllerFixture controller = await ControllerFixture.StartAsync("external", mosquitto.Port, mosquitto.ControllerPassword);
        await using var rig = new DistrictRig(controller);
        ControllerEngine engine = controller.App.Services.GetRequiredService<ControllerEngine>();

        VirtualSensorNode sensor = await rig.AddSensorAsync("sn-haibin-01-garage", "haibin-01");
        VirtualBroadcastNode speaker = await rig.AddSpeakerAsync("bn-haibin-01-a", "haibin-01", 1000);
        await mosquitto.ReloadAsync(await engine.Run(engine.Nodes));
        DistrictRig.With(sensor, () => sensor.Type("config set report.fast_period_s 10"));
        rig.Start();

        await Eventually.TrueAsync(async () => (await controller.GetAsync("/api/nodes/state")).EnumerateArray().Count(n => n.GetProperty("online").GetBoolean()) == 2,
            TimeSpan.FromSeconds(30), "both nodes online through mosquitto");
        DistrictRig.With(sensor, () => sensor.WaterDepthMm = 180);

        string id = await Eventually.GetAsync(async () =>
            (await controller.GetAsync("/api/alerts")).EnumerateArray().Where(a => a.GetProperty("state").GetString() == "dispatched")
                .Select(a => a.GetProperty("id").GetString()).FirstOrDefault(), TimeSpan.FromSeconds(90), "a dispatched alert");
        await Eventually.TrueAsync(async () => (await controller.GetAsync("/api/alerts/" + id + "/coverage")).GetProperty("district").GetProperty("reachedPopulation").GetInt64() == 1000,
            TimeSpan.FromSeconds(120), "the speaker reporting it played");
        Assert.True(speaker.AmpRelay.SwitchCount > 0);
    }

    [Fact]
    public async Task Mosquitto_refuses_a_node_with_the_wrong_password_and_a_node_publishing_as_another()
    {
        await using MosquittoBroker mosquitto = await MosquittoBroker.StartAsync();
        await using ControllerFixture controller = await ControllerFixture.StartAsync("external", mosquitto.Port, mosquitto.ControllerPassword);
        ControllerEngine engine = controller.App.Services.GetRequiredService<ControllerEngine>();
        await controller.PostAsync("/api/nodes", new { id = "bn-haibin-02-a", kind = "broadcast", community = "haibin-02", coveredPopulation = 100 }, System.Net.HttpStatusCode.Created);
        await mosquitto.ReloadAsync(await engine.Run(engine.Nodes));

        using var client = new MqttClientFactory().CreateMqttClient();
        MqttClientConnectResult result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", mosquitto.Port).WithClientId("bn-haibin-02-a").WithCredentials("bn-haibin-02-a", "not-the-password").Build());
        Assert.NotEqual(MqttClientConnectResultCode.Success, result.ResultCode);
    }
}
