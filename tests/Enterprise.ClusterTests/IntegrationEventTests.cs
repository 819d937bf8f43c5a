using System.Net;
using Enterprise.ClusterTests.Infrastructure;

namespace Enterprise.ClusterTests;

/// <summary>
/// Every instance runs an outbox relay and consumes both modules' queues: the events of orders placed on any instance are
/// still handled exactly once, and a scarce product is never sold twice.
/// </summary>
public sealed class IntegrationEventTests : ClusterFixture
{
    private const int ScarceStock = 10;
    private const int RacingOrders = 200;

    [Test]
    public async Task Two_hundred_parallel_orders_for_ten_in_stock_through_the_balancer_confirm_exactly_ten_each_event_handled_once()
    {
        var productId = await NewProductAsync(ScarceStock);
        var balancer = ClientFor(Cluster.Balancer);

        // One customer per order: the write budget is per caller, and this is what a sale looks like.
        var orderIds = await Task.WhenAll(Enumerable.Range(0, RacingOrders).Select(async _ =>
        {
            using var response = await SendAsync(balancer, HttpMethod.Post, OrdersPath, Token(NewSubject("racer"), ClusterTokens.OrdersWriteScope),
                new { lines = new[] { new { productId, quantity = 1 } } });
            return (await JsonAsync(response, HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
        }));

        var statuses = await SettledOrdersAsync(orderIds);
        var events = await OrderEventsAsync(orderIds);
        var placedBy = BalancerLines().Where(line => line is { Method: "POST", Uri: OrdersPath }).GroupBy(line => line.AnsweredBy).ToDictionary(group => group.Key, group => group.Count());
        await TestContext.Out.WriteLineAsync($"orders placed per instance: {string.Join(", ", placedBy.Select(pair => $"{pair.Key}: {pair.Value}"))}");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(placedBy.Keys, Is.EquivalentTo(Cluster.Instances.Select(instance => instance.UpstreamAddress)), "every instance took orders");
            Assert.That(statuses.Values.Count(status => status == "Confirmed"), Is.EqualTo(ScarceStock));
            Assert.That(statuses.Values.Count(status => status == "Rejected"), Is.EqualTo(RacingOrders - ScarceStock));
            Assert.That(await StockOfAsync(productId), Is.Zero);
            Assert.That(events, Has.Count.EqualTo(RacingOrders * 2), "two events per order: its placement and Catalog's answer");
            Assert.That(events.Count(row => row.EventName == "ordering.order-placed"), Is.EqualTo(RacingOrders));
            Assert.That(events.Where(row => row.TimesHandled != 1), Is.Empty, "every event handled exactly once (one inbox row per outbox row)");
            Assert.That(events.Where(row => !row.Sent), Is.Empty, "every event sent by a relay");
        });
    }
}
