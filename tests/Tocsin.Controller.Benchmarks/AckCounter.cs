using System.Diagnostics;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// Counts the nodes whose command result has been committed, from the engine's commit hook (which
/// runs right after the transaction), and reports the moment the expected number is reached.
/// </summary>
internal sealed class AckCounter
{
    private readonly ControllerEngine _engine;
    private readonly HashSet<string> _nodes = new(StringComparer.Ordinal);
    private TaskCompletionSource<long>? _done;
    private int _expected;

    public AckCounter(ControllerEngine engine)
    {
        _engine = engine;
        engine.Committed += OnCommitted;
    }

    /// <summary>Starts counting afresh; the task gives the <see cref="Stopwatch.GetTimestamp"/> when <paramref name="nodes"/> nodes' results are committed.</summary>
    public Task<Task<long>> ExpectAsync(int nodes) => _engine.Run(() =>
    {
        _nodes.Clear();
        _expected = nodes;
        _done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _done.Task;
    });

    private void OnCommitted(IReadOnlyList<StoredMessage> messages)
    {
        if (_done == null)
        {
            return;
        }

        foreach (StoredMessage m in messages)
        {
            if (m.Stream == "result")
            {
                _nodes.Add(m.Node);
            }
        }

        if (_nodes.Count >= _expected)
        {
            _done.TrySetResult(Stopwatch.GetTimestamp());
            _done = null;
        }
    }
}
