namespace Enterprise.Application.Catalog.Products;

/// <summary>A validated product list request: filters, order and page.</summary>
public sealed record ProductListCriteria(
    int Page,
    int PageSize,
    Guid? CategoryId,
    string? Search,
    IReadOnlyList<ProductSortTerm> Sort);
