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
}
