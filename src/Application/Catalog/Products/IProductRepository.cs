using Enterprise.Domain.Catalog;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Loads and stores product aggregates for commands; changes are committed by the unit of work.</summary>
public interface IProductRepository
{
    /// <summary>The product, tracked for changes, unless it does not exist or is archived.</summary>
    Task<Product?> FindActiveAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The products with these ids, archived ones too, tracked for changes, in one query and ordered by id: writers
    /// that change several products then touch them in the same order and cannot deadlock each other.
    /// </summary>
    Task<IReadOnlyList<Product>> ListForUpdateAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<bool> SkuExistsAsync(string sku, Guid? exceptProductId, CancellationToken cancellationToken);

    Task<int> CountActiveInCategoryAsync(Guid categoryId, CancellationToken cancellationToken);

    void Add(Product product);
}
