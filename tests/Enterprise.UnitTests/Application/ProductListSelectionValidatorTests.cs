using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;
using FluentValidation.Results;

namespace Enterprise.UnitTests.Application;

/// <summary>The selection rules, run through each list query that carries a <see cref="ProductListSelection"/>.</summary>
[TestFixtureSource(nameof(ListQueries))]
public sealed class ProductListSelectionValidatorTests(Func<ProductListSelection, IProductListQuery> query)
{
    private readonly ProductListSelectionValidator _validator = new();

    private static readonly decimal[] PricesNoProductCanHave = [-0.01m, 1.00001m, Money.MaxAmount + 0.0001m];

    public static IEnumerable<TestFixtureData> ListQueries()
    {
        yield return new TestFixtureData(new Func<ProductListSelection, IProductListQuery>(selection => new ListProductsQuery { Selection = selection }))
            .SetArgDisplayNames(nameof(ListProductsQuery));
        yield return new TestFixtureData(new Func<ProductListSelection, IProductListQuery>(selection => new ListProductsByCursorQuery { Selection = selection }))
            .SetArgDisplayNames(nameof(ListProductsByCursorQuery));
    }

    [Test]
    public void No_selection_passes()
    {
        Assert.That(Validate(new ProductListSelection()), Is.Empty);
    }

    [Test]
    public void Every_filter_and_a_sort_within_the_rules_pass()
    {
        var selection = new ProductListSelection
        {
            CategoryId = Guid.CreateVersion7(),
            Search = "clean",
            MinPrice = 0m,
            MaxPrice = 0m,
            Status = ProductStatus.Archived,
            Sort = "-price,name",
        };

        Assert.That(Validate(selection), Is.Empty);
    }

    [Test]
    public void A_search_of_the_maximum_length_passes()
    {
        Assert.That(Validate(new ProductListSelection { Search = new string('s', ProductListSelection.SearchMaxLength) }), Is.Empty);
    }

    [Test]
    public void A_search_longer_than_the_maximum_fails_on_q_the_name_callers_send_it_as()
    {
        var failures = Validate(new ProductListSelection { Search = new string('s', ProductListSelection.SearchMaxLength + 1) });

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { "q" }));
    }

    [TestCase("clean\0code")]
    [TestCase("line\nbreak")]
    public void A_search_with_a_control_character_fails_on_q(string search)
    {
        var failures = Validate(new ProductListSelection { Search = search });

        Assert.That(failures.Select(failure => (failure.PropertyName, failure.ErrorMessage)), Is.EqualTo(new[]
        {
            ("q", "The search text must not contain control characters."),
        }));
    }

    [TestCaseSource(nameof(PricesNoProductCanHave))]
    public void A_lower_price_bound_that_no_price_can_be_fails_on_min_price(decimal bound)
    {
        var failures = Validate(new ProductListSelection { MinPrice = bound });

        Assert.Multiple(() =>
        {
            Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { "minPrice" }));
            Assert.That(failures[0].ErrorMessage, Is.EqualTo("A price bound is an amount from 0 to 99999999999999.9999 with at most 4 decimal places."));
        });
    }

    [TestCaseSource(nameof(PricesNoProductCanHave))]
    public void An_upper_price_bound_that_no_price_can_be_fails_on_max_price(decimal bound)
    {
        var failures = Validate(new ProductListSelection { MaxPrice = bound });

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { "maxPrice" }));
    }

    [Test]
    public void The_widest_price_bounds_pass()
    {
        Assert.That(Validate(new ProductListSelection { MinPrice = 0m, MaxPrice = Money.MaxAmount }), Is.Empty);
    }

    [Test]
    public void Equal_price_bounds_pass_since_both_are_inclusive()
    {
        Assert.That(Validate(new ProductListSelection { MinPrice = 12.5m, MaxPrice = 12.5m }), Is.Empty);
    }

    [Test]
    public void An_upper_price_bound_below_the_lower_fails_on_max_price()
    {
        var failures = Validate(new ProductListSelection { MinPrice = 10m, MaxPrice = 9.99m });

        Assert.That(failures.Select(failure => (failure.PropertyName, failure.ErrorMessage)), Is.EqualTo(new[]
        {
            ("maxPrice", "maxPrice must not be below minPrice."),
        }));
    }

    [Test]
    public void A_status_outside_the_enum_fails_on_status()
    {
        var failures = Validate(new ProductListSelection { Status = (ProductStatus)42 });

        Assert.That(failures.Select(failure => failure.PropertyName), Is.EqualTo(new[] { "status" }));
    }

    [TestCase("name")]
    [TestCase("-price,sku")]
    [TestCase("StockQuantity,-updatedAt,createdAt")]
    public void An_allowed_sort_passes(string sort)
    {
        Assert.That(Validate(new ProductListSelection { Sort = sort }), Is.Empty);
    }

    [Test]
    public void An_unknown_sort_field_fails_on_sort_naming_the_allowed_fields()
    {
        var failures = Validate(new ProductListSelection { Sort = "colour" });

        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(failures[0].PropertyName, Is.EqualTo("Sort"));
            Assert.That(failures[0].ErrorMessage, Does.Contain("'colour'"));
            Assert.That(failures[0].ErrorMessage, Does.Contain("Allowed fields: name, sku, price, stockQuantity, createdAt, updatedAt"));
            Assert.That(failures[0].ErrorCode, Is.EqualTo("Product.Sort.Invalid"));
        });
    }

    private List<ValidationFailure> Validate(ProductListSelection selection) => _validator.Validate(query(selection)).Errors;
}
