using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Ordering.Contracts;
using Enterprise.Domain.Ordering;

namespace Enterprise.Application.Ordering.Integration;

/// <summary>Tells Catalog about a placed order, in the transaction that stores it, so that it reserves the stock.</summary>
internal sealed class OrderPlacedPublisher(IIntegrationEventOutbox outbox) : IDomainEventListener<OrderPlacedDomainEvent>
{
    public ValueTask HandleAsync(OrderPlacedDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        outbox.Add(new OrderPlaced(domainEvent.OrderId, domainEvent.CustomerId, OrderedProducts.Of(domainEvent.Lines)));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Tells Catalog to take back the stock it reserved for an order, in the transaction that releases it.</summary>
internal sealed class OrderStockReleasedPublisher(IIntegrationEventOutbox outbox) : IDomainEventListener<OrderStockReleasedDomainEvent>
{
    public ValueTask HandleAsync(OrderStockReleasedDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        outbox.Add(new OrderCancelled(domainEvent.OrderId, OrderedProducts.Of(domainEvent.Lines)));
        return ValueTask.CompletedTask;
    }
}

internal static class OrderedProducts
{
    public static IReadOnlyList<OrderedProduct> Of(IReadOnlyList<OrderLine> lines) =>
        [.. lines.Select(line => new OrderedProduct(line.ProductId, line.Quantity))];
}
