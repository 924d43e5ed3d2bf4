using System.Globalization;
using System.Text.Json;

namespace Tocsin.Controller.Ingest;

/// <summary>
/// Typed access to a payload's members for <see cref="NodeMessageParser"/>, over the payload read once
/// (<see cref="PayloadMembers"/>): the first problem is kept as <see cref="Error"/> (one clear message per
/// refused payload), later reads are no-ops. A member that is null counts as absent.
/// </summary>
internal sealed class PayloadFields
{
    private readonly PayloadMembers _members;
    private readonly int _object;
    private readonly string _what;
    private readonly PayloadFields? _parent;
    private readonly string? _name;
    private string? _error;

    public PayloadFields(PayloadMembers members, string what)
    {
        _members = members;
        _object = PayloadMembers.Root;
        _what = what;
    }

    private PayloadFields(PayloadMembers members, int obj, PayloadFields parent, string name)
    {
        _members = members;
        _object = obj;
        _what = parent._what;
        _parent = parent;
        _name = name;
    }

    /// <summary>The first problem found (in this object or a nested one), or null.</summary>
    public string? Error => _parent == null ? _error : _parent.Error;

    /// <summary>Fields of the nested object <paramref name="name"/>, or null when absent (an error when not an object).</summary>
    public PayloadFields? Nested(string name) => Object(name) is int index ? new PayloadFields(_members, index, this, name) : null;

    public string? String(string name, bool required, int maxChars = 64)
    {
        if (!TryGet(name, required, out int index))
        {
            return null;
        }

        string? s = _members.Token(index) == JsonTokenType.String ? _members.String(index) : null;
        if (s == null || s.Length == 0 || s.Length > maxChars)
        {
            Fail(name, "must be a string of 1 to " + maxChars.ToString(CultureInfo.InvariantCulture) + " characters");
            return null;
        }

        return s;
    }

    public long? Integer(string name, bool required, long min = long.MinValue)
    {
        if (!TryGet(name, required, out int index))
        {
            return null;
        }

        if (_members.Token(index) != JsonTokenType.Number || !_members.TryGetInt64(index, out long n) || n < min)
        {
            Fail(name, min == 1 ? "must be a positive integer" : min == 0 ? "must be a non-negative integer" : "must be an integer");
            return null;
        }

        return n;
    }

    public bool? Boolean(string name, bool required)
    {
        if (!TryGet(name, required, out int index))
        {
            return null;
        }

        JsonTokenType token = _members.Token(index);
        if (token is not (JsonTokenType.True or JsonTokenType.False))
        {
            Fail(name, "must be true or false");
            return null;
        }

        return token == JsonTokenType.True;
    }

    public SensorLevel? Level(string name, bool required)
    {
        string? text = String(name, required, 8);
        if (text == null)
        {
            return null;
        }

        if (!SensorLevels.TryParse(text, out SensorLevel level))
        {
            Fail(name, "must be none, blue, yellow, orange or red");
            return null;
        }

        return level;
    }

    /// <summary>The index of the object member <paramref name="name"/>, or null when absent (an error when not an object).</summary>
    public int? Object(string name)
    {
        if (!TryGet(name, false, out int index))
        {
            return null;
        }

        if (_members.Token(index) != JsonTokenType.StartObject)
        {
            Fail(name, "must be an object");
            return null;
        }

        return index;
    }

    public IReadOnlyList<string> StringArray(string name)
    {
        if (!TryGet(name, false, out int index))
        {
            return [];
        }

        if (_members.Token(index) != JsonTokenType.StartArray)
        {
            Fail(name, "must be an array of strings");
            return [];
        }

        // Most arrays (a healthy node's faults) are empty: nothing to allocate. Only the root's arrays
        // have their elements kept.
        int count = _object == PayloadMembers.Root ? _members.ElementCount(index) : 0;
        if (count == 0)
        {
            return [];
        }

        var strings = new string[count];
        for (int i = 0; i < count; i++)
        {
            if (_members.Token(index + 1 + i) != JsonTokenType.String)
            {
                Fail(name, "must be an array of strings");
                return [];
            }

            strings[i] = _members.String(index + 1 + i);
        }

        return strings;
    }

    /// <summary>
    /// A number member's value, or null when absent or not a number. Never an error: such members are
    /// measurements, which the contract leaves to each node kind.
    /// </summary>
    public double? OptionalNumber(string name) =>
        Error == null && _members.Find(_object, name) is int index and >= 0 && _members.Token(index) == JsonTokenType.Number && _members.TryGetDouble(index, out double d) ? d : null;

    private bool TryGet(string name, bool required, out int index)
    {
        index = Error == null ? _members.Find(_object, name) : -1;
        if (index >= 0 && _members.Token(index) != JsonTokenType.Null)
        {
            return true;
        }

        index = -1;
        if (required)
        {
            Fail(name, "is required");
        }

        return false;
    }

    /// <summary>Records a problem with member <paramref name="name"/> (only the first problem is kept).</summary>
    public void Fail(string name, string message)
    {
        if (_parent != null)
        {
            // Named by its path ("ob.q") only when there is a problem to name.
            _parent.Fail(_name + "." + name, message);
            return;
        }

        _error ??= _what + ": \"" + name + "\" " + message;
    }
}
