using Microsoft.Extensions.Logging;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// Takes the controller's warnings (operator alarms, refused proposals, malformed messages) into the
/// run instead of the console: the report shows them on the timeline.
/// </summary>
public sealed class ControllerLogRecorder : ILoggerProvider
{
    private readonly Action<string> _onWarning;

    /// <summary>Calls <paramref name="onWarning"/> for every warning or worse (on the thread that logs it: the round's, or the simulation thread).</summary>
    public ControllerLogRecorder(Action<string> onWarning)
    {
        _onWarning = onWarning;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Recorder(_onWarning);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Recorder(Action<string> onWarning) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                onWarning(formatter(state, exception));
            }
        }
    }
}
