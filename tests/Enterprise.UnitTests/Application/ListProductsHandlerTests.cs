using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class ListProductsHandlerTests
{
    private readonly Mock<IProductQueries> _queries = new();
    private readonly PagedResult<ProductDto> _page = new([], 1, 20, 0);
    private (ProductListDefinition List, int Page, int PageSize)? _read;

    [SetUp]
    public void RecordWhatIsRead() =>
        _queries.Setup(queries => queries.ListAsync(It.IsAny<ProductListDefinition>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback((ProductListDefinition list, int page, int pageSize, CancellationToken _) => _read = (list, page, pageSize))
            .ReturnsAsync(_page);

    [Test]
    public async Task The_query_reads_its_page_of_the_list_with_a_trimmed_search_and_parsed_sort()
    {
        var categoryId = Guid.CreateVersion7();
        var query = new ListProductsQuery { Page = 2, PageSize = 50, Selection = new() { CategoryId = categoryId, Search = "  clean ", Sort = "-price,name" } };

        var result = await new ListProductsHandler(_queries.Object).Handle(query, CancellationToken.None);

        Assert.That(_read, Is.Not.Null);
        var (list, page, pageSize) = _read!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.SameAs(_page));
            Assert.That(page, Is.EqualTo(2));
            Assert.That(pageSize, Is.EqualTo(50));
            Assert.That(list.CategoryId, Is.EqualTo(categoryId));
            Assert.That(list.Search, Is.EqualTo("clean"));
            Assert.That(list.Sort, Is.EqualTo(new[]
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

        Assert.That(_read, Is.Not.Null);
        var list = _read!.Value.List;
        Assert.Multiple(() =>
        {
            Assert.That(list.Search, Is.Null);
            Assert.That(list.CategoryId, Is.Null);
            Assert.That(list.Status, Is.EqualTo(ProductStatus.Active));
            Assert.That(list.Sort, Is.EqualTo(ProductSort.Default));
        });
    }

    [Test]
    public async Task An_invalid_sort_is_rejected_without_querying()
    {
        var result = await new ListProductsHandler(_queries.Object).Handle(new ListProductsQuery { Selection = new() { Sort = "colour" } }, CancellationToken.None);

        Assert.That(result.Error!.Code, Is.EqualTo("Product.Sort.Invalid"));
        _queries.Verify(
            queries => queries.ListAsync(It.IsAny<ProductListDefinition>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }
}
