using Microsoft.Extensions.Logging;

namespace Enterprise.UnitTests.Application;

/// <summary>Keeps every event written to it, rendered, with its structured properties.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<LogRecord> _records = [];

    public IReadOnlyList<LogRecord> Records => _records;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        _records.Add(new LogRecord(logLevel, formatter(state, exception), exception, properties));
    }
}
