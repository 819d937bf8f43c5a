using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Application.Common.Caching;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Caching.Hybrid;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class CachingBehaviorTests
{
    private readonly Dictionary<string, Result<ProductDto>> _stored = [];
    private readonly Mock<HybridCache> _cache = new();
    private readonly CacheMetrics _metrics = new(TestMeters.Factory());

    public CachingBehaviorTests() =>
        // The cache as HybridCache promises it: a stored value is returned without the factory; otherwise the factory's
        // value is stored and returned, and an exception from the factory stores nothing.
        _cache
            .Setup(cache => cache.GetOrCreateAsync(
                It.IsAny<string>(),
                It.IsAny<It.IsAnyType>(),
                It.IsAny<Func<It.IsAnyType, CancellationToken, ValueTask<Result<ProductDto>>>>(),
                It.IsAny<HybridCacheEntryOptions?>(),
                It.IsAny<IEnumerable<string>?>(),
                It.IsAny<CancellationToken>()))
            .Returns(new InvocationFunc(invocation => new ValueTask<Result<ProductDto>>(GetOrCreateAsync(invocation).AsTask())));

    [Test]
    public async Task A_cacheable_query_is_answered_from_the_cache_after_its_first_run()
    {
        var product = TestData.NewProduct().ToDto();
        var next = new NextStep<GetProductQuery, Result<ProductDto>>(product);
        var behavior = Behavior(enabled: true);
        var query = new GetProductQuery(product.Id);

        var first = await behavior.Handle(query, next.Delegate, CancellationToken.None);
        var second = await behavior.Handle(query, next.Delegate, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Value, Is.SameAs(product));
            Assert.That(second.Value, Is.SameAs(product));
            Assert.That(next.Calls, Is.EqualTo(1), "the handler ran once; the second answer came from the cache");
            Assert.That(_stored.Keys, Is.EqualTo(new[] { ((ICacheableQuery)query).CacheKey }));
        });
    }

    [Test]
    public async Task An_error_is_returned_and_never_stored()
    {
        var productId = Guid.CreateVersion7();
        var next = new NextStep<GetProductQuery, Result<ProductDto>>(ProductErrors.NotFound(productId));
        var behavior = Behavior(enabled: true);

        var first = await behavior.Handle(new GetProductQuery(productId), next.Delegate, CancellationToken.None);
        var second = await behavior.Handle(new GetProductQuery(productId), next.Delegate, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Error, Is.EqualTo(ProductErrors.NotFound(productId)));
            Assert.That(second.Error, Is.EqualTo(ProductErrors.NotFound(productId)));
            Assert.That(next.Calls, Is.EqualTo(2), "each lookup asked the handler again");
            Assert.That(_stored, Is.Empty);
        });
    }

    [Test]
    public async Task With_caching_off_every_query_runs_its_handler_and_the_cache_is_not_touched()
    {
        var product = TestData.NewProduct().ToDto();
        var next = new NextStep<GetProductQuery, Result<ProductDto>>(product);
        var behavior = Behavior(enabled: false);

        await behavior.Handle(new GetProductQuery(product.Id), next.Delegate, CancellationToken.None);
        var second = await behavior.Handle(new GetProductQuery(product.Id), next.Delegate, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second.Value, Is.SameAs(product));
            Assert.That(next.Calls, Is.EqualTo(2));
            Assert.That(_cache.Invocations, Is.Empty);
        });
    }

    [Test]
    public void An_exception_from_the_handler_propagates_and_nothing_is_stored()
    {
        var failure = new InvalidOperationException("The database went away.");
        var next = new NextStep<GetProductQuery, Result<ProductDto>>(() => throw failure);

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Behavior(enabled: true).Handle(new GetProductQuery(Guid.CreateVersion7()), next.Delegate, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.SameAs(failure));
            Assert.That(_stored, Is.Empty);
        });
    }

    [Test]
    public void Only_queries_are_cacheable_and_only_commands_invalidate()
    {
        Assert.Multiple(() =>
        {
            // The mediator applies each behavior only to messages that meet its constraints: a query that is not
            // cacheable never reaches the cache, and no query can invalidate.
            Assert.That(typeof(ICacheableQuery).IsAssignableFrom(typeof(ListProductsQuery)), Is.False);
            Assert.That(typeof(ICacheableQuery).IsAssignableFrom(typeof(GetProductQuery)), Is.True);
            Assert.That(typeof(IInvalidatesCache).IsAssignableFrom(typeof(GetProductQuery)), Is.False);
            Assert.That(typeof(CachingBehavior<,>).GetGenericArguments()[0].GetGenericParameterConstraints(), Does.Contain(typeof(ICacheableQuery)));
            Assert.That(typeof(CacheInvalidationBehavior<,>).GetGenericArguments()[0].GetGenericParameterConstraints(), Does.Contain(typeof(Mediator.IBaseCommand)));
        });
    }

    [Test]
    public void A_product_query_and_the_writes_to_that_product_name_the_same_key()
    {
        var productId = Guid.CreateVersion7();
        var key = ((ICacheableQuery)new GetProductQuery(productId)).CacheKey;

        Assert.Multiple(() =>
        {
            Assert.That(((IInvalidatesCache)new ReplaceProductCommand { ProductId = productId, Details = TestData.Details() }).StaleCacheKeys, Is.EqualTo(new[] { key }));
            Assert.That(((IInvalidatesCache)new ArchiveProductCommand(productId)).StaleCacheKeys, Is.EqualTo(new[] { key }));
            Assert.That(((IInvalidatesCache)new AdjustStockCommand(productId, 1, "Delivery")).StaleCacheKeys, Is.EqualTo(new[] { key }));
            Assert.That(((ICacheableQuery)new GetProductQuery(Guid.CreateVersion7())).CacheKey, Is.Not.EqualTo(key));
        });
    }

    private CachingBehavior<GetProductQuery, Result<ProductDto>> Behavior(bool enabled) =>
        new(_cache.Object, new CachingSettings { Enabled = enabled }, _metrics);

    private async ValueTask<Result<ProductDto>> GetOrCreateAsync(IInvocation invocation)
    {
        var key = (string)invocation.Arguments[0];
        if (_stored.TryGetValue(key, out var stored))
        {
            return stored;
        }

        var factory = (Delegate)invocation.Arguments[2];
        var created = await (ValueTask<Result<ProductDto>>)factory.DynamicInvoke(invocation.Arguments[1], invocation.Arguments[5])!;
        _stored[key] = created;
        return created;
    }
}
