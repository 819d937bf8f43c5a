using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>
/// Products, filtered and sorted like <see cref="ListProductsQuery"/>, in keyset pages: <see cref="Limit"/> items after
/// the position an opaque <see cref="Cursor"/> names. Rows inserted or removed between two pages never make a page skip
/// or repeat an item that was there all along, and deep pages cost no more than the first.
/// </summary>
public sealed record ListProductsByCursorQuery : IKeysetPagedQuery, IProductListQuery, IQuery<Result<CursorPage<ProductDto>>>
{
    public int Limit { get; init; } = KeysetPaging.DefaultLimit;

    public string? Cursor { get; init; }

    public ProductListSelection Selection { get; init; } = new();
}

internal sealed class ListProductsByCursorHandler(IProductQueries queries)
    : IQueryHandler<ListProductsByCursorQuery, Result<CursorPage<ProductDto>>>
{
    public async ValueTask<Result<CursorPage<ProductDto>>> Handle(ListProductsByCursorQuery query, CancellationToken cancellationToken)
    {
        var defined = ProductListDefinition.From(query.Selection);
        if (!defined.IsSuccess)
        {
            return defined.Error;
        }

        var list = defined.Value;
        ProductListPosition? after = null;
        if (query.Cursor is not null)
        {
            var position = PageCursor.Read(query.Cursor, list.Identity, list.PositionTypes);
            if (!position.IsSuccess)
            {
                return position.Error;
            }

            after = new ProductListPosition(position.Value);
        }

        var slice = await queries.SeekAsync(list, query.Limit, after, cancellationToken);
        var nextCursor = slice.HasMore ? PageCursor.Create(list.Identity, list.PositionOf(slice.Items[^1]).Values) : null;
        return new CursorPage<ProductDto>(slice.Items, nextCursor);
    }
}
