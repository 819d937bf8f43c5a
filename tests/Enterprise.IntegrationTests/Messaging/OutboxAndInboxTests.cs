using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Enterprise.IntegrationTests.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Inbox;
using Enterprise.Infrastructure.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>
/// The event path through the real host: a product created over HTTP writes a test event to the outbox in the same
/// transaction; the relay publishes it in process; the test consumer adds one unit of stock, guarded by the inbox.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class OutboxAndInboxTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const int ConsumerAttempts = 2;
    private const int MaxAttempts = 3;
    private const int InitialStock = 5;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(15);

    private readonly ConsumerProbe _probe = new();
    private readonly ScriptedTransport _transport = new();
    private readonly FailingOutboxInsert _failingInsert = new();
    private static readonly string ConsumerName = typeof(RestockOnProductCreated).FullName!;

    protected override EnterpriseApiFactory CreateFactory() => new(
        DatabaseUnderTest,
        new Dictionary<string, string?>
        {
            ["Messaging:ConsumerAttempts"] = ConsumerAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:ConsumerRetryBaseDelay"] = "00:00:00.010",
            ["Messaging:RetryBaseDelay"] = "00:00:00.050",
            ["Messaging:RetryMaxDelay"] = "00:00:00.200",
            ["Messaging:PollInterval"] = "00:00:00.100",
        })
    {
        TestServices = services => MessagingTestModule.AddTo(services, _probe, _transport, _failingInsert),
    };

    [Test]
    public async Task A_created_product_commits_its_event_and_the_relay_delivers_it_once()
    {
        var (productId, sku) = await CreateProductAsync();

        var row = await SettledOutboxRowAsync(sku);
        Assert.Multiple(() =>
        {
            Assert.That(row.EventName, Is.EqualTo(TestProductCreated.EventName));
            Assert.That(JsonDocument.Parse(row.Payload).RootElement.GetProperty("productId").GetGuid(), Is.EqualTo(productId));
            Assert.That(row.SentAt, Is.Not.Null, "marked sent once the transport took it");
            Assert.That(row.DeadLetteredAt, Is.Null);
            Assert.That(row.Attempts, Is.Zero);
            Assert.That(row.LockedBy, Is.Null, "the lease is given back");
        });
        Assert.That(await StockOfAsync(productId), Is.EqualTo(InitialStock + 1));
        Assert.That(await InboxRowsAsync(row.Id), Has.Count.EqualTo(1));
        Assert.That(_probe.CallsFor(sku), Is.EqualTo(1));
    }

    [Test]
    public async Task A_write_that_fails_in_its_transaction_leaves_neither_the_change_nor_the_event()
    {
        var sku = UniqueSku();
        _failingInsert.ArmOnce();

        using var response = await Client.PostAsJsonAsync(ProductsPath, ProductBody(await NewCategoryIdAsync(), sku: sku, stockQuantity: InitialStock));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await ProductRowsWithSkuAsync(sku), Is.Empty, "the product was rolled back");
        Assert.That(await OutboxRowsForAsync(sku), Is.Empty, "no event for a change that did not happen");
    }

    [Test]
    public async Task The_same_message_delivered_again_changes_nothing()
    {
        var (productId, sku) = await CreateProductAsync();
        var row = await SettledOutboxRowAsync(sku);

        // Published again by hand, straight to the consuming module, as a broker redelivery would.
        var processor = Factory.Services.GetRequiredService<IInboundMessageProcessor>();
        var outcome = await processor.ProcessAsync(MessagingTestModule.Name, EnvelopeOf(row), CancellationToken.None);

        // And replayed from the outbox, the documented way: clear the sent mark and let the relay publish it again.
        await Factory.QueryDatabaseAsync(db => db.Set<OutboxMessage>().Where(message => message.Id == row.Id)
            .ExecuteUpdateAsync(setters => setters.SetProperty(message => message.SentAt, (DateTime?)null)));
        var replayed = await SettledOutboxRowAsync(sku);

        Assert.Multiple(async () =>
        {
            Assert.That(outcome, Is.EqualTo(InboundOutcome.Processed), "a duplicate is acknowledged");
            Assert.That(replayed.SentAt, Is.Not.Null);
            Assert.That(await StockOfAsync(productId), Is.EqualTo(InitialStock + 1), "applied once");
            Assert.That(await InboxRowsAsync(row.Id), Has.Count.EqualTo(1));
            Assert.That(_probe.CallsFor(sku), Is.EqualTo(1), "the consumer never saw the duplicates");
        });
    }

    [Test]
    public async Task A_poison_message_is_dead_lettered_after_the_consumer_attempts_and_the_next_message_goes_through()
    {
        using var deadLetters = new DeadLetterCounter(Factory.Services);
        var (poisonId, poisonSku) = await CreateProductAsync(UniqueSku(ConsumerProbe.PoisonPrefix.TrimEnd('-')));
        var (nextId, nextSku) = await CreateProductAsync();

        var poison = await SettledOutboxRowAsync(poisonSku);
        await SettledOutboxRowAsync(nextSku);

        Assert.Multiple(async () =>
        {
            Assert.That(poison.DeadLetteredAt, Is.Not.Null);
            Assert.That(poison.SentAt, Is.Null);
            Assert.That(poison.LastError, Does.Contain("dead-lettered by messaging"));
            Assert.That(_probe.CallsFor(poisonSku), Is.EqualTo(ConsumerAttempts));
            Assert.That(await InboxRowsAsync(poison.Id), Is.Empty);
            Assert.That(await StockOfAsync(poisonId), Is.EqualTo(InitialStock));
            Assert.That(await StockOfAsync(nextId), Is.EqualTo(InitialStock + 1), "the next message was not blocked");
            Assert.That(
                Factory.Logs.Events.Count(log => log.Level == LogEventLevel.Error && log.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(poison.Id.ToString(), StringComparison.Ordinal)),
                Is.GreaterThanOrEqualTo(1));
            Assert.That(await deadLetters.CountWhenSettledAsync(MessagingTelemetry.OutboxStage), Is.EqualTo(1));
            Assert.That(await deadLetters.CountWhenSettledAsync(MessagingTestModule.Name), Is.EqualTo(1));
        });

        // Once the consumer is fixed, clearing the dead-letter mark replays it (docs/messaging.md).
        _probe.Cure(poisonSku);
        await Factory.QueryDatabaseAsync(db => db.Set<OutboxMessage>().Where(message => message.Id == poison.Id)
            .ExecuteUpdateAsync(setters => setters
                .SetProperty(message => message.DeadLetteredAt, (DateTime?)null)
                .SetProperty(message => message.Attempts, 0)));
        var replayed = await SettledOutboxRowAsync(poisonSku);
        Assert.That(replayed.SentAt, Is.Not.Null);
        Assert.That(await StockOfAsync(poisonId), Is.EqualTo(InitialStock + 1));
    }

    [Test]
    public async Task A_consumer_that_loses_races_to_other_writes_re_reads_without_spending_its_attempts()
    {
        Assert.That(ConsumerProbe.RacesLostPerContendedSku, Is.GreaterThan(ConsumerAttempts), "more lost races than attempts, or the test proves nothing");
        var (productId, sku) = await CreateProductAsync(UniqueSku(ConsumerProbe.ContendedPrefix.TrimEnd('-')));

        var row = await SettledOutboxRowAsync(sku);

        Assert.Multiple(async () =>
        {
            Assert.That(row.SentAt, Is.Not.Null);
            Assert.That(row.DeadLetteredAt, Is.Null, "a lost race is not a failure of the message");
            Assert.That(_probe.CallsFor(sku), Is.EqualTo(ConsumerProbe.RacesLostPerContendedSku + 1));
            Assert.That(await InboxRowsAsync(row.Id), Has.Count.EqualTo(1));
            Assert.That(await StockOfAsync(productId), Is.EqualTo(InitialStock + 1), "applied once, by the retry that won");
        });
    }

    [Test]
    public async Task A_failed_publish_is_retried_after_a_backoff_and_then_sent()
    {
        var sku = UniqueSku();
        _transport.FailPublishing(sku, times: 1);

        var (productId, _) = await CreateProductAsync(sku);
        var row = await SettledOutboxRowAsync(sku);

        Assert.Multiple(async () =>
        {
            Assert.That(row.SentAt, Is.Not.Null);
            Assert.That(row.Attempts, Is.EqualTo(1));
            Assert.That(row.LastError, Does.Contain("scripted broker refused"));
            Assert.That(row.SentAt!.Value - row.OccurredAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(25)), "not before half the base delay");
            Assert.That(await StockOfAsync(productId), Is.EqualTo(InitialStock + 1));
        });
    }

    [Test]
    public async Task A_publish_that_keeps_failing_is_dead_lettered_after_the_maximum_attempts()
    {
        using var deadLetters = new DeadLetterCounter(Factory.Services);
        var sku = UniqueSku();
        _transport.FailPublishing(sku, times: int.MaxValue);

        var (productId, _) = await CreateProductAsync(sku);
        var row = await SettledOutboxRowAsync(sku);

        Assert.Multiple(async () =>
        {
            Assert.That(row.DeadLetteredAt, Is.Not.Null);
            Assert.That(row.SentAt, Is.Null);
            Assert.That(row.Attempts, Is.EqualTo(MaxAttempts));
            Assert.That(await deadLetters.CountWhenSettledAsync(MessagingTelemetry.OutboxStage), Is.EqualTo(1));
            Assert.That(await StockOfAsync(productId), Is.EqualTo(InitialStock));
        });
    }

    [Test]
    public async Task The_consumer_runs_in_the_trace_of_the_request_that_wrote_the_event()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var sku = UniqueSku();
        using var request = new HttpRequestMessage(HttpMethod.Post, ProductsPath)
        {
            Content = new StringContent(ProductBody(await NewCategoryIdAsync(), sku: sku).ToJsonString(), Encoding.UTF8, JsonMediaType),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var row = await SettledOutboxRowAsync(sku);

        Assert.That(row.TraceParent, Does.Contain(traceId));
        Assert.That(_probe.TraceIdSeenFor(sku), Is.EqualTo(traceId));
    }

    private async Task<(Guid ProductId, string Sku)> CreateProductAsync(string? sku = null)
    {
        sku ??= UniqueSku();
        var product = await CreateProductAsync(await NewCategoryIdAsync(), sku: sku, stockQuantity: InitialStock);
        return (IdOf(product), sku);
    }

    /// <summary>
    /// The stored stock. Read from the database, not the API: the product query is cached, and the test consumer (unlike
    /// a command) does not invalidate the cache, so the API may show the stock of before a replay.
    /// </summary>
    private async Task<int> StockOfAsync(Guid productId) => (await ProductRowAsync(productId))!.StockQuantity;

    private Task<List<OutboxMessage>> OutboxRowsForAsync(string sku) =>
        Factory.QueryDatabaseAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(message => message.Payload.Contains(sku)).ToListAsync());

    private Task<List<InboxMessage>> InboxRowsAsync(Guid messageId) =>
        Factory.QueryDatabaseAsync(db => db.Set<InboxMessage>().AsNoTracking()
            .Where(row => row.MessageId == messageId && row.ConsumerName == ConsumerName).ToListAsync());

    /// <summary>The SKU's single outbox row once the relay is done with it: sent or dead-lettered.</summary>
    private async Task<OutboxMessage> SettledOutboxRowAsync(string sku)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var rows = await OutboxRowsForAsync(sku);
            Assert.That(rows, Has.Count.EqualTo(1), "one event per created product");
            if (rows[0].SentAt is not null || rows[0].DeadLetteredAt is not null)
            {
                return rows[0];
            }

            Assert.That(deadline.Elapsed, Is.LessThan(SettleTimeout), $"the message for {sku} did not settle");
            await Task.Delay(20);
        }
    }

    private static MessageEnvelope EnvelopeOf(OutboxMessage row) =>
        new(row.Id, row.EventName, Encoding.UTF8.GetBytes(row.Payload), row.TraceParent, new DateTimeOffset(row.OccurredAt, TimeSpan.Zero));

    /// <summary>Adds up the host's dead-letter metric per stage, from the moment it is created.</summary>
    private sealed class DeadLetterCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _byStage = new();

        public DeadLetterCounter(IServiceProvider services)
        {
            var hostMeters = services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, hostMeters) && instrument.Name == MessagingTelemetry.DeadLetteredName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, measurement, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == MessagingTelemetry.StageTag && tag.Value is string stage)
                    {
                        _byStage.AddOrUpdate(stage, measurement, (_, total) => total + measurement);
                    }
                }
            });
            _listener.Start();
        }

        /// <summary>
        /// The count for a stage once it has been non-zero for a moment: the relay records the metric just after it
        /// commits the row's dead-letter mark, so a test that saw the row may look before the count moved.
        /// </summary>
        public async Task<long> CountWhenSettledAsync(string stage)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (_byStage.GetValueOrDefault(stage) == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }

            // A second, wrong increment would arrive about as late as the first: give it the same chance to show.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            return _byStage.GetValueOrDefault(stage);
        }

        public void Dispose() => _listener.Dispose();
    }
}
