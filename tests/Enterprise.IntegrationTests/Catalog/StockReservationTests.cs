using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Common.Persistence;
using Enterprise.Application.Ordering.Contracts;
using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Inbox;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Catalog;

/// <summary>
/// Catalog's side of placing an order, through the real outbox, relay, in-process transport and inbox: an
/// <see cref="OrderPlaced"/> written to the outbox (as Ordering would) reserves stock for every line or for none, answers
/// through the outbox, and shows in the product API at once (its cached read included); <see cref="OrderCancelled"/>
/// gives the stock back.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class StockReservationTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string CatalogModule = "catalog";
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(15);

    protected override EnterpriseApiFactory CreateFactory() =>
        new(DatabaseUnderTest, new Dictionary<string, string?> { ["Messaging:PollInterval"] = "00:00:00.100" });

    [Test]
    public async Task A_placed_order_reserves_the_stock_of_every_line_and_answers_StockReserved()
    {
        var book = await ProductWithStockAsync(5);
        var pen = await ProductWithStockAsync(3);
        var orderId = Guid.CreateVersion7();

        await PublishAndSettleAsync(new OrderPlaced(orderId, "customer-a", [new(book, 2), new(pen, 3)]), orderId);

        Assert.Multiple(async () =>
        {
            Assert.That(await StockShownAsync(book), Is.EqualTo(3));
            Assert.That(await StockShownAsync(pen), Is.EqualTo(0));
            Assert.That(await AnswersForAsync(orderId), Is.EqualTo(new[] { StockReserved.EventName }));
        });
    }

    [Test]
    public async Task Short_stock_on_one_line_reserves_nothing_and_answers_StockReservationRejected_naming_the_shortfall()
    {
        var book = await ProductWithStockAsync(5);
        var penSku = UniqueSku("PEN");
        var pen = await ProductWithStockAsync(3, penSku);
        var orderId = Guid.CreateVersion7();

        await PublishAndSettleAsync(new OrderPlaced(orderId, "customer-a", [new(book, 2), new(pen, 4)]), orderId);

        var answer = (await AnswerRowsForAsync(orderId)).Single();
        var reason = JsonDocument.Parse(answer.Payload).RootElement.GetProperty("reason").GetString();
        Assert.Multiple(async () =>
        {
            Assert.That(answer.EventName, Is.EqualTo(StockReservationRejected.EventName));
            Assert.That(reason, Does.Contain(penSku).And.Contain("3 in stock").And.Contain("1 short"));
            Assert.That(await StockShownAsync(book), Is.EqualTo(5), "no line is reserved when one cannot be");
            Assert.That(await StockShownAsync(pen), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task The_same_message_processed_twice_changes_the_stock_once()
    {
        var book = await ProductWithStockAsync(5);
        var orderId = Guid.CreateVersion7();
        var placed = await PublishAndSettleAsync(new OrderPlaced(orderId, "customer-a", [new(book, 2)]), orderId);

        // Delivered again straight to Catalog, as a broker's redelivery would be.
        var processor = Factory.Services.GetRequiredService<IInboundMessageProcessor>();
        var envelope = new MessageEnvelope(placed.Id, placed.EventName, Encoding.UTF8.GetBytes(placed.Payload), placed.TraceParent, new DateTimeOffset(placed.OccurredAt, TimeSpan.Zero));
        var outcome = await processor.ProcessAsync(CatalogModule, envelope, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(outcome, Is.EqualTo(InboundOutcome.Processed), "the duplicate is acknowledged");
            Assert.That(await StockShownAsync(book), Is.EqualTo(3));
            Assert.That(await AnswersForAsync(orderId), Is.EqualTo(new[] { StockReserved.EventName }), "answered once");
            Assert.That(
                await Factory.QueryDatabaseAsync(db => db.Set<InboxMessage>().CountAsync(row => row.MessageId == placed.Id)),
                Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_cancelled_order_gives_its_stock_back()
    {
        var book = await ProductWithStockAsync(5);
        var pen = await ProductWithStockAsync(3);
        var orderId = Guid.CreateVersion7();
        OrderedProduct[] lines = [new(book, 2), new(pen, 3)];
        await PublishAndSettleAsync(new OrderPlaced(orderId, "customer-a", lines), orderId);
        Assert.That(await StockShownAsync(pen), Is.EqualTo(0), "reserved first");

        await PublishAndSettleAsync(new OrderCancelled(orderId, lines), orderId);

        Assert.Multiple(async () =>
        {
            Assert.That(await StockShownAsync(book), Is.EqualTo(5));
            Assert.That(await StockShownAsync(pen), Is.EqualTo(3));
        });
    }

    private async Task<Guid> ProductWithStockAsync(int stock, string? sku = null)
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), sku: sku, stockQuantity: stock));
        // Read once, so that the product is cached and the consumer's change must invalidate it to show.
        Assert.That(await StockShownAsync(id), Is.EqualTo(stock));
        return id;
    }

    private async Task<int> StockShownAsync(Guid productId)
    {
        using var response = await Client.GetAsync($"{V2ProductsPath}/{productId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("stockQuantity").GetInt32();
    }

    /// <summary>
    /// Writes the event to the outbox in a unit of work, as the publishing module's handler would, and waits until the
    /// relay has handed it to its consumers: the transport completes only once they have committed.
    /// </summary>
    private async Task<OutboxMessage> PublishAndSettleAsync<TEvent>(TEvent integrationEvent, Guid orderId)
        where TEvent : class, IIntegrationEvent
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(integrationEvent);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        }

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var row = (await RowsForAsync(orderId, TEvent.EventName)).Single();
            Assert.That(row.DeadLetteredAt, Is.Null, row.LastError);
            if (row.SentAt is not null)
            {
                return row;
            }

            Assert.That(deadline.Elapsed, Is.LessThan(SettleTimeout), $"{TEvent.EventName} for order {orderId} did not settle");
            await Task.Delay(20);
        }
    }

    private async Task<string[]> AnswersForAsync(Guid orderId) => [.. (await AnswerRowsForAsync(orderId)).Select(row => row.EventName)];

    private Task<List<OutboxMessage>> AnswerRowsForAsync(Guid orderId) =>
        RowsForAsync(orderId, StockReserved.EventName, StockReservationRejected.EventName);

    private Task<List<OutboxMessage>> RowsForAsync(Guid orderId, params string[] eventNames)
    {
        var id = orderId.ToString();
        return Factory.QueryDatabaseAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(row => eventNames.Contains(row.EventName) && row.Payload.Contains(id))
            .ToListAsync());
    }
}
