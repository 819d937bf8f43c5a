using System.Globalization;
using System.Text.Json;
using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation;

namespace Enterprise.Application.Catalog.Products;

/// <summary>What every product list query accepts, whatever its paging: the filters and the sort.</summary>
public interface IProductListQuery
{
    Guid? CategoryId { get; }

    /// <summary>Case-insensitive text in the name or SKU.</summary>
    string? Search { get; }

    /// <summary>Inclusive lower bound of the price amount, in the product's own currency.</summary>
    decimal? MinPrice { get; }

    /// <summary>Inclusive upper bound of the price amount, in the product's own currency.</summary>
    decimal? MaxPrice { get; }

    /// <summary>Which products; active ones when not given.</summary>
    ProductStatus? Status { get; }

    /// <summary>Comma-separated allow-listed fields, see <see cref="ProductSort"/>.</summary>
    string? Sort { get; }
}

/// <summary>The filter and sort rules and conversions shared by the product list queries.</summary>
public static class ProductListing
{
    public const int SearchMaxLength = 100;

    private static readonly string PriceBoundMessage =
        $"A price bound is an amount from 0 to {Money.MaxAmount.ToString(CultureInfo.InvariantCulture)} with at most {Money.MaxDecimalPlaces} decimal places.";

    /// <summary>Names are those callers send (query parameters), since the messages are shown to them.</summary>
    public static void RuleForProductListing<TQuery>(this AbstractValidator<TQuery> validator)
        where TQuery : IProductListQuery
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(query => query.Search).MaximumLength(SearchMaxLength).OverridePropertyName("q");
        // No stored name or SKU holds a control character, and PostgreSQL cannot take NUL in a parameter (500).
        validator.RuleFor(query => query.Search)
            .Must(search => !ControlCharacters.In(search)).WithMessage("The search text must not contain control characters.")
            .OverridePropertyName("q");
        validator.RuleFor(query => query.MinPrice).Must(BeAPrice).When(query => query.MinPrice is not null)
            .WithMessage(PriceBoundMessage).OverridePropertyName("minPrice");
        validator.RuleFor(query => query.MaxPrice).Must(BeAPrice).When(query => query.MaxPrice is not null)
            .WithMessage(PriceBoundMessage).OverridePropertyName("maxPrice");
        validator.RuleFor(query => query.MaxPrice)
            .GreaterThanOrEqualTo(query => query.MinPrice).When(query => query.MinPrice is not null && query.MaxPrice is not null)
            .WithMessage("maxPrice must not be below minPrice.").OverridePropertyName("maxPrice");
        validator.RuleFor(query => query.Status).IsInEnum().OverridePropertyName("status");
        validator.RuleFor(query => query.Sort).SatisfiesDomainRule(ProductSort.Parse);
    }

    public static ProductFilter ToFilter(this IProductListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new ProductFilter(
            query.CategoryId,
            string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim(),
            query.MinPrice,
            query.MaxPrice,
            query.Status ?? ProductStatus.Active);
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

    // Bounds are held to what a price can be, so the SQLite column's scaled integers compare them exactly.
    private static bool BeAPrice(decimal? price) =>
        price is >= 0 and <= Money.MaxAmount && decimal.Round(price.Value, Money.MaxDecimalPlaces) == price;
}
