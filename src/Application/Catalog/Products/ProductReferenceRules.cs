using Enterprise.Application.Catalog.Categories;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;

namespace Enterprise.Application.Catalog.Products;

/// <summary>The product rules that need other data: its category must exist and its SKU must be free.</summary>
internal static class ProductReferenceRules
{
    public static async Task<Error?> CheckAsync(
        Product product,
        IProductRepository products,
        ICategoryRepository categories,
        CancellationToken cancellationToken)
    {
        if (!await categories.ExistsAsync(product.CategoryId, cancellationToken))
        {
            return ProductErrors.UnknownCategory(product.CategoryId);
        }

        if (await products.SkuExistsAsync(product.Sku, exceptProductId: product.Id, cancellationToken))
        {
            return ProductErrors.DuplicateSku(product.Sku);
        }

        return null;
    }
}
