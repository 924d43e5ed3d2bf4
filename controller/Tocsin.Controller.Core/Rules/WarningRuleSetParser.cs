using System.Text;
using System.Text.Json;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Rules;

/// <summary>
/// Reads a warning rule file (docs/warning-rules.md). Like the region file: every problem reported
/// with its JSON path, nothing loaded when there is any, never throws for bad input.
/// </summary>
public static class WarningRuleSetParser
{
    /// <summary>The only format version understood.</summary>
    public const int FormatVersion = 1;

    /// <summary>Default hold time before lowering a warning, seconds.</summary>
    public const int DefaultHoldS = 1800;

    /// <summary>Parses rule JSON given as text.</summary>
    public static RuleSetLoadResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses rule JSON given as UTF-8 bytes.</summary>
    public static RuleSetLoadResult Parse(ReadOnlyMemory<byte> utf8Json)
    {
        var errors = new List<ValidationError>();
        using JsonDocument? doc = JsonInput.TryParse(utf8Json, errors);
        JsonObjectReader? root = doc == null ? null : JsonObjectReader.Open(doc.RootElement, JsonPath.Root, errors);
        if (root == null)
        {
            return RuleSetLoadResult.Failure(errors);
        }

        root.Integer("v", FormatVersion, FormatVersion, "must be 1 (the rule file format version)");
        var rules = new List<WarningRule>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.Array("rules", nonEmpty: true) is JsonElement array)
        {
            int i = 0;
            foreach (JsonElement e in array.EnumerateArray())
            {
                string path = JsonPath.Element(root.PathOf("rules"), i++);
                if (JsonObjectReader.Open(e, path, errors) is JsonObjectReader r && ReadRule(r, ids, errors) is WarningRule rule)
                {
                    rules.Add(rule);
                }
            }
        }

        var auto = new List<AutoDispatchRule>();
        if (root.Array("auto_dispatch", nonEmpty: false, required: false) is JsonElement autoArray)
        {
            int i = 0;
            foreach (JsonElement e in autoArray.EnumerateArray())
            {
                if (JsonObjectReader.Open(e, JsonPath.Element(root.PathOf("auto_dispatch"), i++), errors) is JsonObjectReader r && ReadAuto(r, errors) is AutoDispatchRule a)
                {
                    auto.Add(a);
                }
            }
        }

