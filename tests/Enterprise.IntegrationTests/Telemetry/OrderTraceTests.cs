using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Ordering.Contracts;
using Enterprise.Domain.Ordering;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.IntegrationTests.Ordering;

namespace Enterprise.IntegrationTests.Telemetry;

/// <summary>
/// One trace spans a placed order, exported to an in-memory exporter: with the in-process transport here, and through
/// RabbitMQ in <see cref="RabbitMqOrderTraceTests"/>.
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
[NonParallelizable]
public sealed class OrderTraceTests(DatabaseUnderTest database) : OrderingFixture(database)
{
    private readonly ExportedSpanCollection _spans = new();

    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest) { TestServices = _spans.AddTo };

    [Test]
    public async Task A_placed_order_is_one_trace_from_the_request_through_the_outbox_to_catalog_and_back_to_ordering()
    {
        var (traceParent, traceId) = OrderTrace.NewCallerContext();
        var product = await NewProductAsync();

        using var placed = await SendAsync(AliceClient, HttpMethod.Post, OrdersPath, OrderBody((product, 1)), ("traceparent", traceParent));
        Assert.That(placed.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
        Assert.That((await SettledAsync(IdOf(await placed.ReadJsonAsync()))).Status, Is.EqualTo(OrderStatus.Confirmed));

        await OrderTrace.AssertOneTraceFromRequestToReplyAsync(_spans, traceId);
    }
}

/// <summary>The same trace through the run's RabbitMQ, on PostgreSQL: the client library's publish spans are in it too.</summary>
[NonParallelizable]
public sealed class RabbitMqOrderTraceTests : RabbitMqOrderingFixture
{
    private readonly ExportedSpanCollection _spans = new();

    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? TestServices => _spans.AddTo;

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
    public async Task A_placed_order_is_one_trace_from_the_request_through_the_broker_to_catalog_and_back_to_ordering()
    {
        var (traceParent, traceId) = OrderTrace.NewCallerContext();
        var product = await NewProductAsync();

        using var placed = await SendAsync(AliceClient, HttpMethod.Post, OrdersPath, OrderBody((product, 1)), ("traceparent", traceParent));
        Assert.That(placed.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
        Assert.That((await SettledAsync(IdOf(await placed.ReadJsonAsync()))).Status, Is.EqualTo(OrderStatus.Confirmed));

        var trace = await OrderTrace.AssertOneTraceFromRequestToReplyAsync(_spans, traceId);
        var brokerPublishes = trace.Where(span => span.Source.Name == OrderTrace.RabbitMqPublisherSource);
        Assert.Multiple(() =>
        {
            Assert.That(
                brokerPublishes.Select(span => OrderTrace.ParentNameOf(trace, span)),
                Is.EquivalentTo(new[] { $"publish {OrderPlaced.EventName}", $"publish {StockReserved.EventName}" }),
                "the client library's publish of each event, inside the relay's");
            Assert.That(trace.Where(span => span.Source.Name.StartsWith("Npgsql", StringComparison.Ordinal)), Is.Not.Empty, "the database commands are in the trace");
        });
    }
}
