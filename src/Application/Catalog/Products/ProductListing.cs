using System.Globalization;
using System.Text.Json;
using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Which products a list holds and in what order, as the caller asked, whatever the list's paging.</summary>
public sealed record ProductListSelection
{
    public Guid? CategoryId { get; init; }

    /// <summary>Case-insensitive text in the name or SKU.</summary>
    public string? Search { get; init; }

    /// <summary>Inclusive lower bound of the price amount, in the product's own currency.</summary>
    public decimal? MinPrice { get; init; }

    /// <summary>Inclusive upper bound of the price amount, in the product's own currency.</summary>
    public decimal? MaxPrice { get; init; }

    /// <summary>Which products; active ones when not given.</summary>
    public ProductStatus? Status { get; init; }

    /// <summary>Comma-separated allow-listed fields, see <see cref="ProductSort"/>.</summary>
    public string? Sort { get; init; }
}

/// <summary>The rules of a selection; names are those callers send (query parameters), since the messages are shown to them.</summary>
internal sealed class ProductListSelectionValidator : AbstractValidator<ProductListSelection>
{
    private static readonly string PriceBoundMessage =
        $"A price bound is an amount from 0 to {Money.MaxAmount.ToString(CultureInfo.InvariantCulture)} with at most {Money.MaxDecimalPlaces} decimal places.";

    public ProductListSelectionValidator()
    {
        RuleFor(selection => selection.Search).MaximumLength(ProductListing.SearchMaxLength).OverridePropertyName("q");
        // No stored name or SKU holds a control character, and PostgreSQL cannot take NUL in a parameter (500).
        RuleFor(selection => selection.Search)
            .Must(search => !ControlCharacters.In(search)).WithMessage("The search text must not contain control characters.")
            .OverridePropertyName("q");
        RuleFor(selection => selection.MinPrice).Must(BeAPrice).When(selection => selection.MinPrice is not null)
            .WithMessage(PriceBoundMessage).OverridePropertyName("minPrice");
        RuleFor(selection => selection.MaxPrice).Must(BeAPrice).When(selection => selection.MaxPrice is not null)
            .WithMessage(PriceBoundMessage).OverridePropertyName("maxPrice");
        RuleFor(selection => selection.MaxPrice)
            .GreaterThanOrEqualTo(selection => selection.MinPrice).When(selection => selection.MinPrice is not null && selection.MaxPrice is not null)
            .WithMessage("maxPrice must not be below minPrice.").OverridePropertyName("maxPrice");
        RuleFor(selection => selection.Status).IsInEnum().OverridePropertyName("status");
        RuleFor(selection => selection.Sort).SatisfiesDomainRule(ProductSort.Parse);
    }

    // Bounds are held to what a price can be, so the SQLite column's scaled integers compare them exactly.
    private static bool BeAPrice(decimal? price) =>
        price is >= 0 and <= Money.MaxAmount && decimal.Round(price.Value, Money.MaxDecimalPlaces) == price;
}

/// <summary>The filter and sort rules and conversions shared by the product list queries.</summary>
public static class ProductListing
{
    public const int SearchMaxLength = 100;

    public static ProductFilter ToFilter(this ProductListSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return new ProductFilter(
            selection.CategoryId,
            string.IsNullOrWhiteSpace(selection.Search) ? null : selection.Search.Trim(),
            selection.MinPrice,
            selection.MaxPrice,
            selection.Status ?? ProductStatus.Active);
    }

    /// <summary>A canonical text of the list a filter and sort select, equal exactly when the lists are: a cursor's list identity.</summary>
    public static string Identity(ProductFilter filter, IReadOnlyList<ProductSortTerm> sort)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(sort);
        string?[] parts =
        [
            "products",
            filter.CategoryId?.ToString(),
            filter.Search,
            filter.MinPrice?.ToString(CultureInfo.InvariantCulture),
            filter.MaxPrice?.ToString(CultureInfo.InvariantCulture),
            filter.Status.ToString(),
            string.Join(',', sort.Select(term => (term.Descending ? "-" : string.Empty) + term.Field)),
        ];
        return JsonSerializer.Serialize(parts);
    }
}
