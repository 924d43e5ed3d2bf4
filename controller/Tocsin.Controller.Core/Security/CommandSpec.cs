using System.Text.Json;

namespace Tocsin.Controller.Security;

/// <summary>
/// What a command says, before it is signed. <see cref="Mode"/> is "live", "drill" or "test";
/// <see cref="WriteBody"/> writes the body object's members (null for no body).
/// </summary>
public sealed record CommandSpec(
    string Id,
    long Seq,
    string Kind,
    string Mode,
    long IssuedUtcMs,
    long ExpiresUtcMs,
    Action<Utf8JsonWriter>? WriteBody = null);
