using System.Linq.Expressions;
using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Catalog;

internal sealed class CategoryQueries(EnterpriseDbContext dbContext) : ICategoryQueries
{
    /// <summary>By slug, then id: the id keeps the order total, so pages never swap rows.</summary>
    private static readonly KeysetOrder<Category>[] Order =
    [
        new(new KeysetColumn<Category, string>(category => category.Slug), Descending: false),
        new(new KeysetColumn<Category, Guid>(category => category.Id), Descending: false),
    ];

    private static readonly Expression<Func<Category, CategoryDto>> ToDto = Projection.Of<Category, CategoryDto>(CategoryMapper.ProjectToDto);

    public Task<CategoryDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        LiveCategories()
            .Where(category => category.Id == id)
            .Select(ToDto)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<PagedResult<CategoryDto>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var categories = LiveCategories();
        var totalCount = await categories.CountAsync(cancellationToken);
        var items = await categories
            .OrderBy(Order)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(ToDto)
            .ToListAsync(cancellationToken);
        return new PagedResult<CategoryDto>(items, page, pageSize, totalCount);
    }

    public async Task<KeysetSlice<CategoryDto>> SeekAsync(int limit, CategorySortKey? after, CancellationToken cancellationToken)
    {
        var categories = LiveCategories();
        if (after is not null)
        {
            categories = categories.After(Order, [after.Slug, after.Id]);
        }

        return await categories.OrderBy(Order).Select(ToDto).ReadSliceAsync(limit, cancellationToken);
    }

    private IQueryable<Category> LiveCategories() =>
        dbContext.Categories.AsNoTracking().Where(category => category.DeletedAt == null);
}
