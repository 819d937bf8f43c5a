using Enterprise.Application.Common.Persistence;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;
using Mediator;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>
/// A customer's orders, newest first, in keyset pages: the caller's own, or (for an admin) those of
/// <see cref="CustomerId"/>; only those in <see cref="Status"/> when it is given.
/// </summary>
public sealed record ListOrdersQuery : IKeysetPagedQuery, IQuery<Result<CursorPage<OrderDto>>>
{
    public int Limit { get; init; } = KeysetPaging.DefaultLimit;

    public string? Cursor { get; init; }

    /// <summary>Whose orders; only an admin may name a customer other than themselves.</summary>
    public string? CustomerId { get; init; }

    public OrderStatus? Status { get; init; }
}

internal sealed class ListOrdersHandler(IOrderQueries queries, ICurrentUser currentUser)
    : IQueryHandler<ListOrdersQuery, Result<CursorPage<OrderDto>>>
{
    private static readonly Type[] PositionTypes = [typeof(DateTime), typeof(Guid)];

    public async ValueTask<Result<CursorPage<OrderDto>>> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!currentUser.IsAuthenticated || currentUser.Subject is not { } subject)
        {
            return AuthorizationErrors.Unauthenticated;
        }

        var customerId = query.CustomerId ?? subject;
        if (!currentUser.MaySee(customerId))
        {
            return AuthorizationErrors.MissingRole(OrderingPermissions.AdminRole);
        }

        var listIdentity = $"orders;customer={customerId};status={query.Status}";
        OrderListPosition? after = null;
        if (query.Cursor is not null)
        {
            var position = PageCursor.Read(query.Cursor, listIdentity, PositionTypes);
            if (!position.IsSuccess)
            {
                return position.Error;
            }

            after = new OrderListPosition((DateTime)position.Value[0], (Guid)position.Value[1]);
        }

        var slice = await queries.SeekAsync(customerId, query.Status, query.Limit, after, cancellationToken);
        var nextCursor = slice.HasMore ? PageCursor.Create(listIdentity, [slice.Items[^1].CreatedAt, slice.Items[^1].Id]) : null;
        return new CursorPage<OrderDto>(slice.Items, nextCursor);
    }
}
