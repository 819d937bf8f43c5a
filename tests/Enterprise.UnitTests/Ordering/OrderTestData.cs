using Enterprise.Domain.Common;
using Enterprise.Domain.Ordering;

namespace Enterprise.UnitTests.Ordering;

/// <summary>Sample orders: lines as Catalog would price them, and orders brought to each status.</summary>
internal static class OrderTestData
{
    public const string Customer = "customer-a";

    public static OrderLineSnapshot Line(decimal unitPrice = 12.5m, int quantity = 2, string currency = "EUR", Guid? productId = null) =>
        new(productId ?? Guid.CreateVersion7(), "BK-1042", "Clean Architecture", unitPrice, currency, quantity);

    public static Order Pending(params OrderLineSnapshot[] lines) =>
        Order.Place(Customer, lines.Length == 0 ? [Line()] : lines, TestData.Now).Value;

    /// <summary>An order in <paramref name="status"/>, reached through the transitions the domain allows, with its events taken.</summary>
    public static Order In(OrderStatus status)
    {
        var order = Pending();
        var later = TestData.Now.AddMinutes(1);
        var moved = status switch
        {
            OrderStatus.Pending => Result.Success(),
            OrderStatus.Confirmed => order.RecordStockReserved(later),
            OrderStatus.Rejected => order.Reject("Out of stock", later),
            OrderStatus.Cancelled => order.Cancel(later),
            OrderStatus.Shipped => Then(order.RecordStockReserved(later), () => order.Ship(later)),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        Assert.That(moved.IsSuccess, Is.True, moved.Error?.Description);
        order.TakeDomainEvents();
        return order;
    }

    private static Result Then(Result first, Func<Result> second) =>
        first.IsSuccess ? second() : first;
}
