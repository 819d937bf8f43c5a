using System.Globalization;
using Enterprise.Domain.Catalog;

namespace Enterprise.Application.Catalog.Products;

/// <summary>The cache keys of product results: one method per key, for the query that caches and the commands that invalidate.</summary>
internal static class ProductCacheKeys
{
    /// <summary>
    /// An active product by id (<see cref="GetProductQuery"/>). The number names the shape of the cached
    /// <see cref="ProductDto"/>: raise it when the DTO changes, so that builds of different shapes never read each other's entries.
    /// </summary>
    public static string ById(Guid productId) => string.Create(CultureInfo.InvariantCulture, $"enterprise:product:1:{productId:N}");

    /// <summary>The <see cref="ById"/> keys of the products: what a write to them makes stale.</summary>
    public static string[] StaleCacheKeys(this IEnumerable<Product> products) => [.. products.Select(product => ById(product.Id))];
}
