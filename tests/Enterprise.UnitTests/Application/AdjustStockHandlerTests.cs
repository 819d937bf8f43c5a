using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class AdjustStockHandlerTests
{
    private readonly Mock<IProductRepository> _products = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private Product _product = null!;

    [SetUp]
    public void AStoredProductWithTenInStock()
    {
        _product = TestData.NewProduct(TestData.Details() with { StockQuantity = 10 });
        _clock.Advance(TimeSpan.FromMinutes(1));
        _products.Setup(repository => repository.FindActiveAsync(_product.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_product);
    }

    [TestCase(5, 15)]
    [TestCase(-10, 0)]
    public async Task The_stock_is_adjusted_and_the_product_returned(int quantity, int expected)
    {
        var result = await Handle(_product.Id, quantity);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.StockQuantity, Is.EqualTo(expected));
            Assert.That(result.Value.Version, Is.EqualTo(2));
            Assert.That(result.Value.UpdatedAt, Is.EqualTo(TestData.NowUtc.AddMinutes(1)));
            Assert.That(_product.StockQuantity, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task Removing_more_than_is_in_stock_is_a_conflict_and_leaves_the_stock()
    {
        var result = await Handle(_product.Id, -11);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.InsufficientStock(10, -11)));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(_product.StockQuantity, Is.EqualTo(10));
            Assert.That(_product.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_missing_or_archived_product_is_not_found()
    {
        var missing = Guid.CreateVersion7();

        var result = await Handle(missing, 5);

        Assert.That(result.Error, Is.EqualTo(ProductErrors.NotFound(missing)));
    }

    [Test]
    public async Task An_adjustment_conditional_on_the_current_version_changes_the_stock()
    {
        var result = await Handle(_product.Id, 5, expectedVersions: [1]);

        Assert.That(result.Value.StockQuantity, Is.EqualTo(15));
    }

    [Test]
    public async Task An_adjustment_conditional_on_another_version_fails_its_precondition_and_leaves_the_stock()
    {
        var result = await Handle(_product.Id, 5, expectedVersions: [2]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(VersionPrecondition.Failed));
            Assert.That(_product.StockQuantity, Is.EqualTo(10));
            Assert.That(_product.Version, Is.EqualTo(1));
        });
    }

    private ValueTask<Result<ProductDto>> Handle(Guid productId, int quantity, IReadOnlyCollection<long>? expectedVersions = null) =>
        new AdjustStockHandler(_products.Object, _clock)
            .Handle(new AdjustStockCommand(productId, quantity, "Stocktake") { ExpectedVersions = expectedVersions }, CancellationToken.None);
}
