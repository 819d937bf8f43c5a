using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Categories;

public sealed record ListCategoriesQuery : IPagedQuery, IQuery<Result<PagedResult<CategoryDto>>>
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

internal sealed class ListCategoriesHandler(ICategoryQueries queries)
    : IQueryHandler<ListCategoriesQuery, Result<PagedResult<CategoryDto>>>
{
    public async ValueTask<Result<PagedResult<CategoryDto>>> Handle(ListCategoriesQuery query, CancellationToken cancellationToken) =>
        await queries.ListAsync(query.Page, query.PageSize, cancellationToken);
}
