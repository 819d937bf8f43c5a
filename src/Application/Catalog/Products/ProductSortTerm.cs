namespace Enterprise.Application.Catalog.Products;

/// <summary>One term of a product list's order: a field and its direction.</summary>
public sealed record ProductSortTerm(ProductSortField Field, bool Descending);
