using Enterprise.Application.Common.Persistence;
using Mediator;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>
/// Innermost step for queries: the handler's reads run as one unit, run again whole after a transient database fault
/// (<see cref="IReadRetry"/>). A cached answer never gets here.
/// </summary>
public sealed class ReadRetryBehavior<TMessage, TResponse>(IReadRetry readRetry)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseQuery
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        readRetry.RunAsync((message, next), static (step, token) => step.next(step.message, token), cancellationToken);
}
