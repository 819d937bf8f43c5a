using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Products, filtered, sorted by an allow-listed <see cref="Sort"/> and offset-paged with the total count.</summary>
public sealed record ListProductsQuery : IPagedQuery, IProductListQuery, IQuery<Result<PagedResult<ProductDto>>>
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;

    public Guid? CategoryId { get; init; }

    public string? Search { get; init; }

    public decimal? MinPrice { get; init; }

    public decimal? MaxPrice { get; init; }

    public ProductStatus? Status { get; init; }

    public string? Sort { get; init; }
}

internal sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator()
    {
        this.RuleForPaging();
        this.RuleForProductListing();
    }
}

internal sealed class ListProductsHandler(IProductQueries queries)
    : IQueryHandler<ListProductsQuery, Result<PagedResult<ProductDto>>>
{
    public async ValueTask<Result<PagedResult<ProductDto>>> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var sort = ProductSort.Parse(query.Sort);
        if (!sort.IsSuccess)
        {
            return sort.Error;
        }

        var criteria = new ProductListCriteria(query.Page, query.PageSize, query.ToFilter(), sort.Value);
        return await queries.ListAsync(criteria, cancellationToken);
    }
}
