using System.Globalization;
using System.Text.Json;
using MQTTnet;
using Tocsin.Simulator.Hardware;
using Tocsin.Simulator.Nodes;
using Tocsin.Simulator.World;

namespace Tocsin.Simulator.Live;

/// <summary>
/// A simulated district in live mode against a running controller: for each chosen community a
/// sensor node at its low point and two loudspeaker nodes, registered and provisioned through the
/// controller's API and the nodes' serial consoles, each on its own MQTT connection. A typhoon's rain
/// runs through the world model in accelerated time (one real second is <c>speed</c> world seconds);
/// the firmware runs in real time, so what it reports, and what the controller does with it, is real.
/// </summary>
public sealed class LiveDistrict : IAsyncDisposable
{
    private readonly System.Diagnostics.Stopwatch _rateClock = System.Diagnostics.Stopwatch.StartNew();
    private long _sentBefore;
    private long _receivedBefore;
    private readonly ControllerApi _api;
    private readonly TextWriter _out;
    private readonly List<DistrictSite> _sites = [];
    private readonly MqttClientFactory _factory = new();
    private LiveNodeHost? _host;
    private double _speed = 1;

    /// <summary>Creates the district driver.</summary>
    public LiveDistrict(ControllerApi api, TextWriter output)
    {
        _api = api;
        _out = output;
    }

    /// <summary>The sites.</summary>
    public IReadOnlyList<DistrictSite> Sites => _sites;

    /// <summary>Every node, site by site: the sensor, then the speakers.</summary>
    public IReadOnlyList<VirtualNode> Nodes => _sites.SelectMany(s => new VirtualNode[] { s.Sensor }.Concat(s.Speakers)).ToList();

    /// <summary>
    /// Registers and provisions nodes for up to <paramref name="communities"/> communities, one per
    /// street first: a sensor at each community's low point and <paramref name="speakersPerCommunity"/>
    /// loudspeakers sharing 90 % of its residents. Ids follow deterministic mode's: <c>sn-{community}-1</c>, <c>bn-{community}-{n}</c>.
    /// </summary>
    public async Task BuildAsync(int communities, string mqttHost, int mqttPort, int speakersPerCommunity = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speakersPerCommunity, 1);
        JsonElement regions = await _api.RegionsAsync().ConfigureAwait(false);
        var chosen = new List<(string Street, string Community, int Population, double X, double Y)>();
        JsonElement[] streets = regions.GetProperty("streets").EnumerateArray().ToArray();
        int rounds = streets.Max(st => st.GetProperty("communities").GetArrayLength());
        for (int round = 0; chosen.Count < communities && round < rounds; round++)
        {
            for (int s = 0; s < streets.Length && chosen.Count < communities; s++)
            {
                JsonElement[] members = streets[s].GetProperty("communities").EnumerateArray().ToArray();
                if (round < members.Length)
                {
                    // Streets on a 4 x 2 grid 3 km apart; communities 0.6 km around their street's centre.
                    double x = ((s % 4) * 3.0) + (0.6 * Math.Cos(round * 1.3));
                    double y = ((s / 4) * 3.0) + (0.6 * Math.Sin(round * 1.3));
                    chosen.Add((streets[s].GetProperty("id").GetString()!, members[round].GetProperty("id").GetString()!, members[round].GetProperty("population").GetInt32(), x, y));
                }
            }
        }

