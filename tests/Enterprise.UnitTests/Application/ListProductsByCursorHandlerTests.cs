using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class ListProductsByCursorHandlerTests
{
    private readonly Mock<IProductQueries> _queries = new();
    private readonly List<(ProductListDefinition List, int Limit, ProductListPosition? After)> _reads = [];
    private ProductDto _first = null!;
    private ProductDto _last = null!;

    [SetUp]
    public void TwoProductsWithMoreToFollow()
    {
        _first = TestData.NewProduct(TestData.Details() with { Sku = "BK-1", Price = 10m }).ToDto();
        _last = TestData.NewProduct(TestData.Details() with { Sku = "BK-2", Price = 12.5m }).ToDto();
        _queries.Setup(queries => queries.SeekAsync(It.IsAny<ProductListDefinition>(), It.IsAny<int>(), It.IsAny<ProductListPosition?>(), It.IsAny<CancellationToken>()))
            .Callback((ProductListDefinition list, int limit, ProductListPosition? after, CancellationToken _) => _reads.Add((list, limit, after)))
            .ReturnsAsync(new KeysetSlice<ProductDto>([_first, _last], HasMore: true));
    }

    [Test]
    public async Task The_first_page_reads_the_selected_list_from_the_start()
    {
        var categoryId = Guid.CreateVersion7();

        var result = await Handle(new ListProductsByCursorQuery { Limit = 2, Selection = new() { CategoryId = categoryId, Search = " clean ", Sort = "-price" } });

        Assert.That(_reads, Has.Count.EqualTo(1));
        var (list, limit, after) = _reads[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Items, Is.EqualTo(new[] { _first, _last }));
            Assert.That(limit, Is.EqualTo(2));
            Assert.That(after, Is.Null);
            Assert.That(list.CategoryId, Is.EqualTo(categoryId));
            Assert.That(list.Search, Is.EqualTo("clean"));
            Assert.That(list.Status, Is.EqualTo(ProductStatus.Active));
            Assert.That(list.Sort, Is.EqualTo(new[] { new ProductSortTerm(ProductSortField.Price, Descending: true) }));
        });
    }

    [Test]
    public async Task The_next_cursor_continues_after_the_last_product_of_the_page()
    {
        var selection = new ProductListSelection { Sort = "-price" };
        var first = await Handle(new ListProductsByCursorQuery { Limit = 2, Selection = selection });

        await Handle(new ListProductsByCursorQuery { Limit = 2, Cursor = first.Value.NextCursor, Selection = selection });

        Assert.That(_reads, Has.Count.EqualTo(2));
        Assert.That(_reads[1].After!.Values, Is.EqualTo(new object[] { 12.5m, _last.Id }));
    }

    [Test]
    public async Task The_last_page_has_no_next_cursor()
    {
        _queries.Setup(queries => queries.SeekAsync(It.IsAny<ProductListDefinition>(), It.IsAny<int>(), It.IsAny<ProductListPosition?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeysetSlice<ProductDto>([_first], HasMore: false));

        var result = await Handle(new ListProductsByCursorQuery());

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Items, Is.EqualTo(new[] { _first }));
            Assert.That(result.Value.NextCursor, Is.Null);
        });
    }

    [TestCase("minPrice")]
    [TestCase("sort")]
    [TestCase("status")]
    public async Task A_cursor_sent_with_other_filters_or_another_sort_is_rejected_without_querying(string changed)
    {
        var selection = new ProductListSelection { MaxPrice = 50m, Sort = "name" };
        var first = await Handle(new ListProductsByCursorQuery { Selection = selection });
        var other = changed switch
        {
            "minPrice" => selection with { MinPrice = 1m },
            "sort" => selection with { Sort = "-name" },
            _ => selection with { Status = ProductStatus.Archived },
        };

        var result = await Handle(new ListProductsByCursorQuery { Cursor = first.Value.NextCursor, Selection = other });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(PageCursor.OtherList));
            Assert.That(_reads, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_damaged_cursor_is_rejected_without_querying()
    {
        var result = await Handle(new ListProductsByCursorQuery { Cursor = "not-a-cursor" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(PageCursor.Invalid));
            Assert.That(_reads, Is.Empty);
        });
    }

    [Test]
    public async Task An_invalid_sort_is_rejected_without_querying()
    {
        var result = await Handle(new ListProductsByCursorQuery { Selection = new() { Sort = "colour" } });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("Product.Sort.Invalid"));
            Assert.That(_reads, Is.Empty);
        });
    }

    private ValueTask<Result<CursorPage<ProductDto>>> Handle(ListProductsByCursorQuery query) =>
        new ListProductsByCursorHandler(_queries.Object).Handle(query, CancellationToken.None);
}
