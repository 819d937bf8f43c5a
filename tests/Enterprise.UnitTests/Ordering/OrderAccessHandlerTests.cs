using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Persistence;
using Enterprise.Application.Common.Security;
using Enterprise.Application.Ordering;
using Enterprise.Application.Ordering.Orders;
using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Ordering;

/// <summary>Who may read, list, cancel and ship an order: its customer and admins; to anyone else it does not exist.</summary>
public sealed class OrderAccessHandlerTests
{
    private readonly Mock<IOrderQueries> _queries = new();
    private readonly Mock<IOrderRepository> _orders = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now.AddHours(1));
    private Order _order = null!;

    [SetUp]
    public void AConfirmedOrderOfCustomerA()
    {
        _order = OrderTestData.In(OrderStatus.Confirmed);
        _queries.Setup(queries => queries.FindAsync(_order.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_order.ToDto());
        _orders.Setup(orders => orders.FindAsync(_order.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_order);
    }

    [Test]
    public async Task The_customer_and_an_admin_read_the_order()
    {
        var byCustomer = await Get(TestUser.Customer());
        var byAdmin = await Get(TestUser.Admin());

        Assert.Multiple(() =>
        {
            Assert.That(byCustomer.Value.Id, Is.EqualTo(_order.Id));
            Assert.That(byAdmin.Value.Id, Is.EqualTo(_order.Id));
        });
    }

    [Test]
    public async Task Another_customer_does_not_find_the_order()
    {
        Assert.That((await Get(TestUser.Customer("customer-b"))).Error, Is.EqualTo(OrderErrors.NotFound(_order.Id)));
    }

    [Test]
    public async Task An_anonymous_caller_is_unauthenticated()
    {
        Assert.That((await Get(TestUser.Anonymous())).Error, Is.EqualTo(AuthorizationErrors.Unauthenticated));
    }

    [Test]
    public async Task Another_customer_cannot_cancel_or_ship_the_order_and_it_stays_as_it_was()
    {
        var other = TestUser.Customer("customer-b");

        var cancelled = await Cancel(other, expectedVersions: null);
        var shipped = await Ship(other, expectedVersions: null);

        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Error, Is.EqualTo(OrderErrors.NotFound(_order.Id)));
            Assert.That(shipped.Error, Is.EqualTo(OrderErrors.NotFound(_order.Id)));
            Assert.That(_order.Status, Is.EqualTo(OrderStatus.Confirmed));
            Assert.That(_order.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task The_customer_cancels_with_the_current_version_and_gets_the_next()
    {
        var result = await Cancel(TestUser.Customer(), expectedVersions: [2]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(result.Value.Version, Is.EqualTo(3));
            Assert.That(_order.DomainEvents.OfType<OrderStockReleasedDomainEvent>().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_stale_version_fails_the_precondition_and_changes_nothing()
    {
        var result = await Cancel(TestUser.Customer(), expectedVersions: [1]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(VersionPrecondition.Failed));
            Assert.That(_order.Status, Is.EqualTo(OrderStatus.Confirmed));
        });
    }

    [Test]
    public async Task A_customer_may_not_ship_even_their_own_order()
    {
        var result = await Ship(TestUser.Customer(), expectedVersions: [2]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthorizationErrors.MissingRole(OrderingPermissions.AdminRole)));
            Assert.That(_order.Status, Is.EqualTo(OrderStatus.Confirmed));
        });
    }

    [Test]
    public async Task An_admin_ships_a_confirmed_order()
    {
        var result = await Ship(TestUser.Admin(), expectedVersions: [2]);

        Assert.That(result.Value.Status, Is.EqualTo(OrderStatus.Shipped));
    }

    [Test]
    public async Task A_transition_the_status_does_not_allow_is_the_domains_conflict()
    {
        await Ship(TestUser.Admin(), expectedVersions: null);

        var result = await Cancel(TestUser.Customer(), expectedVersions: null);

        Assert.That(result.Error, Is.EqualTo(OrderErrors.InvalidTransition(OrderStatus.Shipped, OrderStatus.Cancelled)));
    }

    private async Task<Result<OrderDto>> Get(ICurrentUser user) =>
        await new GetOrderHandler(_queries.Object, user).Handle(new GetOrderQuery(_order.Id), CancellationToken.None);

    private async Task<Result<OrderDto>> Cancel(ICurrentUser user, IReadOnlyCollection<long>? expectedVersions) =>
        await new CancelOrderHandler(_orders.Object, user, _clock)
            .Handle(new CancelOrderCommand(_order.Id) { ExpectedVersions = expectedVersions }, CancellationToken.None);

    private async Task<Result<OrderDto>> Ship(ICurrentUser user, IReadOnlyCollection<long>? expectedVersions) =>
        await new ShipOrderHandler(_orders.Object, user, _clock)
            .Handle(new ShipOrderCommand(_order.Id) { ExpectedVersions = expectedVersions }, CancellationToken.None);
}

