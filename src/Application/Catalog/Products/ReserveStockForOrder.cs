using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Ordering.Contracts;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;

namespace Enterprise.Application.Catalog.Products;

/// <summary>
/// Reserves the stock of every line of a placed order, or of none: each line is checked before the first is taken, and
/// the answer (<see cref="StockReserved"/> or <see cref="StockReservationRejected"/>) leaves through the outbox with the change.
/// </summary>
internal sealed class ReserveStockForOrder(IProductRepository products, IIntegrationEventOutbox outbox, TimeProvider clock)
    : IIntegrationEventConsumer<OrderPlaced>
{
    public async Task ConsumeAsync(OrderPlaced integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var ordered = OrderedQuantities.Of(integrationEvent.Lines);
        var found = await products.ListForUpdateAsync(ordered.Keys, cancellationToken);
        if (FirstRefusal(ordered, found) is { } refusal)
        {
            outbox.Add(new StockReservationRejected(integrationEvent.OrderId, refusal.Description));
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var product in found)
        {
            product.ReserveStock(ordered[product.Id], now);
        }

        outbox.Add(new StockReserved(integrationEvent.OrderId));
    }

    /// <summary>Why the order cannot have its stock, naming the first product at fault.</summary>
    private static Error? FirstRefusal(IReadOnlyDictionary<Guid, int> ordered, IReadOnlyList<Product> found)
    {
        var byId = found.ToDictionary(product => product.Id);
        foreach (var (productId, quantity) in ordered)
        {
            var refusal = byId.TryGetValue(productId, out var product)
                ? product.CanReserveStock(quantity).Error
                : ProductErrors.NotFound(productId);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }
}
