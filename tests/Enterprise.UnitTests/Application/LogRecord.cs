using Microsoft.Extensions.Logging;

namespace Enterprise.UnitTests.Application;

/// <summary>One event a <see cref="RecordingLogger{T}"/> kept: rendered, with its structured properties.</summary>
internal sealed record LogRecord(LogLevel Level, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> Properties);
