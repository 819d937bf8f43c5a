using System.Globalization;
using Enterprise.Domain.Catalog;

namespace Enterprise.UnitTests.Domain;

public sealed class MoneyTests
{
    [TestCase("-0.0001")]
    [TestCase("-1")]
    [TestCase("-79228162514264337593543950335")]
    public void Create_rejects_a_negative_amount(decimal amount)
    {
        var result = Money.Create(amount, "EUR");

        Assert.That(result.Error, Is.EqualTo(MoneyErrors.NegativeAmount));
    }

    [Test]
    public void Create_accepts_zero()
    {
        var result = Money.Create(0m, "EUR");

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(result.Value.Amount, Is.Zero);
        });
    }

    [Test]
    public void Create_accepts_the_maximum_amount_exactly()
    {
        var result = Money.Create(Money.MaxAmount, "EUR");

        Assert.That(result.Value.Amount.ToString(CultureInfo.InvariantCulture), Is.EqualTo("99999999999999.9999"));
    }

    [TestCase("99999999999999.99991")]
    [TestCase("100000000000000")]
    [TestCase("79228162514264337593543950335")]
    public void Create_rejects_an_amount_above_the_maximum(decimal amount)
    {
        var result = Money.Create(amount, "EUR");

        Assert.That(result.Error, Is.EqualTo(MoneyErrors.AmountTooLarge));
    }

    [TestCase("0.00001")]
    [TestCase("12.34567")]
    [TestCase("1.0000000000000000000000000001")]
    public void Create_rejects_more_than_four_decimal_places(decimal amount)
    {
        var result = Money.Create(amount, "EUR");

        Assert.That(result.Error, Is.EqualTo(MoneyErrors.TooManyDecimalPlaces));
    }

    [TestCase("0.0001")]
    [TestCase("12.3456")]
    [TestCase("12.3456000")]
    public void Create_accepts_up_to_four_significant_decimal_places(decimal amount)
    {
        var result = Money.Create(amount, "EUR");

        Assert.That(result.Value.Amount, Is.EqualTo(amount));
    }

    [TestCase("XYZ")]
    [TestCase("XXX")]
    [TestCase("EU")]
    [TestCase("EURO")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void Create_rejects_a_currency_that_is_not_an_ISO_4217_code(string? currency)
    {
        var result = Money.Create(10m, currency);

        Assert.That(result.Error, Is.EqualTo(MoneyErrors.UnknownCurrency));
    }

    [TestCase("eur", "EUR")]
    [TestCase("Usd", "USD")]
    [TestCase(" chf ", "CHF")]
    [TestCase("CLF", "CLF")]
    public void Create_normalises_the_currency_to_trimmed_upper_case(string currency, string expected)
    {
        var result = Money.Create(10m, currency);

        Assert.That(result.Value.Currency, Is.EqualTo(expected));
    }

    [TestCase("12.50", "12.5", "12.5")]
    [TestCase("100.0000", "100", "100")]
    [TestCase("0.000", "0", "0")]
    [TestCase("7.1230", "7.123", "7.123")]
    public void Create_drops_trailing_zeros_so_equal_amounts_are_equal_money(decimal withZeros, decimal withoutZeros, string expectedText)
    {
        var first = Money.Create(withZeros, "EUR").Value;
        var second = Money.Create(withoutZeros, "EUR").Value;

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(second));
            Assert.That(first.GetHashCode(), Is.EqualTo(second.GetHashCode()));
            Assert.That(first.Amount.ToString(CultureInfo.InvariantCulture), Is.EqualTo(expectedText));
            Assert.That(second.Amount.ToString(CultureInfo.InvariantCulture), Is.EqualTo(expectedText));
        });
    }

    [Test]
    public void Money_in_different_currencies_is_not_equal()
    {
        var euros = Money.Create(10m, "EUR").Value;
        var dollars = Money.Create(10m, "USD").Value;

        Assert.That(euros, Is.Not.EqualTo(dollars));
    }

    [Test]
    public void The_amount_is_checked_before_the_currency()
    {
        var result = Money.Create(-1m, "nope");

        Assert.That(result.Error, Is.EqualTo(MoneyErrors.NegativeAmount));
    }

    [Test]
    public void Every_money_error_names_its_field()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MoneyErrors.NegativeAmount.Field, Is.EqualTo("price"));
            Assert.That(MoneyErrors.AmountTooLarge.Field, Is.EqualTo("price"));
            Assert.That(MoneyErrors.TooManyDecimalPlaces.Field, Is.EqualTo("price"));
            Assert.That(MoneyErrors.UnknownCurrency.Field, Is.EqualTo("currency"));
        });
    }
}
