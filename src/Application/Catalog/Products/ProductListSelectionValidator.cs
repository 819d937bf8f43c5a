using System.Globalization;
using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation;

namespace Enterprise.Application.Catalog.Products;

/// <summary>
/// The rules of a selection, for every product list query; names are those callers send (query parameters), since the
/// messages are shown to them.
/// </summary>
internal sealed class ProductListSelectionValidator : AbstractValidator<IProductListQuery>
{
    private static readonly string PriceBoundMessage =
        $"A price bound is an amount from 0 to {Money.MaxAmount.ToString(CultureInfo.InvariantCulture)} with at most {Money.MaxDecimalPlaces} decimal places.";

    public ProductListSelectionValidator() =>
        // Fields are reported as callers name them (q, minPrice, ...), without a "selection." prefix.
        RuleFor(query => query.Selection).ChildRules(selection =>
        {
            selection.RuleFor(selected => selected.Search).MaximumLength(ProductListSelection.SearchMaxLength).OverridePropertyName("q");
            // No stored name or SKU holds a control character, and PostgreSQL cannot take NUL in a parameter (500).
            selection.RuleFor(selected => selected.Search)
                .Must(search => !ControlCharacters.In(search)).WithMessage("The search text must not contain control characters.")
                .OverridePropertyName("q");
            selection.RuleFor(selected => selected.MinPrice).Must(BeAPrice).When(selected => selected.MinPrice is not null)
                .WithMessage(PriceBoundMessage).OverridePropertyName("minPrice");
            selection.RuleFor(selected => selected.MaxPrice).Must(BeAPrice).When(selected => selected.MaxPrice is not null)
                .WithMessage(PriceBoundMessage).OverridePropertyName("maxPrice");
            selection.RuleFor(selected => selected.MaxPrice)
                .GreaterThanOrEqualTo(selected => selected.MinPrice).When(selected => selected.MinPrice is not null && selected.MaxPrice is not null)
                .WithMessage("maxPrice must not be below minPrice.").OverridePropertyName("maxPrice");
            selection.RuleFor(selected => selected.Status).IsInEnum().OverridePropertyName("status");
            selection.RuleFor(selected => selected.Sort).SatisfiesDomainRule(ProductSort.Parse);
        }).OverridePropertyName(string.Empty);

    // Bounds are held to what a price can be, so the SQLite column's scaled integers compare them exactly.
    private static bool BeAPrice(decimal? price) =>
        price is >= 0 and <= Money.MaxAmount && decimal.Round(price.Value, Money.MaxDecimalPlaces) == price;
}