public sealed class ListOrdersHandlerTests
{
    private readonly Mock<IOrderQueries> _queries = new();
    private readonly List<(string CustomerId, OrderStatus? Status, int Limit, OrderListPosition? After)> _reads = [];
    private OrderDto _newer = null!;
    private OrderDto _older = null!;

    [SetUp]
    public void TwoOrdersWithMoreToFollow()
    {
        _newer = OrderTestData.Pending().ToDto();
        _older = OrderTestData.Pending().ToDto();
        _queries.Setup(queries => queries.SeekAsync(It.IsAny<string>(), It.IsAny<OrderStatus?>(), It.IsAny<int>(), It.IsAny<OrderListPosition?>(), It.IsAny<CancellationToken>()))
            .Callback((string customerId, OrderStatus? status, int limit, OrderListPosition? after, CancellationToken _) => _reads.Add((customerId, status, limit, after)))
            .ReturnsAsync(new KeysetSlice<OrderDto>([_newer, _older], HasMore: true));
    }

    [Test]
    public async Task A_customer_lists_their_own_orders_and_the_next_page_goes_on_after_the_last()
    {
        var first = await Handle(TestUser.Customer(), new ListOrdersQuery { Limit = 2, Status = OrderStatus.Pending });
        var second = await Handle(TestUser.Customer(), new ListOrdersQuery { Limit = 2, Status = OrderStatus.Pending, Cursor = first.Value.NextCursor });

        Assert.Multiple(() =>
        {
            Assert.That(first.Value.Items, Is.EqualTo(new[] { _newer, _older }));
            Assert.That(second.IsSuccess, Is.True);
            Assert.That(_reads[0], Is.EqualTo((OrderTestData.Customer, (OrderStatus?)OrderStatus.Pending, 2, (OrderListPosition?)null)));
            Assert.That(_reads[1].After, Is.EqualTo(new OrderListPosition(_older.CreatedAt, _older.Id)));
        });
    }

    [Test]
    public async Task A_cursor_of_another_list_is_refused()
    {
        var pending = await Handle(TestUser.Customer(), new ListOrdersQuery { Limit = 2, Status = OrderStatus.Pending });

        var confirmed = await Handle(TestUser.Customer(), new ListOrdersQuery { Limit = 2, Status = OrderStatus.Confirmed, Cursor = pending.Value.NextCursor });

        Assert.That(confirmed.Error, Is.EqualTo(PageCursor.OtherList));
    }

    [Test]
    public async Task An_admin_lists_any_customers_orders()
    {
        await Handle(TestUser.Admin(), new ListOrdersQuery { CustomerId = "customer-b" });

        Assert.That(_reads.Single().CustomerId, Is.EqualTo("customer-b"));
    }

    [Test]
    public async Task A_customer_may_not_list_another_customers_orders()
    {
        var result = await Handle(TestUser.Customer(), new ListOrdersQuery { CustomerId = "customer-b" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthorizationErrors.MissingRole(OrderingPermissions.AdminRole)));
            Assert.That(_reads, Is.Empty);
        });
    }

    [Test]
    public async Task An_anonymous_caller_is_unauthenticated()
    {
        Assert.That((await Handle(TestUser.Anonymous(), new ListOrdersQuery())).Error, Is.EqualTo(AuthorizationErrors.Unauthenticated));
    }

    private async Task<Result<CursorPage<OrderDto>>> Handle(ICurrentUser user, ListOrdersQuery query) =>
        await new ListOrdersHandler(_queries.Object, user).Handle(query, CancellationToken.None);
}
