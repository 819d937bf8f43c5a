namespace Enterprise.Application.Catalog.Products;

/// <summary>The fields a product list may be sorted by (<see cref="ProductSort"/> names them as callers send them).</summary>
public enum ProductSortField
{
    Name,
    Sku,
    Price,
    StockQuantity,
    CreatedAt,
    UpdatedAt,
}
