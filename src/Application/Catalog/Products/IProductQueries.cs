using Enterprise.Application.Common.Persistence;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Read side for products: untracked projections straight to DTOs.</summary>
public interface IProductQueries
{
    /// <summary>The active product, or null when it does not exist or is archived.</summary>
    Task<ProductDto?> FindActiveAsync(Guid id, CancellationToken cancellationToken);

    Task<PagedResult<ProductDto>> ListAsync(ProductListCriteria criteria, CancellationToken cancellationToken);

    Task<KeysetSlice<ProductDto>> SeekAsync(ProductSeekCriteria criteria, CancellationToken cancellationToken);
}
