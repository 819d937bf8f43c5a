using System.Data.Common;
using System.Runtime.CompilerServices;
using Enterprise.Application.Common.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;

namespace Enterprise.Infrastructure.Caching;

/// <summary>
/// Holds the cache keys a unit of work made stale (<see cref="ICacheInvalidationAfterCommit"/>) until its changes
/// commit, then removes them: at the end of the save when no transaction is open, else when the transaction commits.
/// A save that fails or a transaction that rolls back drops them. One instance serves every context (pooled contexts
/// share their interceptors), so the keys are kept per context. Only the asynchronous commit paths flush: the
/// application never commits synchronously, and a key left pending is removed by the context's next commit.
/// </summary>
internal sealed class CommitBoundCacheInvalidation(HybridCache cache, CachingSettings settings)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

    /// <summary>Keeps <paramref name="staleCacheKeys"/> until <paramref name="dbContext"/> commits; a context is used by one thread at a time.</summary>
    public void Enlist(DbContext dbContext, IReadOnlyCollection<string> staleCacheKeys)
    {
        if (settings.Enabled)
        {
            _pending.GetOrCreateValue(dbContext).UnionWith(staleCacheKeys);
        }
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { Database.CurrentTransaction: null } dbContext)
        {
            await FlushAsync(dbContext);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { Database.CurrentTransaction: null } dbContext)
        {
            Discard(dbContext);
        }

        return Task.CompletedTask;
    }

    /// <summary>Keys left by a transaction abandoned without a rollback belong to no change that will commit.</summary>
    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await FlushAsync(eventData.Context);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task FlushAsync(DbContext? dbContext)
    {
        if (dbContext is not null && _pending.TryGetValue(dbContext, out var keys) && keys.Count > 0)
        {
            string[] stale = [.. keys];
            keys.Clear();
            // Not cancellable: the change has committed, so it must become visible even if the caller gives up now.
            await cache.RemoveAsync(stale, CancellationToken.None);
        }
    }

    private void Discard(DbContext? dbContext)
    {
        if (dbContext is not null && _pending.TryGetValue(dbContext, out var keys))
        {
            keys.Clear();
        }
    }
}
