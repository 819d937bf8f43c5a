using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class GetProductHandlerTests
{
    private readonly Mock<IProductQueries> _queries = new();

    [Test]
    public async Task An_active_product_is_returned()
    {
        var dto = TestData.NewProduct().ToDto();
        _queries.Setup(queries => queries.FindActiveAsync(dto.Id, It.IsAny<CancellationToken>())).ReturnsAsync(dto);

        var result = await new GetProductHandler(_queries.Object).Handle(new GetProductQuery(dto.Id), CancellationToken.None);

        Assert.That(result.Value, Is.SameAs(dto));
    }

    [Test]
    public async Task A_missing_or_archived_product_is_not_found()
    {
        var missing = Guid.CreateVersion7();

        var result = await new GetProductHandler(_queries.Object).Handle(new GetProductQuery(missing), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(ProductErrors.NotFound(missing)));
    }
}
