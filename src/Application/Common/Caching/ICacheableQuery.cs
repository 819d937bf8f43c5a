namespace Enterprise.Application.Common.Caching;

/// <summary>
/// A query whose successful result may be served from the cache (<see cref="Behaviors.CachingBehavior{TMessage, TResponse}"/>);
/// errors are never cached. The result must not depend on who asks: a result that does must name the caller in its key.
/// </summary>
public interface ICacheableQuery
{
    /// <summary>
    /// Names this query's result among every cached entry, shared by all instances through Redis. Commands that change
    /// the result name the same key (<see cref="IInvalidatesCache"/>), so it is built by one method both use.
    /// </summary>
    string CacheKey { get; }
}
