using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Ordering.Contracts;
using Enterprise.Domain.Ordering;
using Enterprise.Infrastructure.Messaging;
using Enterprise.IntegrationTests.Messaging;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Ordering;

/// <summary>
/// Orders settling through the run's RabbitMQ on PostgreSQL: many customers racing for a scarce product get exactly the
/// stock there is, never more; an order's events delivered a second time change nothing.
/// </summary>
public sealed class OrderSettlementTests : RabbitMqOrderingFixture
{
    private const int ScarceStock = 10;
    private const int RacingOrders = 200;

    protected override string BrokerConnectionString() => TestServers.RequireRabbitMq();

    [OneTimeTearDown]
    public async Task RemoveQueuesAsync()
    {
        if (TestServers.RabbitMqConnectionString is { } connectionString)
        {
            await RemoveTopologyAsync(connectionString);
        }
    }

    [Test]
    public async Task Two_hundred_parallel_orders_for_ten_in_stock_confirm_exactly_ten_and_the_stock_never_goes_below_zero()
    {
        var product = await NewProductAsync(stockQuantity: ScarceStock);
        var stockSeen = new List<int>();

        var orderIds = await PlaceAllAtOnceAsync(Enumerable.Range(0, RacingOrders).Select(i => i % 2 == 0 ? AliceClient : BobClient), product);
        var settleTime = await BatchSettledAsync(orderIds, async () => stockSeen.Add(await StockOfAsync(product)));

        await TestContext.Out.WriteLineAsync($"{RacingOrders} orders for {ScarceStock} in stock settled over RabbitMQ in {settleTime.TotalSeconds:F1} s (after the last 202).");
        var statuses = await StatusCountsAsync(orderIds);
        Assert.Multiple(async () =>
        {
            Assert.That(statuses.GetValueOrDefault(OrderStatus.Confirmed), Is.EqualTo(ScarceStock));
            Assert.That(statuses.GetValueOrDefault(OrderStatus.Rejected), Is.EqualTo(RacingOrders - ScarceStock));
            Assert.That(await StockOfAsync(product), Is.Zero);
            Assert.That(stockSeen, Has.All.InRange(0, ScarceStock), "sampled on every poll while the orders settled");
            Assert.That(stockSeen, Is.Ordered.Descending, "stock only goes down while orders are reserved");
            Assert.That(await InboxRowsAsync(), Has.Count.EqualTo((await OutboxRowsAsync()).Count), "every event applied once, by its one consumer");
        });
    }

    [Test]
    public async Task An_order_placed_event_and_its_answer_published_again_by_hand_change_neither_stock_nor_order()
    {
        var product = await NewProductAsync(stockQuantity: 5);
        var orderId = await PlaceAsync(AliceClient, (product, 2));
        Assert.That((await SettledAsync(orderId)).Status, Is.EqualTo(OrderStatus.Confirmed));
        var rows = await OutboxRowsOfAsync(orderId);
        Assert.That(rows.Select(row => row.EventName), Is.EqualTo(new[] { OrderPlaced.EventName, StockReserved.EventName }));
        await BatchSettledAsync([orderId]);
        var before = await OrderRowAsync(orderId);

        var transport = Factory.Services.GetRequiredService<IMessageTransport>();
        foreach (var row in rows)
        {
            await transport.PublishAsync(RabbitMqTestHost.EnvelopeOf(row), CancellationToken.None);
        }

        // Each module's queue is consumed in order: once a later order has settled, both duplicates have been handled.
        var laterOrderId = await PlaceAsync(AliceClient, (product, 1));
        Assert.That((await SettledAsync(laterOrderId)).Status, Is.EqualTo(OrderStatus.Confirmed));
        var inbox = await InboxRowsAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await StockOfAsync(product), Is.EqualTo(2), "5, less 2 once (not twice), less 1 for the later order");
            Assert.That(await OrderRowAsync(orderId), Is.EqualTo(before));
            Assert.That(rows.Select(row => inbox.Count(inboxRow => inboxRow.MessageId == row.Id)), Is.EqualTo(new[] { 1, 1 }));
            await using var broker = await RabbitMqProbe.ConnectAsync(BrokerConnectionString());
            foreach (var deadLetterQueue in DeadLetterQueues)
            {
                Assert.That(await broker.ReadyMessageCountAsync(deadLetterQueue), Is.Zero, $"a duplicate is acknowledged, not dead-lettered: {deadLetterQueue}");
            }
        });
    }
}
