using Tocsin.Controller.Alerts;

namespace Tocsin.Controller.Api;

/// <summary>Turns API requests into domain drafts and updates, naming the first field that is wrong.</summary>
public static class AlertRequests
{
    /// <summary>Builds a draft factory (the id is assigned by the engine); returns an error or null.</summary>
    public static string? TryBuild(AlertRequest r, DateTimeOffset now, out Func<string, AlertDraft>? draft)
    {
        ArgumentNullException.ThrowIfNull(r);
        draft = null;
        if (!AlertKinds.TryParse(r.Kind, out AlertKind kind))
        {
            return "kind must be live or drill";
        }

        if (!Hazards.TryParse(r.Hazard, out Hazard hazard))
        {
            return "hazard must be one of rainstorm, waterlogging, typhoon, flood, geological, earthquake, fire, other";
        }

        if (!WarningLevels.TryParse(r.Level, out WarningLevel level))
        {
            return "level must be I, II, III, IV or info";
        }

        AlertTarget? target = (r.Scope ?? string.Empty) switch
        {
            "district" => AlertTarget.WholeDistrict(),
            "streets" => AlertTarget.ForStreets(r.Targets ?? []),
            "communities" => AlertTarget.ForCommunities(r.Targets ?? []),
            _ => null,
        };
        if (target == null)
        {
            return "scope must be district, streets or communities";
        }

        SirenPattern siren = SirenPattern.Wail;
        if (r.Siren != null && !SirenPatterns.TryParse(r.Siren, out siren))
        {
            return "siren must be none, wail, steady, hilo or pulse";
        }

        if (string.IsNullOrWhiteSpace(r.Title))
        {
            return "title is required";
        }

        int minutes = r.ExpiresInMinutes ?? 60;
        if (minutes < 1 || minutes > 24 * 60)
        {
            return "expiresInMinutes must be from 1 to 1440";
        }

        var message = new AlertMessage(r.Title, r.Text ?? r.Title, r.Clips ?? [], siren, r.Repeat ?? 3);
        DateTimeOffset expires = now + TimeSpan.FromMinutes(minutes);
        draft = id => new AlertDraft(id, kind, hazard, level, target, message, expires);
        return null;
    }

    /// <summary>Builds an update; returns an error or null.</summary>
    public static string? TryBuildUpdate(string? levelText, string? title, string? text, int[]? clips, int? expiresInMinutes, DateTimeOffset now, out AlertUpdate? update)
    {
        update = null;
        WarningLevel? level = null;
        if (levelText != null)
        {
            if (!WarningLevels.TryParse(levelText, out WarningLevel parsed))
            {
                return "level must be I, II, III, IV or info";
            }

            level = parsed;
        }

        if (expiresInMinutes is < 1 or > 1440)
        {
            return "expiresInMinutes must be from 1 to 1440";
        }

        AlertMessage? message = title == null && text == null && clips == null ? null : new AlertMessage(title ?? string.Empty, text ?? title ?? string.Empty, clips ?? []);
        update = new AlertUpdate(level, message, expiresInMinutes.HasValue ? now + TimeSpan.FromMinutes(expiresInMinutes.Value) : null);
        return null;
    }
}
