using Enterprise.Application.Common.Persistence;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Read side for products: untracked projections straight to DTOs.</summary>
public interface IProductQueries
{
    /// <summary>The active product, or null when it does not exist or is archived.</summary>
    Task<ProductDto?> FindActiveAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>One offset page of <paramref name="list"/>, with the list's total count.</summary>
    Task<PagedResult<ProductDto>> ListAsync(ProductListDefinition list, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// The first <paramref name="limit"/> products of <paramref name="list"/> that come after <paramref name="after"/>,
    /// or from the start when it is <see langword="null"/>.
    /// </summary>
    Task<KeysetSlice<ProductDto>> SeekAsync(ProductListDefinition list, int limit, ProductListPosition? after, CancellationToken cancellationToken);
}
