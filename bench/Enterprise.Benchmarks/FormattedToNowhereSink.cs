using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Enterprise.Benchmarks;

/// <summary>
/// Formats every event as production's JSON does, then discards the text: the logging cost stays in the measurement
/// without filling the benchmark's output.
/// </summary>
internal sealed class FormattedToNowhereSink : ILogEventSink
{
    private readonly RenderedCompactJsonFormatter _formatter = new();

    public void Emit(LogEvent logEvent) => _formatter.Format(logEvent, TextWriter.Null);
}
