using System.Diagnostics;
using Enterprise.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>
/// Outermost step: one event per message with its name, duration and outcome, and the same duration on
/// <see cref="MediatorMetrics"/>. The payload is never logged: it may hold personal data, and its shape belongs to the
/// use case, not to the log schema.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger, MediatorMetrics metrics)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IOutcome
{
    private static readonly string MessageName = typeof(TMessage).Name;
    private static readonly KeyValuePair<string, object?> MessageTag = MediatorMetrics.MessageTagOf(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (response.Error is { } error)
            {
                metrics.Record(MessageTag, MediatorMetrics.Rejected, elapsed);
                LogRejected(MessageName, elapsed.TotalMilliseconds, error.Code);
            }
            else
            {
                metrics.Record(MessageTag, MediatorMetrics.Handled, elapsed);
                LogHandled(MessageName, elapsed.TotalMilliseconds);
            }

            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away: worth a trace of what was abandoned, not an error.
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.Record(MessageTag, MediatorMetrics.Cancelled, elapsed);
            LogCancelled(MessageName, elapsed.TotalMilliseconds);
            throw;
        }
        catch (Exception exception) when (RecordFailure(exception, Stopwatch.GetElapsedTime(started)))
        {
            throw; // Unreachable: the filter logs and declines, so the exception keeps its original stack.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {MessageName} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string messageName, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {MessageName} in {ElapsedMs:0.0} ms with {ErrorCode}")]
    private partial void LogRejected(string messageName, double elapsedMs, string errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled {MessageName} after {ElapsedMs:0.0} ms")]
    private partial void LogCancelled(string messageName, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed {MessageName} after {ElapsedMs:0.0} ms")]
    private partial void LogFailedCore(Exception exception, string messageName, double elapsedMs);

    private bool RecordFailure(Exception exception, TimeSpan elapsed)
    {
        metrics.Record(MessageTag, MediatorMetrics.Failed, elapsed);
        LogFailedCore(exception, MessageName, elapsed.TotalMilliseconds);
        return false;
    }
}
