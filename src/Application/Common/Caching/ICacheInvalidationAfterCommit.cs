namespace Enterprise.Application.Common.Caching;

/// <summary>
/// Makes cached results stale from outside the mediator pipeline, such as an integration-event consumer: the entries are
/// removed (from this instance, from Redis and from every other instance) once the current unit of work's transaction
/// has committed, and never when it rolls back. Commands say the same with <see cref="IInvalidatesCache"/>.
/// </summary>
public interface ICacheInvalidationAfterCommit
{
    /// <param name="staleCacheKeys">The <see cref="ICacheableQuery.CacheKey"/> of each result the pending change makes stale.</param>
    void Invalidate(IReadOnlyCollection<string> staleCacheKeys);
}
