using System.Globalization;
using System.Net;
using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Ordering;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Ordering;

/// <summary>
/// Catalog's answers arriving when the order no longer waits for them, delivered through the real outbox, relay and
/// in-process transport: a reservation for an order cancelled while pending goes straight back to Catalog.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class OrderStockEventsTests(DatabaseUnderTest database) : OrderingFixture(database)
{
    [Test]
    public async Task Stock_reserved_after_the_order_was_cancelled_while_pending_is_given_back()
    {
        var product = await NewProductAsync(stockQuantity: 10);
        var orderId = await StorePendingOrderAsync(product, quantity: 3);
        using var cancel = await SendAsync(AliceClient, HttpMethod.Post, $"{OrderPath(orderId)}/cancel", headers: ("If-Match", "\"1\""));
        Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.OK), await cancel.Content.ReadAsStringAsync());
        // What Catalog's reservation did, before its StockReserved reached the cancelled order.
        using var reserved = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(product), StockAdjustmentBody(-3, "Reserved for the order"));
        Assert.That(reserved.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await PublishAsync(new StockReserved(orderId));

        await StockSettlesAtAsync(product, 10);
        var order = await OrderRowAsync(orderId);
        Assert.Multiple(() =>
        {
            Assert.That(order!.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(order.Version, Is.EqualTo(2), "the late reservation does not change the order");
        });
    }

    [Test]
    public async Task A_rejection_for_an_order_cancelled_while_pending_changes_nothing()
    {
        var product = await NewProductAsync(stockQuantity: 10);
        var orderId = await StorePendingOrderAsync(product, quantity: 3);
        using var cancel = await SendAsync(AliceClient, HttpMethod.Post, $"{OrderPath(orderId)}/cancel", headers: ("If-Match", "\"1\""));
        var before = await OrderRowAsync(orderId);

        await PublishAsync(new StockReservationRejected(orderId, "Out of stock"));

        await SettledAsync(() => Task.FromResult(Factory.Logs.Events.Any(log =>
            log.RenderMessage(CultureInfo.InvariantCulture).Contains(orderId.ToString(), StringComparison.Ordinal) &&
            log.RenderMessage(CultureInfo.InvariantCulture).Contains("Order.InvalidTransition", StringComparison.Ordinal))));
        Assert.Multiple(async () =>
        {
            Assert.That(await OrderRowAsync(orderId), Is.EqualTo(before));
            Assert.That(await StockOfAsync(product), Is.EqualTo(10));
        });
    }

    /// <summary>
    /// A pending order saved without its <see cref="OrderPlacedDomainEvent"/>, so Catalog never hears of it: the test
    /// plays Catalog's part.
    /// </summary>
    private async Task<Guid> StorePendingOrderAsync(Guid productId, int quantity)
    {
        var product = await ProductRowAsync(productId);
        var order = Order.Place(
            CustomerA,
            [new OrderLineSnapshot(productId, product!.Sku, product.Name, product.Price, product.Currency, quantity)],
            DateTimeOffset.UtcNow).Value;
        order.TakeDomainEvents();
        await Factory.QueryDatabaseAsync(async db =>
        {
            db.Add(order);
            return await db.SaveChangesAsync();
        });
        return order.Id;
    }

    /// <summary>Publishes an event as Catalog does: into the outbox, committed by a unit of work, delivered by the relay.</summary>
    private async Task PublishAsync<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(integrationEvent);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
    }
}
