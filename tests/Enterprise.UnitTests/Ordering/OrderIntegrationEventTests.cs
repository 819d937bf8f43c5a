using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Ordering.Contracts;
using Enterprise.Application.Ordering.Integration;
using Enterprise.Application.Ordering.Orders;
using Enterprise.Domain.Ordering;
using Enterprise.UnitTests.Application;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Ordering;

/// <summary>What Ordering tells Catalog through the outbox, and how it takes Catalog's answers.</summary>
public sealed class OrderIntegrationEventTests
{
    private static readonly IntegrationEventContext Context = new(Guid.CreateVersion7(), TestData.Now);

    private readonly Mock<IIntegrationEventOutbox> _outbox = new();
    private readonly Mock<IOrderRepository> _orders = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now.AddMinutes(5));
    private readonly List<object> _published = [];

    [SetUp]
    public void RecordTheOutbox()
    {
        _outbox.Setup(outbox => outbox.Add(It.IsAny<OrderPlaced>())).Callback<OrderPlaced>(_published.Add);
        _outbox.Setup(outbox => outbox.Add(It.IsAny<OrderCancelled>())).Callback<OrderCancelled>(_published.Add);
    }

    [Test]
    public async Task A_placed_order_is_published_with_each_product_and_quantity()
    {
        var order = OrderTestData.Pending(OrderTestData.Line(quantity: 2), OrderTestData.Line(quantity: 7));

        await Dispatch(order);

        Assert.That(_published.Single(), Is.InstanceOf<OrderPlaced>());
        var placed = (OrderPlaced)_published[0];
        Assert.Multiple(() =>
        {
            Assert.That(placed.OrderId, Is.EqualTo(order.Id));
            Assert.That(placed.CustomerId, Is.EqualTo(OrderTestData.Customer));
            Assert.That(placed.Lines, Is.EqualTo(order.Lines.Select(line => new OrderedProduct(line.ProductId, line.Quantity))));
        });
    }

    [Test]
    public async Task Cancelling_a_confirmed_order_publishes_order_cancelled_so_the_stock_goes_back()
    {
        var order = OrderTestData.In(OrderStatus.Confirmed);
        order.Cancel(TestData.Now.AddHours(1));

        await Dispatch(order);

        var cancelled = (OrderCancelled)_published.Single();
        Assert.Multiple(() =>
        {
            Assert.That(cancelled.OrderId, Is.EqualTo(order.Id));
            Assert.That(cancelled.Lines, Is.EqualTo(order.Lines.Select(line => new OrderedProduct(line.ProductId, line.Quantity))));
        });
    }

    [Test]
    public async Task Cancelling_a_pending_order_publishes_nothing()
    {
        var order = OrderTestData.In(OrderStatus.Pending);
        order.Cancel(TestData.Now.AddHours(1));

        await Dispatch(order);

        Assert.That(_published, Is.Empty);
    }

    [Test]
    public async Task Stock_reserved_confirms_the_pending_order()
    {
        var order = Stored(OrderStatus.Pending);

        await new StockReservedConsumer(_orders.Object, _clock, NullLogger<StockReservedConsumer>.Instance)
            .ConsumeAsync(new StockReserved(order.Id), Context, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Confirmed));
            Assert.That(order.UpdatedAt, Is.EqualTo(TestData.NowUtc.AddMinutes(5)));
        });
    }

    [Test]
    public async Task Stock_reserved_for_an_order_cancelled_meanwhile_is_handed_back()
    {
        var order = Stored(OrderStatus.Cancelled);

        await new StockReservedConsumer(_orders.Object, _clock, NullLogger<StockReservedConsumer>.Instance)
            .ConsumeAsync(new StockReserved(order.Id), Context, CancellationToken.None);
        await Dispatch(order);

        var compensation = (OrderCancelled)_published.Single();
        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(compensation.OrderId, Is.EqualTo(order.Id));
            Assert.That(compensation.Lines, Is.EqualTo(order.Lines.Select(line => new OrderedProduct(line.ProductId, line.Quantity))));
        });
    }

    [Test]
    public async Task A_rejected_reservation_rejects_the_pending_order_with_catalogs_reason()
    {
        var order = Stored(OrderStatus.Pending);

        await new StockReservationRejectedConsumer(_orders.Object, _clock, NullLogger<StockReservationRejectedConsumer>.Instance)
            .ConsumeAsync(new StockReservationRejected(order.Id, "Only 1 of BK-1042 left"), Context, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Rejected));
            Assert.That(order.RejectionReason, Is.EqualTo("Only 1 of BK-1042 left"));
        });
    }

    [Test]
    public async Task An_answer_the_order_can_no_longer_take_is_logged_and_acknowledged()
    {
        var order = Stored(OrderStatus.Cancelled);
        var unknown = Guid.CreateVersion7();
        var logger = new RecordingLogger<StockReservationRejectedConsumer>();

        await new StockReservationRejectedConsumer(_orders.Object, _clock, logger)
            .ConsumeAsync(new StockReservationRejected(order.Id, "Out of stock"), Context, CancellationToken.None);
        await new StockReservationRejectedConsumer(_orders.Object, _clock, logger)
            .ConsumeAsync(new StockReservationRejected(unknown, "Out of stock"), Context, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(order.RejectionReason, Is.Null);
            Assert.That(logger.Records.Select(record => record.Message), Has.Exactly(1).Contains("Order.InvalidTransition").And.Exactly(1).Contains($"Order.NotFound ({OrderErrors.NotFound(unknown).Description})"));
        });
    }

    private Order Stored(OrderStatus status)
    {
        var order = OrderTestData.In(status);
        _orders.Setup(orders => orders.FindAsync(order.Id, It.IsAny<CancellationToken>())).ReturnsAsync(order);
        return order;
    }

    /// <summary>Hands the order's events to Ordering's listeners, as the unit of work does before it saves.</summary>
    private async Task Dispatch(Order order)
    {
        foreach (var domainEvent in order.TakeDomainEvents())
        {
            var handled = domainEvent switch
            {
                OrderPlacedDomainEvent placed => new OrderPlacedPublisher(_outbox.Object).HandleAsync(placed, CancellationToken.None),
                OrderStockReleasedDomainEvent released => new OrderStockReleasedPublisher(_outbox.Object).HandleAsync(released, CancellationToken.None),
                _ => throw new AssertionException($"No listener for {domainEvent.GetType().Name}."),
            };
            await handled;
        }
    }
}
