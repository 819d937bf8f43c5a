using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Enterprise.IntegrationTests.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Inbox;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.Infrastructure.Messaging.RabbitMq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>
/// The whole event path over RabbitMQ: a product created over HTTP writes a test event to the outbox; the relay
/// publishes it to the broker; the module's queue delivers it to the inbox-guarded test consumer, which adds one unit of
/// stock. A redelivered message changes nothing; a poison message is dead-lettered, and replayed once it is cured.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class RabbitMqEventPathTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const int InitialStock = 5;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);
    private static readonly string ConsumerName = typeof(RestockOnProductCreated).FullName!;

    private readonly string _prefix = $"test-{Guid.NewGuid():N}";
    private readonly ConsumerProbe _probe = new();
    private readonly ScriptedTransport _transport = new();
    private RabbitMqProbe _broker = null!;

    private string Queue => $"{_prefix}.{MessagingTestModule.Name}";

    private string DeadLetterQueue => $"{Queue}.dead-letter";

    protected override EnterpriseApiFactory CreateFactory() => new(
        DatabaseUnderTest,
        new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:ConnectionString"] = TestServers.RequireRabbitMq(),
            ["Messaging:RabbitMq:ExchangeName"] = $"{_prefix}.events",
            ["Messaging:RabbitMq:QueuePrefix"] = _prefix,
            ["Messaging:ConsumerAttempts"] = "2",
            ["Messaging:ConsumerRetryBaseDelay"] = "00:00:00.010",
            ["Messaging:PollInterval"] = "00:00:00.100",
        })
    {
        TestServices = services =>
        {
            MessagingTestModule.AddTo(services, _probe, _transport, new FailingOutboxInsert());
            // The test module's consumer and outbox writer, in front of the RabbitMQ transport instead of the in-process one.
            services.AddSingleton<IMessageTransport>(provider => _transport.Wrapping(provider.GetRequiredService<RabbitMqTransport>()));
        },
    };

    [OneTimeSetUp]
    public async Task ConnectToTheBrokerAsync() => _broker = await RabbitMqProbe.ConnectAsync(TestServers.RequireRabbitMq());

    [OneTimeTearDown]
    public async Task RemoveTheQueuesAsync()
    {
        if (_broker is not null)
        {
            await _broker.DeleteAsync([Queue, DeadLetterQueue], [$"{_prefix}.events", $"{_prefix}.events.dead-letter"]);
            await _broker.DisposeAsync();
        }
    }

    [Test]
    public async Task A_created_product_reaches_the_consumer_through_the_broker_once_in_the_trace_of_its_request()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var (productId, sku) = await CreateProductAsync(traceId: traceId);

        var stock = await StockOnceSettledAsync(productId, InitialStock + 1);
        var row = await OutboxRowAsync(sku);

        Assert.Multiple(async () =>
        {
            Assert.That(stock, Is.EqualTo(InitialStock + 1));
            Assert.That(row.SentAt, Is.Not.Null, "marked sent once the broker confirmed it");
            Assert.That(await InboxRowCountAsync(row.Id), Is.EqualTo(1));
            Assert.That(_probe.CallsFor(sku), Is.EqualTo(1));
            Assert.That(_probe.TraceIdSeenFor(sku), Is.EqualTo(traceId));
            Assert.That(await _broker.ReadyMessageCountAsync(Queue), Is.Zero);
        });
    }

    [Test]
    public async Task The_same_message_published_again_by_hand_changes_nothing_the_second_time()
    {
        var (productId, sku) = await CreateProductAsync();
        await StockOnceSettledAsync(productId, InitialStock + 1);
        var row = await OutboxRowAsync(sku);

        await Factory.Services.GetRequiredService<IMessageTransport>().PublishAsync(RabbitMqTestHost.EnvelopeOf(row), CancellationToken.None);
        // The module's queue is consumed in order: once a later message has been applied, the duplicate has been handled.
        var (laterProductId, _) = await CreateProductAsync();
        await StockOnceSettledAsync(laterProductId, InitialStock + 1);

        Assert.Multiple(async () =>
        {
            Assert.That(await StockAsync(productId), Is.EqualTo(InitialStock + 1));
            Assert.That(await InboxRowCountAsync(row.Id), Is.EqualTo(1));
            Assert.That(_probe.CallsFor(sku), Is.EqualTo(1), "the inbox skipped the duplicate before the consumer");
            Assert.That(await _broker.ReadyMessageCountAsync(DeadLetterQueue), Is.Zero, "a duplicate is acknowledged, not dead-lettered");
        });
    }

    [Test]
    public async Task A_poison_message_lands_in_the_dead_letter_queue_without_blocking_the_next_and_a_replay_applies_it_once_cured()
    {
        var (poisonId, poisonSku) = await CreateProductAsync(UniqueSku(ConsumerProbe.PoisonPrefix.TrimEnd('-')));
        var (nextId, _) = await CreateProductAsync();

        var nextStock = await StockOnceSettledAsync(nextId, InitialStock + 1);
        var deadLettered = await _broker.ReadyMessageCountOnceSettledAsync(DeadLetterQueue, 1, SettleTimeout);
        Assert.Multiple(async () =>
        {
            Assert.That(nextStock, Is.EqualTo(InitialStock + 1), "the message behind the poison one was applied");
            Assert.That(deadLettered, Is.EqualTo(1));
            Assert.That(_probe.CallsFor(poisonSku), Is.EqualTo(2), "tried Messaging:ConsumerAttempts times");
            Assert.That(await StockAsync(poisonId), Is.EqualTo(InitialStock));
        });

        // The replay docs/messaging.md describes: move the dead letter back into its module's queue, unchanged.
        _probe.Cure(poisonSku);
        var deadLetter = await _broker.TakeAsync(DeadLetterQueue);
        await _broker.PublishAsync(string.Empty, Queue, new BasicProperties(deadLetter!.BasicProperties), deadLetter.Body.ToArray());

        Assert.That(await StockOnceSettledAsync(poisonId, InitialStock + 1), Is.EqualTo(InitialStock + 1));
        Assert.That(_probe.CallsFor(poisonSku), Is.EqualTo(3));
    }

    private async Task<(Guid ProductId, string Sku)> CreateProductAsync(string? sku = null, string? traceId = null)
    {
        sku ??= UniqueSku();
        using var request = new HttpRequestMessage(HttpMethod.Post, ProductsPath)
        {
            Content = new StringContent(ProductBody(await NewCategoryIdAsync(), sku: sku, stockQuantity: InitialStock).ToJsonString(), Encoding.UTF8, JsonMediaType),
        };
        if (traceId is not null)
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        }

        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (IdOf(await response.Content.ReadFromJsonAsync<JsonElement>(Json)), sku);
    }

    /// <summary>
    /// Read from the database: the API's cached read would not show a consumer's change until the entry expires, since
    /// consumers write around the commands that invalidate the cache.
    /// </summary>
    private async Task<int> StockAsync(Guid productId) => (await ProductRowAsync(productId))!.StockQuantity;

    /// <summary>The product's stock once it has the expected value, or when the wait runs out.</summary>
    private async Task<int> StockOnceSettledAsync(Guid productId, int expected)
    {
        var waited = Stopwatch.StartNew();
        int stock;
        while ((stock = await StockAsync(productId)) != expected && waited.Elapsed < SettleTimeout)
        {
            await Task.Delay(50);
        }

        return stock;
    }

    /// <summary>
    /// The SKU's outbox row once the relay marked it sent, or when the wait runs out: the consumer may apply the message
    /// before the relay, back from the broker's confirmation, has written that down.
    /// </summary>
    private async Task<OutboxMessage> OutboxRowAsync(string sku)
    {
        var waited = Stopwatch.StartNew();
        OutboxMessage row;
        while ((row = await Factory.QueryDatabaseAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(message => message.Payload.Contains(sku)))).SentAt is null
            && waited.Elapsed < SettleTimeout)
        {
            await Task.Delay(50);
        }

        return row;
    }

    private Task<int> InboxRowCountAsync(Guid messageId) =>
        Factory.QueryDatabaseAsync(db => db.Set<InboxMessage>().CountAsync(row => row.MessageId == messageId && row.ConsumerName == ConsumerName));
}
