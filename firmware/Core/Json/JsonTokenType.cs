namespace Tocsin.Firmware.Json;

/// <summary>The token a <see cref="JsonReader"/> stands on.</summary>
public enum JsonTokenType
{
    /// <summary>Before the first Read, at the end, or after an error.</summary>
    None = 0,

    /// <summary>'{'.</summary>
    BeginObject = 1,

    /// <summary>'}'.</summary>
    EndObject = 2,

    /// <summary>'['.</summary>
    BeginArray = 3,

    /// <summary>']'.</summary>
    EndArray = 4,

    /// <summary>An object member's name.</summary>
    PropertyName = 5,

    /// <summary>A string value.</summary>
    String = 6,

    /// <summary>A number value.</summary>
    Number = 7,

    /// <summary>true.</summary>
    True = 8,

    /// <summary>false.</summary>
    False = 9,

    /// <summary>null.</summary>
    Null = 10,
}
