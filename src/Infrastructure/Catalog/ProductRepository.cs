using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Catalog;

internal sealed class ProductRepository(EnterpriseDbContext dbContext) : IProductRepository
{
    public Task<Product?> FindActiveAsync(Guid id, CancellationToken cancellationToken) =>
        dbContext.Products.SingleOrDefaultAsync(product => product.Id == id && product.Status == ProductStatus.Active, cancellationToken);

    public async Task<IReadOnlyList<Product>> ListForUpdateAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await dbContext.Products
            .Where(product => ids.Contains(product.Id))
            .OrderBy(product => product.Id)
            .ToListAsync(cancellationToken);

    public Task<bool> SkuExistsAsync(string sku, Guid? exceptProductId, CancellationToken cancellationToken) =>
        dbContext.Products.AnyAsync(product => product.Sku == sku && product.Id != exceptProductId, cancellationToken);

    public Task<int> CountActiveInCategoryAsync(Guid categoryId, CancellationToken cancellationToken) =>
        dbContext.Products.CountAsync(product => product.CategoryId == categoryId && product.Status == ProductStatus.Active, cancellationToken);

    public void Add(Product product) => dbContext.Products.Add(product);
}
