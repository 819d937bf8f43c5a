using Enterprise.Application.Common.Caching;
using Enterprise.Infrastructure.Persistence;

namespace Enterprise.Infrastructure.Caching;

/// <summary>The unit of work's side of <see cref="CommitBoundCacheInvalidation"/>: the keys wait for this scope's context.</summary>
internal sealed class CacheInvalidationAfterCommit(EnterpriseDbContext dbContext, CommitBoundCacheInvalidation invalidation)
    : ICacheInvalidationAfterCommit
{
    public void Invalidate(IReadOnlyCollection<string> staleCacheKeys)
    {
        ArgumentNullException.ThrowIfNull(staleCacheKeys);
        invalidation.Enlist(dbContext, staleCacheKeys);
    }
}
