using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using FluentValidation;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Products, filtered, sorted by an allow-listed sort (<see cref="ProductListSelection.Sort"/>) and offset-paged with the total count.</summary>
public sealed record ListProductsQuery : IPagedQuery, IQuery<Result<PagedResult<ProductDto>>>
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;

    public ProductListSelection Selection { get; init; } = new();
}

internal sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator()
    {
        this.RuleForPaging();
        // Fields are reported as callers name them (q, minPrice, ...), without a "selection." prefix.
        RuleFor(query => query.Selection).SetValidator(new ProductListSelectionValidator()).OverridePropertyName(string.Empty);
    }
}

internal sealed class ListProductsHandler(IProductQueries queries)
    : IQueryHandler<ListProductsQuery, Result<PagedResult<ProductDto>>>
{
    public async ValueTask<Result<PagedResult<ProductDto>>> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var sort = ProductSort.Parse(query.Selection.Sort);
        if (!sort.IsSuccess)
        {
            return sort.Error;
        }

        var criteria = new ProductListCriteria(query.Page, query.PageSize, query.Selection.ToFilter(), sort.Value);
        return await queries.ListAsync(criteria, cancellationToken);
    }
}
