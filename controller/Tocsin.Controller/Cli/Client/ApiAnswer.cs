using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary>A successful answer: the raw text (for <c>--json</c>) and its parsed body (undefined when empty).</summary>
/// <param name="Raw">The response body as sent.</param>
/// <param name="Body">The parsed body.</param>
public sealed record ApiAnswer(string Raw, JsonElement Body);
