using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Ordering.Orders;
using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;
using FluentValidation;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Ordering;

public sealed class PlaceOrderHandlerTests
{
    private static readonly CatalogProduct Book = new(Guid.CreateVersion7(), "BK-1042", "Clean Architecture", 29.99m, "EUR", IsActive: true);
    private static readonly CatalogProduct Pen = new(Guid.CreateVersion7(), "PN-7", "Fountain pen", 12.5m, "EUR", IsActive: true);
    private static readonly CatalogProduct Archived = new(Guid.CreateVersion7(), "OLD-1", "Withdrawn", 1m, "EUR", IsActive: false);
    private static readonly CatalogProduct Dollars = new(Guid.CreateVersion7(), "US-1", "Priced in dollars", 3m, "USD", IsActive: true);

    private readonly Mock<IProductCatalog> _catalog = new();
    private readonly Mock<IOrderRepository> _orders = new();
    private readonly List<Order> _added = [];

    [SetUp]
    public void ACatalogOfFourProducts()
    {
        CatalogProduct[] products = [Book, Pen, Archived, Dollars];
        _catalog.Setup(catalog => catalog.FindAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<Guid> ids, CancellationToken _) => [.. products.Where(product => ids.Contains(product.ProductId))]);
        _orders.Setup(orders => orders.Add(It.IsAny<Order>())).Callback<Order>(_added.Add);
    }

    [Test]
    public async Task The_order_is_placed_pending_for_the_caller_with_catalogs_prices()
    {
        var result = await Handle(new(Book.ProductId, 2), new(Pen.ProductId, 1));

        var order = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(order.CustomerId, Is.EqualTo(OrderTestData.Customer));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.Currency, Is.EqualTo("EUR"));
            Assert.That(order.Total, Is.EqualTo(72.48m));
            Assert.That(order.Lines, Is.EqualTo(new[]
            {
                new OrderLineDto(Book.ProductId, Book.Sku, Book.Name, 29.99m, 2),
                new OrderLineDto(Pen.ProductId, Pen.Sku, Pen.Name, 12.5m, 1),
            }));
            Assert.That(order.CreatedAt, Is.EqualTo(TestData.NowUtc));
            Assert.That(_added.Select(added => added.Id), Is.EqualTo(new[] { order.Id }));
            Assert.That(_added[0].DomainEvents.OfType<OrderPlacedDomainEvent>().Count(), Is.EqualTo(1));
        });
        _catalog.Verify(
            catalog => catalog.FindAsync(It.Is<IReadOnlyCollection<Guid>>(ids => ids.SequenceEqual(new[] { Book.ProductId, Pen.ProductId })), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Test]
    public async Task An_unknown_product_is_unprocessable_naming_its_line()
    {
        var unknown = Guid.CreateVersion7();

        var result = await Handle(new(Book.ProductId, 1), new(unknown, 1));

        AssertRefused(result, OrderErrors.UnknownProduct(1, unknown), "lines[1].productId");
    }

    [Test]
    public async Task An_archived_product_is_unprocessable_naming_its_line()
    {
        var result = await Handle(new(Archived.ProductId, 1), new(Book.ProductId, 1));

        AssertRefused(result, OrderErrors.ArchivedProduct(0, Archived.ProductId), "lines[0].productId");
    }

    [Test]
    public async Task Products_in_two_currencies_are_unprocessable_naming_the_line_that_differs()
    {
        var result = await Handle(new(Book.ProductId, 1), new(Pen.ProductId, 1), new(Dollars.ProductId, 1));

        AssertRefused(result, OrderErrors.MixedCurrencies(2, Dollars.ProductId, "USD", "EUR"), "lines[2].productId");
    }

    private void AssertRefused(Result<OrderDto> result, Error expected, string field)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(expected));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.Unprocessable));
            Assert.That(result.Error.Field, Is.EqualTo(field));
            Assert.That(_added, Is.Empty, "nothing is stored");
        });
    }

    private async Task<Result<OrderDto>> Handle(params OrderLineRequest[] lines) =>
        await new PlaceOrderHandler(_catalog.Object, _orders.Object, TestUser.Customer(), new FakeTimeProvider(TestData.Now))
            .Handle(new PlaceOrderCommand(lines), CancellationToken.None);
}

public sealed class PlaceOrderValidatorTests
{
    private readonly PlaceOrderValidator _validator = new();

    [Test]
    public void A_valid_order_passes()
    {
        Assert.That(Errors(new(Guid.CreateVersion7(), 1), new(Guid.CreateVersion7(), 1000)), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(51)]
    public void An_order_has_one_to_fifty_lines(int count)
    {
        var lines = Enumerable.Range(0, count).Select(_ => new OrderLineRequest(Guid.CreateVersion7(), 1)).ToArray();

        Assert.That(Errors(lines), Is.EqualTo(new Dictionary<string, string> { ["lines"] = OrderErrors.LineCount.Description }));
    }

    [Test]
    public void Missing_lines_are_refused()
    {
        var result = _validator.Validate(new PlaceOrderCommand(null!));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "lines" }));
    }

    [TestCase(0)]
    [TestCase(1001)]
    public void A_quantity_outside_one_to_a_thousand_is_refused_on_its_line(int quantity)
    {
        Assert.That(
            Errors(new(Guid.CreateVersion7(), 1), new(Guid.CreateVersion7(), quantity)),
            Is.EqualTo(new Dictionary<string, string> { ["lines[1].quantity"] = OrderErrors.QuantityOutOfRange(1).Description }));
    }

    [Test]
    public void A_second_line_for_the_same_product_is_refused()
    {
        var productId = Guid.CreateVersion7();

        Assert.That(
            Errors(new(productId, 1), new(productId, 2)),
            Is.EqualTo(new Dictionary<string, string> { ["lines[1].productId"] = OrderErrors.DuplicateProduct(1, productId).Description }));
    }

    [Test]
    public void An_empty_product_id_and_a_missing_line_are_refused_on_their_lines()
    {
        Assert.That(
            Errors(new(Guid.Empty, 1), null!),
            Is.EqualTo(new Dictionary<string, string>
            {
                ["lines[0].productId"] = OrderErrors.ProductRequired(0).Description,
                ["lines[1].productId"] = OrderErrors.ProductRequired(1).Description,
            }));
    }

    private Dictionary<string, string> Errors(params OrderLineRequest[] lines) =>
        _validator.Validate(new PlaceOrderCommand(lines)).Errors.ToDictionary(error => error.PropertyName, error => error.ErrorMessage);
}
