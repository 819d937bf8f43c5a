using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>A Serilog sink that keeps every event, for assertions on what the application logged.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The events of one request, found by the correlation id the application attached to each.</summary>
    public IReadOnlyList<LogEvent> ForCorrelationId(string correlationId) =>
        [.. _events.Where(logEvent =>
            logEvent.Properties.TryGetValue("CorrelationId", out var value) &&
            value is ScalarValue { Value: string id } &&
            id == correlationId)];
}
