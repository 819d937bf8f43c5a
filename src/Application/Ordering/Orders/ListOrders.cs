using Enterprise.Application.Common.Persistence;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;
using FluentValidation;
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

/// <summary>
/// The customer named in the query string must be one an order could have: a control character (a NUL above all,
/// which PostgreSQL refuses) would otherwise reach the database.
/// </summary>
internal sealed class ListOrdersQueryValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersQueryValidator() =>
        RuleFor(query => query.CustomerId)
            .Must(customerId => Order.CheckCustomerId(customerId).IsSuccess)
            .When(query => query.CustomerId is not null)
            .WithErrorCode(OrderErrors.CustomerIdInvalid.Code)
            .WithMessage(OrderErrors.CustomerIdInvalid.Description);
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
