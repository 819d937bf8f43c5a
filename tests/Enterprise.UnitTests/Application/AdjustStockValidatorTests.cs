using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;

namespace Enterprise.UnitTests.Application;

public sealed class AdjustStockValidatorTests
{
    private static readonly Guid ProductId = Guid.CreateVersion7();

    [TestCase(1)]
    [TestCase(-1)]
    [TestCase(int.MaxValue)]
    [TestCase(int.MinValue)]
    public void A_non_zero_quantity_with_a_reason_passes(int quantity)
    {
        var result = new AdjustStockValidator().Validate(new AdjustStockCommand(ProductId, quantity, "Stocktake"));

        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void A_zero_quantity_fails_on_quantity()
    {
        var result = new AdjustStockValidator().Validate(new AdjustStockCommand(ProductId, 0, "Stocktake"));

        Assert.That(Failures(result), Is.EqualTo(new[] { ("Quantity", ProductErrors.AdjustmentQuantityZero.Description) }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_missing_reason_fails_once_on_reason(string? reason)
    {
        var result = new AdjustStockValidator().Validate(new AdjustStockCommand(ProductId, 5, reason!));

        Assert.That(Failures(result), Is.EqualTo(new[] { ("Reason", ProductErrors.AdjustmentReasonRequired.Description) }));
    }

    [Test]
    public void A_reason_longer_than_the_maximum_fails_on_reason()
    {
        var reason = new string('r', Product.AdjustmentReasonMaxLength + 1);

        var result = new AdjustStockValidator().Validate(new AdjustStockCommand(ProductId, 5, reason));

        Assert.That(Failures(result), Is.EqualTo(new[] { ("Reason", ProductErrors.AdjustmentReasonTooLong.Description) }));
    }

    [Test]
    public void A_reason_of_the_maximum_length_once_trimmed_passes()
    {
        var reason = $"  {new string('r', Product.AdjustmentReasonMaxLength)}  ";

        var result = new AdjustStockValidator().Validate(new AdjustStockCommand(ProductId, 5, reason));

        Assert.That(result.Errors, Is.Empty);
    }

    private static (string Property, string Message)[] Failures(FluentValidation.Results.ValidationResult result) =>
        [.. result.Errors.Select(failure => (failure.PropertyName, failure.ErrorMessage))];
}
