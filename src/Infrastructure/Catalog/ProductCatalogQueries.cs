using Enterprise.Application.Catalog.Contracts;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Catalog;

/// <summary>Catalog's published product lookup for other modules: one untracked query, whatever the number of ids.</summary>
internal sealed class ProductCatalogQueries(EnterpriseDbContext dbContext) : IProductCatalog
{
    public async Task<IReadOnlyList<CatalogProduct>> FindAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        if (productIds.Count == 0)
        {
            return [];
        }

        return await dbContext.Products.AsNoTracking()
            .Where(product => productIds.Contains(product.Id))
            .Select(product => new CatalogProduct(
                product.Id,
                product.Sku,
                product.Name,
                product.Price.Amount,
                product.Price.Currency,
                product.Status == ProductStatus.Active))
            .ToListAsync(cancellationToken);
    }
}
