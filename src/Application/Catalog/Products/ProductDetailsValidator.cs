using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation;

namespace Enterprise.Application.Catalog.Products;

/// <summary>The product's field rules, shared by create and replace; every limit comes from the domain.</summary>
internal sealed class ProductDetailsValidator : AbstractValidator<ProductDetails>
{
    public ProductDetailsValidator()
    {
        RuleFor(details => details.Sku).SatisfiesDomainRule(Sku.Normalize);
        RuleFor(details => details.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(ProductErrors.NameRequired.Description)
            .Must(name => name is null || name.Trim().Length <= Product.NameMaxLength).WithMessage(ProductErrors.NameTooLong.Description)
            .Must(name => !ControlCharacters.In(name)).WithMessage(ProductErrors.NameControlCharacters.Description);
        RuleFor(details => details.Description)
            .Must(description => description is null || description.Trim().Length <= Product.DescriptionMaxLength)
            .WithMessage(ProductErrors.DescriptionTooLong.Description)
            .Must(description => !ControlCharacters.In(description, allowLineBreaksAndTabs: true))
            .WithMessage(ProductErrors.DescriptionControlCharacters.Description);
        RuleFor(details => details.Price)
            .GreaterThanOrEqualTo(0).WithMessage(MoneyErrors.NegativeAmount.Description)
            .LessThanOrEqualTo(Money.MaxAmount).WithMessage(MoneyErrors.AmountTooLarge.Description)
            .Must(price => decimal.Round(price, Money.MaxDecimalPlaces) == price).WithMessage(MoneyErrors.TooManyDecimalPlaces.Description);
        RuleFor(details => details.Currency)
            .Must(currency => currency is not null && CurrencyCodes.IsKnown(currency.Trim().ToUpperInvariant()))
            .WithMessage(MoneyErrors.UnknownCurrency.Description);
        RuleFor(details => details.StockQuantity)
            .GreaterThanOrEqualTo(0).WithMessage(ProductErrors.NegativeStock.Description);
        RuleFor(details => details.CategoryId)
            .NotEqual(Guid.Empty).WithMessage(ProductErrors.CategoryRequired.Description);
    }
}
