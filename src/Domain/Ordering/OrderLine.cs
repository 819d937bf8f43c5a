namespace Enterprise.Domain.Ordering;

/// <summary>
/// One product of an order, with the SKU, name and unit price Catalog had when the order was placed: later changes to
/// the product do not change what was ordered.
/// </summary>
public sealed record OrderLine(Guid ProductId, string Sku, string Name, decimal UnitPrice, int Quantity)
{
    public decimal LineTotal => UnitPrice * Quantity;
}

/// <summary>A line as the order is placed: the product as Catalog sells it now, in its currency, and the quantity asked for.</summary>
public sealed record OrderLineSnapshot(Guid ProductId, string Sku, string Name, decimal UnitPrice, string Currency, int Quantity);
