using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;
using static Enterprise.UnitTests.Ordering.OrderTestData;

namespace Enterprise.UnitTests.Ordering;

public sealed class OrderTests
{
    private static readonly DateTimeOffset Later = TestData.Now.AddHours(1);

    [Test]
    public void A_placed_order_is_pending_with_the_snapshot_the_total_and_one_event()
    {
        var first = Line(unitPrice: 12.5m, quantity: 2);
        var second = Line(unitPrice: 0.3333m, quantity: 3);

        var order = Order.Place(Customer, [first, second], TestData.Now).Value;

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.CustomerId, Is.EqualTo(Customer));
            Assert.That(order.Currency, Is.EqualTo("EUR"));
            Assert.That(order.Total, Is.EqualTo(25.9999m));
            Assert.That(order.Lines, Is.EqualTo(new[]
            {
                new OrderLine(first.ProductId, first.Sku, first.Name, 12.5m, 2),
                new OrderLine(second.ProductId, second.Sku, second.Name, 0.3333m, 3),
            }));
            Assert.That(order.Version, Is.EqualTo(1));
            Assert.That(order.CreatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(order.UpdatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(order.RejectionReason, Is.Null);
            Assert.That(order.Id.Version, Is.EqualTo(7));
            Assert.That(order.DomainEvents, Is.EqualTo(new IDomainEvent[] { new OrderPlacedDomainEvent(order.Id, Customer, order.Lines) }));
        });
    }

    [Test]
    public void Fifty_lines_of_a_thousand_each_are_allowed()
    {
        var lines = Enumerable.Range(0, Order.MaxLines).Select(_ => Line(quantity: Order.MaxQuantity)).ToArray();

        var placed = Order.Place(Customer, lines, TestData.Now);

        Assert.That(placed.Value.Lines, Has.Count.EqualTo(Order.MaxLines));
    }

    [TestCase(0)]
    [TestCase(51)]
    public void An_order_has_one_to_fifty_lines(int count)
    {
        var lines = Enumerable.Range(0, count).Select(_ => Line()).ToArray();

        Assert.That(Order.Place(Customer, lines, TestData.Now).Error, Is.EqualTo(OrderErrors.LineCount));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1001)]
    public void A_quantity_outside_one_to_a_thousand_names_its_line(int quantity)
    {
        var placed = Order.Place(Customer, [Line(), Line(quantity: quantity)], TestData.Now);

        Assert.Multiple(() =>
        {
            Assert.That(placed.Error, Is.EqualTo(OrderErrors.QuantityOutOfRange(1)));
            Assert.That(placed.Error!.Field, Is.EqualTo("lines[1].quantity"));
        });
    }

    [Test]
    public void A_product_on_two_lines_is_refused_on_the_second()
    {
        var productId = Guid.CreateVersion7();

        var placed = Order.Place(Customer, [Line(productId: productId), Line(), Line(productId: productId)], TestData.Now);

        Assert.That(placed.Error, Is.EqualTo(OrderErrors.DuplicateProduct(2, productId)));
    }

    [Test]
    public void An_empty_product_id_is_refused()
    {
        Assert.That(Order.Place(Customer, [Line(productId: Guid.Empty)], TestData.Now).Error, Is.EqualTo(OrderErrors.ProductRequired(0)));
    }

    [Test]
    public void Lines_in_two_currencies_are_unprocessable_naming_the_first_line_that_differs()
    {
        var usd = Line(currency: "USD");

        var placed = Order.Place(Customer, [Line(), Line(), usd], TestData.Now);

        Assert.Multiple(() =>
        {
            Assert.That(placed.Error, Is.EqualTo(OrderErrors.MixedCurrencies(2, usd.ProductId, "USD", "EUR")));
            Assert.That(placed.Error!.Kind, Is.EqualTo(ErrorKind.Unprocessable));
            Assert.That(placed.Error.Field, Is.EqualTo("lines[2].productId"));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void An_order_needs_a_customer(string? customer)
    {
        Assert.That(Order.Place(customer!, [Line()], TestData.Now).Error, Is.EqualTo(OrderErrors.CustomerRequired));
    }

    [TestCase("bob\0")]
    [TestCase("\u001b[2Jbob")]
    [TestCase("bob\u0085")]
    public void A_customer_id_with_a_control_character_is_refused(string customer)
    {
        Assert.That(Order.Place(customer, [Line()], TestData.Now).Error, Is.EqualTo(OrderErrors.CustomerIdInvalid));
    }

    [Test]
    public void A_customer_id_longer_than_the_column_is_refused()
    {
        var customer = new string('c', Order.CustomerIdMaxLength + 1);

        Assert.That(Order.Place(customer, [Line()], TestData.Now).Error, Is.EqualTo(OrderErrors.CustomerIdInvalid));
    }

    [Test]
    public void Reserved_stock_confirms_a_pending_order()
    {
        var order = In(OrderStatus.Pending);

        var result = order.RecordStockReserved(Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Confirmed));
            Assert.That(order.Version, Is.EqualTo(2));
            Assert.That(order.UpdatedAt, Is.EqualTo(TestData.NowUtc.AddHours(1)));
            Assert.That(order.DomainEvents, Is.Empty);
        });
    }

    [Test]
    public void Stock_reserved_for_an_order_cancelled_while_pending_goes_straight_back()
    {
        var order = In(OrderStatus.Cancelled);
        var version = order.Version;

        var result = order.RecordStockReserved(Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(order.Version, Is.EqualTo(version));
            Assert.That(order.DomainEvents, Is.EqualTo(new IDomainEvent[] { new OrderStockReleasedDomainEvent(order.Id, order.Lines) }));
        });
    }

    [TestCase(OrderStatus.Confirmed)]
    [TestCase(OrderStatus.Rejected)]
    [TestCase(OrderStatus.Shipped)]
    public void Reserved_stock_is_refused_once_the_order_has_moved_on(OrderStatus status)
    {
        AssertInvalidTransition(In(status), order => order.RecordStockReserved(Later), status, OrderStatus.Confirmed);
    }

    [Test]
    public void A_rejection_keeps_the_reason()
    {
        var order = In(OrderStatus.Pending);

        var result = order.Reject("  Only 3 of BK-1042 in stock  ", Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Rejected));
            Assert.That(order.RejectionReason, Is.EqualTo("Only 3 of BK-1042 in stock"));
            Assert.That(order.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public void A_long_rejection_reason_is_kept_to_its_maximum()
    {
        var order = In(OrderStatus.Pending);

        order.Reject(new string('x', Order.RejectionReasonMaxLength + 10), Later);

        Assert.That(order.RejectionReason, Has.Length.EqualTo(Order.RejectionReasonMaxLength));
    }

    [Test]
    public void A_rejection_needs_a_reason()
    {
        var order = In(OrderStatus.Pending);

        Assert.Multiple(() =>
        {
            Assert.That(order.Reject(" ", Later).Error, Is.EqualTo(OrderErrors.RejectionReasonRequired));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
        });
    }

    [TestCase(OrderStatus.Confirmed)]
    [TestCase(OrderStatus.Rejected)]
    [TestCase(OrderStatus.Shipped)]
    [TestCase(OrderStatus.Cancelled)]
    public void Only_a_pending_order_is_rejected(OrderStatus status)
    {
        AssertInvalidTransition(In(status), order => order.Reject("Out of stock", Later), status, OrderStatus.Rejected);
    }

    [Test]
    public void Cancelling_a_pending_order_releases_nothing()
    {
        var order = In(OrderStatus.Pending);

        var result = order.Cancel(Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(order.Version, Is.EqualTo(2));
            Assert.That(order.DomainEvents, Is.Empty);
        });
    }

    [Test]
    public void Cancelling_a_confirmed_order_releases_its_stock()
    {
        var order = In(OrderStatus.Confirmed);

        var result = order.Cancel(Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(order.Version, Is.EqualTo(3));
            Assert.That(order.DomainEvents, Is.EqualTo(new IDomainEvent[] { new OrderStockReleasedDomainEvent(order.Id, order.Lines) }));
        });
    }

    [TestCase(OrderStatus.Rejected)]
    [TestCase(OrderStatus.Shipped)]
    [TestCase(OrderStatus.Cancelled)]
    public void A_rejected_shipped_or_cancelled_order_cannot_be_cancelled(OrderStatus status)
    {
        AssertInvalidTransition(In(status), order => order.Cancel(Later), status, OrderStatus.Cancelled);
    }

    [Test]
    public void A_confirmed_order_ships()
    {
        var order = In(OrderStatus.Confirmed);

        var result = order.Ship(Later);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Shipped));
            Assert.That(order.Version, Is.EqualTo(3));
            Assert.That(order.DomainEvents, Is.Empty);
        });
    }

    [TestCase(OrderStatus.Pending)]
    [TestCase(OrderStatus.Rejected)]
    [TestCase(OrderStatus.Shipped)]
    [TestCase(OrderStatus.Cancelled)]
    public void Only_a_confirmed_order_ships(OrderStatus status)
    {
        AssertInvalidTransition(In(status), order => order.Ship(Later), status, OrderStatus.Shipped);
    }

    [Test]
    public void The_invalid_transition_error_names_both_statuses_and_is_a_conflict()
    {
        var error = OrderErrors.InvalidTransition(OrderStatus.Shipped, OrderStatus.Cancelled);

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("Order.InvalidTransition"));
            Assert.That(error.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(error.Description, Is.EqualTo("An order cannot go from shipped to cancelled."));
        });
    }

    private static void AssertInvalidTransition(Order order, Func<Order, Result> transition, OrderStatus from, OrderStatus to)
    {
        var version = order.Version;
        var updatedAt = order.UpdatedAt;

        var result = transition(order);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(OrderErrors.InvalidTransition(from, to)));
            Assert.That(order.Status, Is.EqualTo(from), "the status is unchanged");
            Assert.That(order.Version, Is.EqualTo(version));
            Assert.That(order.UpdatedAt, Is.EqualTo(updatedAt));
            Assert.That(order.DomainEvents, Is.Empty);
        });
    }
}
