using Enterprise.Application.Common.Caching;
using Enterprise.Domain.Common;
using Mediator;
using Microsoft.Extensions.Caching.Hybrid;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>
/// For cacheable queries, just before their reads: answers from <see cref="HybridCache"/> (this instance's memory, then
/// Redis when configured) and runs the handler only on a miss; concurrent misses of one key wait for that single run.
/// Only successes are stored: an error (such as not found) goes back to its caller and leaves the cache as it was.
/// </summary>
public sealed class CachingBehavior<TMessage, TResponse>(HybridCache cache, CachingSettings settings, CacheMetrics metrics)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, ICacheableQuery, IMessage
    where TResponse : IOutcome
{
    private static readonly KeyValuePair<string, object?> QueryTag = new(CacheMetrics.QueryTag, typeof(TMessage).Name);

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        // With the cache off the handler answers directly, without this behavior's state machine.
        return settings.Enabled ? GetOrRunAsync(message, next, cancellationToken) : next(message, cancellationToken);
    }

    private async ValueTask<TResponse> GetOrRunAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var lookup = new Lookup(message, next);
        try
        {
            var response = await cache.GetOrCreateAsync(
                message.CacheKey,
                lookup,
                static (lookup, token) => lookup.RunHandlerAsync(token),
                cancellationToken: cancellationToken);
            Count(lookup);
            return response;
        }
        catch (UncachedOutcomeException outcome)
        {
            // The same key's error, from this lookup or from one this lookup waited for: the answer for this caller too.
            Count(lookup);
            return outcome.Response;
        }
    }

    private void Count(Lookup lookup) => (lookup.RanHandler ? metrics.Misses : metrics.Hits).Add(1, QueryTag);

    /// <summary>The state of one lookup, handed to the cache's factory so that no closure is allocated per request.</summary>
    private sealed class Lookup(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next)
    {
        public bool RanHandler { get; private set; }

        public async ValueTask<TResponse> RunHandlerAsync(CancellationToken cancellationToken)
        {
            RanHandler = true;
            var response = await next(message, cancellationToken);
            // The cache stores whatever its factory returns: throwing is the one way to answer without storing.
            return response.Error is null ? response : throw new UncachedOutcomeException(response);
        }
    }

    /// <summary>Carries an error response past the cache, which stores nothing when its factory throws.</summary>
#pragma warning disable CA1032, CA1064 // Never constructed or caught outside this behavior, and always with its response.
    private sealed class UncachedOutcomeException(TResponse response) : Exception
#pragma warning restore CA1032, CA1064
    {
        public TResponse Response { get; } = response;
    }
}
