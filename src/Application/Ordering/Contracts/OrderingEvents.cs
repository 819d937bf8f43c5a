using Enterprise.Application.Common.IntegrationEvents;

namespace Enterprise.Application.Ordering.Contracts;

/// <summary>An order was placed and waits for Catalog to reserve the stock of all its lines.</summary>
public sealed record OrderPlaced(Guid OrderId, string CustomerId, IReadOnlyList<OrderedProduct> Lines) : IIntegrationEvent
{
    public static string EventName => "ordering.order-placed";
}

/// <summary>One line of an order as Catalog needs it: which product, how many.</summary>
public sealed record OrderedProduct(Guid ProductId, int Quantity);

/// <summary>A confirmed order was cancelled: Catalog gives the reserved stock back.</summary>
public sealed record OrderCancelled(Guid OrderId, IReadOnlyList<OrderedProduct> Lines) : IIntegrationEvent
{
    public static string EventName => "ordering.order-cancelled";
}
