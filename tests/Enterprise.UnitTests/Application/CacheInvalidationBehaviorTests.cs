using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Application.Common.Caching;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Caching.Hybrid;
using Moq;

namespace Enterprise.UnitTests.Application;

/// <summary>The invalidation wraps the unit of work, as in the pipeline: it removes entries only after a successful commit.</summary>
public sealed class CacheInvalidationBehaviorTests
{
    private readonly List<string> _events = [];
    private readonly Mock<HybridCache> _cache = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();

    public CacheInvalidationBehaviorTests()
    {
        _cache
            .Setup(cache => cache.RemoveAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .Callback((IEnumerable<string> keys, CancellationToken _) => _events.AddRange(keys.Select(key => $"remove {key}")))
            .Returns(ValueTask.CompletedTask);
        _unitOfWork
            .Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .Callback(() => _events.Add("commit"))
            .Returns(Task.CompletedTask);
    }

    [Test]
    public async Task A_successful_command_removes_its_entries_after_the_commit_even_if_the_caller_hangs_up()
    {
        var command = new AdjustStockCommand(Guid.CreateVersion7(), 1, "Delivery");
        using var cancellation = new CancellationTokenSource();
        var next = new NextStep<AdjustStockCommand, Result<ProductDto>>(TestData.NewProduct().ToDto());

        var result = await Pipeline(command, next, enabled: true, cancellation.Token);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(_events, Is.EqualTo(new[] { "commit", $"remove {((IInvalidatesCache)command).StaleCacheKeys.Single()}" }));
            _cache.Verify(cache => cache.RemoveAsync(It.IsAny<IEnumerable<string>>(), CancellationToken.None), Times.Once);
        });
    }

    [Test]
    public async Task A_command_that_returns_an_error_removes_nothing()
    {
        var productId = Guid.CreateVersion7();
        var next = new NextStep<AdjustStockCommand, Result<ProductDto>>(ProductErrors.NotFound(productId));

        var result = await Pipeline(new AdjustStockCommand(productId, 1, "Delivery"), next, enabled: true);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.NotFound(productId)));
            Assert.That(_events, Is.Empty);
        });
    }

    [Test]
    public void A_commit_that_fails_removes_nothing()
    {
        _unitOfWork.Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyConflictException());
        var next = new NextStep<AdjustStockCommand, Result<ProductDto>>(TestData.NewProduct().ToDto());

        Assert.ThrowsAsync<ConcurrencyConflictException>(async () =>
            await Pipeline(new AdjustStockCommand(Guid.CreateVersion7(), 1, "Delivery"), next, enabled: true));

        _cache.Verify(cache => cache.RemoveAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_conditional_write_that_loses_at_the_commit_removes_nothing()
    {
        _unitOfWork.Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyConflictException("Row changed.", staleVersion: true, new InvalidOperationException()));
        var command = new AdjustStockCommand(Guid.CreateVersion7(), 1, "Delivery") { ExpectedVersions = [1] };
        var next = new NextStep<AdjustStockCommand, Result<ProductDto>>(TestData.NewProduct().ToDto());

        var result = await Pipeline(command, next, enabled: true);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(VersionPrecondition.Failed));
            Assert.That(_events, Is.Empty);
        });
    }

    [Test]
    public async Task With_caching_off_a_command_commits_and_removes_nothing()
    {
        var next = new NextStep<AdjustStockCommand, Result<ProductDto>>(TestData.NewProduct().ToDto());

        await Pipeline(new AdjustStockCommand(Guid.CreateVersion7(), 1, "Delivery"), next, enabled: false);

        Assert.That(_events, Is.EqualTo(new[] { "commit" }));
    }

    private ValueTask<Result<ProductDto>> Pipeline(
        AdjustStockCommand command,
        NextStep<AdjustStockCommand, Result<ProductDto>> handler,
        bool enabled,
        CancellationToken cancellationToken = default)
    {
        var unitOfWork = new UnitOfWorkBehavior<AdjustStockCommand, Result<ProductDto>>(_unitOfWork.Object);
        var invalidation = new CacheInvalidationBehavior<AdjustStockCommand, Result<ProductDto>>(_cache.Object, new CachingSettings { Enabled = enabled });
        return invalidation.Handle(command, (message, token) => unitOfWork.Handle(message, handler.Delegate, token), cancellationToken);
    }
}
