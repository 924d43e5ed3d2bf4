using System.Text.Json;

namespace Tocsin.Controller.Validation;

/// <summary>
/// Parses configuration JSON strictly (no duplicate member names, no trailing commas) but lets
/// operators keep comments in their files. A syntax error becomes one <see cref="ValidationError"/>
/// at <c>$</c> naming the line and byte, never an exception.
/// </summary>
public static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = 32,
        AllowDuplicateProperties = false,
    };

    /// <summary>Parses <paramref name="utf8"/>; on failure adds the error and returns null.</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8, List<ValidationError> errors)
    {
        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line
                ? " at line " + (line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ", byte " + ((e.BytePositionInLine ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : string.Empty;
            errors.Add(new ValidationError(JsonPath.Root, "not valid JSON" + where + ": " + FirstSentence(e.Message)));
            return null;
        }
    }

    // System.Text.Json appends its own path and position to messages; ours are already given.
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