        root.ReportUnknownMembers();
        return errors.Count == 0 ? RuleSetLoadResult.Success(new WarningRuleSet(rules, auto)) : RuleSetLoadResult.Failure(errors);
    }

    private static WarningRule? ReadRule(JsonObjectReader r, Dictionary<string, string> ids, List<ValidationError> errors)
    {
        int before = errors.Count;
        string? id = r.String("id", Identifier.MaxLength);
        if (id != null && !Identifier.IsValid(id))
        {
            r.Error("id", Identifier.Rule);
        }
        else if (id != null && !ids.TryAdd(id, r.PathOf("id")))
        {
            r.Error("id", "duplicate rule id \"" + id + "\" (first used at " + ids[id] + ")");
        }

        string? evidenceText = r.String("evidence", 32);
        EvidenceKind evidence = evidenceText == EventTypes.RainSignal ? EvidenceKind.RainSignal : EvidenceKind.DepthLevel;
        if (evidenceText is not (null or EventTypes.DepthLevel or EventTypes.RainSignal))
        {
            r.Error("evidence", "must be depth_level or rain_signal");
        }

        Hazard hazard = ReadHazard(r, "hazard");
        Dictionary<SensorLevel, WarningLevel> levels = ReadLevels(r, errors);
        string scopeText = r.String("scope", 16, required: false) ?? "community";
        if (scopeText is not ("community" or "street"))
        {
            r.Error("scope", "must be community or street");
        }

        string confirmText = r.String("confirm", 32, required: false) ?? "none";
        Confirmation confirm = confirmText switch
        {
            "second_reading" => Confirmation.SecondReading,
            "second_sensor" => Confirmation.SecondSensor,
            _ => Confirmation.None,
        };
        if (confirmText is not ("none" or "second_reading" or "second_sensor"))
        {
            r.Error("confirm", "must be none, second_reading or second_sensor");
        }

        long hold = r.Integer("hold_s", 0, 86_400, "must be an integer from 0 to 86400 (seconds)", required: false) ?? DefaultHoldS;
        HashSet<string>? sensors = ReadSensors(r, errors);
        List<int> clips = ReadClips(r, errors);
        SirenPattern siren = SirenPattern.Wail;
        if (r.String("siren", 16, required: false) is string sirenText && !SirenPatterns.TryParse(sirenText, out siren))
        {
            r.Error("siren", "must be none, wail, steady, hilo or pulse");
        }

        if (siren == SirenPattern.None && clips.Count == 0 && r.Has("siren"))
        {
            r.Error("clips", "must list at least one clip when there is no siren");
        }

        string? title = r.Has("title") ? r.String("title", 120) : null;
        r.ReportUnknownMembers();
        return errors.Count > before || id == null
            ? null
            : new WarningRule(id, evidence, hazard, levels, scopeText == "street" ? RuleScope.Street : RuleScope.Community, confirm,
                TimeSpan.FromSeconds(hold), sensors, clips, siren, title);
    }

    private static Hazard ReadHazard(JsonObjectReader r, string name)
    {
        string? text = r.String(name, 24);
        if (text == null)
        {
            return Hazard.Other;
        }

        if (!Hazards.TryParse(text, out Hazard hazard))
        {
            r.Error(name, "must be rainstorm, waterlogging, typhoon, flood, geological, earthquake, fire or other");
        }

        return hazard;
    }

    private static Dictionary<SensorLevel, WarningLevel> ReadLevels(JsonObjectReader r, List<ValidationError> errors)
    {
        var levels = new Dictionary<SensorLevel, WarningLevel>();
        JsonObjectReader? o = r.Object("levels");
        if (o == null)
        {
            return levels;
        }

        foreach (SensorLevel s in new[] { SensorLevel.Blue, SensorLevel.Yellow, SensorLevel.Orange, SensorLevel.Red })
        {
            string colour = SensorLevels.ToText(s);
            if (o.Has(colour) && o.String(colour, 8) is string text)
            {
                if (WarningLevels.TryParse(text, out WarningLevel w) && text is "I" or "II" or "III" or "IV" or "info")
                {
                    levels[s] = w;
                }
                else
                {
                    o.Error(colour, "must be I, II, III, IV or info");
                }
            }
        }

        o.ReportUnknownMembers();
        if (levels.Count == 0 && !errors.Exists(e => e.Path.StartsWith(o.Path, StringComparison.Ordinal)))
        {
            errors.Add(new ValidationError(o.Path, "must map at least one of blue, yellow, orange, red to a level"));
        }

        return levels;
    }

    private static HashSet<string>? ReadSensors(JsonObjectReader r, List<ValidationError> errors)
    {
        if (r.Array("sensors", nonEmpty: true, required: false) is not JsonElement array)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (JsonElement e in array.EnumerateArray())
        {
            string? id = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (!NodeIds.IsValid(id, NodeKind.Sensor))
            {
                errors.Add(new ValidationError(JsonPath.Element(r.PathOf("sensors"), i), "must be a sensor node id (sn-...)"));
            }
            else
            {
                set.Add(id!);
            }

            i++;
        }

        return set;
    }

    private static List<int> ReadClips(JsonObjectReader r, List<ValidationError> errors)
    {
        var clips = new List<int>();
        if (r.Array("clips", nonEmpty: false, required: false) is not JsonElement array)
        {
            return clips;
        }

        if (array.GetArrayLength() > 8)
        {
            r.Error("clips", "may list at most 8 clips");
        }

        int i = 0;
        foreach (JsonElement e in array.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int clip) && clip is >= 1 and <= 2999)
            {
                clips.Add(clip);
            }
            else
            {
                errors.Add(new ValidationError(JsonPath.Element(r.PathOf("clips"), i), "must be a clip number from 1 to 2999"));
            }

            i++;
        }

        return clips;
    }

    private static AutoDispatchRule? ReadAuto(JsonObjectReader r, List<ValidationError> errors)
    {
        int before = errors.Count;
        Hazard hazard = ReadHazard(r, "hazard");
        var levels = new HashSet<WarningLevel>();
        if (r.Array("levels", nonEmpty: true) is JsonElement array)
        {
            int i = 0;
            foreach (JsonElement e in array.EnumerateArray())
            {
                string path = JsonPath.Element(r.PathOf("levels"), i++);
                string? text = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                if (text is not ("I" or "II" or "III" or "IV" or "info") || !WarningLevels.TryParse(text, out WarningLevel w))
                {
                    errors.Add(new ValidationError(path, "must be III, IV or info"));
                }
                else if (w >= WarningLevel.Orange)
                {
                    errors.Add(new ValidationError(path, "levels I and II always need a second person's approval and cannot dispatch automatically"));
                }
                else
                {
                    levels.Add(w);
                }
            }
        }

        r.ReportUnknownMembers();
        return errors.Count > before ? null : new AutoDispatchRule(hazard, levels);
    }
}
