using Enterprise.Domain.Common;

namespace Enterprise.Domain.Catalog;

/// <summary>A non-negative amount in an ISO 4217 currency, exact to <see cref="MaxDecimalPlaces"/> decimal places.</summary>
public sealed record Money
{
    /// <summary>Four places cover every ISO 4217 minor unit (the largest is 4, for CLF and UYW).</summary>
    public const int MaxDecimalPlaces = 4;

    /// <summary>Eighteen significant digits in all, the precision the databases store.</summary>
    public const int MaxPrecision = 18;

    public const decimal MaxAmount = 99_999_999_999_999.9999m;

    private Money(decimal amount, string currency)
    {
        // Also runs when a database materialises the value: numeric(18,4) reads 12.5 back as 12.5000.
        Amount = WithoutTrailingZeros(amount);
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    /// <summary>12.5 and 12.50 are the same money: strip the scale so they compare and serialise alike.</summary>
    private static decimal WithoutTrailingZeros(decimal amount) => amount / 1.0000000000000000000000000000m;

    public static Result<Money> Create(decimal amount, string? currency)
    {
        if (amount < 0)
        {
            return MoneyErrors.NegativeAmount;
        }

        if (amount > MaxAmount)
        {
            return MoneyErrors.AmountTooLarge;
        }

        if (decimal.Round(amount, MaxDecimalPlaces) != amount)
        {
            return MoneyErrors.TooManyDecimalPlaces;
        }

        var code = currency?.Trim().ToUpperInvariant();
        if (code is null || !CurrencyCodes.IsKnown(code))
        {
            return MoneyErrors.UnknownCurrency;
        }

        return new Money(amount, code);
    }
}

public static class MoneyErrors
{
    public static readonly Error NegativeAmount =
        Error.Validation("Money.Amount.Negative", "The amount must be zero or more.", "price");

    public static readonly Error AmountTooLarge =
        Error.Validation("Money.Amount.TooLarge", $"The amount must be at most {Money.MaxAmount}.", "price");

    public static readonly Error TooManyDecimalPlaces =
        Error.Validation("Money.Amount.Precision", $"The amount may have at most {Money.MaxDecimalPlaces} decimal places.", "price");

    public static readonly Error UnknownCurrency =
        Error.Validation("Money.Currency.Unknown", "The currency must be an ISO 4217 code such as EUR or USD.", "currency");
}
