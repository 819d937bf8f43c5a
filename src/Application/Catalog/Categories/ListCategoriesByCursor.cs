using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Categories;

/// <summary>Categories by slug in keyset pages: <see cref="Limit"/> items after the position an opaque <see cref="Cursor"/> names.</summary>
public sealed record ListCategoriesByCursorQuery : IKeysetPagedQuery, IQuery<Result<CursorPage<CategoryDto>>>
{
    public int Limit { get; init; } = KeysetPaging.DefaultLimit;

    public string? Cursor { get; init; }
}

internal sealed class ListCategoriesByCursorHandler(ICategoryQueries queries)
    : IQueryHandler<ListCategoriesByCursorQuery, Result<CursorPage<CategoryDto>>>
{
    /// <summary>Categories have one list (no filters, one order), so every cursor belongs to it.</summary>
    private const string ListIdentity = "categories";

    private static readonly Type[] PositionTypes = [typeof(string), typeof(Guid)];

    public async ValueTask<Result<CursorPage<CategoryDto>>> Handle(ListCategoriesByCursorQuery query, CancellationToken cancellationToken)
    {
        CategorySortKey? after = null;
        if (query.Cursor is not null)
        {
            var position = PageCursor.Read(query.Cursor, ListIdentity, PositionTypes);
            if (!position.IsSuccess)
            {
                return position.Error;
            }

            after = new CategorySortKey((string)position.Value[0], (Guid)position.Value[1]);
        }

        var slice = await queries.SeekAsync(query.Limit, after, cancellationToken);
        var nextCursor = slice.HasMore ? PageCursor.Create(ListIdentity, [slice.Items[^1].Slug, slice.Items[^1].Id]) : null;
        return new CursorPage<CategoryDto>(slice.Items, nextCursor);
    }
}
