namespace Enterprise.Application.Catalog.Products;

/// <summary>
/// A product's position in a sorted list, where a keyset page goes on from: its values of the sort fields, in the
/// sort's order, then its id (the final tie-breaker). Values are the product's own (the displayed name, not a folded one).
/// </summary>
public sealed record ProductListPosition(IReadOnlyList<object> Values);
