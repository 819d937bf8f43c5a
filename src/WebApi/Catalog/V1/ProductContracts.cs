using System.ComponentModel;
using Enterprise.Domain.Catalog;

namespace Enterprise.WebApi.Catalog.V1;

/// <summary>A product in API version 1.</summary>
public sealed record ProductResponse(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    decimal Price,
    string Currency,
    int StockQuantity,
    Guid CategoryId,
    ProductStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>The body that creates a product (POST) or replaces one (PUT) in API version 1.</summary>
public sealed record ProductWriteRequest
{
    /// <summary>Letters and digits in groups joined by hyphens; stored upper-case. Unique.</summary>
    [Description("Letters and digits in groups joined by hyphens, such as BK-1042; stored upper-case. Unique.")]
    public required string Sku { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    [Description("Zero or more, at most four decimal places.")]
    public required decimal Price { get; init; }

    [Description("ISO 4217 code, such as EUR.")]
    public required string Currency { get; init; }

    public required int StockQuantity { get; init; }

    public required Guid CategoryId { get; init; }
}
