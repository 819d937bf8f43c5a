using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class ReplaceProductHandlerTests
{
    private readonly Mock<IProductRepository> _products = new();
    private readonly Mock<ICategoryRepository> _categories = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private Product _product = null!;

    [SetUp]
    public void AStoredProduct()
    {
        _product = TestData.NewProduct();
        _clock.Advance(TimeSpan.FromHours(1));
        _products.Setup(repository => repository.FindActiveAsync(_product.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_product);
        _products.Setup(repository => repository.SkuExistsAsync(It.IsAny<string>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _categories.Setup(repository => repository.ExistsAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }

    [Test]
    public async Task The_product_is_replaced_and_returned_with_the_next_version()
    {
        var details = TestData.Details() with { Sku = "bk-2000", Name = "Refactoring", Price = 45m, StockQuantity = 2 };

        var result = await Handle(_product.Id, details);

        var dto = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(dto.Id, Is.EqualTo(_product.Id));
            Assert.That(dto.Sku, Is.EqualTo("BK-2000"));
            Assert.That(dto.Name, Is.EqualTo("Refactoring"));
            Assert.That(dto.Price, Is.EqualTo(45m));
            Assert.That(dto.StockQuantity, Is.EqualTo(2));
            Assert.That(dto.Version, Is.EqualTo(2));
            Assert.That(dto.CreatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(dto.UpdatedAt, Is.EqualTo(TestData.NowUtc.AddHours(1)));
        });
        _products.Verify(repository => repository.SkuExistsAsync("BK-2000", _product.Id, It.IsAny<CancellationToken>()), Times.Once);
        _products.Verify(repository => repository.Add(It.IsAny<Product>()), Times.Never);
    }

    [Test]
    public async Task A_missing_or_archived_product_is_not_found()
    {
        var missing = Guid.CreateVersion7();

        var result = await Handle(missing, TestData.Details());

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.NotFound(missing)));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.NotFound));
        });
    }

    [Test]
    public async Task Invalid_details_are_rejected_with_the_domain_error()
    {
        var result = await Handle(_product.Id, TestData.Details() with { Sku = "-BK" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.SkuFormat));
            Assert.That(_product.Version, Is.EqualTo(1));
        });
        _categories.Verify(repository => repository.ExistsAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task An_unknown_category_is_rejected()
    {
        var unknown = Guid.CreateVersion7();
        _categories.Setup(repository => repository.ExistsAsync(unknown, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var result = await Handle(_product.Id, TestData.Details() with { CategoryId = unknown });

        Assert.That(result.Error, Is.EqualTo(ProductErrors.UnknownCategory(unknown)));
    }

    [Test]
    public async Task A_sku_taken_by_another_product_is_a_conflict()
    {
        _products.Setup(repository => repository.SkuExistsAsync("PB-7", _product.Id, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Handle(_product.Id, TestData.Details() with { Sku = "pb-7" });

        Assert.That(result.Error, Is.EqualTo(ProductErrors.DuplicateSku("PB-7")));
    }

    [Test]
    public async Task A_write_conditional_on_the_current_version_replaces_the_product()
    {
        var result = await Handle(_product.Id, TestData.Details() with { Name = "Refactoring" }, expectedVersions: [7, 1]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Name, Is.EqualTo("Refactoring"));
            Assert.That(result.Value.Version, Is.EqualTo(2));
        });
    }

    [TestCase(new long[] { 2 })]
    [TestCase(new long[0])]
    public async Task A_write_conditional_on_another_version_fails_its_precondition_and_changes_nothing(long[] expectedVersions)
    {
        var result = await Handle(_product.Id, TestData.Details() with { Name = "Refactoring" }, expectedVersions);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(VersionPrecondition.Failed));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.PreconditionFailed));
            Assert.That(_product.Name, Is.EqualTo("Clean Architecture"));
            Assert.That(_product.Version, Is.EqualTo(1));
        });
        _products.Verify(repository => repository.SkuExistsAsync(It.IsAny<string>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_missing_product_is_not_found_whatever_version_the_write_expects()
    {
        var missing = Guid.CreateVersion7();

        var result = await Handle(missing, TestData.Details(), expectedVersions: [1]);

        Assert.That(result.Error, Is.EqualTo(ProductErrors.NotFound(missing)));
    }

    private ValueTask<Result<ProductDto>> Handle(Guid productId, ProductDetails details, IReadOnlyCollection<long>? expectedVersions = null) =>
        new ReplaceProductHandler(_products.Object, _categories.Object, _clock)
            .Handle(new ReplaceProductCommand { ProductId = productId, Details = details, ExpectedVersions = expectedVersions }, CancellationToken.None);
}
