using System.Diagnostics;
using Enterprise.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>
/// Outermost step: one event per message with its name, duration and outcome. The payload is never
/// logged: it may hold personal data, and its shape belongs to the use case, not to the log schema.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IOutcome
{
    private static readonly string MessageName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.Error is { } error)
            {
                LogRejected(MessageName, elapsedMs, error.Code);
            }
            else
            {
                LogHandled(MessageName, elapsedMs);
            }

            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away: worth a trace of what was abandoned, not an error.
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogCancelled(MessageName, elapsedMs);
            throw;
        }
        catch (Exception exception) when (LogFailed(exception, MessageName, Stopwatch.GetElapsedTime(started).TotalMilliseconds))
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

    private bool LogFailed(Exception exception, string messageName, double elapsedMs)
    {
        LogFailedCore(exception, messageName, elapsedMs);
        return false;
    }
}
