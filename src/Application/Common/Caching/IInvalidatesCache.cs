namespace Enterprise.Application.Common.Caching;

/// <summary>
/// A command whose success makes cached query results stale: they are removed from every instance's cache once its
/// transaction has committed (<see cref="Behaviors.CacheInvalidationBehavior{TMessage, TResponse}"/>), and never when it fails.
/// </summary>
public interface IInvalidatesCache
{
    /// <summary>The <see cref="ICacheableQuery.CacheKey"/> of each result this command changes.</summary>
    IReadOnlyList<string> StaleCacheKeys { get; }
}
