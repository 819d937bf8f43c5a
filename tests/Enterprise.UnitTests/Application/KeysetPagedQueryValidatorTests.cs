using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;

namespace Enterprise.UnitTests.Application;

public sealed class KeysetPagedQueryValidatorTests
{
    private readonly KeysetPagedQueryValidator _validator = new();

    [Test]
    public void The_defaults_of_every_keyset_paged_query_pass()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_validator.Validate(new ListProductsByCursorQuery()).Errors, Is.Empty);
            Assert.That(_validator.Validate(new ListCategoriesByCursorQuery()).Errors, Is.Empty);
        });
    }

    [TestCase(1)]
    [TestCase(KeysetPaging.MaxLimit)]
    public void A_limit_within_1_to_100_passes(int limit)
    {
        Assert.That(_validator.Validate(new ListProductsByCursorQuery { Limit = limit }).Errors, Is.Empty);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(KeysetPaging.MaxLimit + 1)]
    public void A_limit_outside_1_to_100_fails_on_limit(int limit)
    {
        var failures = _validator.Validate(new ListCategoriesByCursorQuery { Limit = limit }).Errors;

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { "Limit" }));
    }

    [Test]
    public void A_cursor_longer_than_any_issued_fails_on_cursor()
    {
        var failures = _validator.Validate(new ListProductsByCursorQuery { Cursor = new string('a', PageCursor.MaxLength + 1) }).Errors;

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { "Cursor" }));
    }
}
