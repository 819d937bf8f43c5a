using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Common;

namespace Enterprise.UnitTests.Application;

public sealed class ProductSortTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Parse_gives_the_default_order_by_name_when_no_sort_is_given(string? sort)
    {
        var result = ProductSort.Parse(sort);

        Assert.That(result.Value, Is.EqualTo(new[] { new ProductSortTerm(ProductSortField.Name, Descending: false) }));
    }

    [TestCase("name", ProductSortField.Name)]
    [TestCase("sku", ProductSortField.Sku)]
    [TestCase("price", ProductSortField.Price)]
    [TestCase("stockQuantity", ProductSortField.StockQuantity)]
    [TestCase("createdAt", ProductSortField.CreatedAt)]
    [TestCase("updatedAt", ProductSortField.UpdatedAt)]
    public void Parse_reads_each_allowed_field_ascending(string sort, ProductSortField field)
    {
        var result = ProductSort.Parse(sort);

        Assert.That(result.Value, Is.EqualTo(new[] { new ProductSortTerm(field, Descending: false) }));
    }

    [Test]
    public void Parse_reads_a_leading_hyphen_as_descending()
    {
        var result = ProductSort.Parse("-price");

        Assert.That(result.Value, Is.EqualTo(new[] { new ProductSortTerm(ProductSortField.Price, Descending: true) }));
    }

    [Test]
    public void Parse_keeps_several_terms_in_the_order_given()
    {
        var result = ProductSort.Parse(" -createdAt , name,-sku ");

        Assert.That(result.Value, Is.EqualTo(new[]
        {
            new ProductSortTerm(ProductSortField.CreatedAt, Descending: true),
            new ProductSortTerm(ProductSortField.Name, Descending: false),
            new ProductSortTerm(ProductSortField.Sku, Descending: true),
        }));
    }

    [TestCase("PRICE")]
    [TestCase("Price")]
    [TestCase("pRiCe")]
    public void Parse_ignores_the_case_of_field_names(string sort)
    {
        var result = ProductSort.Parse(sort);

        Assert.That(result.Value, Is.EqualTo(new[] { new ProductSortTerm(ProductSortField.Price, Descending: false) }));
    }

    [Test]
    public void Parse_reads_stock_quantity_in_any_case()
    {
        var result = ProductSort.Parse("-STOCKQUANTITY");

        Assert.That(result.Value, Is.EqualTo(new[] { new ProductSortTerm(ProductSortField.StockQuantity, Descending: true) }));
    }

    [TestCase("colour")]
    [TestCase("+price")]
    [TestCase("--price")]
    [TestCase("-")]
    [TestCase("name,")]
    [TestCase("name,,price")]
    [TestCase("id")]
    [TestCase("Status")]
    public void Parse_rejects_a_field_outside_the_allow_list_and_names_the_allowed_fields(string sort)
    {
        var result = ProductSort.Parse(sort);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("Product.Sort.Invalid"));
            Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
            Assert.That(result.Error.Field, Is.EqualTo("sort"));
            Assert.That(result.Error.Description, Does.Contain("Allowed fields: name, sku, price, stockQuantity, createdAt, updatedAt"));
        });
    }

    [Test]
    public void Parse_quotes_the_rejected_term()
    {
        var result = ProductSort.Parse("name,-colour");

        Assert.That(result.Error!.Description, Does.StartWith("Cannot sort by '-colour'."));
    }

    [Test]
    public void Parse_truncates_a_long_rejected_term_in_the_message()
    {
        var term = new string('x', 500);

        var result = ProductSort.Parse(term);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Description, Does.Contain($"'{new string('x', 40)}…'"));
            Assert.That(result.Error.Description, Does.Not.Contain(new string('x', 41)));
        });
    }

    [TestCase("name,name")]
    [TestCase("price,-price")]
    [TestCase("sku,name,SKU")]
    public void Parse_rejects_a_field_given_twice(string sort)
    {
        var result = ProductSort.Parse(sort);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("Product.Sort.Invalid"));
            Assert.That(result.Error.Description, Does.Contain("appears more than once"));
        });
    }

    [Test]
    public void Parse_accepts_the_maximum_number_of_terms()
    {
        var result = ProductSort.Parse("name,sku,price,createdAt");

        Assert.That(result.Value, Has.Count.EqualTo(ProductSort.MaxTerms));
    }

    [Test]
    public void Parse_rejects_more_terms_than_the_maximum()
    {
        var result = ProductSort.Parse("name,sku,price,createdAt,updatedAt");

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("Product.Sort.Invalid"));
            Assert.That(result.Error.Description, Is.EqualTo($"At most {ProductSort.MaxTerms} sort fields may be given."));
        });
    }
}
