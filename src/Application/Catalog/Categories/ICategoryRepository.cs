using Enterprise.Domain.Catalog;

namespace Enterprise.Application.Catalog.Categories;

/// <summary>Loads and stores category aggregates for commands; deleted categories are invisible here.</summary>
public interface ICategoryRepository
{
    Task<Category?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> SlugExistsAsync(string slug, CancellationToken cancellationToken);

    void Add(Category category);
}
