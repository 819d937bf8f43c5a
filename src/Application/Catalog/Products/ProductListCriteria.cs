using Enterprise.Domain.Catalog;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Which products a list holds, whatever its paging: every filter is optional but the status.</summary>
public sealed record ProductFilter(
    Guid? CategoryId,
    string? Search,
    decimal? MinPrice,
    decimal? MaxPrice,
    ProductStatus Status);

/// <summary>A validated offset-paged product list request: filters, order and page.</summary>
public sealed record ProductListCriteria(
    int Page,
    int PageSize,
    ProductFilter Filter,
    IReadOnlyList<ProductSortTerm> Sort);

/// <summary>
/// A validated keyset-paged product list request: the first <paramref name="Limit"/> products of <paramref name="Filter"/>
/// in <paramref name="Sort"/> order (then by id) that come after the position <paramref name="After"/>, or from the start.
/// </summary>
public sealed record ProductSeekCriteria(
    int Limit,
    ProductFilter Filter,
    IReadOnlyList<ProductSortTerm> Sort,
    ProductSortKey? After);

/// <summary>
/// A product's position in a sorted list: its values of the sort fields, in the sort's order, and its id (the final
/// tie-breaker). Values are the product's own (the displayed name, not a folded one).
/// </summary>
public sealed record ProductSortKey(IReadOnlyList<object> Values, Guid Id);
