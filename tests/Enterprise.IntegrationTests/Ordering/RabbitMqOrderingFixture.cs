using System.Diagnostics;
using Enterprise.Domain.Ordering;
using Enterprise.Infrastructure.Messaging.Inbox;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.IntegrationTests.Ordering;

/// <summary>
/// Ordering and Catalog on PostgreSQL, talking through a real RabbitMQ (<c>Messaging:Transport=RabbitMq</c>) under
/// exchange and queue names of this fixture's own, so fixtures share a broker without seeing each other's messages.
/// Helpers to wait for a whole batch of orders to settle and to read what the outbox and the inbox recorded.
/// </summary>
public abstract class RabbitMqOrderingFixture() : OrderingFixture(DatabaseUnderTest.PostgreSql)
{
    /// <summary>Generous: the lead reads the measured settle time, this only stops a lost event from hanging the run.</summary>
    protected static readonly TimeSpan BatchSettleTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] Modules = ["catalog", "ordering"];

    private readonly string _prefix = $"test-{Guid.NewGuid():N}";

    protected string ExchangeName => $"{_prefix}.events";

    protected IEnumerable<string> Queues => Modules.Select(module => $"{_prefix}.{module}");

    protected IEnumerable<string> DeadLetterQueues => Queues.Select(queue => $"{queue}.dead-letter");

    /// <summary>The broker this fixture's host connects to; called once, before the host starts.</summary>
    protected abstract string BrokerConnectionString();

    /// <summary>Messaging settings of the fixture on top of the transport and the names.</summary>
    protected virtual IReadOnlyDictionary<string, string?> MessagingSettings => new Dictionary<string, string?>();

    /// <summary>Changes to the host's services (see <see cref="EnterpriseApiFactory.TestServices"/>).</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? TestServices => null;

    protected override EnterpriseApiFactory CreateFactory()
    {
        var settings = new Dictionary<string, string?>(MessagingSettings)
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:ConnectionString"] = BrokerConnectionString(),
            ["Messaging:RabbitMq:ExchangeName"] = ExchangeName,
            ["Messaging:RabbitMq:QueuePrefix"] = _prefix,
            ["Messaging:RabbitMq:ReconnectInterval"] = "00:00:01",
        };
        return new EnterpriseApiFactory(DatabaseUnderTest, settings) { TestServices = TestServices };
    }

    /// <summary>Removes the fixture's exchanges and queues from a broker that stays up for other fixtures.</summary>
    protected async Task RemoveTopologyAsync(string connectionString)
    {
        await using var broker = await RabbitMqProbe.ConnectAsync(connectionString);
        await broker.DeleteAsync([.. Queues, .. DeadLetterQueues], [ExchangeName, $"{ExchangeName}.dead-letter"]);
    }

    /// <summary>
    /// Waits until none of the orders is pending and every outbox row has been marked sent (the relay writes that down
    /// after the broker's confirmation, possibly after the consumer applied the message), failing after
    /// <see cref="BatchSettleTimeout"/>; answers how long it took. <paramref name="sample"/> runs on every poll.
    /// </summary>
    protected async Task<TimeSpan> BatchSettledAsync(IReadOnlyCollection<Guid> orderIds, Func<Task>? sample = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (sample is not null)
            {
                await sample();
            }

            var pending = await PendingCountAsync(orderIds);
            var unsent = await Factory.QueryDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(row => row.SentAt == null));
            if (pending == 0 && unsent == 0)
            {
                return waited.Elapsed;
            }

            Assert.That(waited.Elapsed, Is.LessThan(BatchSettleTimeout), $"{pending} orders still pending, {unsent} outbox rows unsent");
            await Task.Delay(100);
        }
    }

    protected Task<int> PendingCountAsync(IReadOnlyCollection<Guid> orderIds) =>
        Factory.QueryDatabaseAsync(db => db.Set<Order>().CountAsync(order => orderIds.Contains(order.Id) && order.Status == OrderStatus.Pending));

    protected Task<Dictionary<OrderStatus, int>> StatusCountsAsync(IReadOnlyCollection<Guid> orderIds) =>
        Factory.QueryDatabaseAsync(db => db.Set<Order>()
            .Where(order => orderIds.Contains(order.Id))
            .GroupBy(order => order.Status)
            .ToDictionaryAsync(group => group.Key, group => group.Count()));

    protected Task<List<OutboxMessage>> OutboxRowsAsync() =>
        Factory.QueryDatabaseAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());

    protected Task<List<InboxMessage>> InboxRowsAsync() =>
        Factory.QueryDatabaseAsync(db => db.Set<InboxMessage>().AsNoTracking().ToListAsync());

    /// <summary>The outbox rows that name the order (its placement and Catalog's answer).</summary>
    protected Task<List<OutboxMessage>> OutboxRowsOfAsync(Guid orderId) =>
        Factory.QueryDatabaseAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(row => row.Payload.Contains(orderId.ToString()))
            .OrderBy(row => row.OccurredAt)
            .ToListAsync());

    /// <summary>Places one order of one unit per entry of <paramref name="clients"/>, all at once; answers their ids.</summary>
    protected static async Task<Guid[]> PlaceAllAtOnceAsync(IEnumerable<HttpClient> clients, Guid productId) =>
        await Task.WhenAll(clients.Select(client => PlaceAsync(client, (productId, 1))));
}
