using Enterprise.Application.Common.Caching;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Caching;

/// <summary>
/// Writes outside the mediator pipeline (integration-event consumers) make cached results stale through
/// <see cref="ICacheInvalidationAfterCommit"/>: the entries go when the change commits, not before, and stay when it rolls back.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class CacheInvalidationAfterCommitTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string Cached = "cached";

    private HybridCache Cache => Factory.Services.GetRequiredService<HybridCache>();

    [TestCase(true)]
    [TestCase(false)]
    public async Task In_a_transaction_the_entries_go_on_commit_and_stay_on_rollback(bool commits)
    {
        var key = await CachedKeyAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();

        // Server providers retry transient faults, so a transaction of the caller's runs inside their strategy.
        await dbContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await dbContext.Database.BeginTransactionAsync();
            await WriteMakingStaleAsync(scope.ServiceProvider, key);
            Assert.That(await CachedValueAsync(key), Is.EqualTo(Cached), "still cached before the commit");

            await (commits ? transaction.CommitAsync() : transaction.RollbackAsync());
        });

        Assert.That(await CachedValueAsync(key), Is.EqualTo(commits ? null : Cached));
    }

    [Test]
    public async Task Without_a_transaction_the_entries_go_when_the_save_succeeds()
    {
        var key = await CachedKeyAsync();
        await using var scope = Factory.Services.CreateAsyncScope();

        await WriteMakingStaleAsync(scope.ServiceProvider, key);

        Assert.That(await CachedValueAsync(key), Is.Null);
    }

    private static async Task WriteMakingStaleAsync(IServiceProvider services, string key)
    {
        services.GetRequiredService<EnterpriseDbContext>().Categories.Add(Category.Create(UniqueName("Category"), DateTimeOffset.UtcNow).Value);
        services.GetRequiredService<ICacheInvalidationAfterCommit>().Invalidate([key]);
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
    }

    private async Task<string> CachedKeyAsync()
    {
        var key = $"tests:after-commit:{Guid.NewGuid():N}";
        await Cache.SetAsync(key, Cached);
        Assert.That(await CachedValueAsync(key), Is.EqualTo(Cached));
        return key;
    }

    /// <summary>The cached value, or null when there is none (nothing is stored then: the test's key is read once more at most).</summary>
    private ValueTask<string?> CachedValueAsync(string key) =>
        Cache.GetOrCreateAsync(key, _ => ValueTask.FromResult<string?>(null), new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite });
}
