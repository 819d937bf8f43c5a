using Enterprise.Application.Ordering.Contracts;

namespace Enterprise.Application.Catalog.Products;

/// <summary>How much of each product an order's lines take or give back.</summary>
internal static class OrderedQuantities
{
    /// <summary>
    /// The quantity per product. An order has one line per product;
    /// should a product appear twice, its lines count together, so that the check before reserving sees the whole quantity.
    /// </summary>
    public static Dictionary<Guid, int> Of(IReadOnlyList<OrderedProduct> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var quantities = new Dictionary<Guid, int>(lines.Count);
        foreach (var line in lines)
        {
            quantities[line.ProductId] = checked(quantities.GetValueOrDefault(line.ProductId) + line.Quantity);
        }

        return quantities;
    }
}
