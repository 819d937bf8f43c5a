using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;

namespace Enterprise.Application.Catalog.Products;

/// <summary>How every command that changes an existing product loads it.</summary>
internal static class ProductRepositoryExtensions
{
    /// <summary>
    /// The active product, tracked for the write, when it meets the write's condition (<see cref="VersionPrecondition"/>);
    /// otherwise not found (also when archived), then precondition failed, in that order.
    /// </summary>
    public static async Task<Result<Product>> FindActiveForWriteAsync(
        this IProductRepository products,
        Guid productId,
        IReadOnlyCollection<long>? expectedVersions,
        CancellationToken cancellationToken)
    {
        var product = await products.FindActiveAsync(productId, cancellationToken);
        if (product is null)
        {
            return ProductErrors.NotFound(productId);
        }

        return VersionPrecondition.Check(product, expectedVersions) is { } stale ? stale : product;
    }
}
