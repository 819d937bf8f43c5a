using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.SampleModule.SampleItems;

/// <summary>SampleItems, oldest first, in keyset pages: <see cref="Limit"/> items after the position an opaque <see cref="Cursor"/> names.</summary>
public sealed record ListSampleItemsQuery : IKeysetPagedQuery, IQuery<Result<CursorPage<SampleItemDto>>>
{
    public int Limit { get; init; } = KeysetPaging.DefaultLimit;

    public string? Cursor { get; init; }
}

internal sealed class ListSampleItemsHandler(ISampleItemQueries queries)
    : IQueryHandler<ListSampleItemsQuery, Result<CursorPage<SampleItemDto>>>
{
    /// <summary>One list (no filters, one order), so every cursor belongs to it.</summary>
    private const string ListIdentity = "sample-items";

    private static readonly Type[] PositionTypes = [typeof(DateTime), typeof(Guid)];

    public async ValueTask<Result<CursorPage<SampleItemDto>>> Handle(ListSampleItemsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        SampleItemListPosition? after = null;
        if (query.Cursor is not null)
        {
            var position = PageCursor.Read(query.Cursor, ListIdentity, PositionTypes);
            if (!position.IsSuccess)
            {
                return position.Error;
            }

            after = new SampleItemListPosition((DateTime)position.Value[0], (Guid)position.Value[1]);
        }

        var slice = await queries.SeekAsync(query.Limit, after, cancellationToken);
        var nextCursor = slice.HasMore ? PageCursor.Create(ListIdentity, [slice.Items[^1].CreatedAt, slice.Items[^1].Id]) : null;
        return new CursorPage<SampleItemDto>(slice.Items, nextCursor);
    }
}
