using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;
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

public sealed class ListProductsHandlerTests
{
    private readonly Mock<IProductQueries> _queries = new();
    private readonly PagedResult<ProductDto> _page = new([], 1, 20, 0);
    private ProductListCriteria? _criteria;

    [SetUp]
    public void RecordTheCriteria() =>
        _queries.Setup(queries => queries.ListAsync(It.IsAny<ProductListCriteria>(), It.IsAny<CancellationToken>()))
            .Callback((ProductListCriteria criteria, CancellationToken _) => _criteria = criteria)
            .ReturnsAsync(_page);

    [Test]
    public async Task The_query_becomes_criteria_with_a_trimmed_search_and_parsed_sort()
    {
        var categoryId = Guid.CreateVersion7();
        var query = new ListProductsQuery { Page = 2, PageSize = 50, Selection = new() { CategoryId = categoryId, Search = "  clean ", Sort = "-price,name" } };

        var result = await new ListProductsHandler(_queries.Object).Handle(query, CancellationToken.None);

        Assert.That(_criteria, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.SameAs(_page));
            Assert.That(_criteria!.Page, Is.EqualTo(2));
            Assert.That(_criteria.PageSize, Is.EqualTo(50));
            Assert.That(_criteria.Filter.CategoryId, Is.EqualTo(categoryId));
            Assert.That(_criteria.Filter.Search, Is.EqualTo("clean"));
            Assert.That(_criteria.Sort, Is.EqualTo(new[]
            {
                new ProductSortTerm(ProductSortField.Price, Descending: true),
                new ProductSortTerm(ProductSortField.Name, Descending: false),
            }));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public async Task A_blank_search_is_no_filter_and_no_sort_is_the_default_order(string? search)
    {
        await new ListProductsHandler(_queries.Object).Handle(new ListProductsQuery { Selection = new() { Search = search } }, CancellationToken.None);

        Assert.That(_criteria, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(_criteria!.Filter.Search, Is.Null);
            Assert.That(_criteria.Filter.CategoryId, Is.Null);
            Assert.That(_criteria.Sort, Is.EqualTo(ProductSort.Default));
        });
    }

    [Test]
    public async Task An_invalid_sort_is_rejected_without_querying()
    {
        var result = await new ListProductsHandler(_queries.Object).Handle(new ListProductsQuery { Selection = new() { Sort = "colour" } }, CancellationToken.None);

        Assert.That(result.Error!.Code, Is.EqualTo("Product.Sort.Invalid"));
        _queries.Verify(queries => queries.ListAsync(It.IsAny<ProductListCriteria>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
