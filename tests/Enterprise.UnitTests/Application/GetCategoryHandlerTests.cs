using Enterprise.Application.Catalog.Categories;
using Enterprise.Domain.Catalog;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class GetCategoryHandlerTests
{
    private readonly Mock<ICategoryQueries> _queries = new();

    [Test]
    public async Task A_category_is_returned()
    {
        var dto = new CategoryDto(Guid.CreateVersion7(), "Books", "books", 1);
        _queries.Setup(queries => queries.FindAsync(dto.Id, It.IsAny<CancellationToken>())).ReturnsAsync(dto);

        var result = await new GetCategoryHandler(_queries.Object).Handle(new GetCategoryQuery(dto.Id), CancellationToken.None);

        Assert.That(result.Value, Is.SameAs(dto));
    }

    [Test]
    public async Task A_missing_category_is_not_found()
    {
        var missing = Guid.CreateVersion7();

        var result = await new GetCategoryHandler(_queries.Object).Handle(new GetCategoryQuery(missing), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(CategoryErrors.NotFound(missing)));
    }
}
