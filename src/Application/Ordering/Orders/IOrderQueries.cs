using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Ordering;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>Read side for orders: untracked projections straight to DTOs.</summary>
public interface IOrderQueries
{
    Task<OrderDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> of the customer's orders, newest first (then by id, descending), after
    /// <paramref name="after"/> or from the start; only those in <paramref name="status"/> when it is given.
    /// </summary>
    Task<KeysetSlice<OrderDto>> SeekAsync(string customerId, OrderStatus? status, int limit, OrderListPosition? after, CancellationToken cancellationToken);
}

/// <summary>An order's position in a list, newest first: when it was placed, then its id.</summary>
public sealed record OrderListPosition(DateTime CreatedAt, Guid Id);
