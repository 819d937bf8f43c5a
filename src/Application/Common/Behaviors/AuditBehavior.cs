using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>
/// One audit event per command, outside authorization so refused writes are recorded too: who
/// (subject), what (command name), which resource, and the outcome. Only these fields are logged:
/// never the payload, which may hold secrets or personal data.
/// </summary>
public sealed partial class AuditBehavior<TMessage, TResponse>(ICurrentUser currentUser, ILoggerFactory loggerFactory)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
    where TResponse : IOutcome
{
    /// <summary>Its own category, so operators can route audit events to a store of their own.</summary>
    public const string LoggerCategory = "Enterprise.Audit";

    private static readonly string CommandName = typeof(TMessage).Name;
    private readonly ILogger _logger = loggerFactory.CreateLogger(LoggerCategory);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var subject = currentUser.Subject;
        try
        {
            var response = await next(message, cancellationToken);
            var resourceId = ResourceIdOf(message, response);
            if (response.Error is { } error)
            {
                LogRejected(subject, CommandName, resourceId, error.Code);
            }
            else
            {
                LogSucceeded(subject, CommandName, resourceId);
            }

            return response;
        }
        catch (Exception) when (LogFailed(subject, CommandName, ResourceIdOf(message, response: default)))
        {
            throw; // Unreachable: the filter logs and declines, so the exception keeps its original stack.
        }
    }

    private static Guid? ResourceIdOf(TMessage message, TResponse? response) => message switch
    {
        IHasResourceId target => target.ResourceId,
        _ => response is IValueOutcome { SuccessValue: IHasResourceId created } ? created.ResourceId : null,
    };

    [LoggerMessage(EventName = "Audit", Level = LogLevel.Information, Message = "Audit: {Subject} ran {CommandName} on {ResourceId}: {Outcome}")]
    private partial void LogAudit(string? subject, string commandName, Guid? resourceId, string outcome);

    [LoggerMessage(EventName = "AuditRejected", Level = LogLevel.Information, Message = "Audit: {Subject} ran {CommandName} on {ResourceId}: {Outcome} with {ErrorCode}")]
    private partial void LogAudit(string? subject, string commandName, Guid? resourceId, string outcome, string errorCode);

    private void LogSucceeded(string? subject, string commandName, Guid? resourceId) =>
        LogAudit(subject, commandName, resourceId, "succeeded");

    private void LogRejected(string? subject, string commandName, Guid? resourceId, string errorCode) =>
        LogAudit(subject, commandName, resourceId, "rejected", errorCode);

    private bool LogFailed(string? subject, string commandName, Guid? resourceId)
    {
        // The exception itself is LoggingBehavior's to log; the audit trail only records that the write failed.
        LogAudit(subject, commandName, resourceId, "failed");
        return false;
    }
}
