using Enterprise.Application.Common.Persistence;

namespace Enterprise.Application.Catalog.Categories;

/// <summary>Read side for categories: untracked projections straight to DTOs, ordered by name.</summary>
public interface ICategoryQueries
{
    Task<CategoryDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<PagedResult<CategoryDto>> ListAsync(int page, int pageSize, CancellationToken cancellationToken);
}
