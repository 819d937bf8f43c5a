using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Application;

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
