using System.Globalization;
using System.Text.Json;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Regions;
using Tocsin.Controller.Validation;

namespace Tocsin.Simulator.Scenarios;

/// <summary>
/// Reads a scenario file (docs/scenario-file.md). Every problem is reported with its JSON path,
/// and a file with any problem runs nothing. Never throws for bad input.
/// </summary>
public static partial class ScenarioParser
{
    /// <summary>The only format version understood.</summary>
    public const int FormatVersion = 1;

    /// <summary>Reads and parses a scenario file; region and rule paths are relative to it.</summary>
    public static ScenarioLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail("$", "cannot read scenario file '" + path + "': " + ex.Message);
        }

        return Parse(bytes, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Parses scenario JSON; relative file paths are taken from <paramref name="baseDirectory"/>.</summary>
    public static ScenarioLoadResult Parse(ReadOnlyMemory<byte> utf8Json, string baseDirectory)
    {
        var errors = new List<ValidationError>();
        using JsonDocument? doc = JsonInput.TryParse(utf8Json, errors);
        JsonObjectReader? root = doc == null ? null : JsonObjectReader.Open(doc.RootElement, JsonPath.Root, errors);
        if (root == null)
        {
            return new ScenarioLoadResult(null, null, errors);
        }

        root.Integer("v", FormatVersion, FormatVersion, "must be 1 (the scenario file format version)");
        string? name = root.String("name", 64);
        if (name != null && !Identifier.IsValid(name))
        {
            root.Error("name", Identifier.Rule);
        }

        string title = root.String("title", 200) ?? string.Empty;
        string description = root.Has("description") ? root.String("description", 4000) ?? string.Empty : string.Empty;
        int seed = (int)(root.Integer("seed", 0, int.MaxValue, "must be a whole number from 0 to 2147483647") ?? 0);
        DateTimeOffset start = ReadStart(root);
        double duration = Time(root, "duration", required: true, min: 1.0 / 60, max: 7 * 24 * 60) ?? 0;
        double settle = Time(root, "settle", required: false, min: 0, max: 24 * 60) ?? 10;
        RegionMap? map = ReadRegions(root, baseDirectory, out string? regionFile);
        string? rulesFile = root.Has("rules") ? ResolveFile(root, "rules", baseDirectory) : null;
        NodePlan? nodes = ReadNodes(root.Object("nodes"), map);
        DistrictPlan? district = map != null && nodes != null ? new DistrictPlan(map, nodes) : null;
        IReadOnlyList<SiteSpec> sites = ReadSites(root, map);
        NetworkSpec network = ReadNetwork(root);
        var rain = ReadRain(root);
        IReadOnlyList<ScenarioOperator> operators = ReadOperators(root);
        DutyPolicy? duty = ReadDuty(root, operators);
        IReadOnlyList<ScenarioAction> actions = ReadActions(root, operators, district, duration);
        IReadOnlyList<ScenarioFault> faults = ReadFaults(root, district, duration);
        TickSpec tick = ReadTick(root);
        root.ReportUnknownMembers();
        if (errors.Count > 0 || name == null || regionFile == null || nodes == null)
        {
            return new ScenarioLoadResult(null, map, errors);
        }

        var scenario = new Scenario
        {
            Name = name,
            Title = title,
            Description = description,
            Seed = seed,
            Start = start,
            DurationMinutes = duration,
            SettleMinutes = settle,
            RegionFile = regionFile,
            RulesFile = rulesFile,
            Nodes = nodes,
            Sites = sites,
            Network = network,
            Rain = rain,
            Operators = operators,
            Duty = duty,
            Actions = actions,
            Faults = faults,
            Tick = tick,
        };
        return new ScenarioLoadResult(scenario, map, errors);
    }

    private static ScenarioLoadResult Fail(string path, string message) => new(null, null, [new ValidationError(path, message)]);

    private static DateTimeOffset ReadStart(JsonObjectReader root)
    {
        string? text = root.String("start", 40);
        if (text == null)
        {
            return DateTimeOffset.UnixEpoch;
        }

        if (!text.EndsWith('Z') || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset start))
        {
            root.Error("start", "must be a UTC time such as \"2026-08-01T00:00:00Z\"");
            return DateTimeOffset.UnixEpoch;
        }

        return start;
    }

    private static double? Time(JsonObjectReader reader, string name, bool required, double min, double max)
    {
        JsonElement? value = reader.Raw(name, required);
        if (value == null)
        {
            return null;
        }

        if (!ScenarioTime.TryRead(value.Value, out double minutes))
        {
            reader.Error(name, ScenarioTime.Rule);
            return null;
        }

        if (minutes < min || minutes > max)
        {
            reader.Error(name, "must be from " + ScenarioTime.Format(min) + " to " + ScenarioTime.Format(max));
            return null;
        }

        return minutes;
    }

    private static string? ResolveFile(JsonObjectReader root, string name, string baseDirectory)
    {
        string? relative = root.String(name, 1000);
        if (relative == null)
        {
            return null;
        }

        string full = Path.GetFullPath(Path.Combine(baseDirectory, relative));
        if (!File.Exists(full))
        {
            root.Error(name, "no file '" + full + "'");
            return null;
        }

        return full;
    }

    private static RegionMap? ReadRegions(JsonObjectReader root, string baseDirectory, out string? file)
    {
        file = ResolveFile(root, "regions", baseDirectory);
        if (file == null)
        {
            return null;
        }

        RegionLoadResult regions = RegionFileParser.Parse(File.ReadAllBytes(file));
        if (!regions.Succeeded)
        {
            root.Error("regions", "region file '" + file + "' refused: " + string.Join("; ", regions.Errors));
            file = null;
            return null;
        }

        return regions.Map;
    }

    private static NodePlan? ReadNodes(JsonObjectReader? n, RegionMap? map)
    {
        if (n == null)
        {
            return null;
        }

        List<string>? communities = null;
        if (n.Array("communities", nonEmpty: true, required: false) is { } list)
        {
            communities = [];
            int i = 0;
            foreach (JsonElement c in list.EnumerateArray())
            {
                string path = JsonPath.Element(n.PathOf("communities"), i);
                if (c.ValueKind != JsonValueKind.String || !Identifier.IsValid(c.GetString()))
                {
                    n.ErrorAt(path, "must be a community id");
                }
                else if (map != null && !map.ContainsCommunity(c.GetString()!))
                {
                    n.ErrorAt(path, "no community '" + c.GetString() + "' in the region file");
                }
                else if (communities.Contains(c.GetString()!))
                {
                    n.ErrorAt(path, "'" + c.GetString() + "' is listed twice");
                }
                else
                {
                    communities.Add(c.GetString()!);
                }

                i++;
            }
        }

        var plan = new NodePlan
        {
            Communities = communities,
            SensorsPerCommunity = (int)(n.Integer("sensorsPerCommunity", 0, 500, "must be from 0 to 500", required: false) ?? 1),
            SpeakersPerCommunity = (int)(n.Integer("speakersPerCommunity", 0, 500, "must be from 0 to 500", required: false) ?? 2),
            CoveredShare = n.Number("coveredShare", 0, 1, "must be from 0 to 1", required: false) ?? 0.95,
            Settings = ReadSettings(n, "settings"),
            SensorSettings = ReadSettings(n, "sensorSettings"),
            SpeakerSettings = ReadSettings(n, "speakerSettings"),
        };
        n.ReportUnknownMembers();
        return plan;
    }

    private static Dictionary<string, string> ReadSettings(JsonObjectReader parent, string name)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonObjectReader? s = parent.Object(name, required: false);
        if (s == null)
        {
            return settings;
        }

        foreach (JsonProperty p in parent.Raw(name, required: false)!.Value.EnumerateObject())
        {
            string? value = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetRawText(),
                _ => null,
            };
            if (value == null || value.Length > 64 || p.Name.Length > 32 || p.Name.Any(char.IsWhiteSpace) || value.Any(char.IsControl))
            {
                s.Error(p.Name, "must be a setting name and a string or number value (see the node's 'config' console command)");
                continue;
            }

            settings[p.Name] = value;
        }

        return settings;
    }

    private static List<SiteSpec> ReadSites(JsonObjectReader root, RegionMap? map)
    {
        var sites = new List<SiteSpec>();
        if (root.Array("sites", nonEmpty: false, required: false) is not { } list)
        {
            return sites;
        }

        int i = 0;
        foreach (JsonElement e in list.EnumerateArray())
        {
            JsonObjectReader? s = root.Nested(e, JsonPath.Element(root.PathOf("sites"), i++));
            if (s == null)
            {
                continue;
            }

            string? community = s.String("community", Identifier.MaxLength);
            if (community != null && map != null && !map.ContainsCommunity(community))
            {
                s.Error("community", "no community '" + community + "' in the region file");
            }

            double? catchment = s.Number("catchmentRatio", 1, 500, "must be from 1 to 500 (contributing area over ponding area)");
            double? runoff = s.Number("runoff", 0, 1, "must be from 0 to 1");
            double? drain = s.Number("drainMmPerMinute", 0, 1000, "must be from 0 to 1000");
            double? max = s.Number("maxDepthMm", 10, 20000, "must be from 10 to 20000");
            s.ReportUnknownMembers();
            if (community != null && catchment != null && runoff != null && drain != null && max != null)
            {
                sites.Add(new SiteSpec(community, catchment.Value, runoff.Value, drain.Value, max.Value));
            }
        }

        return sites;
    }

    private static NetworkSpec ReadNetwork(JsonObjectReader root)
    {
        JsonObjectReader? n = root.Object("network", required: false);
        if (n == null)
        {
            return new NetworkSpec();
        }

        var spec = new NetworkSpec(
            (int)(n.Integer("latencyMs", 0, 60_000, "must be from 0 to 60000", required: false) ?? 20),
            (int)(n.Integer("jitterMs", 0, 60_000, "must be from 0 to 60000", required: false) ?? 10),
            n.Number("lossPercent", 0, 100, "must be from 0 to 100", required: false) ?? 0);
        n.ReportUnknownMembers();
        return spec;
    }
}
