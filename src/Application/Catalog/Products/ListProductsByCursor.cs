using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using FluentValidation;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>
/// Products, filtered and sorted like <see cref="ListProductsQuery"/>, in keyset pages: <see cref="Limit"/> items after
/// the position an opaque <see cref="Cursor"/> names. Rows inserted or removed between two pages never make a page skip
/// or repeat an item that was there all along, and deep pages cost no more than the first.
/// </summary>
public sealed record ListProductsByCursorQuery : IKeysetPagedQuery, IQuery<Result<CursorPage<ProductDto>>>
{
    public int Limit { get; init; } = KeysetPaging.DefaultLimit;

    public string? Cursor { get; init; }

    public ProductListSelection Selection { get; init; } = new();
}

internal sealed class ListProductsByCursorValidator : AbstractValidator<ListProductsByCursorQuery>
{
    public ListProductsByCursorValidator()
    {
        this.RuleForKeysetPaging();
        // Fields are reported as callers name them (q, minPrice, ...), without a "selection." prefix.
        RuleFor(query => query.Selection).SetValidator(new ProductListSelectionValidator()).OverridePropertyName(string.Empty);
    }
}

internal sealed class ListProductsByCursorHandler(IProductQueries queries)
    : IQueryHandler<ListProductsByCursorQuery, Result<CursorPage<ProductDto>>>
{
    public async ValueTask<Result<CursorPage<ProductDto>>> Handle(ListProductsByCursorQuery query, CancellationToken cancellationToken)
    {
        var sort = ProductSort.Parse(query.Selection.Sort);
        if (!sort.IsSuccess)
        {
            return sort.Error;
        }

        var filter = query.Selection.ToFilter();
        var listIdentity = ProductListing.Identity(filter, sort.Value);
        ProductSortKey? after = null;
        if (query.Cursor is not null)
        {
            var position = PageCursor.Read(query.Cursor, listIdentity, ProductSort.KeyTypes(sort.Value));
            if (!position.IsSuccess)
            {
                return position.Error;
            }

            after = ProductSort.KeyFromPosition(position.Value);
        }

        var slice = await queries.SeekAsync(new ProductSeekCriteria(query.Limit, filter, sort.Value, after), cancellationToken);
        var nextCursor = slice.HasMore
            ? PageCursor.Create(listIdentity, ProductSort.PositionOf(slice.Items[^1], sort.Value))
            : null;
        return new CursorPage<ProductDto>(slice.Items, nextCursor);
    }
}
