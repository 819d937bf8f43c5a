using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Common.Persistence;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class ListCategoriesHandlerTests
{
    [Test]
    public async Task The_requested_page_is_returned()
    {
        var page = new PagedResult<CategoryDto>([new CategoryDto(Guid.CreateVersion7(), "Books", "books", 1)], 3, 10, 21);
        var queries = new Mock<ICategoryQueries>();
        queries.Setup(categoryQueries => categoryQueries.ListAsync(3, 10, It.IsAny<CancellationToken>())).ReturnsAsync(page);

        var result = await new ListCategoriesHandler(queries.Object)
            .Handle(new ListCategoriesQuery { Page = 3, PageSize = 10 }, CancellationToken.None);

        Assert.That(result.Value, Is.SameAs(page));
    }
}
