using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation;

namespace Enterprise.Application.Catalog.Products;

/// <summary>The product's field rules, for create and replace alike; every limit comes from the domain.</summary>
internal sealed class ProductDetailsValidator : AbstractValidator<IProductDetailsCommand>
{
    public ProductDetailsValidator() =>
        // Fields are reported as callers name them (sku, price, ...), without a "details." prefix.
        RuleFor(command => command.Details).ChildRules(details =>
        {
            details.RuleFor(detail => detail.Sku).SatisfiesDomainRule(Sku.Normalize);
            details.RuleFor(detail => detail.Name)
                .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(ProductErrors.NameRequired.Description)
                .Must(name => name is null || name.Trim().Length <= Product.NameMaxLength).WithMessage(ProductErrors.NameTooLong.Description)
                .Must(name => !ControlCharacters.In(name)).WithMessage(ProductErrors.NameControlCharacters.Description);
            details.RuleFor(detail => detail.Description)
                .Must(description => description is null || description.Trim().Length <= Product.DescriptionMaxLength)
                .WithMessage(ProductErrors.DescriptionTooLong.Description)
                .Must(description => !ControlCharacters.In(description, allowLineBreaksAndTabs: true))
                .WithMessage(ProductErrors.DescriptionControlCharacters.Description);
            details.RuleFor(detail => detail.Price)
                .GreaterThanOrEqualTo(0).WithMessage(MoneyErrors.NegativeAmount.Description)
                .LessThanOrEqualTo(Money.MaxAmount).WithMessage(MoneyErrors.AmountTooLarge.Description)
                .Must(price => decimal.Round(price, Money.MaxDecimalPlaces) == price).WithMessage(MoneyErrors.TooManyDecimalPlaces.Description);
            details.RuleFor(detail => detail.Currency)
                .Must(currency => currency is not null && CurrencyCodes.IsKnown(currency.Trim().ToUpperInvariant()))
                .WithMessage(MoneyErrors.UnknownCurrency.Description);
            details.RuleFor(detail => detail.StockQuantity)
                .GreaterThanOrEqualTo(0).WithMessage(ProductErrors.NegativeStock.Description);
            details.RuleFor(detail => detail.CategoryId)
                .NotEqual(Guid.Empty).WithMessage(ProductErrors.CategoryRequired.Description);
        }).OverridePropertyName(string.Empty);
}
