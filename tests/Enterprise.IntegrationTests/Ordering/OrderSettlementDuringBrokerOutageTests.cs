using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Enterprise.Application.Ordering.Contracts;
using Enterprise.Domain.Ordering;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Ordering;

/// <summary>
/// The broker of this fixture's own goes down for half a minute while customers keep ordering: the API accepts every
/// order (the outbox holds the events) and reports itself degraded; once the broker is back, every order settles, no
/// event is lost and none is applied twice.
/// </summary>
[NonParallelizable]
public sealed class OrderSettlementDuringBrokerOutageTests : RabbitMqOrderingFixture
{
    private const int Stock = 60;
    private const int OrdersDuringOutage = 100;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(60);

    [SuppressMessage("Structure", "NUnit1032", Justification = "Started by CreateFactory, which the base fixture's one-time set-up calls before the host starts; stopped in the one-time tear-down.")]
    private ThrowawayRabbitMq? _broker;

    /// <summary>
    /// Default backoff, and few attempts: the relay tries hundreds of times during the outage, so only an outage that
    /// spends no attempt (the transport is unavailable, the message is not at fault) lets every event through.
    /// </summary>
    protected override IReadOnlyDictionary<string, string?> MessagingSettings => new Dictionary<string, string?>
    {
        ["Messaging:MaxAttempts"] = "3",
    };

    protected override string BrokerConnectionString()
    {
        _broker = ThrowawayRabbitMq.StartAsync().GetAwaiter().GetResult();
        return _broker.ConnectionString;
    }

    [OneTimeTearDown]
    public void StopBroker() => _broker?.Dispose();

    [Test]
    public async Task Orders_placed_while_the_broker_is_down_are_accepted_and_all_settle_once_when_it_is_back()
    {
        var product = await NewProductAsync(stockQuantity: Stock);
        Assert.That((await ReadinessReport.WaitForAsync(Client, "Healthy", ReadinessTimeout, "broker")).StatusOf("broker"), Is.EqualTo("Healthy"));

        await _broker!.StopServerAsync();
        var down = Stopwatch.StartNew();
        var orderIds = await PlaceAllAtOnceAsync(Enumerable.Range(0, OrdersDuringOutage).Select(i => i % 2 == 0 ? AliceClient : BobClient), product);
        var duringOutage = await ReadinessReport.WaitForAsync(Client, "Degraded", ReadinessTimeout, "broker");
        Assert.Multiple(async () =>
        {
            Assert.That(duringOutage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(duringOutage.Status, Is.EqualTo("Degraded"));
            Assert.That(await PendingCountAsync(orderIds), Is.EqualTo(OrdersDuringOutage), "nothing reaches Catalog without the broker");
            Assert.That(await StockOfAsync(product), Is.EqualTo(Stock));
        });

        // The outage lasts its full length: the relay finds the broker gone at every poll in the meantime.
        await Task.Delay(Outage - down.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero);
        var restarting = Stopwatch.StartNew();
        await _broker.StartServerAsync();
        var restartTime = restarting.Elapsed;
        var settleTime = await BatchSettledAsync(orderIds);

        await TestContext.Out.WriteLineAsync(
            $"{OrdersDuringOutage} orders placed during a {(down.Elapsed - restarting.Elapsed).TotalSeconds:F0} s broker outage: " +
            $"the broker took {restartTime.TotalSeconds:F1} s to start again, then everything settled in {settleTime.TotalSeconds:F1} s.");
        var statuses = await StatusCountsAsync(orderIds);
        var confirmed = statuses.GetValueOrDefault(OrderStatus.Confirmed);
        var outbox = await OutboxRowsAsync();
        var inbox = await InboxRowsAsync();
        var answersPerOrder = orderIds.Select(id => outbox.Count(row => row.Payload.Contains(id.ToString(), StringComparison.Ordinal) && row.EventName != OrderPlaced.EventName));
        Assert.Multiple(async () =>
        {
            Assert.That(outbox, Has.All.Matches<OutboxMessage>(row => row.Attempts == 0), "an unavailable broker spends no publish attempt");
            Assert.That(confirmed, Is.EqualTo(Stock), "orders are confirmed while there is stock");
            Assert.That(statuses.GetValueOrDefault(OrderStatus.Rejected), Is.EqualTo(OrdersDuringOutage - Stock));
            Assert.That(await StockOfAsync(product), Is.EqualTo(Stock - confirmed), "each confirmed unit reserved once");
            Assert.That(answersPerOrder, Has.All.EqualTo(1), "Catalog answered every order exactly once");
            Assert.That(outbox, Has.All.Matches<OutboxMessage>(row => row.SentAt != null && row.DeadLetteredAt == null), "every event sent, none dead-lettered");
            Assert.That(inbox.Select(row => row.MessageId), Is.EquivalentTo(outbox.Select(row => row.Id)), "every event applied by its one consumer, once");
        });
    }
}
