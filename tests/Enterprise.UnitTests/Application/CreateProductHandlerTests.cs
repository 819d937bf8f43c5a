using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
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
