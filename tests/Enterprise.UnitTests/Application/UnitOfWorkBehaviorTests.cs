using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class UnitOfWorkBehaviorTests
{
    private readonly Mock<IUnitOfWork> _unitOfWork = new();

    [Test]
    public async Task A_successful_command_is_saved_with_the_callers_token()
    {
        using var cancellation = new CancellationTokenSource();
        var behavior = new UnitOfWorkBehavior<ArchiveProductCommand, Result>(_unitOfWork.Object);
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        var result = await behavior.Handle(new ArchiveProductCommand(Guid.CreateVersion7()), next.Delegate, cancellation.Token);

        Assert.That(result.IsSuccess, Is.True);
        _unitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(cancellation.Token), Times.Once);
    }

    [Test]
    public async Task A_successful_command_with_a_value_is_saved_and_its_response_returned()
    {
        Result<ProductDto> response = TestData.NewProduct().ToDto();
        var behavior = new UnitOfWorkBehavior<AdjustStockCommand, Result<ProductDto>>(_unitOfWork.Object);
        var next = new NextStep<AdjustStockCommand, Result<ProductDto>>(response);

        var result = await behavior.Handle(new AdjustStockCommand(Guid.CreateVersion7(), 1, "Delivery"), next.Delegate, CancellationToken.None);

        Assert.That(result, Is.EqualTo(response));
        _unitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_command_that_returns_an_error_saves_nothing()
    {
        var productId = Guid.CreateVersion7();
        var behavior = new UnitOfWorkBehavior<AdjustStockCommand, Result<ProductDto>>(_unitOfWork.Object);
        var next = new NextStep<AdjustStockCommand, Result<ProductDto>>(ProductErrors.InsufficientStock(1, -2));

        var result = await behavior.Handle(new AdjustStockCommand(productId, -2, "Sale"), next.Delegate, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(ProductErrors.InsufficientStock(1, -2)));
        _unitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void An_exception_from_the_handler_propagates_and_nothing_is_saved()
    {
        var failure = new InvalidOperationException("Handler failed.");
        var behavior = new UnitOfWorkBehavior<ArchiveProductCommand, Result>(_unitOfWork.Object);
        var next = new NextStep<ArchiveProductCommand, Result>(() => throw failure);

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await behavior.Handle(new ArchiveProductCommand(Guid.CreateVersion7()), next.Delegate, CancellationToken.None));

        Assert.That(thrown, Is.SameAs(failure));
        _unitOfWork.Verify(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void A_concurrency_conflict_while_saving_propagates()
    {
        _unitOfWork.Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyConflictException());
        var behavior = new UnitOfWorkBehavior<ArchiveProductCommand, Result>(_unitOfWork.Object);
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        Assert.ThrowsAsync<ConcurrencyConflictException>(async () =>
            await behavior.Handle(new ArchiveProductCommand(Guid.CreateVersion7()), next.Delegate, CancellationToken.None));
    }

    [Test]
    public async Task A_conditional_command_that_loses_to_another_write_of_its_row_fails_its_precondition()
    {
        _unitOfWork.Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException("Row changed.", staleVersion: true, new InvalidOperationException()));
        var behavior = new UnitOfWorkBehavior<ArchiveProductCommand, Result>(_unitOfWork.Object);
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        var result = await behavior.Handle(
            new ArchiveProductCommand(Guid.CreateVersion7()) { ExpectedVersions = [3] }, next.Delegate, CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(VersionPrecondition.Failed));
    }

    [Test]
    public void A_conditional_command_that_loses_a_unique_value_race_is_still_a_conflict()
    {
        _unitOfWork.Setup(unitOfWork => unitOfWork.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException("SKU taken.", staleVersion: false, new InvalidOperationException()));
        var behavior = new UnitOfWorkBehavior<ArchiveProductCommand, Result>(_unitOfWork.Object);
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await behavior.Handle(
            new ArchiveProductCommand(Guid.CreateVersion7()) { ExpectedVersions = [3] }, next.Delegate, CancellationToken.None));
    }
}
