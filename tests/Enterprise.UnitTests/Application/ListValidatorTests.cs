using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;

namespace Enterprise.UnitTests.Application;

public sealed class ListProductsValidatorTests
{
    private readonly ListProductsValidator _validator = new();

    [Test]
    public void The_defaults_pass()
    {
        Assert.That(_validator.Validate(new ListProductsQuery()).Errors, Is.Empty);
    }

    [TestCase(1, 1)]
    [TestCase(Paging.MaxPage, Paging.MaxPageSize)]
    public void Paging_within_the_limits_passes(int page, int pageSize)
    {
        var query = new ListProductsQuery { Page = page, PageSize = pageSize };

        Assert.That(_validator.Validate(query).Errors, Is.Empty);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(Paging.MaxPage + 1)]
    public void A_page_outside_the_limits_fails_on_page(int page)
    {
        var failures = _validator.Validate(new ListProductsQuery { Page = page }).Errors;

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { "Page" }));
    }

    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(Paging.MaxPageSize + 1)]
    public void A_page_size_outside_1_to_100_fails_on_page_size(int pageSize)
    {
        var failures = _validator.Validate(new ListProductsQuery { PageSize = pageSize }).Errors;

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { "PageSize" }));
    }

    [Test]
    public void A_search_of_the_maximum_length_passes()
    {
        var query = new ListProductsQuery { Selection = new() { Search = new string('s', ProductListing.SearchMaxLength) } };

        Assert.That(_validator.Validate(query).Errors, Is.Empty);
    }

    [Test]
    public void A_search_longer_than_the_maximum_fails_on_q_the_name_callers_send_it_as()
    {
        var query = new ListProductsQuery { Selection = new() { Search = new string('s', ProductListing.SearchMaxLength + 1) } };

        var failures = _validator.Validate(query).Errors;

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { "q" }));
    }

    [TestCase("name")]
    [TestCase("-price,sku")]
    [TestCase("StockQuantity,-updatedAt,createdAt")]
    public void An_allowed_sort_passes(string sort)
    {
        Assert.That(_validator.Validate(new ListProductsQuery { Selection = new() { Sort = sort } }).Errors, Is.Empty);
    }

    [Test]
    public void An_unknown_sort_field_fails_on_sort_naming_the_allowed_fields()
    {
        var failures = _validator.Validate(new ListProductsQuery { Selection = new() { Sort = "colour" } }).Errors;

        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(failures[0].PropertyName, Is.EqualTo("Sort"));
            Assert.That(failures[0].ErrorMessage, Does.Contain("'colour'"));
            Assert.That(failures[0].ErrorMessage, Does.Contain("Allowed fields: name, sku, price, stockQuantity, createdAt, updatedAt"));
            Assert.That(failures[0].ErrorCode, Is.EqualTo("Product.Sort.Invalid"));
        });
    }
}

public sealed class ListCategoriesValidatorTests
{
    private readonly ListCategoriesValidator _validator = new();

    [Test]
    public void The_defaults_pass()
    {
        Assert.That(_validator.Validate(new ListCategoriesQuery()).Errors, Is.Empty);
    }

    [TestCase(1, 1)]
    [TestCase(Paging.MaxPage, Paging.MaxPageSize)]
    public void Paging_within_the_limits_passes(int page, int pageSize)
    {
        var query = new ListCategoriesQuery { Page = page, PageSize = pageSize };

        Assert.That(_validator.Validate(query).Errors, Is.Empty);
    }

    [TestCase(0, 20, "Page")]
    [TestCase(Paging.MaxPage + 1, 20, "Page")]
    [TestCase(1, 0, "PageSize")]
    [TestCase(1, Paging.MaxPageSize + 1, "PageSize")]
    public void Paging_outside_the_limits_fails_on_that_field(int page, int pageSize, string property)
    {
        var failures = _validator.Validate(new ListCategoriesQuery { Page = page, PageSize = pageSize }).Errors;

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { property }));
    }
}
