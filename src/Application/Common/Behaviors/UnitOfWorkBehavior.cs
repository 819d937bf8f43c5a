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
    where TResponse : IOutcome
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var response = await next(message, cancellationToken);
        if (response.Error is null)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return response;
    }
}
