using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Ordering;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>An order as use cases return it; the API shapes its responses from it.</summary>
public sealed record OrderDto(
    Guid Id,
    string CustomerId,
    OrderStatus Status,
    string? RejectionReason,
    string Currency,
    decimal Total,
    IReadOnlyList<OrderLineDto> Lines,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version) : IHasResourceId, IHasVersion
{
    Guid IHasResourceId.ResourceId => Id;
}

/// <summary>One line of an order, priced as the product was when the order was placed.</summary>
public sealed record OrderLineDto(Guid ProductId, string Sku, string Name, decimal UnitPrice, int Quantity);
