using System.Text.Json;
using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation.Results;

namespace Enterprise.UnitTests.Application;

/// <summary>The product field rules, run through each command that carries <see cref="ProductDetails"/>.</summary>
[TestFixtureSource(nameof(DetailsCommands))]
public sealed class ProductDetailsValidatorTests(Func<ProductDetails, IProductDetailsCommand> command)
{
    private readonly ProductDetailsValidator _validator = new();

    public static IEnumerable<TestFixtureData> DetailsCommands()
    {
        yield return new TestFixtureData(new Func<ProductDetails, IProductDetailsCommand>(details => new CreateProductCommand { Details = details }))
            .SetArgDisplayNames(nameof(CreateProductCommand));
        yield return new TestFixtureData(new Func<ProductDetails, IProductDetailsCommand>(
                details => new ReplaceProductCommand { ProductId = Guid.CreateVersion7(), Details = details }))
            .SetArgDisplayNames(nameof(ReplaceProductCommand));
    }

    [Test]
    public void Valid_details_pass()
    {
        Assert.That(Validate(TestData.Details()), Is.Empty);
    }

    [Test]
    public void Details_the_domain_normalises_pass()
    {
        var details = TestData.Details() with { Sku = " bk-1042 ", Currency = " eur ", Description = null, Price = 0m, StockQuantity = 0 };

        Assert.That(Validate(details), Is.Empty);
    }

    [TestCaseSource(typeof(TestData), nameof(TestData.DetailsBreakingOneRule))]
    public void Details_that_break_a_rule_fail_on_that_field_with_the_domain_message(ProductDetails details, Error expected)
    {
        var failures = Validate(details);

        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(JsonNamingPolicy.CamelCase.ConvertName(failures[0].PropertyName), Is.EqualTo(expected.Field));
            Assert.That(failures[0].ErrorMessage, Is.EqualTo(expected.Description));
        });
    }

    [Test]
    public void Failures_are_named_after_the_field_without_a_details_prefix()
    {
        var details = TestData.Details() with { Sku = "", Name = "", Price = -1m, Currency = "", StockQuantity = -1, CategoryId = Guid.Empty };

        var properties = Validate(details).Select(failure => failure.PropertyName);

        Assert.That(properties, Is.EquivalentTo(new[] { "Sku", "Name", "Price", "Currency", "StockQuantity", "CategoryId" }));
    }

    [Test]
    public void A_sku_failure_carries_the_domain_error_code()
    {
        var failures = Validate(TestData.Details() with { Sku = "BK--1" });

        Assert.That(failures.Select(failure => failure.ErrorCode), Is.EqualTo(new[] { ProductErrors.SkuFormat.Code }));
    }

    private List<ValidationFailure> Validate(ProductDetails details) => _validator.Validate(command(details)).Errors;
}
