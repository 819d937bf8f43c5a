using Enterprise.Application.Common.Persistence;

namespace Enterprise.Application.Catalog.Categories;

/// <summary>Read side for categories: untracked projections straight to DTOs, ordered by slug, then id.</summary>
public interface ICategoryQueries
{
    Task<CategoryDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<PagedResult<CategoryDto>> ListAsync(int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> categories after the one with <paramref name="after"/>'s slug and id, or from the start.</summary>
    Task<KeysetSlice<CategoryDto>> SeekAsync(int limit, CategorySortKey? after, CancellationToken cancellationToken);
}

/// <summary>A category's position in the list: its slug, then its id.</summary>
public sealed record CategorySortKey(string Slug, Guid Id);
