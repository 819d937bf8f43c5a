using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Moq;

namespace Enterprise.UnitTests.Application;

/// <summary>The load every conditional product write starts with: not found, then the version, then the product.</summary>
public sealed class ProductRepositoryExtensionsTests
{
    private readonly Mock<IProductRepository> _products = new();
    private Product _product = null!;

    [SetUp]
    public void AStoredProduct()
    {
        _product = TestData.NewProduct();
        _products.Setup(repository => repository.FindActiveAsync(_product.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_product);
    }

    [Test]
    public async Task An_unconditional_write_gets_the_active_product()
    {
        var result = await _products.Object.FindActiveForWriteAsync(_product.Id, expectedVersions: null, CancellationToken.None);

        Assert.That(result.Value, Is.SameAs(_product));
    }

    [Test]
    public async Task A_write_conditional_on_the_current_version_among_others_gets_the_product()
    {
        var result = await _products.Object.FindActiveForWriteAsync(_product.Id, [3, 1], CancellationToken.None);

        Assert.That(result.Value, Is.SameAs(_product));
    }

    [TestCase(new long[] { 2 })]
    [TestCase(new long[0])]
    public async Task A_write_conditional_on_another_version_fails_its_precondition(long[] expectedVersions)
    {
        var result = await _products.Object.FindActiveForWriteAsync(_product.Id, expectedVersions, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(VersionPrecondition.Failed));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.PreconditionFailed));
        });
    }

    [TestCase(null)]
    [TestCase(new long[] { 1 })]
    public async Task A_missing_or_archived_product_is_not_found_whatever_version_the_write_expects(long[]? expectedVersions)
    {
        var missing = Guid.CreateVersion7();

        var result = await _products.Object.FindActiveForWriteAsync(missing, expectedVersions, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(ProductErrors.NotFound(missing)));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.NotFound));
        });
    }
}
