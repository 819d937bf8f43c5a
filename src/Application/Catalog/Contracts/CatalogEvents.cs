using Enterprise.Application.Common.IntegrationEvents;

namespace Enterprise.Application.Catalog.Contracts;

/// <summary>Catalog reserved the stock of every line of the order (all or none).</summary>
public sealed record StockReserved(Guid OrderId) : IIntegrationEvent
{
    public static string EventName => "catalog.stock-reserved";
}

/// <summary>Catalog reserved nothing for the order; <paramref name="Reason"/> says why, for the customer.</summary>
public sealed record StockReservationRejected(Guid OrderId, string Reason) : IIntegrationEvent
{
    public static string EventName => "catalog.stock-reservation-rejected";
}
