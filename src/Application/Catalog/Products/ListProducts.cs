using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Products, filtered, sorted by an allow-listed sort (<see cref="ProductListSelection.Sort"/>) and offset-paged with the total count.</summary>
public sealed record ListProductsQuery : IPagedQuery, IProductListQuery, IQuery<Result<PagedResult<ProductDto>>>
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;

    public ProductListSelection Selection { get; init; } = new();
}

internal sealed class ListProductsHandler(IProductQueries queries)
    : IQueryHandler<ListProductsQuery, Result<PagedResult<ProductDto>>>
{
    public async ValueTask<Result<PagedResult<ProductDto>>> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var list = ProductListDefinition.From(query.Selection);
        return list.IsSuccess ? await queries.ListAsync(list.Value, query.Page, query.PageSize, cancellationToken) : list.Error;
    }
}
