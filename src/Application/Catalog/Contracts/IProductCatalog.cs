namespace Enterprise.Application.Catalog.Contracts;

/// <summary>
/// What Catalog lets other modules read about its products: the published contract, so that no other module touches
/// Catalog's aggregates, repositories or tables. Implemented by Catalog's infrastructure.
/// </summary>
public interface IProductCatalog
{
    /// <summary>The products with these ids that exist (active or archived); unknown ids are simply absent.</summary>
    Task<IReadOnlyList<CatalogProduct>> FindAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);
}

/// <summary>A product as another module may see it: enough to sell it and to keep a snapshot of what was sold.</summary>
public sealed record CatalogProduct(Guid ProductId, string Sku, string Name, decimal Price, string Currency, bool IsActive);
