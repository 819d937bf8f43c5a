using Enterprise.Domain.Ordering;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>Loads and stores order aggregates for commands and consumers; changes are committed by the unit of work.</summary>
public interface IOrderRepository
{
    /// <summary>The order with its lines, tracked for changes, or null when it does not exist.</summary>
    Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(Order order);
}
