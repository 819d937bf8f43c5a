using Enterprise.Application.Common.Caching;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Categories;

/// <summary>A category by id; served from the cache, which deleting the category invalidates.</summary>
public sealed record GetCategoryQuery(Guid CategoryId) : IQuery<Result<CategoryDto>>, ICacheableQuery
{
    string ICacheableQuery.CacheKey => CategoryCacheKeys.ById(CategoryId);
}

internal sealed class GetCategoryHandler(ICategoryQueries queries) : IQueryHandler<GetCategoryQuery, Result<CategoryDto>>
{
    public async ValueTask<Result<CategoryDto>> Handle(GetCategoryQuery query, CancellationToken cancellationToken)
    {
        var category = await queries.FindAsync(query.CategoryId, cancellationToken);
        return category is null ? CategoryErrors.NotFound(query.CategoryId) : category;
    }
}
