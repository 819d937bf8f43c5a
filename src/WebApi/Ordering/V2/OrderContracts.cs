using System.ComponentModel;
using Enterprise.Application.Ordering.Orders;
using Enterprise.Domain.Ordering;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Ordering.V2;

/// <summary>The body that places an order.</summary>
public sealed record PlaceOrderRequest
{
    [Description("1 to 50 lines, one per product, each with a quantity of 1 to 1,000.")]
    public required IReadOnlyList<OrderLineRequest> Lines { get; init; }
}

/// <summary>An order: its lines priced as the products were when it was placed, in one currency.</summary>
public sealed record OrderResponse(
    Guid Id,
    [property: Description("The subject of the token that placed the order.")] string CustomerId,
    OrderStatus Status,
    [property: Description("Why the stock could not be reserved; only on a rejected order.")] string? RejectionReason,
    [property: Description("ISO 4217 code of every price in the order.")] string Currency,
    decimal Total,
    IReadOnlyList<OrderLineResponse> Lines,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>One line of an order, with the product's SKU, name and unit price as they were when the order was placed.</summary>
public sealed record OrderLineResponse(Guid ProductId, string Sku, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);

/// <summary>The query parameters that choose whose orders a list holds, and in which status.</summary>
public sealed record OrderListParameters
{
    [Description("Whose orders: the caller's own when not given. Only admins may name another customer.")]
    [FromQuery(Name = "customerId")]
    public string? CustomerId { get; init; }

    [Description("Only orders in this status.")]
    [FromQuery(Name = "status")]
    public OrderStatus? Status { get; init; }
}
