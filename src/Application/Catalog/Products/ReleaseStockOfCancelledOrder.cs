using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Ordering.Contracts;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Gives the stock a cancelled order had reserved back to its products, so it can be sold again.</summary>
internal sealed class ReleaseStockOfCancelledOrder(IProductRepository products, TimeProvider clock)
    : IIntegrationEventConsumer<OrderCancelled>
{
    public async Task ConsumeAsync(OrderCancelled integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var ordered = OrderedQuantities.Of(integrationEvent.Lines);
        var found = await products.ListForUpdateAsync(ordered.Keys, cancellationToken);
        if (found.Count != ordered.Count)
        {
            // Products are archived, never deleted: a line Catalog does not know was never reserved here.
            throw new InvalidOperationException(
                $"Order {integrationEvent.OrderId} was cancelled with products Catalog does not have: {string.Join(", ", ordered.Keys.Except(found.Select(product => product.Id)))}.");
        }

        var now = clock.GetUtcNow();
        foreach (var product in found)
        {
            if (product.ReleaseStock(ordered[product.Id], now).Error is { } error)
            {
                // Not retried into success: the message is dead-lettered and nothing of it is applied.
                throw new InvalidOperationException($"Order {integrationEvent.OrderId} cannot give stock back to product {product.Id}: {error.Description}");
            }
        }
    }
}
