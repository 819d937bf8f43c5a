using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Catalog;

internal sealed class CategoryQueries(EnterpriseDbContext dbContext) : ICategoryQueries
{
    public Task<CategoryDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        LiveCategories()
            .Where(category => category.Id == id)
            .ProjectToDto()
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<PagedResult<CategoryDto>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var categories = LiveCategories();
        var totalCount = await categories.CountAsync(cancellationToken);
        var items = await categories
            .OrderBy(category => category.Slug)
            .ThenBy(category => category.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ProjectToDto()
            .ToListAsync(cancellationToken);
        return new PagedResult<CategoryDto>(items, page, pageSize, totalCount);
    }

    private IQueryable<Category> LiveCategories() =>
        dbContext.Categories.AsNoTracking().Where(category => category.DeletedAt == null);
}
