using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;

namespace Enterprise.UnitTests.Application;

public sealed class ProductListDefinitionTests
{
    private static readonly Guid CategoryId = Guid.Parse("0195a1b2-0000-7000-8000-0000000000c1");

    [Test]
    public void From_keeps_every_filter_trims_the_search_and_parses_the_sort()
    {
        var selection = new ProductListSelection
        {
            CategoryId = CategoryId,
            Search = "  clean code ",
            MinPrice = 1.5m,
            MaxPrice = 20m,
            Status = ProductStatus.Archived,
            Sort = "-price,name",
        };

        var list = ProductListDefinition.From(selection).Value;

        Assert.Multiple(() =>
        {
            Assert.That(list.CategoryId, Is.EqualTo(CategoryId));
            Assert.That(list.Search, Is.EqualTo("clean code"));
            Assert.That(list.MinPrice, Is.EqualTo(1.5m));
            Assert.That(list.MaxPrice, Is.EqualTo(20m));
            Assert.That(list.Status, Is.EqualTo(ProductStatus.Archived));
            Assert.That(list.Sort, Is.EqualTo(new[]
            {
                new ProductSortTerm(ProductSortField.Price, Descending: true),
                new ProductSortTerm(ProductSortField.Name, Descending: false),
            }));
        });
    }

    [Test]
    public void From_an_empty_selection_is_every_active_product_by_name()
    {
        var list = ProductListDefinition.From(new ProductListSelection { Search = "   " }).Value;

        Assert.That(list, Is.EqualTo(new ProductListDefinition(null, null, null, null, ProductStatus.Active, ProductSort.Default)));
    }

    [Test]
    public void From_a_selection_with_an_invalid_sort_is_the_sort_error()
    {
        var result = ProductListDefinition.From(new ProductListSelection { Sort = "name,colour" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("Product.Sort.Invalid"));
            Assert.That(result.Error.Field, Is.EqualTo("sort"));
        });
    }

    [Test]
    public void Selections_that_name_the_same_list_have_the_same_identity()
    {
        var spelled = Identity(new ProductListSelection { CategoryId = CategoryId, Search = " clean ", MinPrice = 2.50m, Sort = "PRICE, -Name" });
        var canonical = Identity(new ProductListSelection { CategoryId = CategoryId, Search = "clean", MinPrice = 2.50m, Status = ProductStatus.Active, Sort = "price,-name" });

        Assert.That(spelled, Is.EqualTo(canonical));
    }

    [Test]
    public void Each_filter_and_the_sort_change_the_identity()
    {
        var identities = new[]
        {
            Identity(new ProductListSelection()),
            Identity(new ProductListSelection { CategoryId = CategoryId }),
            Identity(new ProductListSelection { Search = "clean" }),
            Identity(new ProductListSelection { MinPrice = 1m }),
            Identity(new ProductListSelection { MaxPrice = 1m }),
            Identity(new ProductListSelection { Status = ProductStatus.Archived }),
            Identity(new ProductListSelection { Sort = "-name" }),
            Identity(new ProductListSelection { Sort = "name,price" }),
        };

        Assert.That(identities, Is.Unique);
    }

    [TestCase("name", typeof(string))]
    [TestCase("sku", typeof(string))]
    [TestCase("price", typeof(decimal))]
    [TestCase("stockQuantity", typeof(int))]
    [TestCase("createdAt", typeof(DateTime))]
    [TestCase("updatedAt", typeof(DateTime))]
    public void A_position_holds_the_sort_field_then_the_id_each_of_its_type(string sort, Type type)
    {
        var list = ProductListDefinition.From(new ProductListSelection { Sort = sort }).Value;

        var position = list.PositionOf(TestData.NewProduct().ToDto());

        Assert.Multiple(() =>
        {
            Assert.That(list.PositionTypes, Is.EqualTo(new[] { type, typeof(Guid) }));
            Assert.That(position.Values.Select(value => value.GetType()), Is.EqualTo(list.PositionTypes));
        });
    }

    [Test]
    public void A_position_holds_the_product_own_values_in_the_sort_order_then_its_id()
    {
        var product = TestData.NewProduct(TestData.Details() with { Name = "Clean Architecture", Price = 29.99m, StockQuantity = 7 }).ToDto();
        var list = ProductListDefinition.From(new ProductListSelection { Sort = "-stockQuantity,price,name,updatedAt" }).Value;

        var position = list.PositionOf(product);

        Assert.That(position.Values, Is.EqualTo(new object[] { 7, 29.99m, "Clean Architecture", product.UpdatedAt, product.Id }));
    }

    [Test]
    public void A_position_survives_a_cursor_of_its_list()
    {
        var product = TestData.NewProduct().ToDto();
        var list = ProductListDefinition.From(new ProductListSelection { Sort = "createdAt,-sku,price" }).Value;
        var position = list.PositionOf(product);

        var read = PageCursor.Read(PageCursor.Create(list.Identity, position.Values), list.Identity, list.PositionTypes);

        Assert.That(read.Value, Is.EqualTo(position.Values));
    }

    private static string Identity(ProductListSelection selection) => ProductListDefinition.From(selection).Value.Identity;
}
