using System.Text;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>
/// A serial line between the node and a technician: <see cref="Type"/> feeds bytes to the node,
/// <see cref="TakeOutput"/> collects what the node wrote. Thread-safe, so a TCP or stdin bridge
/// can sit on the other end.
/// </summary>
public sealed class SimSerialLine : ISerialLine
{
    private readonly Queue<byte> _toNode = new();
    private readonly List<byte> _fromNode = new();
    private readonly object _gate = new();

    /// <summary>Raised (on the node's thread) when the node writes.</summary>
    public event Action<byte[]>? Written;

    /// <inheritdoc />
    public int OverflowCount => 0;

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            int n = 0;
            while (n < count && _toNode.Count > 0)
            {
                buffer[offset + n++] = _toNode.Dequeue();
            }

            return n;
        }
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        byte[] copy = buffer.AsSpan(offset, count).ToArray();
        lock (_gate)
        {
            _fromNode.AddRange(copy);
        }

        Written?.Invoke(copy);
    }

    /// <summary>Sends text to the node as typed (UTF-8).</summary>
    public void Type(string text) => TypeBytes(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends raw bytes to the node.</summary>
    public void TypeBytes(byte[] bytes)
    {
        lock (_gate)
        {
            foreach (byte b in bytes)
            {
                _toNode.Enqueue(b);
            }
        }
    }

    /// <summary>Returns and clears what the node wrote, decoded as UTF-8.</summary>
    public string TakeOutput()
    {
        lock (_gate)
        {
            string text = Encoding.UTF8.GetString(_fromNode.ToArray());
            _fromNode.Clear();
            return text;
        }
    }
}
