using System.ComponentModel;
using Enterprise.Domain.Catalog;

namespace Enterprise.WebApi.Catalog.V2;

/// <summary>An amount of money in a currency.</summary>
public sealed record Price
{
    [Description("Zero or more, at most four decimal places.")]
    public required decimal Amount { get; init; }

    [Description("ISO 4217 code, such as EUR.")]
    public required string Currency { get; init; }
}

/// <summary>A product in API version 2: the price is one object.</summary>
public sealed record ProductResponse(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    Price Price,
    int StockQuantity,
    Guid CategoryId,
    ProductStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>
/// The body that creates a product (POST) or replaces one (PUT) in API version 2, and the document a merge patch
/// (PATCH) applies to.
/// </summary>
public sealed record ProductWriteRequest
{
    [Description("Letters and digits in groups joined by hyphens, such as BK-1042; stored upper-case. Unique.")]
    public required string Sku { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required Price Price { get; init; }

    public required int StockQuantity { get; init; }

    public required Guid CategoryId { get; init; }
}
