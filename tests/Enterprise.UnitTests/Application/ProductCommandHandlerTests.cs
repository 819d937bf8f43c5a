using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class CreateProductHandlerTests
{
    private readonly Mock<IProductRepository> _products = new();
    private readonly Mock<ICategoryRepository> _categories = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now);

    [SetUp]
    public void KnownCategoryAndFreeSku()
    {
        _categories.Setup(repository => repository.ExistsAsync(TestData.CategoryId, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _products.Setup(repository => repository.SkuExistsAsync(It.IsAny<string>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
    }

    [Test]
    public async Task A_valid_product_is_added_and_returned_normalised()
    {
        var details = TestData.Details() with { Sku = " bk-1042 ", Currency = "eur", Price = 29.90m };

        var result = await Handle(details);

        var dto = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(dto.Id.Version, Is.EqualTo(7));
            Assert.That(dto.Sku, Is.EqualTo("BK-1042"));
            Assert.That(dto.Name, Is.EqualTo("Clean Architecture"));
            Assert.That(dto.Description, Is.EqualTo("A craftsman's guide to software structure."));
            Assert.That(dto.Price, Is.EqualTo(29.9m));
            Assert.That(dto.Currency, Is.EqualTo("EUR"));
            Assert.That(dto.StockQuantity, Is.EqualTo(10));
            Assert.That(dto.CategoryId, Is.EqualTo(TestData.CategoryId));
            Assert.That(dto.Status, Is.EqualTo(ProductStatus.Active));
            Assert.That(dto.CreatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(dto.UpdatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(dto.Version, Is.EqualTo(1));
        });
        _products.Verify(repository => repository.Add(It.Is<Product>(product => product.Id == dto.Id && product.Sku == "BK-1042")), Times.Once);
        _products.Verify(
            repository => repository.SkuExistsAsync("BK-1042", It.Is<Guid?>(except => except == null || except == dto.Id), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Test]
    public async Task Invalid_details_are_rejected_with_the_domain_error_before_any_lookup()
    {
        var result = await Handle(TestData.Details() with { Price = -1m });

        Assert.That(result.Error, Is.EqualTo(MoneyErrors.NegativeAmount));
        _categories.Verify(repository => repository.ExistsAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        _products.Verify(repository => repository.Add(It.IsAny<Product>()), Times.Never);
    }

    [Test]
    public async Task An_unknown_category_is_rejected_and_nothing_is_added()
    {
        var unknown = Guid.CreateVersion7();

        var result = await Handle(TestData.Details() with { CategoryId = unknown });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.UnknownCategory(unknown)));
            Assert.That(result.Error!.Field, Is.EqualTo("categoryId"));
        });
        _products.Verify(repository => repository.Add(It.IsAny<Product>()), Times.Never);
    }

    [Test]
    public async Task A_duplicate_sku_is_a_conflict_naming_the_normalised_sku_and_nothing_is_added()
    {
        _products.Setup(repository => repository.SkuExistsAsync("BK-1042", It.IsAny<Guid?>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Handle(TestData.Details() with { Sku = "bk-1042" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.DuplicateSku("BK-1042")));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.Conflict));
        });
        _products.Verify(repository => repository.Add(It.IsAny<Product>()), Times.Never);
    }

    private ValueTask<Result<ProductDto>> Handle(ProductDetails details) =>
        new CreateProductHandler(_products.Object, _categories.Object, _clock)
            .Handle(new CreateProductCommand { Details = details }, CancellationToken.None);
}

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

public sealed class ArchiveProductHandlerTests
{
    private readonly Mock<IProductRepository> _products = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now);

    [Test]
    public async Task An_active_product_is_archived()
    {
        var product = TestData.NewProduct();
        _products.Setup(repository => repository.FindActiveAsync(product.Id, It.IsAny<CancellationToken>())).ReturnsAsync(product);
        _clock.Advance(TimeSpan.FromDays(1));

        var result = await Handle(product.Id);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Status, Is.EqualTo(ProductStatus.Archived));
            Assert.That(result.Value.Version, Is.EqualTo(2));
            Assert.That(product.Status, Is.EqualTo(ProductStatus.Archived));
            Assert.That(product.UpdatedAt, Is.EqualTo(TestData.NowUtc.AddDays(1)));
            Assert.That(product.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_missing_or_already_archived_product_is_not_found()
    {
        var missing = Guid.CreateVersion7();

        var result = await Handle(missing);

        Assert.That(result.Error, Is.EqualTo(ProductErrors.NotFound(missing)));
    }

    [Test]
    public async Task An_archive_conditional_on_the_current_version_archives_the_product()
    {
        var product = TestData.NewProduct();
        _products.Setup(repository => repository.FindActiveAsync(product.Id, It.IsAny<CancellationToken>())).ReturnsAsync(product);

        var result = await Handle(product.Id, expectedVersions: [1]);

        Assert.That(result.Value.Status, Is.EqualTo(ProductStatus.Archived));
    }

    [Test]
    public async Task An_archive_conditional_on_another_version_fails_its_precondition_and_the_product_stays_active()
    {
        var product = TestData.NewProduct();
        _products.Setup(repository => repository.FindActiveAsync(product.Id, It.IsAny<CancellationToken>())).ReturnsAsync(product);

        var result = await Handle(product.Id, expectedVersions: [2]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(VersionPrecondition.Failed));
            Assert.That(product.Status, Is.EqualTo(ProductStatus.Active));
            Assert.That(product.Version, Is.EqualTo(1));
        });
    }

    private ValueTask<Result<ProductDto>> Handle(Guid productId, IReadOnlyCollection<long>? expectedVersions = null) =>
        new ArchiveProductHandler(_products.Object, _clock)
            .Handle(new ArchiveProductCommand(productId) { ExpectedVersions = expectedVersions }, CancellationToken.None);
}
