using Enterprise.Application.Catalog.Categories;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Catalog;

internal sealed class CategoryRepository(EnterpriseDbContext dbContext) : ICategoryRepository
{
    public Task<Category?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        dbContext.Categories.SingleOrDefaultAsync(category => category.Id == id && category.DeletedAt == null, cancellationToken);

    public Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) =>
        dbContext.Categories.AnyAsync(category => category.Id == id && category.DeletedAt == null, cancellationToken);

    public Task<bool> SlugExistsAsync(string slug, CancellationToken cancellationToken) =>
        dbContext.Categories.AnyAsync(category => category.Slug == slug && category.DeletedAt == null, cancellationToken);

    public void Add(Category category) => dbContext.Categories.Add(category);
}
