using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Catalog;

namespace Enterprise.Application.Catalog.Products;

/// <summary>A product as use cases return it; API versions shape their own responses from it.</summary>
public sealed record ProductDto(
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
    DateTime UpdatedAt,
    long Version) : IHasResourceId, IHasVersion
{
    Guid IHasResourceId.ResourceId => Id;
}
