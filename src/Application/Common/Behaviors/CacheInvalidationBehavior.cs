using Enterprise.Application.Common.Caching;
using Enterprise.Domain.Common;
using Mediator;
using Microsoft.Extensions.Caching.Hybrid;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>
/// Just outside <see cref="UnitOfWorkBehavior{TMessage, TResponse}"/> for commands that make cached results stale: once the
/// transaction has committed, their entries are removed from this instance's memory and from Redis, and the other
/// instances are told to drop theirs. A command that failed, or whose commit failed, removes nothing.
/// </summary>
public sealed class CacheInvalidationBehavior<TMessage, TResponse>(HybridCache cache, CachingSettings settings)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IInvalidatesCache, IBaseCommand
    where TResponse : IOutcome
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var response = await next(message, cancellationToken);
        if (response.Error is null && settings.Enabled)
        {
            // Not cancellable: the change has committed, so it must become visible even if the caller hangs up now.
            await cache.RemoveAsync(message.StaleCacheKeys, CancellationToken.None);
        }

        return response;
    }
}
