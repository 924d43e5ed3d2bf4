using System.Globalization;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Alerts;

/// <summary>
/// Checks alert content against what broadcast nodes accept (firmware CommandBody and Validity): at
/// most 8 clips numbered 1-2999, repeat 1-5, siren 1-300 s, zones 1-8, a siren or a clip, and a
/// validity of at most 24 hours.
/// </summary>
internal static class AlertValidator
{
    public const int MaxTitleChars = 120;
    public const int MaxTextChars = 2000;
    public const int MaxClips = 8;
    public const int MaxClip = 2999;
    public const int MaxRepeat = 5;
    public const int MaxSirenSeconds = 300;
    public const int MaxZone = 8;
    public static readonly TimeSpan MaxValidity = TimeSpan.FromHours(24);

    public static void CheckMessage(AlertMessage? m, List<ValidationError> errors)
    {
        string p = JsonPath.Member(JsonPath.Root, "message");
        if (m == null)
        {
            errors.Add(new ValidationError(p, "is required"));
            return;
        }

        if (string.IsNullOrWhiteSpace(m.Title) || m.Title.Length > MaxTitleChars)
        {
            errors.Add(new ValidationError(JsonPath.Member(p, "title"), "must be 1 to 120 characters"));
        }

        if (m.Text == null || m.Text.Length > MaxTextChars)
        {
            errors.Add(new ValidationError(JsonPath.Member(p, "text"), "must be at most 2000 characters"));
        }

        IReadOnlyList<int> clips = m.Clips ?? [];
        if (clips.Count > MaxClips)
        {
            errors.Add(new ValidationError(JsonPath.Member(p, "clips"), "may list at most 8 clips"));
        }

        for (int i = 0; i < clips.Count; i++)
        {
            if (clips[i] is < 1 or > MaxClip)
            {
                errors.Add(new ValidationError(JsonPath.Element(JsonPath.Member(p, "clips"), i), "must be a clip number from 1 to 2999"));
            }
        }

        if (m.Siren == SirenPattern.None && clips.Count == 0)
        {
            errors.Add(new ValidationError(JsonPath.Member(p, "clips"), "must list at least one clip when there is no siren"));
        }

        if (m.Repeat is < 1 or > MaxRepeat)
        {
            errors.Add(new ValidationError(JsonPath.Member(p, "repeat"), "must be from 1 to 5"));
        }

        if (m.SirenSeconds is < 1 or > MaxSirenSeconds)
        {
            errors.Add(new ValidationError(JsonPath.Member(p, "sirenSeconds"), "must be from 1 to 300"));
        }

        IReadOnlyList<int> zones = m.Zones ?? [];
        for (int i = 0; i < zones.Count; i++)
        {
            if (zones[i] is < 1 or > MaxZone || zones.Take(i).Contains(zones[i]))
            {
                errors.Add(new ValidationError(JsonPath.Element(JsonPath.Member(p, "zones"), i), "must be a distinct zone from 1 to 8"));
            }
        }
    }

    public static void CheckWindow(DateTimeOffset startsAt, DateTimeOffset expiresAt, DateTimeOffset now, List<ValidationError> errors)
    {
        string p = JsonPath.Member(JsonPath.Root, "expiresAt");
        if (expiresAt <= now)
        {
            errors.Add(new ValidationError(p, "must be in the future"));
        }
        else if (expiresAt <= startsAt)
        {
            errors.Add(new ValidationError(p, "must be after startsAt"));
        }
        else if (expiresAt - startsAt > MaxValidity)
        {
            errors.Add(new ValidationError(p, "must be at most 24 hours after the start (nodes refuse longer broadcasts)"));
        }
    }

    public static string Describe(TimeSpan span) => span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min";
}
