using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;

namespace Enterprise.UnitTests.Application;

public sealed class PagedQueryValidatorTests
{
    private readonly PagedQueryValidator _validator = new();

    [Test]
    public void The_defaults_of_every_offset_paged_query_pass()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_validator.Validate(new ListProductsQuery()).Errors, Is.Empty);
            Assert.That(_validator.Validate(new ListCategoriesQuery()).Errors, Is.Empty);
        });
    }

    [TestCase(1, 1)]
    [TestCase(Paging.MaxPage, Paging.MaxPageSize)]
    public void Paging_within_the_limits_passes(int page, int pageSize)
    {
        var query = new ListProductsQuery { Page = page, PageSize = pageSize };

        Assert.That(_validator.Validate(query).Errors, Is.Empty);
    }

    [TestCase(0, Paging.DefaultPageSize, "Page")]
    [TestCase(-1, Paging.DefaultPageSize, "Page")]
    [TestCase(Paging.MaxPage + 1, Paging.DefaultPageSize, "Page")]
    [TestCase(1, 0, "PageSize")]
    [TestCase(1, -5, "PageSize")]
    [TestCase(1, Paging.MaxPageSize + 1, "PageSize")]
    public void Paging_outside_the_limits_fails_on_that_field(int page, int pageSize, string property)
    {
        var failures = _validator.Validate(new ListCategoriesQuery { Page = page, PageSize = pageSize }).Errors;

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { property }));
    }
}