        long utc = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        int seed = 1;
        foreach (var (street, community, population, x, y) in chosen)
        {
            string sensorId = "sn-" + community + "-1";
            await _api.EnsureNodeAsync(sensorId, "sensor", community, 0).ConfigureAwait(false);
            var sensor = new VirtualSensorNode(sensorId, utc, seed++, () => new MqttNetLink(_factory));
            await ProvisionAsync(sensor, mqttHost, mqttPort).ConfigureAwait(false);
            var speakers = new List<VirtualBroadcastNode>();
            for (int k = 1; k <= speakersPerCommunity; k++)
            {
                string id = "bn-" + community + "-" + k.ToString(CultureInfo.InvariantCulture);
                await _api.EnsureNodeAsync(id, "broadcast", community, population * 9 / 10 / speakersPerCommunity).ConfigureAwait(false);
                var speaker = new VirtualBroadcastNode(id, utc, seed++, () => new MqttNetLink(_factory));
                await ProvisionAsync(speaker, mqttHost, mqttPort).ConfigureAwait(false);
                speakers.Add(speaker);
            }

            // Underpasses differ: catchment and drains vary from site to site.
            var basin = LowPointBasin.Typical(seed, seed / 5);
            _sites.Add(new DistrictSite(street, community, population, x, y, basin, sensor, speakers));
        }
    }

    /// <summary>Runs the storm for <paramref name="realMinutes"/>, printing progress every 10 s.</summary>
    public async Task RunAsync(double realMinutes, double speed, CancellationToken cancellation)
    {
        _speed = speed;
        _host = new LiveNodeHost(Nodes, threads: 2) { TickMs = 50 };
        _host.Start();
        double worldMinutes = realMinutes * speed;
        RainField rain = TyphoonRain.Create(worldMinutes);
        DateTime start = DateTime.UtcNow;
        DateTime nextReport = start;
        while (!cancellation.IsCancellationRequested)
        {
            double realElapsed = (DateTime.UtcNow - start).TotalMinutes;
            if (realElapsed >= realMinutes)
            {
                break;
            }

            double worldMinute = realElapsed * speed;
            foreach (DistrictSite site in _sites)
            {
                double rate = rain.RateAt(site.XKm, site.YKm, worldMinute);
                site.Basin.Step(rate, speed / 60.0);
                lock (site.Sensor)
                {
                    // The gauge sees the world's rain at world speed, so rolling totals build as the storm does.
                    site.Sensor.RainMmPerHour = rate * speed;
                    site.Sensor.WaterDepthMm = (int)site.Basin.DepthMm;
                }
            }

            foreach (DistrictSite site in _sites)
            {
                lock (site.Sensor)
                {
                    site.Sensor.Rain(1000);
                }
            }

            if (DateTime.UtcNow >= nextReport)
            {
                nextReport = DateTime.UtcNow.AddSeconds(10);
                await ReportAsync(worldMinute).ConfigureAwait(false);
            }

            await Task.Delay(1000, cancellation).ConfigureAwait(false);
        }

        await ReportAsync(realMinutes * speed).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_host != null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }

        foreach (VirtualNode node in Nodes)
        {
            if (node.Link is MqttNetLink link)
            {
                await link.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task ProvisionAsync(VirtualNode node, string mqttHost, int mqttPort)
    {
        string line = await _api.BundleAsync(node.Id, mqttHost, mqttPort).ConfigureAwait(false);
        node.PowerOn();
        node.Type(line);
        for (int i = 0; i < 100; i++)
        {
            node.Tick(10);
        }

        string answer = node.Console.TakeOutput();
        if (!answer.Contains("is complete", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(node.Id + " refused its bundle: " + answer.Trim());
        }

        if (node is not VirtualSensorNode)
        {
            return;
        }

        // Reports twice a minute in a storm: a demo should not wait five minutes for the first one.
        // (A sensor setting: speakers have no report period.)
        node.Type("config set report.fast_period_s 15");
        for (int i = 0; i < 10; i++)
        {
            node.Tick(10);
        }

        // Taken here so a technician attaching later does not get this answer on their console.
        answer = node.Console.TakeOutput();
        if (!answer.Contains("\nok", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(node.Id + " refused its report period: " + answer.Trim());
        }
    }

    // Messages the nodes' own MQTT connections sent and received since the last report line, per real second.
    private string MessageRate()
    {
        long sent = 0;
        long received = 0;
        foreach (VirtualNode node in Nodes)
        {
            if (node.Link is MqttNetLink link)
            {
                sent += link.PublishedCount;
                received += link.ReceivedCount;
            }
        }

        double seconds = _rateClock.Elapsed.TotalSeconds;
        _rateClock.Restart();
        // A rebooted node starts a new link with fresh counters, so a total can fall: count no negative rate.
        double sentRate = Math.Max(0, sent - _sentBefore) / Math.Max(seconds, 1e-3);
        double receivedRate = Math.Max(0, received - _receivedBefore) / Math.Max(seconds, 1e-3);
        _sentBefore = sent;
        _receivedBefore = received;
        return string.Format(CultureInfo.InvariantCulture, "{0:0.0} messages/s sent and {1:0.0}/s received by the nodes", sentRate, receivedRate);
    }

    private async Task ReportAsync(double worldMinute)
    {
        var mine = Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        string online;
        try
        {
            JsonElement states = await _api.NodeStatesAsync().ConfigureAwait(false);
            online = states.EnumerateArray().Count(s => s.GetProperty("online").GetBoolean() && mine.Contains(s.GetProperty("node").GetString() ?? string.Empty))
                .ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is TaskCanceledException or HttpRequestException)
        {
            // A controller busy taking ten thousand connections may not answer in time; the run goes on.
            online = "? (controller busy)";
        }

        int connected = Nodes.Count(n => n.Link?.State == Tocsin.Firmware.Hardware.MqttLinkState.Connected);
        string rate = MessageRate();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        double maxDepth = _sites.Max(s => s.Basin.DepthMm);
        double maxRain = _sites.Max(s => s.Sensor.RainMmPerHour);
        await _out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "[world {0:0000} min] nodes online at the controller {1}/{2}, connected here {3}, heaviest rain {4:0} mm/h (world), deepest water {5:0} mm at {6}; simulator memory {7:0} MB ({8:0.0} KB per node); {9}",
            worldMinute, online, mine.Count, connected, maxRain / _speed, maxDepth, _sites.OrderByDescending(s => s.Basin.DepthMm).First().Community,
            process.WorkingSet64 / 1048576.0, process.WorkingSet64 / 1024.0 / Math.Max(1, mine.Count), rate)).ConfigureAwait(false);
        JsonElement alerts;
        try
        {
            alerts = await _api.AlertsAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TaskCanceledException or HttpRequestException)
        {
            return;
        }

        foreach (JsonElement alert in alerts.EnumerateArray().Take(6))
        {
            string id = alert.GetProperty("id").GetString()!;
            string line = "    alert " + id + " " + alert.GetProperty("kind").GetString() + " " + alert.GetProperty("hazard").GetString() + " level "
                + alert.GetProperty("level").GetString() + " " + alert.GetProperty("state").GetString();
            if (alert.GetProperty("state").GetString() is "dispatched" or "allClear" or "cancelled" or "expired")
            {
                JsonElement district = (await _api.CoverageAsync(id).ConfigureAwait(false)).GetProperty("district");
                line += string.Format(CultureInfo.InvariantCulture, ": reached {0} of {1} targeted residents ({2} of {3} speakers)",
                    district.GetProperty("reachedPopulation").GetInt64(), district.GetProperty("targetedPopulation").GetInt64(),
                    district.GetProperty("speakersReached").GetInt32(), district.GetProperty("speakers").GetInt32());
            }

            await _out.WriteLineAsync(line).ConfigureAwait(false);
        }
    }
}
