using Enterprise.Application.Catalog.Contracts;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Ordering.Contracts;
using Enterprise.Domain.Catalog;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class ReserveStockForOrderTests
{
    private static readonly Guid OrderId = Guid.CreateVersion7();
    private static readonly IntegrationEventContext Context = new(Guid.CreateVersion7(), TestData.Now);

    private readonly Mock<IProductRepository> _products = new();
    private readonly Mock<IIntegrationEventOutbox> _outbox = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private Product _book = null!;
    private Product _pen = null!;

    [SetUp]
    public void TwoStoredProducts()
    {
        _book = TestData.NewProduct(TestData.Details() with { StockQuantity = 10 });
        _pen = TestData.NewProduct(TestData.Details() with { Sku = "PN-7", StockQuantity = 3 });
        _clock.Advance(TimeSpan.FromMinutes(1));
        _products
            .Setup(repository => repository.ListForUpdateAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<Guid> ids, CancellationToken _) =>
                [.. new[] { _book, _pen }.Where(product => ids.Contains(product.Id)).OrderBy(product => product.Id)]);
    }

    [Test]
    public async Task Every_line_is_reserved_and_StockReserved_is_published()
    {
        await Consume(new OrderedProduct(_book.Id, 4), new OrderedProduct(_pen.Id, 3));

        Assert.Multiple(() =>
        {
            Assert.That(_book.StockQuantity, Is.EqualTo(6));
            Assert.That(_pen.StockQuantity, Is.EqualTo(0));
            Assert.That(_book.UpdatedAt, Is.EqualTo(TestData.NowUtc.AddMinutes(1)));
        });
        _outbox.Verify(outbox => outbox.Add(new StockReserved(OrderId)), Times.Once);
        _outbox.VerifyNoOtherCalls();
    }

    [Test]
    public async Task All_products_are_loaded_in_one_query()
    {
        await Consume(new OrderedProduct(_book.Id, 1), new OrderedProduct(_pen.Id, 1));

        _products.Verify(
            repository => repository.ListForUpdateAsync(
                It.Is<IReadOnlyCollection<Guid>>(ids => ids.Count == 2 && ids.Contains(_book.Id) && ids.Contains(_pen.Id)),
                It.IsAny<CancellationToken>()),
            Times.Once);
        _products.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_short_line_reserves_nothing_on_any_line_and_names_the_shortfall()
    {
        // The short line comes last, so a consumer that reserved line by line would already have taken the book.
        await Consume(new OrderedProduct(_book.Id, 4), new OrderedProduct(_pen.Id, 5));

        Assert.Multiple(() =>
        {
            Assert.That(_book.StockQuantity, Is.EqualTo(10));
            Assert.That(_pen.StockQuantity, Is.EqualTo(3));
            Assert.That(_book.Version, Is.EqualTo(1));
        });
        var reason = ProductErrors.ReservationShortfall(_pen.Id, "PN-7", 3, 5).Description;
        Assert.That(reason, Does.Contain("PN-7").And.Contain("2 short"));
        _outbox.Verify(outbox => outbox.Add(new StockReservationRejected(OrderId, reason)), Times.Once);
        _outbox.VerifyNoOtherCalls();
    }

    [Test]
    public async Task An_archived_product_rejects_the_order()
    {
        _pen.Archive(TestData.Now);

        await Consume(new OrderedProduct(_book.Id, 1), new OrderedProduct(_pen.Id, 1));

        Assert.That(_book.StockQuantity, Is.EqualTo(10));
        _outbox.Verify(outbox => outbox.Add(new StockReservationRejected(OrderId, ProductErrors.ArchivedNotReservable(_pen.Id, "PN-7").Description)), Times.Once);
        _outbox.VerifyNoOtherCalls();
    }

    [Test]
    public async Task An_unknown_product_rejects_the_order()
    {
        var unknown = Guid.CreateVersion7();

        await Consume(new OrderedProduct(_book.Id, 1), new OrderedProduct(unknown, 1));

        Assert.That(_book.StockQuantity, Is.EqualTo(10));
        _outbox.Verify(outbox => outbox.Add(new StockReservationRejected(OrderId, ProductErrors.NotFound(unknown).Description)), Times.Once);
        _outbox.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Lines_of_the_same_product_count_together()
    {
        await Consume(new OrderedProduct(_pen.Id, 2), new OrderedProduct(_pen.Id, 2));

        Assert.That(_pen.StockQuantity, Is.EqualTo(3));
        _outbox.Verify(outbox => outbox.Add(new StockReservationRejected(OrderId, ProductErrors.ReservationShortfall(_pen.Id, "PN-7", 3, 4).Description)), Times.Once);
    }

    [TestCase(0)]
    [TestCase(-2)]
    public async Task A_line_without_a_positive_quantity_rejects_the_order(int quantity)
    {
        await Consume(new OrderedProduct(_book.Id, 1), new OrderedProduct(_pen.Id, quantity));

        Assert.That(_book.StockQuantity, Is.EqualTo(10));
        _outbox.Verify(outbox => outbox.Add(new StockReservationRejected(OrderId, ProductErrors.ReservationQuantityNotPositive.Description)), Times.Once);
    }

    private Task Consume(params OrderedProduct[] lines) =>
        new ReserveStockForOrder(_products.Object, _outbox.Object, _clock)
            .ConsumeAsync(new OrderPlaced(OrderId, "customer-1", lines), Context, CancellationToken.None);
}
