namespace Enterprise.Domain.Catalog;

/// <summary>The caller-supplied state of a product, as given when it is created or replaced.</summary>
public sealed record ProductDetails
{
    public required string Sku { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required decimal Price { get; init; }

    public required string Currency { get; init; }

    public required int StockQuantity { get; init; }

    public required Guid CategoryId { get; init; }
}
