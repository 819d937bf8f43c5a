using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Ordering.Contracts;
using Enterprise.Domain.Catalog;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class ReleaseStockOfCancelledOrderTests
{
    private static readonly Guid OrderId = Guid.CreateVersion7();
    private static readonly IntegrationEventContext Context = new(Guid.CreateVersion7(), TestData.Now);

    private readonly Mock<IProductRepository> _products = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private Product _book = null!;
    private Product _pen = null!;

    [SetUp]
    public void TwoStoredProducts()
    {
        _book = TestData.NewProduct(TestData.Details() with { StockQuantity = 6 });
        _pen = TestData.NewProduct(TestData.Details() with { Sku = "PN-7", StockQuantity = int.MaxValue });
        _clock.Advance(TimeSpan.FromMinutes(1));
        _products
            .Setup(repository => repository.ListForUpdateAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<Guid> ids, CancellationToken _) =>
                [.. new[] { _book, _pen }.Where(product => ids.Contains(product.Id)).OrderBy(product => product.Id)]);
    }

    [Test]
    public async Task The_stock_of_every_line_goes_back_even_to_an_archived_product()
    {
        _book.Archive(TestData.Now);

        await Consume(new OrderedProduct(_book.Id, 4));

        Assert.Multiple(() =>
        {
            Assert.That(_book.StockQuantity, Is.EqualTo(10));
            Assert.That(_book.UpdatedAt, Is.EqualTo(TestData.NowUtc.AddMinutes(1)));
        });
    }

    [Test]
    public void A_product_Catalog_does_not_have_fails_the_message()
    {
        var unknown = Guid.CreateVersion7();

        var failure = Assert.ThrowsAsync<InvalidOperationException>(() => Consume(new OrderedProduct(_book.Id, 4), new OrderedProduct(unknown, 1)));

        Assert.That(failure!.Message, Does.Contain(unknown.ToString()));
    }

    [Test]
    public void Stock_that_cannot_be_given_back_fails_the_message()
    {
        var failure = Assert.ThrowsAsync<InvalidOperationException>(() => Consume(new OrderedProduct(_pen.Id, 1)));

        Assert.That(failure!.Message, Does.Contain(ProductErrors.StockOverflow.Description));
    }

    private Task Consume(params OrderedProduct[] lines) =>
        new ReleaseStockOfCancelledOrder(_products.Object, _clock)
            .ConsumeAsync(new OrderCancelled(OrderId, lines), Context, CancellationToken.None);
}
