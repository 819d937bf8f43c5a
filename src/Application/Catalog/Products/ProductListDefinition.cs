using System.Globalization;
using System.Text.Json;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;

namespace Enterprise.Application.Catalog.Products;

/// <summary>
/// A product list as both list queries read it, whatever their paging: which products (every filter optional but the
/// status) and in what order (then by id), made once from the caller's <see cref="ProductListSelection"/>.
/// </summary>
public sealed record ProductListDefinition(
    Guid? CategoryId,
    string? Search,
    decimal? MinPrice,
    decimal? MaxPrice,
    ProductStatus Status,
    IReadOnlyList<ProductSortTerm> Sort)
{
    /// <summary>Each sort field's value in a product, and its type (as a cursor holds it).</summary>
    private static readonly Dictionary<ProductSortField, (Type Type, Func<ProductDto, object> ValueOf)> SortKeys = new()
    {
        [ProductSortField.Name] = (typeof(string), product => product.Name),
        [ProductSortField.Sku] = (typeof(string), product => product.Sku),
        [ProductSortField.Price] = (typeof(decimal), product => product.Price),
        [ProductSortField.StockQuantity] = (typeof(int), product => product.StockQuantity),
        [ProductSortField.CreatedAt] = (typeof(DateTime), product => product.CreatedAt),
        [ProductSortField.UpdatedAt] = (typeof(DateTime), product => product.UpdatedAt),
    };

    /// <summary>The list a selection names: its sort parsed, a blank search dropped and any other trimmed, active products unless a status is given.</summary>
    public static Result<ProductListDefinition> From(ProductListSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var sort = ProductSort.Parse(selection.Sort);
        if (!sort.IsSuccess)
        {
            return sort.Error;
        }

        return new ProductListDefinition(
            selection.CategoryId,
            string.IsNullOrWhiteSpace(selection.Search) ? null : selection.Search.Trim(),
            selection.MinPrice,
            selection.MaxPrice,
            selection.Status ?? ProductStatus.Active,
            sort.Value);
    }

    /// <summary>A canonical text of the list, equal exactly when the lists are: a cursor's list identity.</summary>
    public string Identity => JsonSerializer.Serialize<string?[]>(
    [
        "products",
        CategoryId?.ToString(),
        Search,
        MinPrice?.ToString(CultureInfo.InvariantCulture),
        MaxPrice?.ToString(CultureInfo.InvariantCulture),
        Status.ToString(),
        string.Join(',', Sort.Select(term => (term.Descending ? "-" : string.Empty) + term.Field)),
    ]);

    /// <summary>The types of a position in this list (<see cref="PositionOf"/>): each sort field's, then the id's.</summary>
    public IReadOnlyList<Type> PositionTypes => [.. Sort.Select(term => SortKeys[term.Field].Type), typeof(Guid)];

    /// <summary>Where <paramref name="product"/> stands in this list.</summary>
    public ProductListPosition PositionOf(ProductDto product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new ProductListPosition([.. Sort.Select(term => SortKeys[term.Field].ValueOf(product)), product.Id]);
    }
}
