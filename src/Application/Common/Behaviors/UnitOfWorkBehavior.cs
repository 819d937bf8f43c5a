using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>
/// Innermost step for commands: the handler only changes aggregates; this commits them in one
/// transaction when the command succeeded, and commits nothing when it returned an error.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var response = await next(message, cancellationToken);
        if (response.Error is not null)
        {
            return response;
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException conflict) when (conflict.StaleVersion && message is IConditionalWrite { ExpectedVersions: not null })
        {
            // The version the caller named was current when checked, but another write committed first: from the
            // caller's side its precondition failed, exactly as if that write had landed before the check.
            return TResponse.Failure(VersionPrecondition.Failed);
        }

        return response;
    }
}
